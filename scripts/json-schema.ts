import { z } from "zod";
import { IssuedMicroCredentialSchema, MicroCredentialSchema } from "../src/credential/schema.js";
import { VERSION } from "../src/version.js";

/**
 * Builds the JSON Schemas of the credential formats from their zod schemas. `scripts/generate-json-schema.ts`
 * writes them to `schema/`; a test checks that the committed files match.
 */

const major = VERSION.split(".")[0];

/** File name → JSON Schema document. */
export function buildJsonSchemas(): Record<string, Record<string, unknown>> {
  const build = (schema: z.ZodType, name: string) => {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
    const { $schema, ...rest } = json;
    return { $schema, $id: `https://unpkg.com/green-skills@${major}/schema/${name}`, ...rest };
  };
  return {
    "micro-credential.schema.json": build(MicroCredentialSchema, "micro-credential.schema.json"),
    "issued-micro-credential.schema.json": build(IssuedMicroCredentialSchema, "issued-micro-credential.schema.json"),
  };
}

/**
 * The text of a schema file as committed: compact JSON and a trailing newline (editors and validators read
 * it; compact, the two schemas take 3 KB less of the packed tarball's 500 KB budget).
 */
export const schemaText = (schema: unknown): string => `${JSON.stringify(schema)}\n`;
