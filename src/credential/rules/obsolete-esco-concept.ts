import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `obsolete_esco_concept`: a cited concept whose ESCO status is not `released`. */
export const obsoleteEscoConcept: CredentialRule = {
  name: "obsolete-esco-concept",
  run({ definition, taxonomy, store, lang, report, suggest }) {
    if (!definition) return;
    for (const ref of definition.refs) {
      if (ref.index < 0 || !ref.status || ref.status === "released") continue;
      const label = store.label(ref.index, lang);
      const candidates = ref.expected === "skill" ? suggest(label).filter((c) => c.uri !== ref.uri) : [];
      report(
        issue(
          "obsolete_esco_concept",
          "warning",
          ref.path,
          `"${label}" (${ref.uri}) has status "${ref.status}" in ESCO ${taxonomy.escoVersion ?? ""}`.trimEnd(),
          {
            suggestion:
              candidates.length > 0
                ? `map to a released concept instead, e.g. ${candidates.map((c) => c.label).join("; ")}`
                : "map to a released concept instead",
            candidates,
            element: ref.outcome ? "learning-outcomes" : undefined,
          },
        ),
      );
    }
  },
};
