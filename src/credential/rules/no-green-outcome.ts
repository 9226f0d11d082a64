import type { CredentialRule } from "../context.js";
import { type Candidate, issue } from "../issues.js";
import { textIn } from "../resolve-definition.js";

/** `no_green_outcome`: no outcome maps to a skill of ESCO's green skills collection (of the loaded version). */
export const noGreenOutcome: CredentialRule = {
  name: "no-green-outcome",
  run({ definition, taxonomy, store, lang, report, suggest }) {
    if (!definition || definition.parsed.outcomes.length === 0) return;
    const skills = definition.refs.filter((ref) => ref.expected === "skill");
    if (skills.some((ref) => ref.green)) return;
    const unchecked = skills.filter((ref) => ref.index < 0).length;
    const path = definition.path("learningOutcomes");
    if (unchecked > 0 && taxonomy.coverage === "curated") {
      report(
        issue(
          "no_green_outcome",
          "info",
          path,
          `none of the checked skills is in ESCO's green skills collection; ${unchecked} could not be checked on the embedded default`,
          { suggestion: "validate against a full ESCO import (--esco) to check green membership" },
        ),
      );
      return;
    }
    const green = store.collection("green");
    const candidates: Candidate[] = [];
    for (const { outcome } of definition.parsed.outcomes) {
      for (const c of suggest(textIn(outcome.statement, lang))) {
        const index = store.indexOf(c.uri);
        if (index >= 0 && green?.[index] && !candidates.some((d) => d.uri === c.uri)) candidates.push(c);
      }
      if (candidates.length >= 3) break;
    }
    report(
      issue(
        "no_green_outcome",
        "warning",
        path,
        `no learning outcome maps to a skill in ESCO's green skills collection${taxonomy.escoVersion ? ` (${taxonomy.escoVersion})` : ""}`,
        {
          suggestion:
            candidates.length > 0
              ? `green skills close to the outcomes: ${candidates
                  .slice(0, 3)
                  .map((c) => c.label)
                  .join("; ")}`
              : "map at least one outcome to a green skill, if the credential develops one",
          candidates: candidates.slice(0, 3),
          element: "learning-outcomes",
        },
      ),
    );
  },
};
