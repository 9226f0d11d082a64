import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { textIn } from "../resolve-definition.js";

/** `unmapped_outcome`: a learning outcome with no ESCO skill, with the closest skills to its statement. */
export const unmappedOutcome: CredentialRule = {
  name: "unmapped-outcome",
  run({ definition, lang, report, suggest }) {
    if (!definition) return;
    for (const { index, outcome } of definition.parsed.outcomes) {
      if (outcome.esco.length > 0) continue;
      const candidates = suggest(textIn(outcome.statement, lang));
      report(
        issue(
          "unmapped_outcome",
          "warning",
          definition.path("learningOutcomes", index, "esco"),
          `outcome "${outcome.id}" maps to no ESCO skill`,
          {
            suggestion:
              candidates.length > 0
                ? `closest ESCO skills: ${candidates.map((c) => `${c.label} (${c.uri})`).join("; ")}`
                : "add the ESCO skills this outcome develops",
            candidates,
            element: "learning-outcomes",
          },
        ),
      );
    }
  },
};
