/**
 * Quick ranking check while developing (not a benchmark): hit@10 and MRR@10 per kind of `searchSkills`,
 * and precision of the above-threshold top suggestion, on the tuning set, the old held-out set and the
 * developer set (bench/search-eval-dev.json) — never on set (b) or the no-fit test split, which are held
 * out. Also the share of no-fit *calibration* statements answered "no good match". The full ESCO import is
 * cached in .tmp/ (`npx tsx scripts/search-dev-eval.ts [--misses]`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  importEsco,
  loadTaxonomy,
  prepareSearch,
  searchSkills,
  suggestSkills,
  SUGGEST_THRESHOLD,
} from "../src/node/index.js";
import { ESCO_ZIPS, ROOT } from "../bench/util.js";

interface Q {
  id: string;
  kind: string;
  query: string;
  accept: string[];
}
const cache = join(ROOT, ".tmp", "dev-eval-esco.gsb");
if (!existsSync(cache)) {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  writeFileSync(cache, (await importEsco(ESCO_ZIPS)).bundle);
}
const taxonomy = await loadTaxonomy(readFileSync(cache));
prepareSearch(taxonomy);
const read = (f: string) =>
  existsSync(join(ROOT, f)) ? (JSON.parse(readFileSync(join(ROOT, f), "utf8")) as { queries: Q[] }).queries : [];
const sets: [string, Q[]][] = [
  ["tuning", read("bench/search-eval.json")],
  ["holdout", read("bench/search-eval-holdout.json")],
  ["dev", read("bench/search-eval-dev.json")],
  ["dev2", read("bench/search-eval-dev2.json")],
  ["jobads", read("bench/search-eval-jobads-dev.json")],
  ["calib", read("bench/threshold-calibration.json")],
];
const misses = process.argv.includes("--misses");
const f = (x: number) => x.toFixed(3);
for (const [name, queries] of sets) {
  if (queries.length === 0) continue;
  const by: Record<string, { n: number; hit: number; rr: number; above: number; ok: number }> = {};
  const started = performance.now();
  for (const q of queries) {
    const uris = searchSkills(taxonomy, q.query).map((h) => h.uri);
    const r = uris.findIndex((u) => q.accept.includes(u));
    for (const k of ["all", q.kind]) {
      const b = (by[k] ??= { n: 0, hit: 0, rr: 0, above: 0, ok: 0 });
      b.n++;
      if (r >= 0) {
        b.hit++;
        b.rr += 1 / (r + 1);
      }
    }
    const top = suggestSkills(taxonomy, q.query, { limit: 1 }).suggestions[0];
    if (top) {
      for (const k of ["all", q.kind]) {
        by[k]!.above++;
        if (q.accept.includes(top.uri)) by[k]!.ok++;
      }
    }
    if (misses && r !== 0 && name !== "calib")
      console.log(
        `  ${q.id} rank ${r + 1 || "-"}: ${q.query.slice(0, 90)} → ${searchSkills(taxonomy, q.query, { limit: 1 })[0]?.label}`,
      );
  }
  const line = Object.entries(by).map(
    ([k, b]) => `${k} ${f(b.hit / b.n)}/${f(b.rr / b.n)} p=${f(b.ok / Math.max(1, b.above))}(${b.above})`,
  );
  console.log(
    `${name.padEnd(8)} ${line.join("  ")}  ${((performance.now() - started) / queries.length).toFixed(1)} ms/q`,
  );
}
const noFit = (
  JSON.parse(readFileSync(join(ROOT, "bench/no-fit-outcomes.json"), "utf8")) as {
    statements: { kind: string; split: string; query: string }[];
  }
).statements.filter((s) => s.split === "calibration");
const rejected = noFit.filter((s) => suggestSkills(taxonomy, s.query).status !== "ok").length;
console.log(`no-fit calibration rejected at ${SUGGEST_THRESHOLD}: ${f(rejected / noFit.length)} (${noFit.length})`);
