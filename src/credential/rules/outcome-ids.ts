import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `duplicate_id`: learning outcome ids must be unique, as exports and coverage reports refer to them. */
export const outcomeIds: CredentialRule = {
  name: "outcome-ids",
  run({ definition, report }) {
    if (!definition) return;
    const seen = new Map<string, number>();
    for (const { index, outcome } of definition.parsed.outcomes) {
      const first = seen.get(outcome.id);
      if (first === undefined) seen.set(outcome.id, index);
      else
        report(
          issue(
            "duplicate_id",
            "error",
            definition.path("learningOutcomes", index, "id"),
            `outcome id "${outcome.id}" is already used by learningOutcomes[${first}]`,
            { suggestion: "give each outcome its own id", element: "learning-outcomes" },
          ),
        );
    }
  },
};
