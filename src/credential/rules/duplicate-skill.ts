import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/**
 * `duplicate_skill`: the same skill twice in one outcome (warning), or in several outcomes (info, as
 * two outcomes may well develop one skill).
 */
export const duplicateSkill: CredentialRule = {
  name: "duplicate-skill",
  run({ definition, report }) {
    if (!definition) return;
    const firstOutcome = new Map<string, string>();
    for (const { index, outcome } of definition.parsed.outcomes) {
      const seen = new Set<string>();
      outcome.esco.forEach((uri, i) => {
        const path = definition.path("learningOutcomes", index, "esco", i);
        if (seen.has(uri)) {
          report(
            issue("duplicate_skill", "warning", path, `${uri} is listed twice in outcome "${outcome.id}"`, {
              suggestion: "remove the repeated entry",
              element: "learning-outcomes",
            }),
          );
          return;
        }
        seen.add(uri);
        const other = firstOutcome.get(uri);
        if (other === undefined) firstOutcome.set(uri, outcome.id);
        else
          report(
            issue("duplicate_skill", "info", path, `${uri} is also mapped by outcome "${other}"`, {
              element: "learning-outcomes",
            }),
          );
      });
    }
  },
};
