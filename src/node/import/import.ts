import { encodeBundle } from "../../bundle/binary.js";
import type { Column } from "../../bundle/columns.js";
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleMeta, CONCEPT_KINDS } from "../../bundle/format.js";
import { EscoImportError, InvalidArgumentError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { importCollectionFile } from "./collections.js";
import { importConceptFile } from "./concepts.js";
import type { ClassifiedFile, EscoFileKind } from "./detect.js";
import { type ImportPlan, type PlannedFile, planImport } from "./plan.js";
import { importDictionaryFile, importHierarchyFile } from "./hierarchy.js";
import { DanglingTracker, RELATION_FILES, importGreenShare, importRelationFile } from "./relations.js";
import type { ImportReport, ImportedFile } from "../../model/import-report.js";
import { type InputFile, type ZipCache, collectInputs, readInput } from "./sources.js";
import { UnzipBudget } from "./limits.js";
import { ImportState } from "./state.js";
import { type Table, checkText, parseRecords, tableFromRecords } from "./table.js";
import { ParseWorker, WORKER_MIN_BYTES, WorkerCsvError, canUseWorker } from "./worker.js";
import { argOptions, argStringArray } from "../../guard.js";

/**
 * The ESCO importer: reads the user's official download and builds a bundle.
 *
 * @module
 */

/**
 * Progress of an import, for a progress bar.
 *
 * @category Import
 */
export interface ImportProgress {
  /** Files handled so far. */
  readonly done: number;
  /** Files to handle in all. */
  readonly total: number;
  /** The file being handled. */
  readonly file: string;
}

/**
 * Options of {@link importEsco}.
 *
 * @category Import
 */
export interface ImportEscoOptions {
  /** The ESCO version (e.g. `v1.2.1`) when the file and folder names do not say it. Overrides detection. */
  escoVersion?: string;
  /** The language whose labels are the default (`en` when present, else the first found). */
  defaultLanguage?: string;
  /**
   * Parse the largest file on a worker thread while the rest is parsed here. `"auto"` (the default) does
   * so when the machine has more than one CPU and the file is large; `true` always does; `false` never.
   */
  workers?: boolean | "auto";
  /** Called as each file is handled. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Limit, in bytes, on the unzipped data of all zip members read (counted as they inflate, not taken from
   * their headers). Default 4 GiB, well above the largest official ESCO download (all 28 languages).
   * Past it the import stops with an {@link EscoImportError} of reason `too_large`.
   */
  maxUnzippedSize?: number;
  /**
   * Limit on how many times larger than its compressed data one zip member may inflate (members up to
   * 1 MiB are exempt). Default 100; ESCO members inflate less than 10 times, zip bombs about 1,000 times.
   */
  maxCompressionRatio?: number;
}

/**
 * The result of {@link importEsco}: the encoded bundle and the report.
 *
 * @category Import
 */
export interface ImportResult {
  /** The binary bundle; write it to a file or pass it to `loadTaxonomy`. */
  readonly bundle: Uint8Array;
  readonly meta: BundleMeta;
  readonly report: ImportReport;
}

/**
 * Imports an official ESCO CSV download (the zips as served, or folders of extracted CSV files; one or
 * more languages) into a bundle. Every data row ends up in the bundle or named in the report.
 *
 * @category Import
 * @param paths - Zip files, folders or CSV files.
 * @throws {@link EscoImportError} for unreadable or malformed input, naming the file (and line).
 * @example
 * ```ts
 * import { importEsco } from "green-skills/node";
 * const { bundle, report } = await importEsco(["ESCO dataset - v1.1.1 - classification - en - csv.zip",
 *   "ESCO dataset - v1.1.1 - classification -  - csv.zip"]);
 * report.concepts.skill //=> 13896
 * ```
 */
export async function importEsco(paths: readonly string[], options: ImportEscoOptions = {}): Promise<ImportResult> {
  argStringArray("importEsco", "paths", paths);
  argOptions("importEsco", options);
  const started = performance.now();
  checkArguments(paths, options);
  const budget = UnzipBudget.fromOptions(options);
  const zips: ZipCache = new Map();
  const { files, skipped } = await collectInputs(paths, zips);
  const report: ImportedFile[] = skipped.map((s) => ({
    file: s.display,
    kind: "ignored",
    language: null,
    rows: 0,
    imported: 0,
    unresolved: 0,
    keptColumns: [],
    ignoredColumns: [],
    skipped: s.why,
  }));

  const plan = planImport(files, paths, options);
  const { defaultLanguage, version, versionSource, required, unknown } = plan;
  const state = new ImportState();
  if (!version)
    state.warn(
      "version_unknown",
      paths.join(", "),
      "the ESCO version could not be detected from file or folder names; pass --esco-version (escoVersion) to record it",
    );
  const dangling = new DanglingTracker();
  const relationRows = new Map<string, number>();
  const work = plan.work.map((item) => ({
    c: item.c,
    run: stepRunner(item, { state, dangling, relationRows, defaultLanguage, relationFile: plan.relationFile }),
  }));

  // Offload the largest files to a worker thread (see docs/design-choices.md, "Import speed").
  const workers = options.workers ?? "auto";
  const offloaded = new Map<ClassifiedFile, Promise<Table>>();
  let worker: ParseWorker | undefined;
  if (workers === true || (workers === "auto" && canUseWorker())) {
    // One file, the largest: measured on ESCO v1.1.1, handing over more (skills_en.csv too) costs more in
    // dictionary encoding and hand-over than it saves.
    const chosen = new Set<ClassifiedFile>();
    const largest = [...work].sort((x, y) => y.c.file.size - x.c.file.size)[0];
    if (largest && (workers === true || largest.c.file.size >= WORKER_MIN_BYTES)) chosen.add(largest.c);
    if (chosen.size > 0) {
      worker = new ParseWorker();
      const w = worker;
      // Queue in the order the main thread needs the tables (each read waits for the previous post).
      let queued: Promise<unknown> = Promise.resolve();
      for (const item of work) {
        if (!chosen.has(item.c)) continue;
        const posted = queued.then(() => readInput(item.c.file, zips, budget));
        const table = posted.then((bytes) => w.parse(item.c.file, bytes));
        queued = posted.catch(() => undefined);
        table.catch(() => undefined);
        offloaded.set(item.c, table);
      }
    }
  }

  let done = 0;
  try {
    for (const item of work) {
      options.onProgress?.({ done, total: work.length, file: item.c.file.display });
      const table =
        (await offloaded.get(item.c)?.catch((error: unknown) => {
          if (error instanceof WorkerCsvError) return parseHere(item.c.file, zips, budget);
          throw error;
        })) ?? (await parseHere(item.c.file, zips, budget));
      if (table.rows === 0 && required.has(item.c)) {
        // A header and nothing else: a truncated or emptied download, never an ESCO release.
        throw new EscoImportError(
          "no_data",
          "the file has a header but no data rows; a complete ESCO download has data in every required file",
          { file: item.c.file.display, line: 2 },
        );
      }
      const entry = item.run(table);
      if (RELATION_FILES[item.c.kind] && !entry.skipped) relationRows.set(item.c.kind, table.rows);
      report.push(entry);
      done++;
    }
  } finally {
    worker?.close();
  }
  for (const u of unknown) {
    // Not ESCO data we know: named in the report with its row count, never silently dropped.
    let rows = 0;
    let why = u.why;
    try {
      rows = (await parseHere(u.file, zips, budget)).rows;
    } catch (error) {
      // A damaged zip or a limit reached stays an error, even in a file that would be ignored.
      if (!(error instanceof EscoImportError) || !UNREADABLE_CSV.has(error.reason)) throw error;
      why += "; it is not readable CSV either";
    }
    report.push({
      file: u.file.display,
      kind: "ignored",
      language: null,
      rows,
      imported: 0,
      unresolved: 0,
      keptColumns: [],
      ignoredColumns: [],
      skipped: why,
    });
    state.warn("unknown_file", u.file.display, `file ignored (${rows} data rows): ${why}`);
  }
  options.onProgress?.({ done, total: work.length, file: "" });

  if (!state.collections.has("green")) {
    state.warn("no_green_collection", paths.join(", "), "no greenSkillsCollection file: no skill will count as green");
  }
  for (const [code, count] of state.warningCounts) {
    const listed = state.warnings.filter((w) => w.code === code).length;
    if (count > listed)
      state.warnings.push({
        code,
        severity: "warning",
        path: [],
        file: "(summary)",
        message: `${count - listed} more "${code}" warnings not listed`,
      });
  }

  // Rows may all have been kept aside (no URI, conflicting kind): a taxonomy without skills or occupations
  // is no ESCO import.
  for (const [kind, fileKind] of [
    ["skill", "skills"],
    ["occupation", "occupations"],
  ] as const) {
    const code = CONCEPT_KINDS.indexOf(kind);
    if (state.kinds.includes(code)) continue;
    const file = plan.work.find(({ step }) => step.type === "concepts" && step.kind === fileKind && step.primary)!.c
      .file.display;
    const entry = report.find((f) => f.file === file);
    const why = state.warnings.find((w) => w.file === file);
    throw new EscoImportError(
      "no_data",
      `no ${kind} imported: none of the file's ${entry?.rows ?? 0} data rows could be imported${why ? ` (${why.line ? `line ${why.line}: ` : ""}${why.message})` : ""}`,
      { file },
    );
  }

  const columns: Record<string, Column> = state.columns(plan.languages);
  const collectionInfo = [...state.collections].map(([name, c]) => ({
    name,
    label: c.label,
    file: c.files.join(", "),
    size: c.members.size,
  }));
  const extensions: Record<string, unknown> = { ...state.extensions };
  if (state.hierarchyDepth > 0) extensions["hierarchyDepth"] = state.hierarchyDepth;
  const meta: BundleMeta = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    generator: `green-skills ${VERSION}`,
    coverage: "full",
    esco: {
      version,
      languages: [...plan.languages],
      sources: report.filter((f) => !f.skipped).map((f) => ({ file: f.file, rows: f.rows })),
    },
    conceptCount: state.uris.length,
    collections: collectionInfo,
    unresolved: state.unresolved,
    extensions,
  };
  const bundle = encodeBundle(meta, columns);

  const kindCounts = Object.fromEntries(CONCEPT_KINDS.map((k) => [k, 0])) as Record<
    (typeof CONCEPT_KINDS)[number],
    number
  >;
  const skillTypes: Record<string, number> = {};
  state.kinds.forEach((code, i) => {
    const kind = CONCEPT_KINDS[code]!;
    kindCounts[kind]++;
    if (kind === "skill") {
      const t = state.scalars.skillType[i] || "(none)";
      skillTypes[t] = (skillTypes[t] ?? 0) + 1;
    }
  });
  const relationCount = (kind: EscoFileKind, relation: keyof ImportState["relations"]) => {
    const entry = report.find((f) => f.kind === kind && !f.skipped);
    const out: ImportReport["relations"]["occupationSkill"] = {
      rows: entry?.rows ?? 0,
      imported: entry?.imported ?? 0,
      unresolved: entry?.unresolved ?? 0,
    };
    const types = (state.relations[relation] as { type?: number[] }).type;
    if (types) {
      out.essential = types.filter((t) => t === 0).length;
      out.optional = types.length - out.essential;
    }
    return out;
  };
  const result: ImportReport = {
    escoVersion: version,
    versionSource,
    languages: [...plan.languages],
    files: report,
    concepts: { ...kindCounts, skillTypes },
    relations: {
      occupationSkill: relationCount("occupationSkillRelations", "occupationSkill"),
      skillSkill: relationCount("skillSkillRelations", "skillSkill"),
      broaderSkill: relationCount("broaderRelationsSkillPillar", "broaderSkill"),
      broaderOcc: relationCount("broaderRelationsOccPillar", "broaderOcc"),
    },
    collections: Object.fromEntries(collectionInfo.map((c) => [c.name, c.size])),
    dangling: dangling.summaries(),
    normalised: state.normaliser.counts,
    warnings: state.warnings,
    bundle: null,
    durationMs: Math.round(performance.now() - started),
  };
  return { bundle, meta, report: result };
}

