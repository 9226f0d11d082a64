/**
 * Integrity checks for the hand-written evaluation files of issue 12, against the official ESCO v1.1.1
 * English `skills_en.csv` (read directly, not through the engine or the importer):
 *
 * - bench/search-eval-2026-12.json (set b) and bench/threshold-calibration.json: every gold URI exists in
 *   skills_en.csv, `labels[i]` is exactly the preferred label of `accept[i]`, kinds, sectors and counts are as
 *   documented, and outcome statements do not copy a 5-word run of a gold concept's label or description;
 * - bench/no-fit-outcomes.json: no statement is a near-verbatim ESCO label (a 'no-fit' statement contains no
 *   preferred or alternative label of two or more words; no statement is mostly one label), and the
 *   calibration/test split is the one its seed produces in documented sizes.
 *
 * Run on its own: `npx tsx scripts/check-eval-sets.ts` (prints problems, exit 1 if any). The test
 * test/eval-sets.test.ts runs the same checks. Nothing here calls the search engine.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ESCO_DIR, ROOT } from "../bench/util.js";
import { parse } from "csv-parse/sync";

/** One row of skills_en.csv, reduced to what the checks need. */
export interface EscoSkillRow {
  uri: string;
  pref: string;
  alt: string[];
  description: string;
}

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks; CRLF or LF record ends) with csv-parse. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, bom: true }) as string[][];
}

/** Reads skills_en.csv by header name into a map from concept URI to its row. */
export function readSkills(escoDir: string = ESCO_DIR): Map<string, EscoSkillRow> {
  const [header, ...rows] = parseCsv(readFileSync(join(escoDir, "skills_en.csv"), "utf8"));
  if (!header) throw new Error("skills_en.csv is empty");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`skills_en.csv has no ${name} column`);
    return i;
  };
  const [uri, pref, alt, description] = [
    col("conceptUri"),
    col("preferredLabel"),
    col("altLabels"),
    col("description"),
  ];
  const skills = new Map<string, EscoSkillRow>();
  for (const r of rows) {
    if (r.length < header.length) continue;
    skills.set(r[uri]!, {
      uri: r[uri]!,
      pref: r[pref]!,
      alt: r[alt]!.split("\n").filter((a) => a.trim() !== ""),
      description: r[description]!,
    });
  }
  return skills;
}

const KINDS = ["outcome", "keyword", "typo"] as const;
const SECTORS = [
  "agrifood",
  "construction",
  "wood-furniture",
  "manufacturing",
  "sustainability-management",
  "public-sector",
  "ict",
  "care",
  "hospitality",
  "transport",
  "management",
  "crafts",
] as const;
const MASTERY_SECTORS = SECTORS.slice(0, 6);

/** A query with gold answers, as stored in set b and the calibration file. */
export interface GoldQuery {
  id: string;
  kind: string;
  sector: string;
  query: string;
  accept: string[];
  labels: string[];
  split?: string;
}

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
const normalised = (text: string): string => ` ${(text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ")} `;

/** The longest run of consecutive words of `query` that also occurs, as consecutive words, in `source`. */
export function longestSharedRun(query: string, source: string): string {
  const q = words(query);
  const s = ` ${words(source).join(" ")} `;
  for (let n = q.length; n > 0; n--) {
    for (let i = 0; i + n <= q.length; i++) {
      const run = q.slice(i, i + n).join(" ");
      if (s.includes(` ${run} `)) return run;
    }
  }
  return "";
}

/**
 * The documented calibration/test split: statements ordered by the SHA-256 hex digest of `${seed}:${statement}`,
 * the first half (rounded down) 'calibration', the rest 'test'. Returns the split of each statement, in input order.
 */
