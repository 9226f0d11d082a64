import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type MicroCredential,
  type Taxonomy,
  checkForeignCredential,
  foreignToDefinition,
  parseCredential,
  readForeignCredential,
  toElm,
  toEuropeanDigitalCredential,
  toOpenBadgeAchievement,
  toOpenBadgeCredential,
  validateCredential,
} from "green-skills";
import { readCredentialFile } from "green-skills/node";
import { loadDefaultTaxonomy } from "green-skills/data";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const definitionFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml") && !f.startsWith("issued-"));

async function definitionOf(file: string): Promise<MicroCredential> {
  const parsed = parseCredential((await readCredentialFile(join(EXAMPLES, file))).value);
  expect(parsed.issues).toEqual([]);
  return parsed.data!;
}

const mappings = (d: { learningOutcomes?: unknown; targetOccupations?: unknown }) => ({
  outcomes: ((d.learningOutcomes ?? []) as { esco: string[] }[]).map((o) => o.esco),
  occupations: (d.targetOccupations as string[] | undefined) ?? [],
});

/** Our export → read → convert: the same ESCO mappings, and a definition that validates as the original does. */
describe("foreign credentials: our own exports round-trip", () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = await loadDefaultTaxonomy();
  });

  for (const file of definitionFiles) {
    it(`${file}: OB Achievement, OB credential, ELM and EDC give back the mappings and the Annex I elements`, async () => {
      const definition = await definitionOf(file);
      const issued = {
        id: "urn:uuid:6f1c1f7e-8b6a-4a63-9c1e-2f1b1d0c0a01",
        definition,
        learner: { fullName: "Test Learner" },
        issued: "2026-07-01",
        grade: definition.gradeScheme?.pass ?? "passed",
      };
      const edcIssuer = {
        issuer: {
          id: definition.awardingBodies[0]!.id ?? "https://issuer.example.org",
          legalIdentifier: definition.awardingBodies[0]!.legalIdentifier ?? "TEST.EIDAS-0001",
        },
      };
      const documents = {
        "openbadges-achievement": toOpenBadgeAchievement(taxonomy, definition).document,
        "openbadges-credential": toOpenBadgeCredential(taxonomy, issued, {
          issuer: { id: definition.awardingBodies[0]!.id ?? "https://issuer.example.org" },
        }).document,
        "elm-specification": toElm(taxonomy, definition).document,
        "elm-edc": toEuropeanDigitalCredential(taxonomy, issued, edcIssuer).document,
      };
      for (const [name, document] of Object.entries(documents)) {
        const read = readForeignCredential(JSON.stringify(document));
        expect(
          read.issues.filter((i) => i.severity === "error"),
          name,
        ).toEqual([]);
        expect(read.format, name).toBe(name.startsWith("elm") ? "elm-edc" : "openbadges-3.0");
        const { definition: converted } = foreignToDefinition(read, { escoVersion: definition.escoVersion });
        expect(mappings(converted), name).toEqual(mappings(definition));
        expect(converted["title"], name).toEqual(
          name.startsWith("elm")
            ? definition.title
            : { [Object.keys(definition.title)[0]!]: Object.values(definition.title)[0] },
        );
        expect((converted["workload"] as object) ?? {}, name).toEqual(definition.workload);
        expect(converted["level"], name).toMatchObject({ eqf: definition.level.eqf });
        // Everything Annex I asks of a definition is carried: the converted definition validates like the original.
        const original = validateCredential(taxonomy, definition, { suggest: false });
        const again = validateCredential(taxonomy, converted, { suggest: false });
        expect(
          again.issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.path.join(".")}`),
          name,
        ).toEqual(original.issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.path.join(".")}`));
        expect(
          again.elements.map((e) => `${e.element}:${e.status}`),
          name,
        ).toEqual(original.elements.map((e) => `${e.element}:${e.status}`));
        // Checking the export finds every reference, and no Annex I element missing.
        const check = checkForeignCredential(taxonomy, read, { suggest: false });
        expect(
          check.issues.filter((i) => i.code === "missing_element"),
          name,
        ).toEqual([]);
        const cited = new Set([
          ...definition.learningOutcomes.flatMap((o) => o.esco),
          ...(definition.targetOccupations ?? []),
        ]);
        expect(new Set(check.escoReferences.map((r) => r.uri)), name).toEqual(cited);
      }
    });
  }
});
