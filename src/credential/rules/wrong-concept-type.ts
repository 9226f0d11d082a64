import { forEachNeighbour } from "../../taxonomy/adjacency.js";
import type { CredentialRule } from "../context.js";
import { type Candidate, issue } from "../issues.js";

const NAMES = {
  skill: "a skill",
  skillGroup: "a skill group",
  occupation: "an occupation",
  iscoGroup: "an ISCO group",
  conceptScheme: "a concept scheme",
} as const;

/** `wrong_concept_type`: an occupation or skill group where a skill is required, or a skill where an occupation is. */
export const wrongConceptType: CredentialRule = {
  name: "wrong-concept-type",
  run({ definition, store, lang, report }) {
    if (!definition) return;
    for (const ref of definition.refs) {
      if (ref.index < 0 || !ref.kind || ref.kind === ref.expected) continue;
      const label = store.label(ref.index, lang);
      // Offer the concepts of the right kind directly under a group.
      const candidates: Candidate[] = [];
      forEachNeighbour(store.narrower, ref.index, (child) => {
        if (candidates.length < 5 && store.kind(child) === ref.expected)
          candidates.push({ uri: store.uris[child]!, label: store.label(child, lang) });
      });
      const where =
        ref.expected === "skill"
          ? "a learning outcome's esco list needs skills or knowledge concepts"
          : "targetOccupations needs occupations";
      const suggestion =
        ref.kind === "occupation"
          ? "list occupations under targetOccupations"
          : ref.expected === "occupation" && ref.kind === "skill"
            ? "map skills in a learning outcome's esco list"
            : candidates.length > 0
              ? `pick a narrower ${ref.expected}, e.g. ${candidates
                  .slice(0, 3)
                  .map((c) => c.label)
                  .join("; ")}`
              : undefined;
      report(
        issue("wrong_concept_type", "error", ref.path, `${ref.uri} ("${label}") is ${NAMES[ref.kind]}; ${where}`, {
          suggestion,
          candidates,
          element: ref.outcome ? "learning-outcomes" : undefined,
        }),
      );
    }
  },
};