export function seededSplit(seed: number, statements: readonly string[]): ("calibration" | "test")[] {
  const digest = (s: string) => createHash("sha256").update(`${seed}:${s}`, "utf8").digest("hex");
  const order = statements
    .map((s, i) => ({ i, key: digest(s) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const split: ("calibration" | "test")[] = statements.map(() => "test");
  order.slice(0, Math.floor(statements.length / 2)).forEach(({ i }) => (split[i] = "calibration"));
  return split;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(ROOT, file), "utf8")) as T;
}

/** Checks gold queries (ids, kinds, sectors, URIs and preferred labels, copied ESCO text); appends to `problems`. */
export function checkGold(
  file: string,
  queries: readonly GoldQuery[],
  skills: ReadonlyMap<string, EscoSkillRow>,
  problems: string[],
): void {
  const ids = new Set<string>();
  const texts = new Set<string>();
  for (const q of queries) {
    const at = `${file} ${q.id}`;
    if (ids.has(q.id)) problems.push(`${at}: duplicate id`);
    ids.add(q.id);
    if (texts.has(q.query.toLowerCase())) problems.push(`${at}: duplicate query "${q.query}"`);
    texts.add(q.query.toLowerCase());
    if (!(KINDS as readonly string[]).includes(q.kind)) problems.push(`${at}: unknown kind ${q.kind}`);
    if (!(SECTORS as readonly string[]).includes(q.sector)) problems.push(`${at}: unknown sector ${q.sector}`);
    if (q.accept.length === 0) problems.push(`${at}: no gold URI`);
    if (q.accept.length !== q.labels.length)
      problems.push(`${at}: ${q.accept.length} URIs but ${q.labels.length} labels`);
    if (new Set(q.accept).size !== q.accept.length) problems.push(`${at}: repeated gold URI`);
    q.accept.forEach((uri, i) => {
      const skill = skills.get(uri);
      if (!skill) problems.push(`${at}: ${uri} is not in skills_en.csv`);
      else if (skill.pref !== q.labels[i])
        problems.push(`${at}: ${uri} is "${skill.pref}" in skills_en.csv, not "${q.labels[i]}"`);
      if (skill && q.kind === "outcome") {
        for (const source of [skill.pref, skill.description]) {
          const run = longestSharedRun(q.query, source);
          if (run.split(" ").length >= 5) problems.push(`${at}: copies "${run}" from the ESCO text of ${skill.pref}`);
        }
      }
    });
    if (q.kind === "keyword" && (words(q.query).length < 1 || q.query.split(/\s+/).length > 4))
      problems.push(`${at}: a keyword query has 1-4 words`);
    if (q.kind === "typo" && q.labels.some((l) => normalised(l) === normalised(q.query)))
      problems.push(`${at}: a typo query equals its gold label`);
  }
}

/** Runs every check; returns the problems found (empty when all files are consistent with ESCO). */
export function checkEvalSets(escoDir: string = ESCO_DIR): string[] {
  const skills = readSkills(escoDir);
  const problems: string[] = [];

  // Set b.
  const setB = readJson<{ provenance: string; queries: GoldQuery[] }>("bench/search-eval-2026-12.json");
  checkGold("search-eval-2026-12.json", setB.queries, skills, problems);
  const count = (kind: string) => setB.queries.filter((q) => q.kind === kind).length;
  if (setB.queries.length < 240) problems.push(`set b has ${setB.queries.length} queries, fewer than 240`);
  if (count("outcome") < 150) problems.push(`set b has ${count("outcome")} outcome queries, fewer than 150`);
  if (count("keyword") < 50) problems.push(`set b has ${count("keyword")} keyword queries, fewer than 50`);
  if (count("typo") < 40) problems.push(`set b has ${count("typo")} typo queries, fewer than 40`);
  for (const sector of SECTORS) {
    if (!setB.queries.some((q) => q.kind === "outcome" && q.sector === sector))
      problems.push(`set b has no outcome query for ${sector}`);
  }
  for (const sector of MASTERY_SECTORS) {
    if (setB.queries.filter((q) => q.kind === "outcome" && q.sector === sector).length < 15)
      problems.push(`set b has fewer than 15 outcome queries for ${sector}`);
  }

  // In-scope calibration outcomes: distinct from set b.
  const cal = readJson<{ provenance: string; queries: GoldQuery[] }>("bench/threshold-calibration.json");
  checkGold("threshold-calibration.json", cal.queries, skills, problems);
  if (cal.queries.length < 100)
    problems.push(`threshold-calibration.json has ${cal.queries.length} statements, fewer than 100`);
  const setBTexts = new Set(setB.queries.map((q) => q.query.toLowerCase()));
  for (const q of cal.queries) {
    if (setBTexts.has(q.query.toLowerCase())) problems.push(`threshold-calibration.json ${q.id}: also in set b`);
    if (q.kind !== "outcome" || q.split !== "calibration")
      problems.push(`threshold-calibration.json ${q.id}: must be an outcome in split calibration`);
  }

  // No-fit and near-miss statements.
  const noFit = readJson<{ seed: number; statements: { id: string; kind: string; split: string; query: string }[] }>(
    "bench/no-fit-outcomes.json",
  );
  const labels: { text: string; pref: string; words: number }[] = [];
  for (const s of skills.values()) {
    for (const label of [s.pref, ...s.alt]) {
      const text = normalised(label);
      const n = text.trim().split(" ").length;
      if (n >= 2) labels.push({ text, pref: s.pref, words: n });
    }
  }
  const prefs = new Set([...skills.values()].flatMap((s) => [s.pref, ...s.alt].map(normalised)));
  const seen = new Set<string>();
  for (const st of noFit.statements) {
    const at = `no-fit-outcomes.json ${st.id}`;
    if (!["no-fit", "near-miss"].includes(st.kind)) problems.push(`${at}: unknown kind ${st.kind}`);
    if (!["calibration", "test"].includes(st.split)) problems.push(`${at}: unknown split ${st.split}`);
    const text = normalised(st.query);
    if (seen.has(text)) problems.push(`${at}: duplicate statement`);
    seen.add(text);
    if (setBTexts.has(st.query.toLowerCase())) problems.push(`${at}: also in set b`);
    if (prefs.has(text)) problems.push(`${at}: is an ESCO label`);
    const size = text.trim().split(" ").length;
    for (const label of labels) {
      if (!text.includes(label.text)) continue;
      if (st.kind === "no-fit") problems.push(`${at}: contains the ESCO label "${label.text.trim()}" (${label.pref})`);
      else if (label.words * 2 >= size)
        problems.push(`${at}: is mostly the ESCO label "${label.text.trim()}" (${label.pref})`);
    }
  }
  for (const kind of ["no-fit", "near-miss"]) {
    const of = noFit.statements.filter((s) => s.kind === kind);
    const expected = seededSplit(
      noFit.seed,
      of.map((s) => s.query),
    );
    of.forEach((s, i) => {
      if (s.split !== expected[i])
        problems.push(`no-fit-outcomes.json ${s.id}: split is ${s.split}, the seed gives ${expected[i]}`);
    });
  }
  const nNoFit = noFit.statements.filter((s) => s.kind === "no-fit").length;
  const nNear = noFit.statements.filter((s) => s.kind === "near-miss").length;
  if (nNoFit < 120) problems.push(`no-fit-outcomes.json has ${nNoFit} no-fit statements, fewer than 120`);
  if (nNear < 40) problems.push(`no-fit-outcomes.json has ${nNear} near-miss statements, fewer than 40`);
  if (!Number.isInteger(noFit.seed)) problems.push("no-fit-outcomes.json: seed missing");

  // The ranking developers' own sets (tuned on, so they only have to be consistent with ESCO, say where they
  // come from, and share no statement with set (b)).
  for (const [file, mark] of [
    ["search-eval-dev.json", /BEFORE running the engine/],
    ["search-eval-dev2.json", /never ran the engine/],
    ["search-eval-jobads-dev.json", /never ran the engine/],
  ] as const) {
    if (!existsSync(join(ROOT, "bench", file))) continue;
    const dev = readJson<{ provenance: string; queries: GoldQuery[] }>(`bench/${file}`);
    checkGold(file, dev.queries, skills, problems);
    if (typeof dev.provenance !== "string" || !mark.test(dev.provenance))
      problems.push(`${file}: provenance missing or incomplete`);
    for (const q of dev.queries)
      if (setBTexts.has(q.query.toLowerCase())) problems.push(`${file} ${q.id}: also in set b`);
  }

  // Every file says where it comes from and that it is not for tuning.
  for (const [file, doc] of [
    ["search-eval-2026-12.json", setB],
    ["threshold-calibration.json", cal],
    ["no-fit-outcomes.json", noFit],
  ] as const) {
    const provenance = (doc as { provenance?: unknown }).provenance;
    if (typeof provenance !== "string" || !/never/i.test(provenance) || !/2026-12-02/.test(provenance))
      problems.push(`${file}: provenance missing or incomplete`);
    if (Object.keys(doc)[0] !== "provenance") problems.push(`${file}: provenance is not the first field`);
  }
  problems.push(...checkLanguageSets(escoDir, skills));
  return problems;
}

/** Letters-and-digits words of any script, lower case. */
const uWords = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize("NFC")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Preferred labels by URI from a collection file of the shared non-English sets (read directly with csv-parse). */
function collectionLabels(file: string): Map<string, string> {
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"));
  const uri = header!.indexOf("conceptUri");
  const pref = header!.indexOf("preferredLabel");
  return new Map(rows.map((r) => [r[uri]!, r[pref]!]));
}

const ESCO_LANGUAGE_CODES = "ar bg cs da de el es et fi fr ga hr hu is it lt lv mt nl no pl pt ro sk sl sv uk".split(
  " ",
);

/**
 * Checks the language sets of issue 15 (bench/lang-eval-fr.json, bench/lang-eval-de.json, against the shared
 * French v1.1.1 and German v1.2.1 green collection files their gold concepts were drawn from, and
 * bench/lang-not-imported.json). Without the shared French or German folder those two sets are not checked.
 */
export function checkLanguageSets(escoDir: string, skills: ReadonlyMap<string, EscoSkillRow>): string[] {
  const problems: string[] = [];
  for (const [lang, folder] of [
    ["fr", "../v1.1.1-fr"],
    ["de", "../v1.2.1-de"],
  ] as const) {
    const file = `lang-eval-${lang}.json`;
    const doc = readJson<{
      description: string;
      language: string;
      queries: { id: string; kind: string; query: string; accept: string[] }[];
    }>(`bench/${file}`);
    if (doc.language !== lang) problems.push(`${file}: language is ${doc.language}, not ${lang}`);
    if (!/without running the search engine/.test(doc.description) || !/2026-12-02/.test(doc.description))
      problems.push(
        `${file}: description must give the date and say the queries were written without running the engine`,
      );
    if (doc.queries.length < 50) problems.push(`${file}: ${doc.queries.length} queries, fewer than 50`);
    if (doc.queries.filter((q) => q.kind === "outcome").length < 15)
      problems.push(`${file}: fewer than 15 outcome statements`);
    const collection = join(escoDir, folder, `greenSkillsCollection_${lang}.csv`);
    const labels = existsSync(collection) ? collectionLabels(collection) : undefined;
    const ids = new Set<string>();
    const texts = new Set<string>();
    for (const q of doc.queries) {
      const at = `${file} ${q.id}`;
      if (ids.has(q.id)) problems.push(`${at}: duplicate id`);
      ids.add(q.id);
      if (texts.has(q.query.toLowerCase())) problems.push(`${at}: duplicate query`);
      texts.add(q.query.toLowerCase());
      if (q.kind !== "keyword" && q.kind !== "outcome") problems.push(`${at}: kind must be keyword or outcome`);
      if (q.kind === "keyword" && (uWords(q.query).length < 1 || uWords(q.query).length > 6))
        problems.push(`${at}: a keyword query has 1-6 words`);
      if (q.accept.length === 0) problems.push(`${at}: no gold URI`);
      for (const uri of q.accept) {
        if (!skills.has(uri)) problems.push(`${at}: ${uri} is not in the English skills_en.csv`);
        if (labels && !labels.has(uri))
          problems.push(`${at}: ${uri} is not in ${folder}/greenSkillsCollection_${lang}.csv`);
        const label = labels?.get(uri);
        if (label && q.kind === "outcome") {
          // An outcome statement paraphrases; it may not be a long label (five words or more, like the
          // 5-word-run rule of the English sets) with boilerplate around it.
          const own = uWords(label);
          if (own.length >= 5 && ` ${uWords(q.query).join(" ")} `.includes(` ${own.join(" ")} `))
            problems.push(`${at}: contains the whole ${lang} label "${label}"`);
        }
      }
    }
  }
  const foreign = readJson<{
    description: string;
    queries: { id: string; lang: string; kind: string; query: string }[];
  }>("bench/lang-not-imported.json");
  if (foreign.queries.length < 60)
    problems.push(`lang-not-imported.json: ${foreign.queries.length} queries, fewer than 60`);
  if (new Set(foreign.queries.map((q) => q.lang)).size < 20)
    problems.push("lang-not-imported.json: fewer than 20 languages");
  const seenForeign = new Set<string>();
  for (const q of foreign.queries) {
    const at = `lang-not-imported.json ${q.id}`;
    if (!ESCO_LANGUAGE_CODES.includes(q.lang)) problems.push(`${at}: ${q.lang} is not a non-English ESCO language`);
    if (q.kind !== "keyword" && q.kind !== "outcome") problems.push(`${at}: kind must be keyword or outcome`);
    if (seenForeign.has(q.query)) problems.push(`${at}: duplicate query`);
    seenForeign.add(q.query);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = checkEvalSets();
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? "eval sets: all checks passed" : `eval sets: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
