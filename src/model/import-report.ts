import * as z from "zod";
import { IssueSchema } from "../issue.js";

/**
 * The import report: what was read, what was normalised, and every warning with its file and line.
 *
 * @module
 */

/**
 * One warning raised while importing.
 *
 * @category Import
 */
export const ImportWarningSchema = /* @__PURE__ */ (() =>
  IssueSchema.extend({
    /** Stable snake_case code, e.g. `dangling_reference`. */
    code: z.string(),
    /** Always `warning`: what the importer could not use is kept aside and named, never fatal. */
    severity: z.literal("warning"),
    /** Always empty: an import warning is placed by `file` and `line`, not by a path into a document. */
    path: z.tuple([]),
    /** The file, as given (`archive.zip > member.csv` inside a zip). */
    file: z.string(),
    /** 1-based line where the record starts, when the warning concerns one record. */
    line: z.number().int().positive().optional(),
  }))();
/** One warning raised while importing: an `Issue` placed by file and line. @category Import */
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

/**
 * Per-file accounting: every data row is imported or named in the warnings.
 *
 * @category Import
 */
export const ImportedFileSchema = /* @__PURE__ */ (() =>
  z.object({
    file: z.string(),
    /** What the file holds (`skills`, `collection`, `occupationSkillRelations` …), or `ignored`. */
    kind: z.string(),
    language: z.string().nullable(),
    /** Data rows (header and blank lines excluded). */
    rows: z.number().int().nonnegative(),
    /** Rows that went into the bundle as concepts, relations or members. */
    imported: z.number().int().nonnegative(),
    /** Rows kept aside as unresolved (named in `warnings` and stored in the bundle's `unresolved` list). */
    unresolved: z.number().int().nonnegative(),
    /** Columns kept verbatim in each concept's `extra` map because this version does not interpret them. */
    keptColumns: z.array(z.string()),
    /** Columns deliberately not imported (copies of data held elsewhere), with the reason. */
    ignoredColumns: z.array(z.object({ column: z.string(), why: z.string() })),
    /** Why the whole file was skipped, when it was. */
    skipped: z.string().optional(),
  }))();
/** @category Import */
export type ImportedFile = z.infer<typeof ImportedFileSchema>;

const RelationCountSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Data rows in the source file(s). */
    rows: z.number().int().nonnegative(),
    /** Relations imported into the graph. */
    imported: z.number().int().nonnegative(),
    /** Rows whose endpoints did not resolve (dangling references) or held a bad value. */
    unresolved: z.number().int().nonnegative(),
    essential: z.number().int().nonnegative().optional(),
    optional: z.number().int().nonnegative().optional(),
  }))();

/**
 * Dangling references: relation rows naming a concept the concept files do not define.
 *
 * @category Import
 */
export const DanglingSummarySchema = /* @__PURE__ */ (() =>
  z.object({
    relation: z.string(),
    file: z.string(),
    column: z.string(),
    /** Rows affected. */
    rows: z.number().int().nonnegative(),
    /** Distinct missing URIs. */
    distinctUris: z.number().int().nonnegative(),
    /** Up to five examples. */
    examples: z.array(z.object({ uri: z.string(), line: z.number().int() })),
  }))();
/** @category Import */
export type DanglingSummary = z.infer<typeof DanglingSummarySchema>;

/**
 * The full import report, as `green-skills import --json` prints it.
 *
 * @category Import
 */
export const ImportReportSchema = /* @__PURE__ */ (() =>
  z.object({
    escoVersion: z.string().nullable(),
    /** Where the version came from: `option`, or the file or folder name it was read from; `null` if unknown. */
    versionSource: z.string().nullable(),
    languages: z.array(z.string()),
    files: z.array(ImportedFileSchema),
    concepts: z.object({
      skill: z.number().int(),
      skillGroup: z.number().int(),
      occupation: z.number().int(),
      iscoGroup: z.number().int(),
      conceptScheme: z.number().int(),
      /** Skills by `skillType`. */
      skillTypes: z.record(z.string(), z.number().int()),
    }),
    relations: z.object({
      occupationSkill: RelationCountSchema,
      skillSkill: RelationCountSchema,
      broaderSkill: RelationCountSchema,
      broaderOcc: RelationCountSchema,
    }),
    /** Members per collection name (`green`, `digital`, `transversal`, `language`, `research` …). */
    collections: z.record(z.string(), z.number().int()),
    dangling: z.array(DanglingSummarySchema),
    /** What the importer normalised, by kind (trimmed labels, duplicate labels removed, ragged rows padded …). */
    normalised: z.record(z.string(), z.number().int()),
    warnings: z.array(ImportWarningSchema),
    /** The bundle written, when there was one. */
    bundle: z.object({ path: z.string(), bytes: z.number().int() }).nullable(),
    durationMs: z.number(),
  }))();
/** @category Import */
export type ImportReport = z.infer<typeof ImportReportSchema>;
