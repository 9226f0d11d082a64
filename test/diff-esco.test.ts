import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ancestors,
  diffTaxonomies,
  importEsco,
  loadTaxonomyFile,
  migrateMappings,
  type ChangeType,
  type Taxonomy,
  type TaxonomyDiff,
} from "green-skills/node";
import { CHANGE_TYPES } from "green-skills/schemas";
import { type EscoModifications, chooseModifications, writeModifiedEsco } from "./helpers/modified-esco.js";
import { SHARED_ESCO, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

const onlyThese = (diff: TaxonomyDiff, types: readonly ChangeType[]) => {
  for (const type of CHANGE_TYPES) if (!types.includes(type)) expect(diff.changes[type], type).toEqual([]);
};

describeWithEsco("diffTaxonomies on the official ESCO v1.1.1", () => {
  let base: Taxonomy;
  let again: Taxonomy;
  let modified: Taxonomy;
  let mods: EscoModifications;
  let dir: string;

  beforeAll(async () => {
    base = await fullTaxonomy();
    mods = chooseModifications(base);
    dir = mkdtempSync(join(tmpdir(), "gs-diff-esco-"));
    // The zips are what fullTaxonomy() imported; the second import reads the extracted CSV files.
    const csvs = readdirSync(SHARED_ESCO)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => join(SHARED_ESCO, f));
    again = await loadTaxonomyFile((await importEsco(csvs, { escoVersion: "v1.1.1" })).bundle);
    modified = await loadTaxonomyFile(
      (await importEsco([writeModifiedEsco(SHARED_ESCO, dir, mods)], { escoVersion: "v1.1.1" })).bundle,
    );
  }, 600_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("two imports of the same download have no changes", () => {
    const diff = diffTaxonomies(base, again);
    expect(diff.compared).toMatchObject({
      relations: true,
      nace: false,
      greenShareOfficial: false,
      collectionsOnlyInOlder: [],
      collectionsOnlyInNewer: [],
    });
    expect(diff.compared.collections).toContain("green");
    expect(diff.summary.total).toBe(0);
    onlyThese(diff, []);
  });

  it("a modified copy has exactly the modifications", () => {
    const diff = diffTaxonomies(base, modified);
    onlyThese(diff, ["added", "removed", "prefLabel", "altLabels", "collection", "occupationSkills", "greenShare"]);
    expect(diff.changes.removed.map((e) => e.concept)).toEqual([
      { uri: mods.remove.uri, kind: "skill", label: mods.remove.label },
    ]);
    expect(diff.changes.added.map((e) => e.concept)).toEqual([
      { uri: mods.readd.uri, kind: "skill", label: mods.remove.label },
    ]);
    expect(diff.changes.prefLabel.map((e) => [e.concept.uri, e.lang, e.from, e.to])).toEqual([
      [mods.relabel.uri, "en", mods.relabel.from, mods.relabel.to],
    ]);
    expect(diff.changes.altLabels.map((e) => [e.concept.uri, e.added, e.removed])).toEqual([
      [mods.altLabel.uri, [mods.altLabel.added], []],
    ]);
    expect(diff.changes.collection.map((e) => [e.concept.uri, e.collection, e.change])).toEqual([
      [mods.ungreen.uri, "green", "left"],
    ]);
    expect(diff.changes.occupationSkills).toEqual([
      expect.objectContaining({
        concept: expect.objectContaining({ uri: mods.switchRelation.occupation }),
        added: [],
        removed: [],
        switched: [
          expect.objectContaining({
            skill: expect.objectContaining({ uri: mods.switchRelation.skill }),
            from: "essential",
            to: "optional",
          }),
        ],
      }),
    ]);
    // Dropping a green skill lowers the computed share of each occupation that links it and of every ISCO
    // group above them, by exactly one green skill; nothing else moves.
    const expected = new Set(mods.ungreen.occupations);
    for (const occupation of mods.ungreen.occupations)
      for (const a of ancestors(base, occupation)) if (a.kind === "iscoGroup") expected.add(a.uri);
    expect(diff.changes.greenShare.map((e) => e.concept.uri).sort()).toEqual([...expected].sort());
    for (const e of diff.changes.greenShare) {
      expect(e.official).toBeNull();
      expect(e.computed?.to.greenSkills).toBe(e.computed!.from.greenSkills - 1);
      expect(e.computed?.to.totalSkills).toBe(e.computed!.from.totalSkills);
    }
  });

  it("migrates a credential: the removed skill's re-added twin ranks first; effects follow the modifications", () => {
    const credential = {
      escoVersion: "v1.1.1",
      learningOutcomes: [
        { id: "renamed", esco: [mods.relabel.uri, mods.remove.uri] },
        { id: "green", esco: [mods.ungreen.uri] },
      ],
      targetOccupations: [mods.switchRelation.occupation],
    };
    const report = migrateMappings(base, modified, credential);
    expect(report.mappings.map((m) => [m.uri, m.status, m.broken])).toEqual([
      [mods.relabel.uri, "changed", false],
      [mods.remove.uri, "removed", true],
      [mods.ungreen.uri, "changed", false],
      [mods.switchRelation.occupation, "changed", false],
    ]);
    const [best] = report.mappings[1]!.candidates;
    expect(best?.concept.uri).toBe(mods.readd.uri);
    expect(best?.labelSimilarity).toBe(1);
    expect(best?.sameBroader.length).toBeGreaterThan(0);
    expect(report.effects.map((e) => e.code)).toEqual(["outcome_stops_green", "target_essential_skills_changed"]);
  });
});
