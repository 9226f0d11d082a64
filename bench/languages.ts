/**
 * `npm run bench -- languages` (issue 15): search quality per language and the flagging of queries in
 * languages that are not imported, on the real data (the English ESCO v1.1.1 download alone, and merged with
 * the shared French v1.1.1 and German v1.2.1 files).
 *
 * - hit@10 (and MRR@10) of bench/lang-eval-fr.json and bench/lang-eval-de.json, with the language
 *   detected (no `lang` option, as a designer would call it) and with `lang` given; target hit@10 ≥ 0.85;
 * - the share of bench/lang-not-imported.json flagged `language_not_imported` on the English-only import
 *   (target ≥ 0.95), and the share whose warning names the language the query is written in; the same for
 *   the French and German sets run on the English-only import;
 * - false alarms: the share of the English tuning set (bench/search-eval.json) that gets a language warning,
 *   on the English-only and on the English + French import.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ESCO_LANGUAGES } from "../src/search/lang/codes.js";
import { type Taxonomy, importEsco, loadTaxonomy, queryLanguage, searchSkills } from "../src/node/index.js";
import { ESCO_DIR, ESCO_ZIPS, ROOT, hasEsco, ms, table } from "./util.js";

const FR = resolve(ROOT, "../shared/esco/v1.1.1-fr");
const DE = resolve(ROOT, "../shared/esco/v1.2.1-de");

interface EvalQuery {
  id: string;
  kind: string;
  query: string;
  accept: string[];
}
interface ForeignQuery {
  id: string;
  lang: string;
  kind: string;
  query: string;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(join(ROOT, "bench", name), "utf8")) as T;

/** hit@10 and MRR@10 of a gold set. */
function quality(
  taxonomy: Taxonomy,
  queries: readonly EvalQuery[],
  lang?: string,
): { hit: number; mrr: number; byKind: Record<string, { hit: number; n: number }> } {
  let hits = 0;
  let rr = 0;
  const byKind: Record<string, { hit: number; n: number }> = {};
  for (const q of queries) {
    const hits10 = searchSkills(taxonomy, q.query, { limit: 10, ...(lang ? { lang } : {}) });
    const rank = hits10.findIndex((h) => q.accept.includes(h.uri));
    const kind = (byKind[q.kind] ??= { hit: 0, n: 0 });
    kind.n++;
    if (rank >= 0) {
      hits++;
      rr += 1 / (rank + 1);
      kind.hit++;
    }
  }
  return { hit: hits / queries.length, mrr: rr / queries.length, byKind };
}

/** Share of queries with a `language_not_imported` warning, and of those naming `expected(q)`. */
function flagged<Q extends { query: string }>(
  taxonomy: Taxonomy,
  queries: readonly Q[],
  expected: (q: Q) => string,
): { flagged: number; named: number } {
  let flaggedCount = 0;
  let named = 0;
  for (const q of queries) {
    const warning = queryLanguage(taxonomy, q.query).warnings.find((w) => w.code === "language_not_imported");
    if (warning) flaggedCount++;
    if (warning?.lang === expected(q)) named++;
  }
  return { flagged: flaggedCount / queries.length, named: named / queries.length };
}

/** Share of queries that get any language warning (false alarms on English queries). */
function falseAlarms(taxonomy: Taxonomy, queries: readonly { query: string }[]): number {
  return queries.filter((q) => queryLanguage(taxonomy, q.query).warnings.length > 0).length / queries.length;
}

const f3 = (x: number) => x.toFixed(3);

/** Runs bench/lang-scale-child.ts in a fresh process and parses its JSON line. */
function child(...args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "lang-scale-child.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as Record<string, number>;
}

/**
 * Import, cold load and peak RSS for 1, 2, 4 and 28 languages (issue 15, item 4): English v1.1.1 (extracted
 * CSV files), + French, + German and one synthesised language, + 25 synthesised languages. A synthesised
 * language is a copy of the French files under another language suffix (same size and shape, French text).
 */
