/**
 * Diff benchmark on the official ESCO v1.1.1 download: diffing two full imports (the download and a
 * modified copy of it) against the baseline of loading both bundles, measured in the same run; plus
 * migrating fifty credentials with the diff reused.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type MappingSource,
  type Taxonomy,
  diffTaxonomies,
  importEsco,
  listConcepts,
  loadTaxonomy,
  migrateMappings,
  stats,
} from "../src/node/index.js";
import { chooseModifications, writeModifiedEsco } from "../test/helpers/modified-esco.js";
import { ESCO_DIR, ESCO_ZIPS, hasEsco, median, ms, table } from "./util.js";

const ROUNDS = 5;
const n = (x: number) => x.toLocaleString("en-US");

async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Fifty credentials of five outcomes with two skills each and two target occupations, spread over ESCO. */
function credentials(taxonomy: Taxonomy, removed: string): MappingSource[] {
  const skills = listConcepts(taxonomy, { kind: "skill" });
  const occupations = listConcepts(taxonomy, { kind: "occupation" });
  const pick = <T>(list: readonly T[], k: number) => list[(k * 7919) % list.length]!;
  return Array.from({ length: 50 }, (_, c) => ({
    escoVersion: "v1.1.1",
    learningOutcomes: Array.from({ length: 5 }, (_, o) => ({
      id: `lo${o}`,
      esco: [c === 0 && o === 0 ? removed : pick(skills, c * 10 + o * 2).uri, pick(skills, c * 10 + o * 2 + 1).uri],
    })),
    targetOccupations: [pick(occupations, c * 2).uri, pick(occupations, c * 2 + 1).uri],
  }));
}

export async function run(): Promise<string> {
  if (!hasEsco) return "## Version diff\n\nskipped: ../shared/esco/v1.1.1 not found\n";
  const dir = mkdtempSync(join(tmpdir(), "gs-bench-diff-"));
  try {
    const older = (await importEsco(ESCO_ZIPS)).bundle;
    const base = await loadTaxonomy(older);
    const mods = chooseModifications(base);
    const size = stats(base);
    const newer = (await importEsco([writeModifiedEsco(ESCO_DIR, dir, mods)], { escoVersion: "v1.1.1" })).bundle;

    const load: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const same: number[] = [];
    const migrate: number[] = [];
    let changes = 0;
    let mappings = 0;
    let broken = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Baseline: load both bundles (fresh taxonomies each round).
      const loaded = await timed(async () => [await loadTaxonomy(older), await loadTaxonomy(newer)] as const);
      load.push(loaded.ms);
      const [a, b] = loaded.value;
      // Cold: the first diff on fresh taxonomies also decodes label columns and builds adjacency.
      const first = await timed(() => diffTaxonomies(a, b));
      cold.push(first.ms);
      changes = first.value.summary.total;
      warm.push((await timed(() => diffTaxonomies(a, b))).ms);
      const twin = await loadTaxonomy(older);
      same.push((await timed(() => diffTaxonomies(a, twin))).ms);
      const list = credentials(a, mods.remove.uri);
      const diff = first.value;
      const migrated = await timed(() => list.map((credential) => migrateMappings(a, b, credential, { diff })));
      migrate.push(migrated.ms);
      mappings = migrated.value.reduce((n, r) => n + r.summary.mappings, 0);
      broken = migrated.value.filter((r) => r.broken).length;
    }
    const rows: (string | number)[][] = [
      ["Load both bundles (baseline)", ms(median(load)), "1.00×"],
      [
        "Diff two full imports, cold (fresh taxonomies)",
        ms(median(cold)),
        `${(median(cold) / median(load)).toFixed(2)}×`,
      ],
      [
        "Diff two full imports, warm (same taxonomies again)",
        ms(median(warm)),
        `${(median(warm) / median(load)).toFixed(2)}×`,
      ],
      ["Diff two identical imports, cold", ms(median(same)), `${(median(same) / median(load)).toFixed(2)}×`],
      [
        `Migrate 50 credentials (${mappings} mappings), diff reused`,
        ms(median(migrate)),
        `${(median(migrate) / median(load)).toFixed(2)}×`,
      ],
    ];
    return [
      "## Version diff",
      "",
      `ESCO v1.1.1 (${n(size.concepts["skill"] ?? 0)} skills, ${n(size.concepts["occupation"] ?? 0)} occupations, ${n(size.relations.occupationSkill)} occupation–skill relations) against a modified copy of it (${changes} changes: a relabel, an alternative label, a skill dropped from the green collection with its green-share effects, a skill removed and re-added under a new URI, a switched relation); median of ${ROUNDS} rounds, each on freshly loaded bundles. ${broken} of 50 credentials had a broken mapping (the removed skill).`,
      "",
      table(["Step", "Median", "vs loading both bundles"], rows),
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
