import type { BundleMeta } from "./schema.js";
import { InvalidBundleError } from "../errors.js";

/**
 * The versioned bundle format. A bundle holds one imported ESCO version (or the curated embedded default)
 * as named columns plus a JSON header. See `docs/bundle-format.md`. The zod schemas of the header live in
 * `schema.ts`, which the loading path does not import (a page that loads a bundle carries no zod).
 *
 * @module
 */

export { BUNDLE_FORMAT } from "./tag.js";
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

export type { BundleMeta, CollectionInfo, UnresolvedRow } from "./schema.js";

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
