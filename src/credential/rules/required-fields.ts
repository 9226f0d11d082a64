import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { IssuedMicroCredentialSchema, MicroCredentialSchema } from "../schema.js";

/**
 * `invalid_value` for a required field of the format that is not an Annex I element (`id`,
 * `escoVersion`). The list comes from the schema itself, so validation and the exports (which parse with
 * the whole schema) cannot disagree about what is required. Fields that other rules report in their own
 * words (Annex I elements, the level) are left to them.
 */
const OWN_WORDS = new Set([
  "title",
  "issuer",
  "awardingBodies",
  "learningOutcomes",
  "workload",
  "assessment",
  "participation",
  "qualityAssurance",
  "level",
  "definition",
  "learner",
  "issued",
]);

const required = (shape: Record<string, { safeParse(value: unknown): { success: boolean } }>) =>
  Object.keys(shape).filter((key) => !OWN_WORDS.has(key) && !shape[key]!.safeParse(undefined).success);

const DEFINITION_REQUIRED = required(MicroCredentialSchema.shape);
const ISSUED_REQUIRED = required(IssuedMicroCredentialSchema.shape);

const HINTS: Record<string, string> = {
  id: "add id: a URI identifying this definition, e.g. https://your-organisation.example/credentials/heat-pumps or urn:uuid:…",
  escoVersion: "add escoVersion: the ESCO version the skills were mapped against, e.g. v1.1.1",
};

export const requiredFields: CredentialRule = {
  name: "required-fields",
  run({ doc, definition, report }) {
    if (definition) {
      for (const key of DEFINITION_REQUIRED) {
        if (!definition.parsed.present.has(key))
          report(
            issue("invalid_value", "error", definition.path(key), `required field "${key}" is missing`, {
              suggestion: HINTS[key],
            }),
          );
      }
    }
    if (doc.issued)
      for (const key of ISSUED_REQUIRED)
        if (!doc.issued.present.has(key))
          report(
            issue("invalid_value", "error", [key], `required field "${key}" is missing`, { suggestion: HINTS[key] }),
          );
  },
};
