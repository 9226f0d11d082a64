import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { QF_EHEA_CYCLES } from "../vocab/elm.js";

/** `level_inconsistent`: EQF level vs QF-EHEA cycle, and outcome levels above the credential's. */
export const levelConsistency: CredentialRule = {
  name: "level-consistency",
  run({ definition, report }) {
    const level = definition?.parsed.fields.level;
    if (!definition || !level) return;
    if (level.qfEhea) {
      const expected = QF_EHEA_CYCLES[level.qfEhea];
      if (level.eqf === "not-applicable") {
        report(
          issue(
            "level_inconsistent",
            "warning",
            definition.path("level", "qfEhea"),
            `a QF-EHEA ${level.qfEhea} cycle is stated but the EQF level is "not-applicable"`,
            { suggestion: `the ${level.qfEhea} cycle corresponds to EQF level ${expected}`, element: "level" },
          ),
        );
      } else if (level.eqf !== expected) {
        report(
          issue(
            "level_inconsistent",
            "warning",
            definition.path("level", "qfEhea"),
            `the QF-EHEA ${level.qfEhea} cycle corresponds to EQF level ${expected}, not ${level.eqf}`,
            { element: "level" },
          ),
        );
      }
    }
    if (typeof level.eqf !== "number") return;
    for (const { index, outcome } of definition.parsed.outcomes) {
      if (outcome.level !== undefined && outcome.level > level.eqf) {
        report(
          issue(
            "level_inconsistent",
            "warning",
            definition.path("learningOutcomes", index, "level"),
            `outcome "${outcome.id}" is at EQF level ${outcome.level}, above the credential's level ${level.eqf}`,
            { suggestion: "raise the credential's level or lower the outcome's", element: "level" },
          ),
        );
      }
    }
  },
};
