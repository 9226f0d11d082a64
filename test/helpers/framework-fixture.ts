/**
 * A small framework layer over the synthetic ESCO fixture (test/helpers/esco-fixture.ts), and a loader
 * that imports the fixture in a given layout and attaches it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Framework, type SectorInput, type Taxonomy, importEsco, loadTaxonomyFile } from "green-skills/node";
import { defaultFramework } from "green-skills/data";
import {
  type FixtureData,
  type Layout,
  baseFixture,
  fid,
  occupationUri,
  skillUri,
  writeEscoFixture,
} from "./esco-fixture.js";

export const S = {
  installHeatPump: skillUri(fid(101)),
  installInsulation: skillUri(fid(102)),
  insulationStrips: skillUri(fid(103)),
  heatPumpTypes: skillUri(fid(104)),
  energyEfficiency: skillUri(fid(105)),
  energyAudit: skillUri(fid(106)),
  weld: skillUri(fid(107)),
  manageWaste: skillUri(fid(108)),
  teamwork: skillUri(fid(109)),
  spreadsheets: skillUri(fid(110)),
  foodWaste: skillUri(fid(112)),
  hvacGroup: skillUri(fid(12, "bbbbbbbb")),
};
export const O = {
  heatPumpInstaller: occupationUri(fid(201, "cccccccc")),
  energyAssessor: occupationUri(fid(202, "cccccccc")),
  welder: occupationUri(fid(203, "cccccccc")),
  seniorInstaller: occupationUri(fid(204, "cccccccc")),
};

export function fixtureSectors(): SectorInput[] {
  return [
    {
      id: "build",
      label: { en: "Building", de: "Bau" },
      description: { en: "Building trades." },
      nace: [{ rev2: "F43", rev21: "F43", label: "Specialised construction activities" }],
      isco: [{ code: "7126", label: "Plumbers and pipe fitters" }],
      references: {
        skills: [
          { uri: S.installHeatPump, label: "install heat pump", rationale: "Core heat pump skill." },
          { uri: S.insulationStrips, label: "apply insulation strips", rationale: "Sealing." },
        ],
        occupations: [{ uri: O.energyAssessor, label: "energy assessor", rationale: "Assesses buildings." }],
      },
    },
    {
      id: "consult",
      label: { en: "Consulting" },
      description: { en: "Engineering consultancy." },
      nace: [{ rev2: "M71", rev21: "N71", label: "Architectural and engineering activities" }],
      isco: [{ code: "3112", label: "Civil engineering technicians" }],
      references: {
        skills: [{ uri: S.energyAudit, label: "conduct energy audit", rationale: "Audits." }],
        occupations: [],
      },
    },
    {
      id: "metal",
      label: { en: "Metal" },
      description: { en: "Metal products." },
      nace: [{ rev2: "C25", rev21: "C25", label: "Fabricated metal products" }],
      isco: [{ code: "7212", label: "Welders and flamecutters" }],
    },
  ];
}

/** The default GreenComp with a crosswalk onto fixture skills (2.1 ← teamwork, energy audit; 4.2 ← teamwork). */
export function fixtureFramework(sectors: SectorInput[] = fixtureSectors()): Framework {
  const greenComp = structuredClone(defaultFramework.greenComp);
  for (const area of greenComp.areas) for (const competence of area.competences) competence.crosswalk = [];
  const competence = (id: string) => greenComp.areas.flatMap((a) => a.competences).find((c) => c.id === id)!;
  competence("2.1").crosswalk.push(
    { uri: S.teamwork, label: "work in teams", collection: "transversal", rationale: "Fixture." },
    { uri: S.energyAudit, label: "conduct energy audit", collection: "green", rationale: "Fixture." },
  );
  competence("4.2").crosswalk.push({
    uri: S.teamwork,
    label: "work in teams",
    collection: "transversal",
    rationale: "Fixture.",
  });
  return {
    formatVersion: 1,
    escoVersion: "v1.1.1",
    checkedOn: "2026-11-28",
    sectors: sectors as Framework["sectors"],
    greenComp,
  };
}

/** Imports the fixture in `layout` and loads it with `framework` attached. */
export async function fixtureWithFramework(
  layout: Layout,
  framework: Framework = fixtureFramework(),
  data: FixtureData = baseFixture(),
): Promise<Taxonomy> {
  const dir = mkdtempSync(join(tmpdir(), "gs-framework-"));
  try {
    const { bundle } = await importEsco(writeEscoFixture(dir, data, { layout }), { workers: false });
    return await loadTaxonomyFile(bundle, { framework });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
