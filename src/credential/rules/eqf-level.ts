import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `eqf_level_missing`: Annex I asks for the level where applicable, so "not applicable" must be said. */
export const eqfLevel: CredentialRule = {
  name: "eqf-level",
  run({ definition, report }) {
    if (!definition || definition.parsed.present.has("level")) return;
    report(
      issue("eqf_level_missing", "error", definition.path("level"), "no EQF level is stated", {
        suggestion: 'add level: { eqf: 4 } (1–8), or level: { eqf: "not-applicable" } when no EQF level applies',
        element: "level",
      }),
    );
  },
};
