/**
 * Search benchmark on the official ESCO v1.1.1 download: green-skills' `searchSkills` against two
 * baselines over the same corpus (every skill's preferred, alternative and hidden English labels):
 * plain Fuse.js (`ignoreLocation`, threshold 0.4) and MiniSearch (fuzzy 0.2, prefix). For each engine:
 * hit@10 and MRR@10 (overall and per kind), p50/p95 latency per query, index build time and memory (heap
 * growth after a forced GC), on the tuning set (bench/search-eval.json), the independent set (b)
 * (bench/search-eval-2026-12.json, never used for tuning) and the old held-out set. Then the "no good
 * match" threshold figures, suggest over 1,000 outcomes and validate with the plausibility rule.
 * Set `SEARCH_BENCH_FUSE_EVERY=n` to run Fuse.js on every n-th query only (it takes seconds per long query;
 * the default, 1, runs it on all), or `SEARCH_BENCH_FUSE=skip` to leave it out while iterating.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { readdirSync } from "node:fs";
import {
  SUGGEST_THRESHOLD,
  type Taxonomy,
  getConcept,
  importEsco,
  listConcepts,
  loadTaxonomy,
  prepareSearch,
  searchSkills,
  suggestSkills,
  validateCredentialFile,
} from "../src/node/index.js";
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
  byKind: Record<string, { hit: number; rr: number; n: number }>;
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
    const kind = (byKind[q.kind] ??= { hit: 0, rr: 0, n: 0 });
    kind.n++;
    if (rank >= 0) {
      hits++;
      kind.hit++;
      rr += 1 / (rank + 1);
      kind.rr += 1 / (rank + 1);
    }
  }
  // Keep the engine alive until here so the heap figure above is not collected early.
  search("");
  return {
    name: engine.name,
    buildMs,
    heapBytes,
    hit: hits / sample.length,
    mrr: rr / sample.length,
    byKind,
    p50: median(latencies),
    p95: percentile(latencies, 95),
    queries: sample.length,
  };
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
  const { queries } = JSON.parse(readFileSync(join(ROOT, "bench/search-eval.json"), "utf8")) as {
    queries: EvalQuery[];
  };
  // A second set written independently and never used for tuning: the honest estimate for new queries.
  const holdout = (
    JSON.parse(readFileSync(join(ROOT, "bench/search-eval-holdout.json"), "utf8")) as { queries: EvalQuery[] }
  ).queries;
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
  // The first free-text query also builds the synonym table and the description index.
  t = performance.now();
  suggestSkills(fresh, "Learners can explain how insulation reduces the heat loss of a building");
  const firstOutcomeMs = performance.now() - t;

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
  const fuseMode =
    process.env["SEARCH_BENCH_FUSE"] === "skip"
      ? "skipped"
      : fuseEvery > 1
        ? `sampled: every ${fuseEvery}th query`
        : "all queries";
  const active = fuseMode === "skipped" ? engines.slice(0, 2) : engines;
  const setB = (
    JSON.parse(readFileSync(join(ROOT, "bench/search-eval-2026-12.json"), "utf8")) as { queries: EvalQuery[] }
  ).queries;
  const sets = [
    { name: "(a) tuning set, bench/search-eval.json (used while choosing the ranking constants: optimistic)", queries },
    {
      name: "(b) independent set, bench/search-eval-2026-12.json (written without running the engine; never used for tuning)",
      queries: setB,
    },
    { name: "old held-out set, bench/search-eval-holdout.json", queries: holdout },
  ];
  const kinds = ["outcome", "typo", "keyword"];
  const pct = (x: number) => x.toFixed(3);
  const results = sets.map((set) => ({ set, rows: active.map((engine) => measure(engine, set.queries, warmup)) }));
  const tables = results.map(({ set, rows }) =>
    [
      `${set.name}: ${set.queries.length} queries (${kinds.map((k) => `${set.queries.filter((q) => q.kind === k).length} ${k}`).join(", ")})`,
      "",
      table(
        ["engine", "hit@10", "MRR@10", ...kinds.map((k) => `${k} hit / MRR`), "p50", "p95", "build", "heap"],
        rows.map((r) => [
          r.name + (r.queries < set.queries.length ? ` (sampled: ${r.queries} of ${set.queries.length} queries)` : ""),
          pct(r.hit),
          pct(r.mrr),
          ...kinds.map((k) =>
            r.byKind[k] ? `${pct(r.byKind[k]!.hit / r.byKind[k]!.n)} / ${pct(r.byKind[k]!.rr / r.byKind[k]!.n)}` : "—",
          ),
          ms(r.p50),
          ms(r.p95),
          ms(r.buildMs),
          mb(r.heapBytes),
        ]),
      ),
    ].join("\n"),
  );
  const [, b] = results;
  const [ours, mini] = b!.rows as [Row, Row];
  const outcomeB = ours.byKind["outcome"]!;
  const verdict = (ok: boolean) => (ok ? "met" : "**not met**");

  // The "no good match" threshold: no-fit test split, and precision of above-threshold top-1 on the sets.
  const taxonomy = await loadTaxonomy(bundle);
  prepareSearch(taxonomy);
  const noFit = (
    JSON.parse(readFileSync(join(ROOT, "bench/no-fit-outcomes.json"), "utf8")) as {
      statements: { kind: string; split: string; query: string }[];
    }
  ).statements;
  const noFitShare = (split: string, kind?: string) => {
    const chosen = noFit.filter((s) => s.split === split && (kind === undefined || s.kind === kind));
    return {
      n: chosen.length,
      share: chosen.filter((s) => suggestSkills(taxonomy, s.query).status !== "ok").length / chosen.length,
    };
  };
  const precision = (list: readonly EvalQuery[]) => {
    let above = 0;
    let correct = 0;
    for (const q of list) {
      const top = suggestSkills(taxonomy, q.query, { limit: 1 }).suggestions[0];
      if (!top) continue;
      above++;
      if (q.accept.includes(top.uri)) correct++;
    }
    return { above, n: list.length, precision: above > 0 ? correct / above : 0 };
  };
  const testNoFit = noFitShare("test");
  const testNoFitStrict = noFitShare("test", "no-fit");
  const testNear = noFitShare("test", "near-miss");
  const calibration = (
    JSON.parse(readFileSync(join(ROOT, "bench/threshold-calibration.json"), "utf8")) as { queries: EvalQuery[] }
  ).queries;
  const precisionRows = [
    ["(b) all queries", precision(setB)],
    ["(b) outcome statements", precision(setB.filter((q) => q.kind === "outcome"))],
    ["(a) tuning set, all queries", precision(queries)],
    ["threshold-calibration.json (in-scope calibration statements)", precision(calibration)],
  ] as const;

  // Batch speed: suggest over 1,000 outcome statements on a freshly loaded taxonomy (load and index build included).
  const outcomes = [...setB, ...calibration, ...queries, ...holdout]
    .filter((q) => q.kind === "outcome")
    .map((q) => q.query);
  const thousand = Array.from({ length: 1000 }, (_, i) => outcomes[i % outcomes.length]!);
  let started = performance.now();
  const batchTaxonomy = await loadTaxonomy(bundle);
  for (const text of thousand) suggestSkills(batchTaxonomy, text);
  const batchMs = performance.now() - started;
  // The same 1,000 outcomes through the CLI, as a designer runs it: a fresh process reading them from a
  // file on standard input (process start, loading the bundle, the index and printing included). Twice,
  // with an empty search cache of its own: the first run builds the index (and stores it in the cache),
  // the second restores it, as every later command on the same bundle does.
  const cliDir = mkdtempSync(join(tmpdir(), "gs-bench-cli-"));
  let cliColdMs = Number.NaN;
  let cliMs = Number.NaN;
  try {
    const bundleFile = join(cliDir, "esco.gsb");
    const inputFile = join(cliDir, "outcomes.txt");
    writeFileSync(bundleFile, bundle);
    writeFileSync(inputFile, `${thousand.map((t) => t.replace(/\s+/g, " ")).join("\n")}\n`);
    const bin = join(ROOT, "dist/cli/bin.js");
    // Timed from a small launcher process, as from a designer's shell: started from this benchmark's own
    // process, which holds every engine's index by now (over a gigabyte), the same run takes about 20 %
    // longer (measured 2026-12-03: 4.8 s against 3.7–4.2 s), which is not the CLI's cost.
    const launcher = `
      const { spawnSync } = require("node:child_process");
      const { readFileSync } = require("node:fs");
      const [bin, bundle, input] = process.argv.slice(1);
      const started = performance.now();
      const run = spawnSync(process.execPath, [bin, "suggest", "--esco", bundle], { input: readFileSync(input), maxBuffer: 1 << 28 });
      process.stdout.write(JSON.stringify({ ms: performance.now() - started, status: run.status, stderr: String(run.stderr) }));`;
    const env = { ...process.env, GREEN_SKILLS_CACHE_DIR: join(cliDir, "cache") };
    const timeCli = () => {
      const run = spawnSync(process.execPath, ["-e", launcher, bin, bundleFile, inputFile], { encoding: "utf8", env });
      const timed = JSON.parse(run.stdout || "{}") as { ms?: number; status?: number | null; stderr?: string };
      // Exit 1 means some outcome had no good match; anything else (or a note on stderr) is a failure of the run.
      if (run.status !== 0 || (timed.status !== 0 && timed.status !== 1) || timed.ms === undefined || timed.stderr)
        throw new Error(`green-skills suggest exited ${timed.status ?? run.status}: ${timed.stderr ?? run.stderr}`);
      return timed.ms;
    };
    cliColdMs = timeCli();
    cliMs = timeCli();
  } finally {
    rmSync(cliDir, { recursive: true, force: true });
  }
  // validate with the plausibility rule, per credential, after load (warm: one pass first).
  const examples = readdirSync(join(ROOT, "taxonomy/examples"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(ROOT, "taxonomy/examples", f));
  for (const file of examples) await validateCredentialFile(taxonomy, file);
  started = performance.now();
  const rounds = 5;
  for (let r = 0; r < rounds; r++) for (const file of examples) await validateCredentialFile(taxonomy, file);
  const validateMs = (performance.now() - started) / (rounds * examples.length);
  started = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const file of examples) await validateCredentialFile(taxonomy, file, { plausibility: false });
  const validateBareMs = (performance.now() - started) / (rounds * examples.length);

  return [
    title,
    "",
    `Corpus: ${docs.length.toLocaleString("en-US")} skills, ${labels.toLocaleString("en-US")} English labels (preferred + alternative + hidden) of ESCO v1.1.1; a hit is an accepted URI in the top 10. Fuse.js: ${fuseMode}.`,
    "",
    tables.join("\n\n"),
    "",
    `- Targets on (b): hit@10 ≥ 0.92 (${pct(ours.hit)}): ${verdict(ours.hit >= 0.92)}; outcome hit@10 ≥ 0.85 (${pct(outcomeB.hit / outcomeB.n)}): ${verdict(outcomeB.hit / outcomeB.n >= 0.85)}; ` +
      `MRR@10 ≥ 0.80 (${pct(ours.mrr)}): ${verdict(ours.mrr >= 0.8)}; p50 no higher than MiniSearch's (${ms(ours.p50)} vs ${ms(mini.p50)}): ${verdict(ours.p50 <= mini.p50)}; index build ≤ 500 ms (${ms(ours.buildMs)}): ${verdict(ours.buildMs <= 500)}.`,
    `- green-skills cold start: load the bundle ${ms(loadMs)}, then the first search ${ms(firstMs)} (it builds the label index), then the first free-text suggestion ${ms(firstOutcomeMs)} (it builds the synonym table and the description index). ` +
      "Its build figure is `loadTaxonomy` + `prepareSearch` (label columns decoded, index, typo and synonym tables); the baselines' build starts from the prepared label corpus.",
    "- Latency: one timed pass over the queries, after a warm-up on other queries (skill labels; none for Fuse.js). Heap: `heapUsed` growth across the build after a forced GC, with the engine alive.",
    "",
    `"No good match" threshold ${SUGGEST_THRESHOLD} (chosen on the calibration split of bench/no-fit-outcomes.json and bench/threshold-calibration.json):`,
    "",
    table(
      ["measure", "value", "target"],
      [
        [
          `no-fit TEST statements answered "no good match" (${testNoFit.n})`,
          pct(testNoFit.share),
          `≥ 0.80: ${verdict(testNoFit.share >= 0.8)}`,
        ],
        [
          `… of which no-fit (${testNoFitStrict.n}) / near-miss (${testNear.n})`,
          `${pct(testNoFitStrict.share)} / ${pct(testNear.share)}`,
          "",
        ],
        ...precisionRows.map(([name, p]) => [
          `precision of above-threshold top-1: ${name}`,
          `${pct(p.precision)} (${p.above} of ${p.n} answered)`,
          name.startsWith("(b)") ? `≥ 0.85: ${verdict(p.precision >= 0.85)}` : "",
        ]),
      ],
    ),
    "",
    `Batch: \`suggestSkills\` over 1,000 outcome statements on a freshly loaded full ESCO (load and index build included): ${ms(batchMs)} (target ≤ 5 s: ${verdict(batchMs <= 5000)}); \`green-skills suggest --esco <bundle> < outcomes.txt\` over the same 1,000 lines in a fresh process (started from a small launcher, as from a shell): ${ms(cliMs)} with the index restored from the search cache, as on every command after the first on a bundle (${verdict(cliMs <= 5000)}); ${ms(cliColdMs)} on the first, which builds the index and caches it. ` +
      `\`validateCredentialFile\` of the ${examples.length} examples after load: ${ms(validateMs)} per credential with the plausibility rule, ${ms(validateBareMs)} without (target ≤ 50 ms: ${verdict(validateMs <= 50)}).`,
    "",
  ].join("\n");
}

/** The core (browser-safe) loader: synchronous for bundle bytes. */
function loadTaxonomySync(bundle: Uint8Array): Taxonomy {
  return loadCore(bundle);
}
