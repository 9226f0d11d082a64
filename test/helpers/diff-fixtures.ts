/**
 * Two synthetic ESCO versions for the diff and migration tests. `olderFixture()` is the base fixture with
 * one extra link; `newerFixture()` applies one or more changes of every kind the diff reports, each
 * commented where it is made, so tests can state what they expect from the fixture data alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importEsco, loadTaxonomyFile, type Taxonomy } from "green-skills/node";
import {
  type FixtureData,
  type FixtureOccupation,
  type FixtureSkill,
  type WriteFixtureOptions,
  baseFixture,
  fid,
  occupationUri,
  skillUri,
  writeEscoFixture,
} from "./esco-fixture.js";

export const S = {
  heatPump: fid(101),
  insulation: fid(102),
  strips: fid(103),
  heatPumpTypes: fid(104),
  efficiency: fid(105),
  audit: fid(106),
  weld: fid(107),
  waste: fid(108),
  teams: fid(109),
  spreadsheets: fid(110),
  maintain: fid(111),
  foodWaste: fid(112),
  boiler: fid(113),
  untyped: fid(114),
  /** Unchanged between the versions. */
  bleed: fid(115),
  /** Added in the newer version: the replacement of `maintain`. */
  maintainNew: fid(121),
} as const;

export const O = {
  installer: fid(201, "cccccccc"),
  assessor: fid(202, "cccccccc"),
  welder: fid(203, "cccccccc"),
  senior: fid(204, "cccccccc"),
  /** Added in the newer version. */
  solar: fid(205, "cccccccc"),
} as const;

const skill = (data: FixtureData, id: string): FixtureSkill => {
  const s = data.skills.find((x) => x.id === id);
  if (!s) throw new Error(`fixture has no skill ${id}`);
  return s;
};
const occupation = (data: FixtureData, id: string): FixtureOccupation => {
  const o = data.occupations.find((x) => x.id === id);
  if (!o) throw new Error(`fixture has no occupation ${id}`);
  return o;
};

/** The older version: the base fixture, with "maintain heat pump" an optional skill of the installer and one more skill. */
export function olderFixture(): FixtureData {
  const data = baseFixture();
  occupation(data, O.installer).optional.push(S.maintain);
  data.skills.push({
    id: S.bleed,
    label: "bleed radiators",
    alt: ["vent radiators"],
    skillType: "skill/competence",
    reuseLevel: "occupation-specific",
    description: "Let trapped air out of radiators.",
    broader: ["g-hvac"],
  });
  return data;
}

/** A credential mapped against the older fixture version, touching every migration outcome. */
export function fixtureCredential() {
  return {
    title: { en: "Heat pump installation" },
    escoVersion: "v1.2.0",
    issuer: { name: "Example Academy" },
    learningOutcomes: [
      {
        id: "lo1",
        statement: { en: "Installs and maintains heat pumps" },
        esco: [skillUri(S.heatPump), skillUri(S.maintain)],
      },
      { id: "lo2", statement: { en: "Seals gaps around windows" }, esco: [skillUri(S.strips)], greenComp: ["2.1"] },
      { id: "lo3", statement: { en: "Insulates walls" }, esco: [skillUri(S.insulation)] },
      { id: "lo4", statement: { en: "Keeps records" }, esco: [skillUri(S.spreadsheets)] },
      { id: "lo5", statement: { en: "Bleeds radiators" }, esco: [skillUri(S.bleed), skillUri(fid(999))] },
    ],
    targetOccupations: [occupationUri(O.installer), occupationUri(O.welder)],
  };
}

