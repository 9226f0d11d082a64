/**
 * Search benchmark on the official ESCO v1.1.1 download: green-skills' `searchSkills` against two
 * baselines over the same corpus (every skill's preferred, alternative and hidden English labels):
 * plain Fuse.js (`ignoreLocation`, threshold 0.4) and MiniSearch (fuzzy 0.2, prefix). For each engine:
 * hit@10 and MRR@10 on bench/search-eval.json, p50/p95 latency per query, index build time and memory
 * (heap growth after a forced GC). Set `SEARCH_BENCH_FUSE_EVERY=n` to run Fuse.js on every n-th query only
 * (it takes seconds per long query; the default, 1, runs it on all).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { type Taxonomy, getConcept, importEsco, listConcepts, loadTaxonomy, prepareSearch, searchSkills } from "../src/node/index.js";
import { loadTaxonomy as loadCore } from "../src/index.js";
import { ESCO_ZIPS, ROOT, hasEsco, mb, median, ms, percentile, table } from "./util.js";

interface EvalQuery {
  id: string;
  kind: "outcome" | "typo" | "keyword";
  query: string;
  accept: string[];
}
interface Doc {
  uri: string;
  pref: string;
  alt: string[];
  hidden: string[];
}
interface Engine {
  name: string;
  /** Builds the engine; returns the search function. */
  build: () => (query: string) => string[];
  /** Warm up (JIT) on other queries before timing. */
  warm: boolean;
  every: number;
}
interface Row {
  name: string;
  buildMs: number;
  heapBytes: number;
  hit: number;
  mrr: number;
  byKind: Record<string, { hit: number; n: number }>;
  p50: number;
  p95: number;
  queries: number;
}

// A forced GC makes heap deltas meaningful; `--expose-gc` is not needed with this.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

function measure(engine: Engine, queries: readonly EvalQuery[], warmup: readonly string[]): Row {
  const before = heap();
  const started = performance.now();
  const search = engine.build();
  const buildMs = performance.now() - started;
  const heapBytes = heap() - before;
  const sample = queries.filter((_, i) => i % engine.every === 0);
  if (engine.warm) for (const q of warmup) search(q);
  const latencies: number[] = [];
  let hits = 0;
  let rr = 0;
  const byKind: Row["byKind"] = {};
  for (const q of sample) {
    const t = performance.now();
    const top = search(q.query).slice(0, 10);
    latencies.push(performance.now() - t);
    const rank = top.findIndex((uri) => q.accept.includes(uri));
    const kind = (byKind[q.kind] ??= { hit: 0, n: 0 });
    kind.n++;
    if (rank >= 0) {
      hits++;
      kind.hit++;
      rr += 1 / (rank + 1);
    }
  }
  // Keep the engine alive until here so the heap figure above is not collected early.
  search("");
  return { name: engine.name, buildMs, heapBytes, hit: hits / sample.length, mrr: rr / sample.length, byKind, p50: median(latencies), p95: percentile(latencies, 95), queries: sample.length };
}

function corpus(taxonomy: Taxonomy): Doc[] {
  return listConcepts(taxonomy, { kind: "skill" }).map(({ uri }) => {
    const labels = getConcept(taxonomy, uri)?.labels["en"] ?? { pref: "", alt: [], hidden: [] };
    return { uri, pref: labels.pref, alt: labels.alt, hidden: labels.hidden };
  });
}

