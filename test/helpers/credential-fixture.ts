/**
 * A synthetic taxonomy and a valid micro-credential definition mapped to its concepts, for unit tests
 * that break one thing at a time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLE_FORMAT_VERSION } from "../../src/bundle/format.js";
import { importEsco, loadTaxonomyFile, type MicroCredentialInput, type Taxonomy } from "green-skills/node";

/** A definition as tests handle it: typed when valid, freely editable to break it. */
export type LooseDefinition = Record<string, any>;
import { baseFixture, fid, occupationUri, skillUri, writeEscoFixture } from "./esco-fixture.js";

export const URI = {
  installHeatPump: skillUri(fid(101)), // green
  installInsulation: skillUri(fid(102)),
  insulationStrips: skillUri(fid(103)), // green
  heatPumpTypes: skillUri(fid(104)), // green, knowledge
  energyEfficiency: skillUri(fid(105)), // green
  energyAudit: skillUri(fid(106)), // green
  weld: skillUri(fid(107)),
  teamwork: skillUri(fid(109)),
  spreadsheets: skillUri(fid(110)),
  maintainHeatPump: skillUri(fid(111)), // narrower than installHeatPump
  obsoleteBoiler: skillUri(fid(113)), // status obsolete
  hvacGroup: skillUri(fid(12, "bbbbbbbb")), // skill group
  installer: occupationUri(fid(201, "cccccccc")), // essential 101, 102, 104; optional 105, 109
  assessor: occupationUri(fid(202, "cccccccc")),
  welder: occupationUri(fid(203, "cccccccc")),
} as const;

let cached: Promise<Taxonomy> | undefined;

/** The base ESCO fixture (v1.1.1 layout), imported once per test file. */
export function credentialFixtureTaxonomy(): Promise<Taxonomy> {
  cached ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "gs-credential-"));
    try {
      const { bundle } = await importEsco(writeEscoFixture(dir, baseFixture()), { workers: false });
      return await loadTaxonomyFile(bundle);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return cached;
}

/** A valid definition: every Annex I element, mapped to fixture skills (two green). */
export function validDefinition(): LooseDefinition {
  const definition: MicroCredentialInput = {
    id: "https://credentials.example.org/test/heat-pumps",
    escoVersion: "v1.1.1",
    title: { en: "Heat pump basics", de: "Wärmepumpen-Grundlagen" },
    issuer: { country: "DE" },
    awardingBodies: [{ name: "Example Training Centre", country: "DE" }],
    learningOutcomes: [
      {
        id: "lo-1",
        statement: { en: "Install and commission a heat pump." },
        esco: [URI.installHeatPump],
        greenComp: ["2.1"],
      },
      { id: "lo-2", statement: { en: "Explain the types of heat pumps." }, esco: [URI.heatPumpTypes], level: 4 },
      { id: "lo-3", statement: { en: "Work in a team on site." }, esco: [URI.teamwork] },
    ],
    workload: { ects: 2, hours: 55 },
    level: { eqf: 4 },
    assessment: { types: ["practical-assessment"] },
    participation: { mode: "onsite", setting: "non-formal" },
    qualityAssurance: { types: ["internal"] },
    targetOccupations: [URI.installer],
    sectors: ["construction"],
  };
  return structuredClone(definition);
}

/**
 * A small curated taxonomy, shaped like the embedded default: a few concepts with labels and the green
 * flag, no relations. `installHeatPump`, `heatPumpTypes` and `teamwork` are in it; the rest of the
 * fixture is not.
 */
export async function curatedFixtureTaxonomy(): Promise<Taxonomy> {
  const concepts = [
    { uri: URI.installHeatPump, kind: 0, label: "install heat pump", green: true },
    { uri: URI.heatPumpTypes, kind: 0, label: "types of heat pumps", green: true },
    { uri: URI.teamwork, kind: 0, label: "work in teams", green: false },
    { uri: URI.installer, kind: 2, label: "heat pump installer", green: false },
  ];
  const green = concepts.flatMap((c, i) => (c.green ? [i] : []));
  return loadTaxonomyFile({
    meta: {
      format: "green-skills-bundle",
      formatVersion: BUNDLE_FORMAT_VERSION,
      createdAt: "2026-01-01T00:00:00.000Z",
      generator: "test",
      coverage: "curated",
      esco: { version: "v1.1.1", languages: ["en"], sources: [] },
      conceptCount: concepts.length,
      collections: [{ name: "green", label: "Green skills", size: green.length }],
      unresolved: [],
    },
    columns: {
      "concept.uri": { type: "str", values: concepts.map((c) => c.uri) },
      "concept.kind": { type: "u8", values: concepts.map((c) => c.kind) },
      "concept.status": { type: "str", values: concepts.map(() => "released") },
      "label.en.pref": { type: "str", values: concepts.map((c) => c.label) },
      "collection.green": { type: "i32", values: green },
    },
  });
}
