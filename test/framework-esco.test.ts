import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { expect, it } from "vitest";
import {
  type EscoConceptsFile,
  type Taxonomy,
  frameworkReport,
  getConcept,
  listSectors,
  sectorProfile,
} from "green-skills/node";
import { EscoConceptsFileSchema, GREENCOMP_COMPETENCE_IDS } from "green-skills/schemas";
import { defaultFramework } from "green-skills/data";
import { PROJECT_ROOT, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

const SOURCE = join(PROJECT_ROOT, "taxonomy", "src");
const facts: EscoConceptsFile = EscoConceptsFileSchema.parse(
  parse(readFileSync(join(SOURCE, "esco-concepts.yaml"), "utf8")),
);
const REQUIRED_SECTORS = [
  "agrifood",
  "construction",
  "manufacturing",
  "public-sector",
  "sustainability-management",
  "wood-and-furniture",
];

/** Every ESCO URI cited by the sector files, GreenComp and the examples, read from the source text. */
function citedUris(): Set<string> {
  const uris = new Set<string>();
  const scan = (text: string) => {
    for (const m of text.matchAll(/http:\/\/data\.europa\.eu\/esco\/[a-z-]+\/[A-Za-z0-9._-]+/g)) uris.add(m[0]);
  };
  for (const name of readdirSync(join(SOURCE, "sectors"))) {
    const text = readFileSync(join(SOURCE, "sectors", name), "utf8");
    scan(text);
    for (const group of (parse(text) as { isco: { code: string }[] }).isco)
      uris.add(`http://data.europa.eu/esco/isco/C${group.code}`);
  }
  scan(readFileSync(join(SOURCE, "greencomp.yaml"), "utf8"));
  const examples = join(PROJECT_ROOT, "taxonomy", "examples");
  let names: string[] = [];
  try {
    names = readdirSync(examples);
  } catch {
    // No examples yet.
  }
  for (const name of names) scan(readFileSync(join(examples, name), "utf8"));
  return uris;
}

describeWithEsco("curated references against ESCO v1.1.1 (../shared/esco)", () => {
  let taxonomy: Taxonomy;
  const load = async () => (taxonomy ??= await fullTaxonomy());

  it("every fact in esco-concepts.yaml matches the ESCO data: kind, label, types, collections, ISCO group, status", async () => {
    const t = await load();
    expect(facts.escoVersion).toBe(t.escoVersion);
    const problems: string[] = [];
    for (const fact of facts.concepts) {
      const concept = getConcept(t, fact.uri, { lang: "en" });
      if (!concept) {
        problems.push(`${fact.uri} missing`);
        continue;
      }
      const actual: Record<string, unknown> = {
        kind: concept.kind,
        label: concept.prefLabel,
        status: concept.status ?? "released",
      };
      const expected: Record<string, unknown> = {
        kind: fact.kind,
        label: fact.label,
        status: fact.status ?? "released",
      };
      if (concept.kind === "skill" && fact.kind === "skill") {
        Object.assign(actual, {
          skillType: concept.skillType,
          reuseLevel: concept.reuseLevel,
          collections: [...concept.collections].sort(),
        });
        Object.assign(expected, {
          skillType: fact.skillType,
          reuseLevel: fact.reuseLevel,
          collections: [...fact.collections].sort(),
        });
      }
      if (concept.kind === "occupation" && fact.kind === "occupation") {
        Object.assign(actual, {
          iscoGroup: concept.iscoGroup,
          code: concept.code,
          collections: [...concept.collections].sort(),
        });
        Object.assign(expected, {
          iscoGroup: fact.iscoGroup,
          code: fact.code ?? null,
          collections: [...fact.collections].sort(),
        });
      }
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${fact.uri}: expected ${JSON.stringify(expected)}, ESCO has ${JSON.stringify(actual)}`);
    }
    expect(problems).toEqual([]);
  });

  it("the default framework attaches to v1.1.1 without a single mismatch", async () => {
    const report = frameworkReport(await load());
    expect(report.issues).toEqual([]);
    expect(report.citations).toBeGreaterThan(200);
  });

  it("completeness both ways: every cited URI has facts, every fact is cited, every sector and competence is used", () => {
    const cited = citedUris();
    const known = new Set(facts.concepts.map((c) => c.uri));
    expect([...cited].filter((u) => !known.has(u))).toEqual([]);
    expect([...known].filter((u) => !cited.has(u))).toEqual([]);
    const ids = defaultFramework.sectors.map((s) => s.id).sort();
    expect(ids).toEqual(REQUIRED_SECTORS);
    for (const sector of defaultFramework.sectors) {
      expect(sector.references.skills.length, sector.id).toBeGreaterThanOrEqual(10);
      expect(sector.references.occupations.length, sector.id).toBeGreaterThanOrEqual(6);
      expect(sector.nace.length + sector.isco.length, sector.id).toBeGreaterThan(0);
    }
    const competences = defaultFramework.greenComp.areas.flatMap((a) => a.competences);
    expect(competences.map((c) => c.id)).toEqual([...GREENCOMP_COMPETENCE_IDS]);
    for (const competence of competences) expect(competence.crosswalk.length, competence.id).toBeGreaterThanOrEqual(2);
  });

  it("every sector gets occupations from the ISCO fallback, and all its key occupations", async () => {
    const t = await load();
    for (const summary of listSectors(t)) {
      const profile = sectorProfile(t, summary.id);
      expect(profile.assignment).toBe("isco");
      expect(profile.occupations.filter((o) => o.basis.includes("isco")).length, summary.id).toBeGreaterThan(20);
      const members = new Set(profile.occupations.map((o) => o.occupation.uri));
      for (const key of profile.keyOccupations)
        expect(members.has(key.concept.uri), `${summary.id}: ${key.concept.label}`).toBe(true);
      expect(profile.ranking?.length, summary.id).toBeGreaterThan(20);
    }
  });

  it("construction: heat pump and insulation skills are among its ranked green skills (counts checked in the CSV files)", async () => {
    const profile = sectorProfile(await load(), "construction");
    // 23 ISCO unit groups hold 138 occupations (the 12 key occupations among them) linked to 195 green skills.
    expect(profile.occupations).toHaveLength(138);
    expect(profile.rankedCount).toBe(195);
    const row = (label: string) => profile.ranking?.find((r) => r.skill.label === label);
    // install heat pump: optional for heating technician and heating and ventilation service engineer.
    expect(row("install heat pump")).toMatchObject({ essential: 0, optional: 2, key: true });
    // types of heat pumps: essential for heating technician, optional for plumber.
    expect(row("types of heat pumps")).toMatchObject({ essential: 1, optional: 1 });
    expect(row("provide information on geothermal heat pumps")).toMatchObject({ essential: 0, optional: 4 });
    // apply insulation strips: essential for door installer, window installer, insulation worker.
    expect(row("apply insulation strips")).toMatchObject({ essential: 3, optional: 2 });
    expect(row("types of insulation material")).toMatchObject({ essential: 2, optional: 3 });
    // The sector-wide energy skill outranks them: 8 essential and 25 optional links.
    expect(row("energy performance of buildings")).toMatchObject({ essential: 8, optional: 25 });
    expect(row("energy performance of buildings")!.rank).toBeLessThan(row("apply insulation strips")!.rank);
    expect(row("apply insulation strips")!.rank).toBeLessThan(row("install heat pump")!.rank);
    expect(profile.averageGreenShare).toBeGreaterThan(0);
    expect(profile.averageGreenShare).toBeLessThan(1);
  });
});
