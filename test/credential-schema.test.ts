import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseCredential } from "green-skills";
import { DEFAULT_SECTOR_IDS, IssuedMicroCredentialSchema, MicroCredentialSchema } from "green-skills/schemas";
import { buildJsonSchemas, schemaText } from "../scripts/json-schema.js";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";
import { validDefinition } from "./helpers/credential-fixture.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => ({ file: f, doc: parse(readFileSync(join(EXAMPLES, f), "utf8")) as Record<string, unknown> }));
const definitions = examples.filter((e) => !("learner" in e.doc));
const issued = examples.filter((e) => "learner" in e.doc);
const committed = (name: string) =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, "schema", name), "utf8")) as Record<string, unknown>;

function ajv() {
  const instance = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(instance);
  return instance;
}

describe("JSON Schema", () => {
  it("the committed files match the zod schemas (run npm run schema:build after changing them)", () => {
    for (const [name, schema] of Object.entries(buildJsonSchemas())) {
      expect(readFileSync(join(PROJECT_ROOT, "schema", name), "utf8"), `schema/${name} is stale`).toBe(
        schemaText(schema),
      );
    }
  });

  it("is exported by the package and shipped", () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
      files: string[];
    };
    expect(pkg.exports["./micro-credential.schema.json"]).toBe("./schema/micro-credential.schema.json");
    expect(pkg.exports["./issued-micro-credential.schema.json"]).toBe("./schema/issued-micro-credential.schema.json");
    expect(pkg.files).toContain("schema");
  });

  it("accepts every example, as zod does", () => {
    const validateDefinition = ajv().compile(committed("micro-credential.schema.json"));
    for (const { file, doc } of definitions) {
      expect(validateDefinition(doc), `${file}: ${JSON.stringify(validateDefinition.errors)}`).toBe(true);
      expect(MicroCredentialSchema.safeParse(doc).success, file).toBe(true);
    }
    const validateIssued = ajv().compile(committed("issued-micro-credential.schema.json"));
    for (const { file, doc } of issued) {
      expect(validateIssued(doc), `${file}: ${JSON.stringify(validateIssued.errors)}`).toBe(true);
      expect(IssuedMicroCredentialSchema.safeParse(doc).success, file).toBe(true);
    }
  });

  it("rejects what zod rejects", () => {
    const validate = ajv().compile(committed("micro-credential.schema.json"));
    const cases: [string, (d: Record<string, any>) => void][] = [
      ["missing title", (d) => delete d.title],
      ["unknown field", (d) => (d.awardingBody = [])],
      ["EQF level 9", (d) => (d.level = { eqf: 9 })],
      ["bad slug", (d) => (d.participation.mode = "presential")],
      ["lower-case country", (d) => (d.issuer.country = "de")],
      ["empty title", (d) => (d.title = {})],
      ["non-ESCO skill", (d) => (d.learningOutcomes[0].esco = ["https://example.org/skill"])],
      ["GreenComp 5.1", (d) => (d.learningOutcomes[0].greenComp = ["5.1"])],
      ["no outcomes", (d) => (d.learningOutcomes = [])],
    ];
    for (const [name, edit] of cases) {
      const doc = validDefinition();
      edit(doc);
      expect(validate(doc), name).toBe(false);
      expect(parseCredential(doc).success, name).toBe(false);
    }
  });
});

describe("taxonomy/examples", () => {
  it("holds at least six definitions, one per sector of the framework", () => {
    expect(definitions.length).toBeGreaterThanOrEqual(6);
    const sectors = definitions.flatMap((e) => (e.doc.sectors as string[]) ?? []);
    expect(new Set(sectors)).toEqual(new Set(DEFAULT_SECTOR_IDS));
  });

  it("point editors at the committed JSON Schema", () => {
    for (const { file, doc } of examples) {
      const target = "learner" in doc ? "issued-micro-credential.schema.json" : "micro-credential.schema.json";
      expect(doc.$schema, file).toBe(`../../schema/${target}`);
      expect(readFileSync(join(EXAMPLES, file), "utf8"), file).toContain(
        `# yaml-language-server: $schema=../../schema/${target}`,
      );
    }
  });
});
