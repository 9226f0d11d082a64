/**
 * Benchmark of the framework layer on the real ESCO v1.1.1 import (../shared/esco): attaching the default
 * framework (merge report), sector profiles cold and warm, against two baselines measured in the same run —
 * loading the bundle, and ranking a sector's green skills through the public per-occupation API
 * (`skillsOfOccupation` + `isGreen`). Also the embedded default's load time.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  attachFramework,
  importEsco,
  isGreen,
  listSectors,
  loadTaxonomyFile,
  sectorOccupationUris,
  sectorProfile,
  skillsOfOccupation,
} from "../src/node/index.js";
import { defaultFramework, loadDefaultTaxonomy } from "../src/data.js";

const ESCO = resolve(import.meta.dirname, "../../shared/esco/v1.1.1/download");

function time<T>(fn: () => T, runs = 1): { ms: number; value: T } {
  let value = fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = fn();
  return { ms: (performance.now() - start) / runs, value };
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);

export async function run(): Promise<string> {
  const lines = ["## Framework layer (sectors, GreenComp)", ""];
  const embedded = time(() => loadDefaultTaxonomy(), 20);
  const embeddedList = time(() => listSectors(loadDefaultTaxonomy()), 20);
  if (!existsSync(ESCO)) {
    lines.push(
      `Embedded default: load ${fmt(embedded.ms)}, load + listSectors ${fmt(embeddedList.ms)}.`,
      "",
      `(Full-ESCO figures skipped: ${ESCO} not found.)`,
    );
    return lines.join("\n");
  }
  const zips = readdirSync(ESCO)
    .filter((f) => f.endsWith(".zip"))
    .map((f) => join(ESCO, f));
  const { bundle } = await importEsco(zips);
  const loadOnly = async () => {
    const start = performance.now();
    const taxonomy = await loadTaxonomyFile(bundle, { framework: false });
    return { taxonomy, ms: performance.now() - start };
  };
  const load = await loadOnly();
  const attach = time(() => attachFramework(load.taxonomy, defaultFramework), 5);

  // Cold: a fresh taxonomy, so sector membership and CSR adjacency are built inside the call.
  const fresh = (await loadOnly()).taxonomy;
  attachFramework(fresh, defaultFramework);
  const coldStart = performance.now();
  sectorProfile(fresh, "construction");
  const cold = performance.now() - coldStart;

  const rows: string[][] = [];
  for (const { id } of listSectors(load.taxonomy)) {
    const warm = time(() => sectorProfile(load.taxonomy, id), 10);
    const occupations = sectorOccupationUris(load.taxonomy, id);
    const naive = time(() => {
      const counts = new Map<string, number>();
      for (const uri of occupations) {
        for (const s of skillsOfOccupation(load.taxonomy, uri)) {
          if (isGreen(load.taxonomy, s.skill.uri))
            counts.set(s.skill.uri, (counts.get(s.skill.uri) ?? 0) + (s.relation === "essential" ? 1 : 0.5));
        }
      }
      return [...counts].sort((a, b) => b[1] - a[1]);
    }, 10);
    rows.push([id, String(occupations.length), String(warm.value.rankedCount), fmt(warm.ms), fmt(naive.ms)]);
  }
  lines.push(
    `ESCO ${load.taxonomy.escoVersion}, ${load.taxonomy.size.toLocaleString("en-US")} concepts. Baselines in the same run: loading the bundle took ${fmt(load.ms)}; ` +
      `the naive ranking loops over each occupation's skills through the public API.`,
    "",
    `- embedded default: load ${fmt(embedded.ms)}; load + \`listSectors\` ${fmt(embeddedList.ms)}`,
    `- \`attachFramework\` (merge report over ${attach.value.citations} citations): ${fmt(attach.ms)}`,
    `- first \`sectorProfile\` on a fresh taxonomy (builds sector membership and adjacency): ${fmt(cold)}`,
    "",
    "| sector | occupations | ranked green skills | `sectorProfile` (warm) | naive ranking via public API |",
    "|---|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  );
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${await run()}\n`);
