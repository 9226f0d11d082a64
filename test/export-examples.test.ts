import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type IssuedMicroCredential,
  type MicroCredential,
  type Taxonomy,
  parseCredential,
  prefLabel,
  toElm,
  toEuropeanDigitalCredential,
  toOpenBadgeAchievement,
  toOpenBadgeCredential,
} from "green-skills";
import { readCredentialFile, readIssuedCredentialFile } from "green-skills/node";
import { loadDefaultTaxonomy } from "green-skills/data";
import { PROJECT_ROOT, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";
import { describeWithStandards, expandSafe, openBadgeValidators, toQuads, validateShacl } from "./helpers/standards.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));
const definitionFiles = files.filter((f) => !f.startsWith("issued-"));
const issuedFiles = files.filter((f) => f.startsWith("issued-"));

/** Every example as an issued credential: the issued examples as they are, each definition with a test learner. */
async function issuedExamples(): Promise<
  { name: string; issued: IssuedMicroCredential & { definition: MicroCredential } }[]
> {
  const out = [];
  for (const file of issuedFiles) {
    const result = await readIssuedCredentialFile(join(EXAMPLES, file));
    expect(result.issues).toEqual([]);
    out.push({ name: file, issued: result.data! });
  }
  for (const file of definitionFiles) {
    const definition = await readDefinition(file);
    out.push({
      name: file,
      issued: {
        id: `urn:uuid:00000000-0000-4000-8000-${String(out.length).padStart(12, "0")}`,
        definition,
        learner: { fullName: "Test Learner", email: "learner@example.org" },
        issued: "2026-07-01",
        grade: definition.gradeScheme?.pass ?? "passed",
      },
    });
  }
  return out;
}

async function readDefinition(file: string): Promise<MicroCredential> {
  const parsed = parseCredential((await readCredentialFile(join(EXAMPLES, file))).value);
  expect(parsed.issues).toEqual([]);
  return parsed.data!;
}

/** The examples give no eIDAS identifier (except one): the EDC export takes it from the options. */
const edcOptions = (issued: { definition: MicroCredential }) =>
  issued.definition.awardingBodies[0]!.legalIdentifier ? {} : { issuer: { legalIdentifier: "TEST.EIDAS-0001" } };

/** Both definition exports of an example: no warning, every mapped skill once with the taxonomy's label. */
async function expectDefinitionExports(file: string, t: Taxonomy) {
  const definition = await readDefinition(file);
  const ob = toOpenBadgeAchievement(t, definition);
  const elm = toElm(t, definition);
  expect(ob.warnings).toEqual([]);
  expect(elm.warnings).toEqual([]);
  for (const uri of mappedUris(definition)) {
    const label = prefLabel(t, uri, "en");
    expect(
      ob.document.alignment.filter((a) => a.targetUrl === uri).map((a) => a.targetName),
      uri,
    ).toEqual([label]);
    const skills = elm.document.learningOutcome.flatMap((o) => o.relatedESCOSkill ?? []).filter((s) => s.id === uri);
    expect(skills.length, uri).toBeGreaterThan(0);
    for (const skill of skills) expect(skill.prefLabel).toEqual({ en: label });
  }
  return { definition, ob, elm };
}

const mappedUris = (definition: MicroCredential) => [...new Set(definition.learningOutcomes.flatMap((o) => o.esco))];

describeWithEsco("taxonomy/examples export to Open Badges 3.0 and ELM on ESCO v1.1.1", () => {
  let t: Taxonomy;
  beforeAll(async () => {
    t = await fullTaxonomy();
  });

  it.each(definitionFiles)(
    "%s: both definition exports carry every ESCO skill with its exact v1.1.1 label, and no warning",
    async (file) => {
      const { definition, elm } = await expectDefinitionExports(file, t);
      expect(elm.document.type).toBe(
        definition.level.eqf === "not-applicable" ? "LearningAchievementSpecification" : "Qualification",
      );
      if (definition.workload.hours !== undefined) expect(elm.document.volumeOfLearning).toMatch(/^PT\d+(H|H\d+M|M)$/);
    },
  );

  it("every example (definitions with a test learner, and the issued example) exports to both issued formats", async () => {
    const all = await issuedExamples();
    expect(all.length).toBe(files.length);
    for (const { issued } of all) {
      expect(toOpenBadgeCredential(t, issued).document.credentialSubject.achievement.id).toBe(issued.definition.id);
      expect(
        toEuropeanDigitalCredential(t, issued, edcOptions(issued)).document.credentialSubject.hasClaim.specifiedBy.id,
      ).toBe(issued.definition.id);
    }
  });

  describeWithStandards("against the official artefacts", () => {
    it("every OB export passes the official AchievementCredential schema (both variants) and expands with no undefined term", async () => {
      const { published, formal } = openBadgeValidators();
      for (const { name, issued } of await issuedExamples()) {
        const { document } = toOpenBadgeCredential(t, issued);
        expect(published(document).errors, name).toEqual([]);
        expect(formal(document).errors, name).toEqual([]);
        await expandSafe(document);
      }
    });

    it("every ELM export (specification and credential) passes the EDC SHACL shapes with controlled vocabularies", async () => {
      for (const file of definitionFiles) {
        const report = await validateShacl(toElm(t, await readDefinition(file)).document);
        expect(report.violations, file).toEqual([]);
        expect(report.conforms, file).toBe(true);
      }
      for (const { name, issued } of await issuedExamples()) {
        const report = await validateShacl(toEuropeanDigitalCredential(t, issued, edcOptions(issued)).document);
        expect(report.violations, name).toEqual([]);
        expect(report.conforms, name).toBe(true);
      }
    }, 120_000);

    it("round trip: every mapped ESCO URI of every example appears in both outputs, as RDF after JSON-LD expansion", async () => {
      const OB_TARGET_URL = "https://schema.org/targetUrl";
      const RELATED_ESCO = "http://data.europa.eu/snb/model/elm/relatedESCOSkill";
      let checked = 0;
      for (const { name, issued } of await issuedExamples()) {
        const ob = await toQuads(toOpenBadgeCredential(t, issued).document);
        const edc = await toQuads(toEuropeanDigitalCredential(t, issued, edcOptions(issued)).document);
        const obUrls = new Set([...ob].filter((q) => q.predicate.value === OB_TARGET_URL).map((q) => q.object.value));
        const elmSkills = new Set(
          [...edc].filter((q) => q.predicate.value === RELATED_ESCO).map((q) => q.object.value),
        );
        for (const uri of mappedUris(issued.definition)) {
          expect(obUrls.has(uri), `${name}: ${uri} in the OB credential`).toBe(true);
          expect(elmSkills.has(uri), `${name}: ${uri} in the EDC`).toBe(true);
          checked++;
        }
        // Nothing else is claimed as a related ESCO skill.
        expect([...elmSkills].sort()).toEqual(mappedUris(issued.definition).sort());
      }
      expect(checked).toBeGreaterThan(60);
    }, 120_000);
  });
});

describe("taxonomy/examples export on the embedded default (no ESCO download)", () => {
  const t = loadDefaultTaxonomy();

  it.each(definitionFiles)(
    "%s: both exports carry every mapped ESCO skill with its curated label, no warning",
    async (file) => {
      await expectDefinitionExports(file, t);
    },
  );

  describeWithStandards("against the official artefacts", () => {
    it("every issued export passes the OB schemas and the EDC shapes", async () => {
      const { published, formal } = openBadgeValidators();
      for (const { name, issued } of await issuedExamples()) {
        const ob = toOpenBadgeCredential(t, issued).document;
        expect(published(ob).errors, name).toEqual([]);
        expect(formal(ob).errors, name).toEqual([]);
        const report = await validateShacl(toEuropeanDigitalCredential(t, issued, edcOptions(issued)).document);
        expect(report.violations, name).toEqual([]);
      }
    }, 120_000);
  });
});
