import { beforeAll, describe, expect, it } from "vitest";
import {
  ConceptNotFoundError,
  InvalidMappingSourceError,
  diffTaxonomies,
  migrateMappings,
  suggestReplacements,
  type MigrationReport,
  type Taxonomy,
} from "green-skills";
import { MappingSourceSchema, MigrationReportSchema } from "green-skills/schemas";
import { fid, occupationUri, skillUri } from "./helpers/esco-fixture.js";
import { O, S, fixtureCredential, fixtureVersions, importFixture, olderFixture } from "./helpers/diff-fixtures.js";

let older: Taxonomy;
let newer: Taxonomy;
beforeAll(async () => {
  ({ older, newer } = await fixtureVersions());
});

const at = (report: MigrationReport, path: (string | number)[]) => {
  const found = report.mappings.find((m) => JSON.stringify(m.path) === JSON.stringify(path));
  if (!found) throw new Error(`no mapping at ${path.join(".")}`);
  return found;
};

describe("migrateMappings", () => {
  let report: MigrationReport;
  beforeAll(() => {
    report = migrateMappings(older, newer, fixtureCredential());
  });

  it("accepts a full credential (extra fields pass) and returns a report matching its schema", () => {
    expect(MappingSourceSchema.safeParse(fixtureCredential()).success).toBe(true);
    expect(MigrationReportSchema.safeParse(report).success).toBe(true);
    expect(report.credential).toEqual({ title: "Heat pump installation", escoVersion: "v1.2.0" });
    expect(report.older.escoVersion).toBe("v1.2.0");
    expect(report.newer.escoVersion).toBe("v1.2.1");
  });

  it("gives each mapped URI a status, with its path into the document", () => {
    const rows = report.mappings.map((m) => [m.path.join("."), m.status, m.broken]);
    expect(rows).toEqual([
      ["learningOutcomes.0.esco.0", "changed", false],
      ["learningOutcomes.0.esco.1", "removed", true],
      ["learningOutcomes.1.esco.0", "changed", false],
      ["learningOutcomes.2.esco.0", "changed", false],
      ["learningOutcomes.3.esco.0", "changed", true],
      ["learningOutcomes.4.esco.0", "unchanged", false],
      ["learningOutcomes.4.esco.1", "unknown", true],
      ["targetOccupations.0", "changed", false],
      ["targetOccupations.1", "changed", false],
    ]);
    expect(report.summary).toEqual({
      mappings: 9,
      unchanged: 1,
      changed: 6,
      removed: 1,
      unknown: 1,
      broken: 3,
      effects: { error: 0, warning: 2, info: 1 },
    });
    expect(report.broken).toBe(true);
  });

  it("says what changed for a changed mapping", () => {
    const strips = at(report, ["learningOutcomes", 1, "esco", 0]);
    expect(strips.changes.map((c) => c.type).sort()).toEqual(["broader", "collection"]);
    expect(strips.message).toContain("left the green collection");
    const pump = at(report, ["learningOutcomes", 0, "esco", 0]);
    expect(pump.changes).toEqual([
      expect.objectContaining({
        type: "skillSkills",
        switched: [expect.objectContaining({ from: "essential", to: "optional" })],
      }),
    ]);
    const welder = at(report, ["targetOccupations", 1]);
    expect(welder.changes.map((c) => c.type).sort()).toEqual(["broader", "code", "greenShare", "iscoGroup", "nace"]);
  });

  it("lists, for a mapped skill, the occupations whose link to it changed", () => {
    const r = migrateMappings(older, newer, {
      learningOutcomes: [{ id: "x", esco: [skillUri(S.heatPumpTypes), skillUri(S.waste)] }],
    });
    const types = r.mappings[0]!.changes.find((c) => c.type === "skillOccupations");
    expect(types).toMatchObject({
      switched: [{ occupation: { uri: occupationUri(O.installer) }, from: "essential", to: "optional" }],
      added: [],
      removed: [],
    });
    const waste = r.mappings[1]!.changes.find((c) => c.type === "skillOccupations");
    expect(waste).toMatchObject({ added: [{ occupation: { uri: occupationUri(O.assessor) }, relation: "optional" }] });
  });

  it("ranks replacement candidates for a removed skill, each explained", () => {
    const removed = at(report, ["learningOutcomes", 0, "esco", 1]);
    expect(removed.before?.label).toBe("maintain heat pump");
    expect(removed.after).toBeNull();
    const [best, ...rest] = removed.candidates;
    expect(best?.concept.uri).toBe(skillUri(S.maintainNew));
    expect(best?.sameBroader.map((b) => b.uri)).toEqual([skillUri(S.heatPump)]);
    expect(best?.occupations).toEqual({ shared: 1, of: 1, newlyLinked: 1 });
    expect(best?.labelSimilarity).toBeGreaterThan(0.8);
    expect(best?.explanation.join(" ")).toMatch(/same broader concept "install heat pump"/);
    for (const other of rest) expect(other.score).toBeLessThan(best!.score);
    expect(removed.message).toMatch(/best replacement "maintain heat pumps"/);
  });

  it("marks a mapping to a retired concept broken and offers candidates", () => {
    const retired = at(report, ["learningOutcomes", 3, "esco", 0]);
    expect(retired.changes).toEqual([expect.objectContaining({ type: "status", from: "released", to: "obsolete" })]);
    expect(retired.message).toMatch(/^retired in ESCO v1\.2\.1/);
    expect(retired.candidates.every((c) => c.concept.uri !== skillUri(S.spreadsheets))).toBe(true);
  });

  it("reports credential-level effects: outcome stops being green, becomes green, target occupation's essential skills", () => {
    expect(report.effects.map((e) => [e.code, e.severity, e.path.join(".")])).toEqual([
      ["outcome_stops_green", "warning", "learningOutcomes.1"],
      ["outcome_becomes_green", "info", "learningOutcomes.2"],
      ["target_essential_skills_changed", "warning", "targetOccupations.0"],
    ]);
    const target = report.effects[2]!;
    expect(target.concepts.map((c) => c.uri).sort()).toEqual(
      [skillUri(S.efficiency), skillUri(S.heatPumpTypes)].sort(),
    );
    // Essential before: heat pump, insulation, heat pump types; after: heat pump, insulation, efficiency; mapped: heat pump, insulation.
    expect(target.message).toContain("covers 2 of 3 essential skills (was 2 of 3)");
    expect(target.suggestion).toContain("energy efficiency principles");
  });

  it("warns when the credential's escoVersion is not the older version", () => {
    const r = migrateMappings(older, newer, { ...fixtureCredential(), escoVersion: "1.1.1" });
    expect(r.effects[0]).toMatchObject({ code: "esco_version_mismatch", path: ["escoVersion"] });
    const same = migrateMappings(older, newer, { ...fixtureCredential(), escoVersion: "1.2.0" });
    expect(same.effects.some((e) => e.code === "esco_version_mismatch")).toBe(false);
  });

  it("a credential with only unchanged mappings is not broken", () => {
    const r = migrateMappings(older, newer, {
      learningOutcomes: [{ id: "a", esco: [skillUri(S.bleed)] }],
      targetOccupations: [occupationUri(O.senior)],
    });
    expect(r.broken).toBe(false);
    expect(r.mappings.map((m) => m.status)).toEqual(["unchanged", "unchanged"]);
    expect(r.effects).toEqual([]);
  });

  it("accepts outcomes mapped to skill groups; a target that is not an occupation is broken", () => {
    const r = migrateMappings(older, newer, {
      learningOutcomes: [{ id: "a", esco: [skillUri(S.untyped)] }],
      targetOccupations: [skillUri(S.bleed)],
    });
    // The untyped skill became a skill group: a change, not a breakage, for a learning outcome.
    expect(r.mappings[0]).toMatchObject({ status: "changed", broken: false });
    expect(r.mappings[0]!.changes.map((c) => c.type)).toContain("kind");
    expect(r.mappings[1]).toMatchObject({ status: "unchanged", broken: true });
    expect(r.mappings[1]!.message).toMatch(/^is a skill in ESCO v1\.2\.1, not an occupation/);
  });

  it("a URI known only to the newer version is unknown but not broken", () => {
    const r = migrateMappings(older, newer, { learningOutcomes: [{ id: "a", esco: [skillUri(S.maintainNew)] }] });
    expect(r.mappings[0]).toMatchObject({
      status: "unknown",
      broken: false,
      before: null,
      after: { label: "maintain heat pumps" },
    });
  });

  it("reuses a given diff, and refuses one computed for other taxonomies", async () => {
    const diff = diffTaxonomies(older, newer);
    expect(migrateMappings(older, newer, fixtureCredential(), { diff })).toEqual(report);
    const other = await importFixture(olderFixture(), { layout: "v1.1.1" });
    expect(() => migrateMappings(other, newer, fixtureCredential(), { diff })).toThrow(
      expect.objectContaining({ code: "E_INVALID_OPTION" }),
    );
  });

  it("throws InvalidMappingSourceError with every issue's path for a value that is not a credential", () => {
    let error: unknown;
    try {
      migrateMappings(older, newer, { learningOutcomes: [{ id: "a", esco: "not a list" }] } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidMappingSourceError);
    expect((error as InvalidMappingSourceError).issues[0]?.path).toEqual(["learningOutcomes", 0, "esco"]);
  });
});

describe("suggestReplacements", () => {
  it("ranks the successor of a removed skill first", () => {
    const candidates = suggestReplacements(older, newer, skillUri(S.maintain), { limit: 2 });
    expect(candidates).toHaveLength(2);
    expect(candidates[0]?.concept.label).toBe("maintain heat pumps");
  });

  it("finds a renamed occupation by label and shared skills", async () => {
    const data = olderFixture();
    const installer = data.occupations.find((o) => o.id === O.installer)!;
    data.occupations = data.occupations.filter((o) => o.id !== O.installer && o.id !== O.senior);
    data.occupations.push({
      ...installer,
      id: fid(299, "eeeeeeee"),
      label: "heat pump technician",
      alt: ["heat pump installer"],
    });
    const renamed = await importFixture(data, { layout: "v1.2.1" });
    const [best] = suggestReplacements(older, renamed, occupationUri(O.installer));
    expect(best?.concept.uri).toBe(occupationUri(fid(299, "eeeeeeee")));
    expect(best?.skills).toEqual({ shared: 6, of: 6 });
    expect(best?.explanation).toContain('same label "heat pump installer"');
  });

  it("throws ConceptNotFoundError for a URI the older version does not have", () => {
    expect(() => suggestReplacements(older, newer, skillUri(fid(998)))).toThrow(ConceptNotFoundError);
  });
});
