import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Taxonomy, coverage, validateCredential } from "green-skills";
import { CoverageSchema } from "green-skills/schemas";
import { importEsco, loadTaxonomyFile } from "green-skills/node";
import { baseFixture, fid, occupationUri, writeEscoFixture } from "./helpers/esco-fixture.js";
import {
  URI,
  credentialFixtureTaxonomy,
  curatedFixtureTaxonomy,
  validDefinition,
} from "./helpers/credential-fixture.js";

let t: Taxonomy;
let withService: Taxonomy;
const SERVICE_TECHNICIAN = occupationUri(fid(205, "cccccccc"));
beforeAll(async () => {
  t = await credentialFixtureTaxonomy();
  // The base fixture plus an occupation that needs "maintain heat pump" (narrower than "install heat pump").
  const data = baseFixture();
  data.occupations.push({
    id: fid(205, "cccccccc"),
    label: "heat pump service technician",
    isco: "7126",
    code: "7126.4",
    description: "Services heat pumps.",
    essential: [fid(111)],
    optional: [fid(109)],
  });
  const dir = mkdtempSync(join(tmpdir(), "gs-coverage-"));
  try {
    withService = await loadTaxonomyFile((await importEsco(writeEscoFixture(dir, data), { workers: false })).bundle);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const credential = {
  learningOutcomes: [
    { id: "lo-1", esco: [URI.maintainHeatPump] },
    { id: "lo-2", esco: [URI.heatPumpTypes] },
    { id: "lo-3", esco: [URI.teamwork] },
    { id: "lo-4", esco: [URI.weld, "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"] },
  ],
};

describe("coverage", () => {
  it("matches the occupation's skills directly, through narrower skills, or not at all", () => {
    const report = coverage(t, credential, URI.installer);
    expect(CoverageSchema.safeParse(report).success).toBe(true);
    expect(report.occupation).toMatchObject({ uri: URI.installer, label: "heat pump installer" });
    const bySkill = Object.fromEntries(
      report.skills.map((s) => [
        s.skill.uri,
        { relation: s.relation, match: s.match, via: s.via.map((v) => v.uri), outcomes: s.outcomes, green: s.green },
      ]),
    );
    // Fixture: installer needs 101 (green), 102, 104 (green) as essential and 105 (green), 109 as optional.
    expect(bySkill).toEqual({
      [URI.installHeatPump]: {
        relation: "essential",
        match: "narrower",
        via: [URI.maintainHeatPump],
        outcomes: ["lo-1"],
        green: true,
      },
      [URI.heatPumpTypes]: {
        relation: "essential",
        match: "direct",
        via: [URI.heatPumpTypes],
        outcomes: ["lo-2"],
        green: true,
      },
      [URI.installInsulation]: { relation: "essential", match: null, via: [], outcomes: [], green: false },
      [URI.teamwork]: { relation: "optional", match: "direct", via: [URI.teamwork], outcomes: ["lo-3"], green: false },
      [URI.energyEfficiency]: { relation: "optional", match: null, via: [], outcomes: [], green: true },
    });
    expect(report.skills.map((s) => `${s.relation} ${s.match ?? "missing"}`)).toEqual([
      "essential narrower",
      "essential direct",
      "essential missing",
      "optional direct",
      "optional missing",
    ]);
    expect(report.essential).toEqual({ total: 3, covered: 2, direct: 1, related: 1 });
    expect(report.optional).toEqual({ total: 2, covered: 1, direct: 1, related: 0 });
    expect(report.missingEssential.map((s) => s.uri)).toEqual([URI.installInsulation]);
    expect(report.extra).toEqual([{ skill: expect.objectContaining({ uri: URI.weld }), outcomes: ["lo-4"] }]);
    expect(report.credential).toEqual({
      skills: 4,
      unknownSkills: ["http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"],
    });
    // Green: covered 101, 104, 109 → 2/3; occupation 101, 104, 105 of 5; credential only 104 of 111, 104, 109, 107.
    expect(report.greenShare).toEqual({
      covered: { green: 2, total: 3, share: 2 / 3 },
      occupation: { green: 3, total: 5, share: 3 / 5 },
      credential: { green: 1, total: 4, share: 1 / 4 },
    });
    // Essential weigh 2, optional 1; direct 1, related 0.5: (2·0.5 + 2·1 + 1·1) / (3·2 + 2·1) = 4 / 8.
    expect(report.score).toBe(0.5);
  });

  it("matches through a broader skill of the credential", () => {
    const report = coverage(
      withService,
      { learningOutcomes: [{ id: "lo-1", esco: [URI.installHeatPump] }] },
      SERVICE_TECHNICIAN,
    );
    expect(report.skills[0]).toMatchObject({
      skill: { uri: URI.maintainHeatPump },
      match: "broader",
      via: [{ uri: URI.installHeatPump }],
      outcomes: ["lo-1"],
    });
    expect(report.essential).toEqual({ total: 1, covered: 1, direct: 0, related: 1 });
    expect(report.extra).toEqual([]);
  });

  it("is 1 for a credential mapping every skill, and 0 for none", () => {
    const all = coverage(
      t,
      {
        learningOutcomes: [
          {
            id: "all",
            esco: [URI.installHeatPump, URI.installInsulation, URI.heatPumpTypes, URI.energyEfficiency, URI.teamwork],
          },
        ],
      },
      URI.installer,
    );
    expect(all.score).toBe(1);
    expect(all.missingEssential).toEqual([]);
    const none = coverage(t, { learningOutcomes: [{ id: "none", esco: [URI.weld] }] }, URI.installer);
    expect(none.score).toBe(0);
    expect(none.greenShare.covered.share).toBeNull();
  });

  it("accepts a whole validated definition", () => {
    const definition = validDefinition();
    expect(validateCredential(t, definition, { suggest: false }).success).toBe(true);
    expect(coverage(t, definition as never, URI.installer).essential.direct).toBe(2);
  });

  it("throws for misuse: unknown occupation, a skill, or a taxonomy without relations", async () => {
    expect(() => coverage(t, credential, occupationUri(fid(999, "cccccccc")))).toThrow(
      expect.objectContaining({ name: "ConceptNotFoundError" }),
    );
    expect(() => coverage(t, credential, URI.installHeatPump)).toThrow(
      expect.objectContaining({ name: "WrongConceptKindError" }),
    );
    const curated = await curatedFixtureTaxonomy();
    expect(() => coverage(curated, credential, URI.installer)).toThrow(
      expect.objectContaining({ name: "FullEscoRequiredError" }),
    );
  });
});
