import * as z from "zod";
import { BUNDLE_FORMAT } from "./tag.js";

/**
 * The zod schemas of the bundle header and of the bundle object, exported from `green-skills/schemas`.
 * `loadTaxonomy` checks bundles with the plain checkers of `meta-check.ts` (same shapes, same issues; a
 * test compares them), so a page that only loads a bundle imports neither this module nor zod.
 *
 * @module
 */

/**
 * A data row the importer could not attach to the graph (for example an occupation–skill relation that
 * names an occupation missing from `occupations_en.csv`). Kept in the bundle so that no row is lost.
 */
export const UnresolvedRowSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The file the row came from. */
    file: z.string(),
    /** 1-based line where the row starts. */
    line: z.number().int(),
    /** The relation or membership the row describes (e.g. `occupationSkill`). */
    relation: z.string(),
    /** The column holding the URI that did not resolve. */
    column: z.string(),
    /** The URI that did not resolve. */
    uri: z.string(),
    /** The row's cells by header name. */
    row: z.record(z.string(), z.string()),
  }))();
/** @category Bundle */
export type UnresolvedRow = z.infer<typeof UnresolvedRowSchema>;

/** A collection (green, digital, transversal …) as recorded in a bundle. */
export const CollectionInfoSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Short name used in the API, e.g. `green`. */
    name: z.string().min(1),
    /** Human label, e.g. `Green skills`. */
    label: z.string(),
    /** The file it was imported from, if any. */
    file: z.string().optional(),
    /** Number of members. */
    size: z.number().int().nonnegative(),
  }))();
/** @category Bundle */
export type CollectionInfo = z.infer<typeof CollectionInfoSchema>;

/** The JSON header of a bundle. */
export const BundleMetaSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.number().int().positive(),
    /** ISO timestamp of creation. */
    createdAt: z.string(),
    /** The tool that wrote it, e.g. `green-skills 0.1.0`. */
    generator: z.string(),
    /** `full` for an ESCO import, `curated` for the embedded default (cited concepts only, no relations). */
    coverage: z.enum(["full", "curated"]),
    esco: z.strictObject({
      /** ESCO version such as `v1.1.1`, or `null` when it could not be detected. */
      version: z.string().nullable(),
      /** Language codes of the labels, default language first. */
      languages: z.array(z.string()).min(1),
      /** Files the data was imported from, with their data-row counts. */
      sources: z.array(z.strictObject({ file: z.string(), rows: z.number().int().nonnegative() })),
    }),
    /** Number of concepts (length of every `concept.*` column). */
    conceptCount: z.number().int().nonnegative(),
    collections: z.array(CollectionInfoSchema),
    unresolved: z.array(UnresolvedRowSchema),
    /** Free-form extension data (the curated framework layer of the embedded default lives here). */
    extensions: z.record(z.string(), z.unknown()).optional(),
  }))();
/** @category Bundle */
export type BundleMeta = z.infer<typeof BundleMetaSchema>;

// The values' element types are checked by `fromBundleObject` in plain loops (zod per element costs
// several times more on a full ESCO bundle in JSON form), with the same path in the message.
const columnShell = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.enum(["str", "strList", "i32", "u8", "f64"]),
    values: z.array(z.unknown()),
  }))();

/** The plain-object (JSON) form of a bundle, as accepted by `loadTaxonomy`. Unknown keys are rejected. */
export const BundleObjectSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    meta: BundleMetaSchema,
    columns: z.record(z.string(), columnShell),
  }))();

const u32 = /* @__PURE__ */ (() => z.number().int().min(0).max(0xffffffff))();
const size = /* @__PURE__ */ (() => z.number().int().nonnegative())();
const section = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.string().min(1),
    count: size,
    offset: size,
    length: size,
    crc32: u32,
  }))();
const DirectoryEntrySchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    section.extend({ type: z.enum(["str", "i32", "u8", "f64"]) }),
    section.extend({
      type: z.literal("strList"),
      itemCount: size,
      itemsOffset: size,
      itemsLength: size,
      itemsCrc32: u32,
    }),
  ]))();
/** A column's entry in the binary header's directory. @internal */
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

/**
 * The JSON header of a binary bundle (meta and column directory); `decodeBundle` checks it with the plain
 * `binaryHeaderChecker`.
 *
 * @internal
 */
export const HeaderSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    meta: BundleMetaSchema,
    byteLength: z.number().int().positive(),
    columns: z.array(DirectoryEntrySchema),
  }))();
/** @internal */
export type BinaryHeader = z.infer<typeof HeaderSchema>;
