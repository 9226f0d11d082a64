import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultBundle } from "green-skills/data";
import {
  FrameworkNotAttachedError,
  InvalidFrameworkError,
  UnknownSectorError,
  attachFramework,
  frameworkReport,
  greenCompNodeKey,
  importEsco,
  listSectors,
  loadTaxonomyFile,
  sectorNodeKey,
  sectorOccupationUris,
  sectorProfile,
  sectorSkillUris,
  sectorsOfOccupation,
  toGraph,
  withSectors,
} from "green-skills/node";
import { SectorProfileSchema } from "green-skills/schemas";
import { baseFixture, fid, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";
import { O, S, fixtureFramework, fixtureSectors, fixtureWithFramework } from "./helpers/framework-fixture.js";

describe("sector membership", () => {
  it("assigns occupations by NACE Rev. 2.1 code when the ESCO version has naceCode (v1.2.1)", async () => {
    const taxonomy = await fixtureWithFramework("v1.2.1");
    // heat pump installers carry NACE 4322 (under F43); the energy assessor 7112 and 71 (under N71).
    expect(sectorOccupationUris(taxonomy, "build").sort()).toEqual(
      [O.heatPumpInstaller, O.energyAssessor, O.seniorInstaller].sort(),
    );
    expect(sectorOccupationUris(taxonomy, "consult")).toEqual([O.energyAssessor]);
    expect(sectorOccupationUris(taxonomy, "metal")).toEqual([O.welder]);
    const profile = sectorProfile(taxonomy, "build");
    expect(profile.assignment).toBe("nace");
    const basis = Object.fromEntries(profile.occupations.map((o) => [o.occupation.uri, o.basis]));
    expect(basis[O.heatPumpInstaller]).toEqual(["nace"]);
    // The key occupation belongs to the sector by curation only: its NACE codes are elsewhere.
    expect(basis[O.energyAssessor]).toEqual(["curated"]);
    expect(sectorsOfOccupation(taxonomy, O.energyAssessor)).toEqual(["build", "consult"]);
  });

  it("falls back to ISCO-08 groups when the ESCO version has no naceCode (v1.1.1)", async () => {
    const taxonomy = await fixtureWithFramework("v1.1.1");
    const profile = sectorProfile(taxonomy, "build");
    expect(profile.assignment).toBe("isco");
    expect(Object.fromEntries(profile.occupations.map((o) => [o.occupation.uri, o.basis]))).toEqual({
      [O.heatPumpInstaller]: ["isco"],
      [O.seniorInstaller]: ["isco"],
      [O.energyAssessor]: ["curated"],
    });
    expect(sectorsOfOccupation(taxonomy, O.energyAssessor)).toEqual(["build", "consult"]);
    expect(sectorsOfOccupation(taxonomy, O.welder)).toEqual(["metal"]);
    expect(sectorsOfOccupation(taxonomy, "http://data.europa.eu/esco/occupation/unknown")).toEqual([]);
  });

  it("matches a whole NACE section, and ISCO codes by prefix", async () => {
    const sectors = [
      {
        id: "all-f",
        label: { en: "F" },
        description: { en: "Section F." },
        nace: [{ rev2: "F", rev21: "F", label: "Construction" }],
      },
      {
        id: "isco-7",
        label: { en: "Crafts" },
        description: { en: "ISCO major group 7." },
        isco: [{ code: "7", label: "Craft and related trades workers" }],
      },
    ];
    const nace = await fixtureWithFramework("v1.2.1", fixtureFramework(sectors));
    expect(sectorOccupationUris(nace, "all-f").sort()).toEqual([O.heatPumpInstaller, O.seniorInstaller].sort());
    const isco = await fixtureWithFramework("v1.1.1", fixtureFramework(sectors));
    expect(sectorOccupationUris(isco, "isco-7").sort()).toEqual(
      [O.heatPumpInstaller, O.welder, O.seniorInstaller].sort(),
    );
  });
});

describe("sectorProfile", () => {
  it("ranks the green skills of the sector's occupations, essential above optional", async () => {
    const taxonomy = await fixtureWithFramework("v1.2.1");
    const profile = SectorProfileSchema.parse(sectorProfile(taxonomy, "build"));
    // From the fixture: installer E[101,102,104] O[105,109]; senior E[101,109] O[106]; assessor E[105,106] O[101,110].
    expect(profile.ranking?.map((r) => [r.skill.label, r.essential, r.optional, r.score])).toEqual([
      ["install heat pump", 2, 1, 2.5],
      ["conduct energy audit", 1, 1, 1.5],
      ["energy efficiency", 1, 1, 1.5],
      ["types of heat pumps", 1, 0, 1],
    ]);
    expect(profile.ranking?.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(profile.ranking?.[0]?.reach).toBe(1);
    expect(profile.ranking?.[0]?.key).toBe(true);
    // Green shares 3/5, 2/3 and 3/4; official values 0.42 and 0.5 (the senior installer has none).
    expect(profile.averageGreenShare).toBeCloseTo((3 / 5 + 2 / 3 + 3 / 4) / 3, 10);
    expect(profile.officialAverageGreenShare).toBeCloseTo(0.46, 10);
    expect(profile.coverage).toBe("full");
    expect(profile.keySkills.map((k) => [k.concept.label, k.rank, k.present])).toEqual([
      ["install heat pump", 1, true],
      ["apply insulation strips", null, true],
    ]);
    expect(profile.keyOccupations[0]?.greenShare).toBeCloseTo(0.75, 10);
  });

  it("takes weights, a limit and a language", async () => {
    const taxonomy = await fixtureWithFramework("v1.2.1");
    const even = sectorProfile(taxonomy, "build", { weights: { essential: 1, optional: 1 }, limit: 2, lang: "de" });
    expect(even.ranking?.map((r) => r.score)).toEqual([3, 2]);
    expect(even.rankedCount).toBe(4);
    expect(even.sector.label).toBe("Bau");
  });

  it("throws UnknownSectorError listing the known ids", async () => {
    const taxonomy = await fixtureWithFramework("v1.1.1");
    expect(() => sectorProfile(taxonomy, "nope")).toThrow(UnknownSectorError);
    try {
      sectorProfile(taxonomy, "nope");
    } catch (error) {
      expect((error as UnknownSectorError).known).toEqual(["build", "consult", "metal"]);
    }
  });

  it("lists sectors with their occupation counts", async () => {
    const taxonomy = await fixtureWithFramework("v1.1.1");
    expect(listSectors(taxonomy).map((s) => [s.id, s.occupations, s.keySkills, s.keyOccupations])).toEqual([
      ["build", 3, 2, 1],
      ["consult", 1, 1, 0],
      ["metal", 1, 0, 0],
    ]);
    expect(listSectors(taxonomy)[1]?.nace[0]).toEqual({
      rev2: "M71",
      rev21: "N71",
      uri: "http://data.europa.eu/ux2/nace2.1/71",
      label: "Architectural and engineering activities",
    });
  });
});

describe("sectorSkillUris", () => {
  it("gives the skills linked to the sector's occupations plus its core skills", async () => {
    const taxonomy = await fixtureWithFramework("v1.2.1");
    // build: installer, senior installer, energy assessor → 101, 102, 104, 105, 106, 109, 110; core 101, 103.
    expect(sectorSkillUris(taxonomy, "build").sort()).toEqual(
      [
        S.installHeatPump,
        S.installInsulation,
        S.insulationStrips,
        S.heatPumpTypes,
        S.energyEfficiency,
        S.energyAudit,
        S.teamwork,
        S.spreadsheets,
      ].sort(),
    );
    expect(sectorSkillUris(taxonomy, "build", { greenOnly: true }).sort()).toEqual(
      [S.installHeatPump, S.insulationStrips, S.heatPumpTypes, S.energyEfficiency, S.energyAudit].sort(),
    );
    expect(sectorSkillUris(taxonomy, "metal")).toEqual([S.weld, S.manageWaste, S.teamwork]);
    expect(() => sectorSkillUris(taxonomy, "nope")).toThrow(UnknownSectorError);
  });
});

describe("attaching a framework", () => {
  it("reports citations that are missing, relabelled, of another kind or not green", async () => {
    const sectors = fixtureSectors();
    sectors[0]!.references!.skills = [
      { uri: S.installHeatPump, label: "install heat pumps", rationale: "Relabelled." },
      { uri: S.installInsulation, label: "install insulation material", rationale: "Not green." },
      { uri: skillUri(fid(999)), label: "gone", rationale: "Missing." },
      { uri: S.hvacGroup, label: "installing heating and cooling equipment", rationale: "A skill group." },
    ];
    const framework = fixtureFramework(sectors);
    framework.greenComp.areas[1]!.competences[0]!.crosswalk[1]!.collection = "transversal";
    const taxonomy = await fixtureWithFramework("v1.1.1", framework);
    const report = frameworkReport(taxonomy);
    expect(report.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["cited_label_differs", "sectors.build.references.skills.0"],
      ["cited_skill_not_green", "sectors.build.references.skills.1"],
      ["cited_concept_missing", "sectors.build.references.skills.2"],
      ["cited_concept_wrong_kind", "sectors.build.references.skills.3"],
      ["crosswalk_collection_differs", "greenComp.2.1.crosswalk.1"],
    ]);
    expect(report.issues[0]).toMatchObject({
      expected: "install heat pumps",
      actual: "install heat pump",
      severity: "info",
    });
    const profile = sectorProfile(taxonomy, "build");
    expect(profile.keySkills.find((k) => k.concept.label === "gone")?.present).toBe(false);
    expect(profile.notes.join(" ")).toMatch(/2 curated reference\(s\) are not in this taxonomy/);
  });

  it("throws for an invalid framework object and for a taxonomy without one", async () => {
    const taxonomy = await fixtureWithFramework("v1.1.1");
    const bad = { ...fixtureFramework(), sectors: [{ id: "Bad Id" }] } as never;
    expect(() => attachFramework(taxonomy, bad)).toThrow(InvalidFrameworkError);
    const dir = mkdtempSync(join(tmpdir(), "gs-bare-"));
    try {
      const { bundle } = await importEsco(writeEscoFixture(dir, baseFixture()), { workers: false });
      const none = await loadTaxonomyFile(bundle, { framework: false });
      expect(() => listSectors(none)).toThrow(FrameworkNotAttachedError);
      expect(() => sectorProfile(none, "build")).toThrow(FrameworkNotAttachedError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The embedded default carries its own layer, whatever the option says.
    expect(listSectors(await loadTaxonomyFile(defaultBundle, { framework: false }))).toHaveLength(6);
  });

  it("adds and replaces sectors with withSectors", async () => {
    const framework = withSectors(fixtureFramework(), [
      {
        id: "metal",
        label: { en: "Metalwork" },
        description: { en: "Replaced." },
        isco: [{ code: "7126", label: "Plumbers and pipe fitters" }],
      },
      { id: "extra", label: { en: "Extra" }, description: { en: "Added." } },
    ]);
    expect(framework.sectors.map((s) => s.id)).toEqual(["build", "consult", "metal", "extra"]);
    const taxonomy = await fixtureWithFramework("v1.1.1", framework);
    expect(sectorOccupationUris(taxonomy, "metal").sort()).toEqual([O.heatPumpInstaller, O.seniorInstaller].sort());
    expect(() => withSectors(framework, [{ id: "x", label: { en: "X" }, description: {} } as never])).toThrow(
      InvalidFrameworkError,
    );
  });

  it("joins sectors and GreenComp to the graph", async () => {
    const taxonomy = await fixtureWithFramework("v1.2.1");
    const graph = toGraph(taxonomy, { framework: true });
    expect(graph.getNodeAttribute(sectorNodeKey("build"), "kind")).toBe("sector");
    const inSector = graph.outEdges(O.energyAssessor).filter((e) => graph.getEdgeAttribute(e, "type") === "inSector");
    expect(inSector.map((e) => [graph.target(e), graph.getEdgeAttribute(e, "basis")])).toEqual([
      [sectorNodeKey("build"), ["curated"]],
      [sectorNodeKey("consult"), ["nace"]],
    ]);
    expect(
      graph
        .outNeighbors(S.teamwork)
        .filter((n) => n.startsWith("urn:"))
        .sort(),
    ).toEqual([greenCompNodeKey("2.1"), greenCompNodeKey("4.2")]);
    expect(graph.outNeighbors(greenCompNodeKey("2.1"))).toEqual([greenCompNodeKey("2")]);
    expect(graph.hasNode(sectorNodeKey("build")) && !toGraph(taxonomy).hasNode(sectorNodeKey("build"))).toBe(true);
  });
});
