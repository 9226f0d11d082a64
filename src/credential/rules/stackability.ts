import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `invalid_value` (warning): "stackable" should name what it stacks towards; "stand-alone" should not. */
export const stackability: CredentialRule = {
  name: "stackability",
  run({ definition, report }) {
    const s = definition?.parsed.fields.stackability;
    if (!definition || !s) return;
    if (s.type === "stackable" && (!s.towards || s.towards.length === 0)) {
      report(
        issue(
          "invalid_value",
          "warning",
          definition.path("stackability", "towards"),
          "a stackable credential should name the credential(s) it stacks towards",
          { suggestion: 'add towards: [{ title: { en: "…" }, id: … }]', element: "stackability" },
        ),
      );
    }
    if (s.type === "stand-alone" && s.towards && s.towards.length > 0) {
      report(
        issue(
          "invalid_value",
          "warning",
          definition.path("stackability", "towards"),
          "a stand-alone credential stacks towards nothing",
          { suggestion: "set type: stackable, or remove towards", element: "stackability" },
        ),
      );
    }
  },
};