/** The newer version: every change kind at least once (see `MODIFICATIONS`). */
export function newerFixture(): FixtureData {
  const data = olderFixture();
  // removed + added: "maintain heat pump" is replaced by "maintain heat pumps" under the same parent.
  data.skills = data.skills.filter((s) => s.id !== S.maintain && s.id !== S.untyped);
  data.skills.push({
    id: S.maintainNew,
    label: "maintain heat pumps",
    alt: ["service heat pumps", "heat pump maintenance"],
    skillType: "skill/competence",
    reuseLevel: "sector-specific",
    description: "Service heat pumps so they keep working efficiently.",
    broader: [S.heatPump],
    collections: ["green"],
  });
  // kind: the untyped skill's URI becomes a skill group.
  data.groups.push({
    id: S.untyped,
    uri: skillUri(S.untyped),
    label: "untyped concepts",
    code: "S9",
    broader: [data.groups[0]!.id],
    description: "A group now.",
  });
  // status
  skill(data, S.spreadsheets).status = "obsolete";
  // prefLabel (en only: the de label is given explicitly) and a de-only label change
  skill(data, S.efficiency).label = "energy efficiency principles";
  skill(data, S.teams).de = "in Teams arbeiten";
  // altLabels
  skill(data, S.audit).alt = ["perform energy audits", "carry out energy audits"];
  // skillType, reuseLevel
  skill(data, S.foodWaste).skillType = "skill/competence";
  skill(data, S.weld).reuseLevel = "cross-sector";
  // collections: green out and in, transversal out, digital in
  skill(data, S.strips).collections = [];
  skill(data, S.insulation).collections = ["green"];
  skill(data, S.teams).collections = [];
  skill(data, S.audit).collections = ["green", "digital"];
  // broader
  skill(data, S.strips).broader = ["g-hvac"];
  // iscoGroup + code + broader (ISCO parent) of the welder; NACE of the assessor and the welder
  Object.assign(occupation(data, O.welder), { isco: "7126", code: "7126.9", nace: ["25", "2511"] });
  occupation(data, O.assessor).nace = ["7112"];
  // occupation–skill relations: switched both ways, removed (skill gone), added
  Object.assign(occupation(data, O.installer), {
    essential: [S.heatPump, S.insulation, S.efficiency],
    optional: [S.heatPumpTypes, S.teams, S.maintainNew],
  });
  occupation(data, O.assessor).optional.push(S.waste);
  // added occupation
  data.occupations.push({
    id: O.solar,
    label: "solar panel installer",
    isco: "7126",
    code: "7126.4",
    description: "Installs solar panels.",
    nace: ["4321"],
    essential: [S.efficiency],
    optional: [],
  });
  // skill–skill relations: switched, removed, added
  data.skillSkill = [
    { from: S.heatPump, to: S.heatPumpTypes, relation: "optional" },
    { from: S.audit, to: S.waste, relation: "optional" },
  ];
  // official green shares
  occupation(data, O.installer).greenShare = 0.45;
  delete occupation(data, O.welder).greenShare;
  data.isco.find((g) => g.code === "3112")!.greenShare = 0.4;
  return data;
}

/** Writes and imports a fixture; the version comes from the folder or zip name. */
export async function importFixture(
  data: FixtureData,
  options: WriteFixtureOptions & { version?: string } = {},
): Promise<Taxonomy> {
  const dir = mkdtempSync(join(tmpdir(), "gs-diff-"));
  try {
    const paths = writeEscoFixture(dir, data, {
      ...options,
      ...(options.version ? { folder: `ESCO-${options.version}` } : {}),
    });
    const { bundle } = await importEsco(paths, { workers: false });
    return await loadTaxonomyFile(bundle);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The older fixture as "v1.2.0" (v1.2.1 layout, folder) and the newer as "v1.2.1" (zips), in en and de. */
export async function fixtureVersions(): Promise<{ older: Taxonomy; newer: Taxonomy }> {
  const [older, newer] = await Promise.all([
    importFixture(olderFixture(), { layout: "v1.2.1", version: "v1.2.0", languages: ["en", "de"] }),
    importFixture(newerFixture(), { layout: "v1.2.1", zip: true, languages: ["en", "de"] }),
  ]);
  return { older, newer };
}
