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
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Taxonomy, importEsco, loadTaxonomy, queryLanguage, searchSkills } from "../src/node/index.js";
import { ESCO_ZIPS, ROOT, hasEsco, table } from "./util.js";

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
function quality(taxonomy: Taxonomy, queries: readonly EvalQuery[], lang?: string): { hit: number; mrr: number; byKind: Record<string, { hit: number; n: number }> } {
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
function flagged<Q extends { query: string }>(taxonomy: Taxonomy, queries: readonly Q[], expected: (q: Q) => string): { flagged: number; named: number } {
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

export async function run(): Promise<string> {
  const title = "## Languages (issue 15)";
  if (!hasEsco || !existsSync(FR) || !existsSync(DE)) return `${title}\n\nSkipped: ../shared/esco/v1.1.1, v1.1.1-fr or v1.2.1-de not found.\n`;
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
    rows.push([`${lang} (en+${lang})`, set.length, f3(detected.hit), f3(detected.mrr), kinds, f3(given.hit), f3(given.mrr), detected.hit >= 0.85 ? "met" : "**not met**"]);
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
    table(["set (import)", "queries", "hit@10", "MRR@10", "hit@10 by kind", "hit@10 with lang", "MRR@10 with lang", "target hit@10 ≥ 0.85"], rows),
    "",
    "Queries in languages that are not imported, on the English-only v1.1.1 import:",
    "",
    table(
      ["set", "queries", "flagged language_not_imported", "naming the right language", "target flagged ≥ 0.95"],
      [
        ["bench/lang-not-imported.json (25 languages)", foreign.length, f3(notImported.flagged), f3(notImported.named), notImported.flagged >= 0.95 ? "met" : "**not met**"],
        ["bench/lang-eval-fr.json on en only", sets[0]!.set.length, f3(frOnEnglish.flagged), f3(frOnEnglish.named), frOnEnglish.flagged >= 0.95 ? "met" : "**not met**"],
        ["bench/lang-eval-de.json on en only", sets[1]!.set.length, f3(deOnEnglish.flagged), f3(deOnEnglish.named), deOnEnglish.flagged >= 0.95 ? "met" : "**not met**"],
      ],
    ),
    "",
    `Not flagged, per language: ${missed.length > 0 ? missed.join(", ") : "none"}.`,
    "",
    `False alarms (any language warning) on the ${tuning.length} English queries of bench/search-eval.json: ${f3(falseAlarms(english, tuning))} on the English-only import, ${f3(falseAlarms(french, tuning))} on en+fr, ${f3(falseAlarms(german, tuning))} on en+de.`,
    "",
  ].join("\n");
}
