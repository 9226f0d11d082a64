import * as z from "zod";
import { InvalidBundleError } from "../errors.js";

/**
 * The versioned bundle format. A bundle holds one imported ESCO version (or the curated embedded default)
 * as named columns plus a JSON header. See `docs/bundle-format.md`.
 *
 * @module
 */

/** The `format` tag every bundle carries. */
export const BUNDLE_FORMAT = "green-skills-bundle";
/** The bundle format version this build reads and writes (2 added checksums; see `docs/bundle-format.md`). */
export const BUNDLE_FORMAT_VERSION = 2;
/** The magic bytes at the start of a binary bundle file (`\x89GSKB\r\n\x1a`). */
export const BUNDLE_MAGIC: Uint8Array = Uint8Array.of(0x89, 0x47, 0x53, 0x4b, 0x42, 0x0d, 0x0a, 0x1a);

/** Concept kinds, in the order of their numeric codes in the `concept.kind` column. */
export const CONCEPT_KINDS = ["skill", "skillGroup", "occupation", "iscoGroup", "conceptScheme"] as const;
/** The kind of an ESCO concept. */
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/** Relation types of occupation–skill and skill–skill relations, in code order. */
export const RELATION_TYPES = ["essential", "optional"] as const;
/** Whether a relation is essential or optional. */
export type RelationType = (typeof RELATION_TYPES)[number];

/**
 * A data row the importer could not attach to the graph (for example an occupation–skill relation that
 * names an occupation missing from `occupations_en.csv`). Kept in the bundle so that no row is lost.
 */
export const UnresolvedRowSchema = /* @__PURE__ */ z.strictObject({
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
});
/** @category Bundle */
export type UnresolvedRow = z.infer<typeof UnresolvedRowSchema>;

/** A collection (green, digital, transversal …) as recorded in a bundle. */
export const CollectionInfoSchema = /* @__PURE__ */ z.strictObject({
  /** Short name used in the API, e.g. `green`. */
  name: z.string().min(1),
  /** Human label, e.g. `Green skills`. */
  label: z.string(),
  /** The file it was imported from, if any. */
  file: z.string().optional(),
  /** Number of members. */
  size: z.number().int().nonnegative(),
});
/** @category Bundle */
export type CollectionInfo = z.infer<typeof CollectionInfoSchema>;

/** The JSON header of a bundle. */
export const BundleMetaSchema = /* @__PURE__ */ z.strictObject({
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
});
/** @category Bundle */
export type BundleMeta = z.infer<typeof BundleMetaSchema>;

// The values' element types are checked by `fromBundleObject` in plain loops (zod per element costs
// several times more on a full ESCO bundle in JSON form), with the same path in the message.
const columnShell = /* @__PURE__ */ z.strictObject({
  type: z.enum(["str", "strList", "i32", "u8", "f64"]),
  values: z.array(z.unknown()),
});

/** The plain-object (JSON) form of a bundle, as accepted by `loadTaxonomy`. Unknown keys are rejected. */
export const BundleObjectSchema = /* @__PURE__ */ z.strictObject({
  meta: BundleMetaSchema,
  columns: z.record(z.string(), columnShell),
});

/**
 * A bundle in plain-object form: JSON-serialisable, suited to small bundles such as the embedded default.
 * Numeric columns are plain number arrays here (`null` for a missing `f64` value).
 *
 * @category Bundle
 */
export interface BundleObject {
  meta: BundleMeta;
  columns: Record<
    string,
    | { type: "str"; values: string[] }
    | { type: "strList"; values: string[][] }
    | { type: "i32" | "u8"; values: number[] }
    | { type: "f64"; values: (number | null)[] }
  >;
}

/**
 * Throws unless `version` is the format version this build reads, saying which side is older.
 *
 * @internal
 */
export function checkFormatVersion(version: unknown, source: string | undefined): void {
  if (version === BUNDLE_FORMAT_VERSION) return;
  const why =
    typeof version !== "number" || !Number.isInteger(version) || version < 1
      ? "that is not a format version"
      : version < BUNDLE_FORMAT_VERSION
        ? "it was written by an older green-skills; re-import the ESCO download with `green-skills import`"
        : "it was written by a newer green-skills; upgrade green-skills, or re-import the ESCO download with this one";
  throw new InvalidBundleError(
    `bundle format version ${JSON.stringify(version)} is not supported (this green-skills reads version ${BUNDLE_FORMAT_VERSION}): ${why}`,
    source,
  );
}

/**
 * The path of a zod issue, written so that column names with dots stay readable: `columns["concept.kind"].values[0]`.
 *
 * @internal
 */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(root)";
}