/** Misuse is an {@link InvalidArgumentError}, never a raw `TypeError` from deep inside the import. */
function checkArguments(paths: unknown, options: unknown): asserts options is ImportEscoOptions {
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string" && p !== "")) {
    throw new InvalidArgumentError(
      "importEsco",
      "paths",
      "an array of file or folder paths (non-empty strings)",
      paths,
    );
  }
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new InvalidArgumentError("importEsco", "options", "an object", options);
  const o = options as Record<string, unknown>;
  const check = (name: string, ok: (v: unknown) => boolean, expected: string) => {
    if (o[name] !== undefined && !ok(o[name]))
      throw new InvalidArgumentError("importEsco", `options.${name}`, expected, o[name]);
  };
  check("escoVersion", (v) => typeof v === "string", "a string such as v1.2.1");
  check("defaultLanguage", (v) => typeof v === "string", "a language code such as en");
  check("workers", (v) => typeof v === "boolean" || v === "auto", 'true, false or "auto"');
  check("onProgress", (v) => typeof v === "function", "a function");
}

/** Reasons that only say an ignored file is not ESCO-like CSV. */
const UNREADABLE_CSV: ReadonlySet<string> = new Set(["csv_syntax", "not_esco", "bad_header", "bad_value"]);

async function parseHere(file: InputFile, zips: ZipCache, budget: UnzipBudget): Promise<Table> {
  const bytes = await readInput(file, zips, budget);
  return tableFromRecords(file.display, parseRecords(checkText(bytes, file.display), file.display));
}