function scale(): string {
  const root = mkdtempSync(join(tmpdir(), "gs-lang-scale-"));
  try {
    const en = join(root, "en");
    mkdirSync(en);
    for (const f of readdirSync(ESCO_DIR).filter((f) => f.endsWith(".csv")))
      symlinkSync(join(ESCO_DIR, f), join(en, f));
    const synthetic = ESCO_LANGUAGES.filter((l) => !["en", "fr", "de"].includes(l));
    const synth = synthetic.map((lang) => {
      const dir = join(root, lang);
      mkdirSync(dir);
      for (const f of readdirSync(FR).filter((f) => f.endsWith("_fr.csv")))
        copyFileSync(join(FR, f), join(dir, f.replace("_fr.csv", `_${lang}.csv`)));
      return dir;
    });
    const configs = [
      { n: 1, paths: [en] },
      { n: 2, paths: [en, FR] },
      { n: 4, paths: [en, FR, DE, synth[0]!] },
      { n: 28, paths: [en, FR, DE, ...synth] },
    ];
    const rows: (string | number)[][] = [];
    let base: Record<string, number> | undefined;
    for (const { n, paths } of configs) {
      const bundle = join(root, `b${n}.gsb`);
      const imported = child("import", bundle, ...paths);
      const loaded = child("load", bundle, n === 1 ? "en" : "fr");
      base ??= loaded;
      const extra = n - 1;
      const perLoad = extra > 0 ? (loaded.loadMs! - base.loadMs!) / extra : 0;
      const perRss = extra > 0 ? (loaded.maxRssMb! - base.maxRssMb!) / extra : 0;
      rows.push([
        n,
        `${(imported.bytes! / 1048576).toFixed(0)} MB`,
        ms(imported.importMs!),
        ms(imported.parseMs!),
        `${(imported.importMs! / imported.parseMs!).toFixed(2)}×`,
        `${ms(imported.defaultImportMs!)} (${(imported.defaultImportMs! / imported.parseMs!).toFixed(2)}×)`,
        ms(loaded.loadMs!),
        extra > 0 ? ms(perLoad) : "–",
        ms(loaded.firstSearchMs!),
        `${loaded.maxRssMb!.toFixed(0)} MB`,
        extra > 0 ? `${perRss.toFixed(1)} MB` : "–",
      ]);
    }
    return [
      "Scale (1, 2, 4 and 28 languages; 4 = en, fr, de + 1 synthesised, 28 = en, fr, de + 25 synthesised, each a copy of the French files under another suffix). Import single-threaded (`workers: false`) and with the default options (parsing in worker threads, as `green-skills import` and the foundation benchmark run it), each against bare single-threaded csv-parse of the same CSV text; cold load = `loadTaxonomy` of the bundle bytes in a fresh process; first search = one search with `lang` (builds that language's index); peak RSS of the load process (load + that search). Targets: import ≤ 1.2× csv-parse; cold load +≤ 15 ms and peak RSS +≤ 15 MB per extra language.",
      "",
      table(
        [
          "languages",
          "CSV text",
          "import",
          "csv-parse",
          "import / parse",
          "default import (workers) / parse",
          "cold load",
          "load per extra language",
          "first search (index of one language)",
          "peak RSS",
          "RSS per extra language",
        ],
        rows,
      ),
    ].join("\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const title = "## Languages (issue 15)";
  if (!hasEsco || !existsSync(FR) || !existsSync(DE))
    return `${title}\n\nSkipped: ../shared/esco/v1.1.1, v1.1.1-fr or v1.2.1-de not found.\n`;
  const english = await loadTaxonomy((await importEsco(ESCO_ZIPS)).bundle);
  const french = await loadTaxonomy((await importEsco([...ESCO_ZIPS, FR])).bundle);
  // The German set is v1.2.1; merged with the English v1.1.1 download it is imported as v1.1.1.
  const german = await loadTaxonomy((await importEsco([...ESCO_ZIPS, DE], { escoVersion: "v1.1.1" })).bundle);
  const sets = [
    { lang: "fr", taxonomy: french, set: read<{ queries: EvalQuery[] }>("lang-eval-fr.json").queries },
    { lang: "de", taxonomy: german, set: read<{ queries: EvalQuery[] }>("lang-eval-de.json").queries },
  ];
  const rows: (string | number)[][] = [];
  for (const { lang, taxonomy, set } of sets) {
    const detected = quality(taxonomy, set);
    const given = quality(taxonomy, set, lang);
    const kinds = Object.entries(detected.byKind)
      .map(([kind, k]) => `${kind} ${f3(k.hit / k.n)} (${k.n})`)
      .join(", ");
    rows.push([
      `${lang} (en+${lang})`,
      set.length,
      f3(detected.hit),
      f3(detected.mrr),
      kinds,
      f3(given.hit),
      f3(given.mrr),
      detected.hit >= 0.85 ? "met" : "**not met**",
    ]);
  }
  const foreign = read<{ queries: ForeignQuery[] }>("lang-not-imported.json").queries;
  const notImported = flagged(english, foreign, (q) => q.lang);
  const frOnEnglish = flagged(english, sets[0]!.set, () => "fr");
  const deOnEnglish = flagged(english, sets[1]!.set, () => "de");
  const tuning = read<{ queries: { query: string }[] }>("search-eval.json").queries;
  const byLang = new Map<string, { n: number; flagged: number }>();
  for (const q of foreign) {
    const entry = byLang.get(q.lang) ?? { n: 0, flagged: 0 };
    entry.n++;
    if (queryLanguage(english, q.query).warnings.some((w) => w.code === "language_not_imported")) entry.flagged++;
    byLang.set(q.lang, entry);
  }
  const missed = [...byLang].filter(([, e]) => e.flagged < e.n).map(([lang, e]) => `${lang} ${e.flagged}/${e.n}`);
  return [
    title,
    "",
    "hit@10 per language (gold sets written without running the engine; the query's language detected, no `lang` option), and with `lang` given:",
    "",
    table(
      [
        "set (import)",
        "queries",
        "hit@10",
        "MRR@10",
        "hit@10 by kind",
        "hit@10 with lang",
        "MRR@10 with lang",
        "target hit@10 ≥ 0.85",
      ],
      rows,
    ),
    "",
    "Queries in languages that are not imported, on the English-only v1.1.1 import:",
    "",
    table(
      ["set", "queries", "flagged language_not_imported", "naming the right language", "target flagged ≥ 0.95"],
      [
        [
          "bench/lang-not-imported.json (25 languages)",
          foreign.length,
          f3(notImported.flagged),
          f3(notImported.named),
          notImported.flagged >= 0.95 ? "met" : "**not met**",
        ],
        [
          "bench/lang-eval-fr.json on en only",
          sets[0]!.set.length,
          f3(frOnEnglish.flagged),
          f3(frOnEnglish.named),
          frOnEnglish.flagged >= 0.95 ? "met" : "**not met**",
        ],
        [
          "bench/lang-eval-de.json on en only",
          sets[1]!.set.length,
          f3(deOnEnglish.flagged),
          f3(deOnEnglish.named),
          deOnEnglish.flagged >= 0.95 ? "met" : "**not met**",
        ],
      ],
    ),
    "",
    `Not flagged, per language: ${missed.length > 0 ? missed.join(", ") : "none"}.`,
    "",
    `False alarms (any language warning) on the ${tuning.length} English queries of bench/search-eval.json: ${f3(falseAlarms(english, tuning))} on the English-only import, ${f3(falseAlarms(french, tuning))} on en+fr, ${f3(falseAlarms(german, tuning))} on en+de.`,
    "",
    process.env["LANG_BENCH_SCALE"] === "0" ? "Scale part skipped (LANG_BENCH_SCALE=0)." : scale(),
    "",
  ].join("\n");
}
