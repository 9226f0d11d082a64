import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `invalid_value`: a grade scheme that contradicts itself, or an issued grade outside the scheme. */
export const grade: CredentialRule = {
  name: "grade",
  run({ doc, definition, report }) {
    const scheme = definition?.parsed.fields.gradeScheme;
    if (definition && scheme) {
      if (scheme.min !== undefined && scheme.max !== undefined && scheme.min > scheme.max) {
        report(
          issue(
            "invalid_value",
            "error",
            definition.path("gradeScheme", "min"),
            `min ${scheme.min} is above max ${scheme.max}`,
            { element: "grade" },
          ),
        );
      }
      if (scheme.pass !== undefined && scheme.values && !scheme.values.includes(String(scheme.pass))) {
        report(
          issue(
            "invalid_value",
            "error",
            definition.path("gradeScheme", "pass"),
            `pass grade "${scheme.pass}" is not one of the values (${scheme.values.join(", ")})`,
            { element: "grade" },
          ),
        );
      }
    }
    const given = doc.issued?.fields.grade;
    if (given === undefined || !scheme) return;
    if (scheme.values && !scheme.values.includes(String(given))) {
      report(
        issue(
          "invalid_value",
          "error",
          ["grade"],
          `grade "${given}" is not in the definition's grade scheme (${scheme.values.join(", ")})`,
          { element: "grade" },
        ),
      );
      return;
    }
    const numeric = typeof given === "number" ? given : Number(given);
    if (!scheme.values && (scheme.min !== undefined || scheme.max !== undefined)) {
      if (Number.isNaN(numeric))
        report(
          issue(
            "invalid_value",
            "error",
            ["grade"],
            `grade "${given}" is not a number, but the grade scheme is numeric`,
            { element: "grade" },
          ),
        );
      else if (
        (scheme.min !== undefined && numeric < scheme.min) ||
        (scheme.max !== undefined && numeric > scheme.max)
      ) {
        report(
          issue(
            "invalid_value",
            "error",
            ["grade"],
            `grade ${numeric} is outside the grade scheme's range ${scheme.min ?? "…"}–${scheme.max ?? "…"}`,
            { element: "grade" },
          ),
        );
      }
    }
  },
};