/** What a step needs besides its table. */
interface StepContext {
  readonly state: ImportState;
  readonly dangling: DanglingTracker;
  /** Data rows of each relation file used, to compare its copies with. */
  readonly relationRows: Map<string, number>;
  readonly defaultLanguage: string;
  readonly relationFile: ImportPlan["relationFile"];
}

/** The parse-and-import function of one planned file. */
function stepRunner({ c, step }: PlannedFile, ctx: StepContext): (table: Table) => ImportedFile {
  const { state, defaultLanguage } = ctx;
  switch (step.type) {
    case "concepts":
      return (t) => importConceptFile(state, t, step.kind, step.language, step.primary);
    case "hierarchy":
      return (t) => importHierarchyFile(state, t, step.language);
    case "collection":
      return (t) => importCollectionFile(state, t, step.collection, step.language);
    case "relations":
      return (t) => importRelationFile(state, t, step.kind, ctx.dangling);
    case "greenShare":
      return (t) => importGreenShare(state, t, "greenShareOcc");
    case "dictionary":
      return (t) => importDictionaryFile(state, t, step.language);
    case "copy":
      if (step.of === "hierarchy")
        return (t) => ({
          ...countOnly(t, "skillsHierarchy", step.language),
          skipped: `same paths as the ${defaultLanguage} hierarchy file; only its labels differ, and labels come from the concept files`,
        });
      if (step.of === "greenShare")
        return (t) => ({
          ...countOnly(t, "greenShareOcc", step.language),
          skipped: "green shares are language independent; taken from the default language's file",
        });
      return (t) => {
        const usedFile = ctx.relationFile.get(c.kind)?.file.display;
        const used = ctx.relationRows.get(c.kind);
        const same = used === t.rows;
        if (!same)
          state.warn(
            "relation_copy_differs",
            t,
            `this copy has ${t.rows} rows but the copy used (${usedFile}) has ${used}`,
          );
        return {
          ...countOnly(t, c.kind, c.language),
          skipped: `another copy of ${usedFile}${same ? " with the same number of rows" : ""}; relations are language independent`,
        };
      };
  }
}

function countOnly(table: Table, kind: string, language: string | null): ImportedFile {
  return {
    file: table.file,
    kind,
    language,
    rows: table.rows,
    imported: 0,
    unresolved: 0,
    keptColumns: [],
    ignoredColumns: [],
  };
}
