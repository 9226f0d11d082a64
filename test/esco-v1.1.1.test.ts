import { beforeAll, expect, it } from "vitest";
import {
  getConcept,
  greenShare,
  importEsco,
  isGreen,
  loadTaxonomyFile,
  occupationsForSkill,
  pathToRoot,
  similarOccupations,
  skillsOfOccupation,
  stats,
  type ImportReport,
  type Taxonomy,
} from "green-skills/node";
import { SHARED_ESCO, SHARED_ZIPS, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

const HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f";

describeWithEsco("the official ESCO v1.1.1 download", () => {
  let report: ImportReport;
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    ({ report } = await importEsco(SHARED_ZIPS));
    taxonomy = await fullTaxonomy();
  });

  it("imports the two zips with exactly the official counts", () => {
    expect(report.escoVersion).toBe("v1.1.1");
    expect(report.languages).toEqual(["en"]);
    expect(report.concepts).toMatchObject({ skill: 13896, occupation: 3007, skillGroup: 640, iscoGroup: 619 });
    expect(report.relations.occupationSkill).toMatchObject({ rows: 123855, unresolved: 67, imported: 123855 - 67 });
    expect(report.relations.skillSkill).toMatchObject({ rows: 5899, imported: 5899 });
    expect(report.relations.broaderSkill.rows).toBe(20656);
    expect(report.relations.broaderOcc.rows).toBe(3617);
    expect(report.collections["green"]).toBe(570);
    expect(report.collections).toMatchObject({
      digital: 1201,
      transversal: 96,
      language: 346,
      research: 40,
      researchOccupations: 122,
      digComp: 26,
    });
  });

  it("reports the 67 dangling occupation references with counts, examples and lines", () => {
    const dangling = report.dangling.find((d) => d.relation === "occupationSkill");
    expect(dangling).toMatchObject({ column: "occupationUri", rows: 67, distinctUris: 1 });
    expect(dangling?.examples[0]?.line).toBeGreaterThan(1);
    const warnings = report.warnings.filter(
      (w) => w.code === "dangling_reference" && w.file.endsWith("occupationSkillRelations.csv"),
    );
    expect(warnings).toHaveLength(67);
    expect(warnings.every((w) => typeof w.line === "number")).toBe(true);
  });

  it("accounts for every data row of every file", () => {
    for (const file of report.files) {
      expect(file.skipped, file.file).toBeUndefined();
      expect(file.imported + file.unresolved, file.file).toBe(file.rows);
    }
    expect(report.files).toHaveLength(17);
    expect(report.normalised["raggedRowsPadded"]).toBeGreaterThan(0);
  });

  it("imports the extracted CSV folder to the same taxonomy", async () => {
    const { bundle } = await importEsco([SHARED_ESCO], { escoVersion: "v1.1.1" });
    expect(stats(await loadTaxonomyFile(bundle))).toEqual(stats(taxonomy));
  });

  it("answers real queries", () => {
    expect(getConcept(taxonomy, HEAT_PUMP)).toMatchObject({
      prefLabel: "install heat pump",
      kind: "skill",
      green: true,
    });
    expect(isGreen(taxonomy, HEAT_PUMP)).toBe(true);
    expect(pathToRoot(taxonomy, HEAT_PUMP).at(-1)?.label).toBe("skills");
    const occupations = occupationsForSkill(taxonomy, HEAT_PUMP);
    expect(occupations.map((o) => o.occupation.label)).toContain("heating technician");
    const technician = occupations.find((o) => o.relation === "essential")!.occupation.uri;
    expect(skillsOfOccupation(taxonomy, technician).some((s) => s.skill.uri === HEAT_PUMP)).toBe(true);
    const share = greenShare(taxonomy, technician);
    expect(share.share).toBeGreaterThan(0);
    expect(share.totalSkills).toBe(new Set(skillsOfOccupation(taxonomy, technician).map((s) => s.skill.uri)).size);
    const similar = similarOccupations(taxonomy, technician, { k: 5 });
    expect(similar).toHaveLength(5);
    expect(similar[0]!.sharedSkills).toBeGreaterThan(5);
  });
});