export async function run(): Promise<string> {
  const title = "## Search: searchSkills vs Fuse.js and MiniSearch";
  if (!hasEsco) return `${title}\n\nSkipped: ../shared/esco/v1.1.1 not found.\n`;
  const { queries } = JSON.parse(readFileSync(join(ROOT, "bench/search-eval.json"), "utf8")) as { queries: EvalQuery[] };
  const { bundle } = await importEsco(ESCO_ZIPS);
  const docs = corpus(await loadTaxonomy(bundle));
  const labels = docs.reduce((n, d) => n + 1 + d.alt.length + d.hidden.length, 0);
  const fuseEvery = Math.max(1, Number(process.env["SEARCH_BENCH_FUSE_EVERY"] ?? 1) || 1);

  // Cold start of green-skills on a fresh taxonomy: load the bundle, then the first search builds the index.
  let t = performance.now();
  const fresh = await loadTaxonomy(bundle);
  const loadMs = performance.now() - t;
  t = performance.now();
  searchSkills(fresh, "install heat pump");
  const firstMs = performance.now() - t;

  const engines: Engine[] = [
    {
      name: "green-skills `searchSkills`",
      build: () => {
        const taxonomy = loadTaxonomySync(bundle);
        prepareSearch(taxonomy);
        return (query) => searchSkills(taxonomy, query).map((h) => h.uri);
      },
      warm: true,
      every: 1,
    },
    {
      name: "MiniSearch (fuzzy 0.2, prefix)",
      build: () => {
        const mini = new MiniSearch<Doc>({
          idField: "uri",
          fields: ["pref", "alt", "hidden"],
          extractField: (doc, field) => {
            const value = doc[field as keyof Doc];
            return Array.isArray(value) ? value.join("\n") : value;
          },
        });
        mini.addAll(docs);
        return (query) => mini.search(query, { fuzzy: 0.2, prefix: true }).map((r) => String(r.id));
      },
      warm: true,
      every: 1,
    },
    {
      name: "Fuse.js (ignoreLocation, threshold 0.4)",
      build: () => {
        const fuse = new Fuse(docs, { keys: ["pref", "alt", "hidden"], ignoreLocation: true, threshold: 0.4 });
        return (query) => fuse.search(query, { limit: 10 }).map((r) => r.item.uri);
      },
      warm: false,
      every: fuseEvery,
    },
  ];
  // Warm-up queries are skill labels, not the evaluation queries, so no engine has seen those before timing.
  const warmup = docs.filter((_, i) => i % 50 === 0).map((d) => d.alt[0] ?? d.pref);
  const rows = engines.map((engine) => measure(engine, queries, warmup));
  const kinds = ["outcome", "typo", "keyword"];
  const pct = (x: number) => x.toFixed(3);
  const body = table(
    ["engine", "hit@10", "MRR@10", ...kinds.map((k) => `hit@10 ${k}`), "p50", "p95", "build", "heap"],
    rows.map((r) => [
      r.name + (r.queries < queries.length ? ` (${r.queries} of ${queries.length} queries)` : ""),
      pct(r.hit),
      pct(r.mrr),
      ...kinds.map((k) => (r.byKind[k] ? `${r.byKind[k]!.hit}/${r.byKind[k]!.n}` : "—")),
      ms(r.p50),
      ms(r.p95),
      ms(r.buildMs),
      mb(r.heapBytes),
    ]),
  );
  const [ours, mini, fuse] = rows as [Row, Row, Row];
  const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
  return [
    title,
    "",
    `Corpus: ${docs.length.toLocaleString("en-US")} skills, ${labels.toLocaleString("en-US")} English labels (preferred + alternative + hidden) of ESCO v1.1.1. ` +
      `${queries.length} evaluation queries (bench/search-eval.json: ${kinds.map((k) => `${queries.filter((q) => q.kind === k).length} ${k}`).join(", ")}); ` +
      "a hit is an accepted URI in the top 10.",
    "",
    body,
    "",
    `- Targets: p50 no higher than MiniSearch's (${ms(ours.p50)} vs ${ms(mini.p50)}): ${verdict(ours.p50 <= mini.p50)}; ` +
      `hit@10 ≥ 0.90 and above both baselines (${pct(ours.hit)} vs ${pct(mini.hit)} and ${pct(fuse.hit)}): ${verdict(ours.hit >= 0.9 && ours.hit > mini.hit && ours.hit > fuse.hit)}` +
      (fuse.queries < queries.length ? ` (Fuse.js ran on a sample of ${fuse.queries} queries, so its figures are not comparable; unset SEARCH_BENCH_FUSE_EVERY for the full run).` : "."),
    `- green-skills cold start: load the bundle ${ms(loadMs)}, then the first search ${ms(firstMs)} (it builds the label index; typo and synonym tables come with the first query that needs them). ` +
      "Its build figure above is `loadTaxonomy` + `prepareSearch` (label columns decoded, index, typo and synonym tables); the baselines' build starts from the prepared label corpus.",
    "- Latency: one timed pass over the evaluation queries, after a warm-up on other queries (skill labels; none for Fuse.js, whose queries take up to seconds). Heap: `heapUsed` growth across the build after a forced GC, with the engine alive.",
    "",
  ].join("\n");
}

/** The core (browser-safe) loader: synchronous for bundle bytes. */
function loadTaxonomySync(bundle: Uint8Array): Taxonomy {
  return loadCore(bundle);
}
