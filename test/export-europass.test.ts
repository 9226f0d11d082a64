import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, expect, it } from "vitest";
import { type MicroCredential, type Taxonomy, parseCredential, toEuropeanDigitalCredential } from "green-skills";
import { readCredentialFile, readIssuedCredentialFile } from "green-skills/node";
import { loadDefaultTaxonomy } from "green-skills/data";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";
import { STANDARDS, describeWithStandards, expandSafe, validateShacl } from "./helpers/standards.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const EBSI = join(STANDARDS, "elm/json-schema/ebsi");

/** The EBSI "vcdm2.0-europass-edc-schema" validator (with its base attestation schema), as the README of ../shared/standards says. */
function ebsiValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(
    JSON.parse(readFileSync(join(EBSI, "vcdm2.0-attestation-schema/schema.json"), "utf8")) as object,
    "node_modules/@cef-ebsi/vcdm2.0-attestation-schema/schema.json",
  );
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(EBSI, "vcdm2.0-europass-edc-schema/schema.json"), "utf8")) as object,
  );
  return (doc: unknown) => {
    validate(doc);
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  };
}

async function examples(): Promise<{ name: string; issued: Parameters<typeof toEuropeanDigitalCredential>[1] }[]> {
  const out = [];
  for (const file of readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const path = join(EXAMPLES, file);
    if (file.startsWith("issued-")) out.push({ name: file, issued: (await readIssuedCredentialFile(path)).data! });
    else {
      const definition = parseCredential((await readCredentialFile(path)).value).data as MicroCredential;
      out.push({
        name: file,
        issued: {
          id: `urn:uuid:8d2f3c1a-4b5e-4f60-9a7b-${String(out.length).padStart(12, "0")}`,
          definition,
          learner: { givenName: "Test", familyName: "Learner", email: "learner@example.org" },
          issued: "2026-07-01",
          grade: definition.gradeScheme?.pass ?? "passed",
        },
      });
    }
  }
  return out;
}

describeWithStandards(
  "the Europass (VCDM 2.0) EDC passes the EBSI JSON Schema, expands in safe mode and conforms to the EDC shapes",
  () => {
    let taxonomy: Taxonomy;
    let validate: (doc: unknown) => string[];
    beforeAll(async () => {
      taxonomy = await loadDefaultTaxonomy();
      validate = ebsiValidator();
    });

    it("the validator accepts the EBSI example and rejects the VCDM 1.1 form (it is not a rubber stamp)", async () => {
      expect(
        validate(
          JSON.parse(
            readFileSync(
              join(EBSI, "vcdm2.0-europass-edc-schema/examples/Microcredential-Data-and-software-business.json"),
              "utf8",
            ),
          ),
        ),
      ).toEqual([]);
      const [first] = await examples();
      const v11 = toEuropeanDigitalCredential(taxonomy, first!.issued, {
        issuer: { legalIdentifier: "TEST.EIDAS-0001" },
        vcdm: "1.1",
      }).document;
      expect(validate(v11).length).toBeGreaterThan(0);
    });

    it("every example, issued or given a test learner: 0 EBSI errors, safe expansion, SHACL conformance", async () => {
      const all = await examples();
      expect(all.length).toBeGreaterThan(5);
      for (const { name, issued } of all) {
        const legal =
          issued.definition &&
          typeof issued.definition === "object" &&
          issued.definition.awardingBodies[0]?.legalIdentifier;
        const { document } = toEuropeanDigitalCredential(
          taxonomy,
          issued,
          legal ? {} : { issuer: { legalIdentifier: "TEST.EIDAS-0001" } },
        );
        expect(validate(document), name).toEqual([]);
        await expect(expandSafe(document), name).resolves.toBeInstanceOf(Array);
        const shacl = await validateShacl(document);
        expect(shacl.violations, name).toEqual([]);
      }
    }, 120_000);
  },
);
