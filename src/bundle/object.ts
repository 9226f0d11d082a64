import { InvalidBundleError, describeValue } from "../errors.js";
import { type Column, type ColumnSource, memoryColumnSource } from "./columns.js";
import { BUNDLE_FORMAT, type BundleMeta, type BundleObject, checkFormatVersion, issuePath } from "./format.js";
import type * as z from "zod";
import type { BundleObjectSchema } from "./schema.js";
import { bundleObjectChecker } from "./meta-check.js";
import { check } from "../plain-check.js";
import { argObject, readingArgument } from "../guard.js";

/**
 * The plain-object bundle form: what the embedded default ships as, and what `loadTaxonomy` accepts from
 * JSON.
 *
 * @module
 */

/**
 * Converts columns and meta into the JSON-serialisable bundle object.
 *
 * @category Bundle
 */
export function toBundleObject(meta: BundleMeta, columns: Readonly<Record<string, Column>>): BundleObject {
  argObject("toBundleObject", "meta", meta, "a bundle header (BundleMeta)");
  argObject("toBundleObject", "columns", columns, "a record of columns");
  return readingArgument("toBundleObject", "columns", columns, () => toObject(meta, columns));
}

function toObject(meta: BundleMeta, columns: Readonly<Record<string, Column>>): BundleObject {
  const out: BundleObject["columns"] = {};
  for (const [name, column] of Object.entries(columns)) {
    switch (column.type) {
      case "str":
        out[name] = { type: "str", values: [...column.values] };
        break;
      case "strList":
        out[name] = { type: "strList", values: column.values.map((list) => [...list]) };
        break;
      case "f64":
        out[name] = { type: "f64", values: Array.from(column.values, (v) => (Number.isNaN(v) ? null : v)) };
        break;
      default:
        out[name] = { type: column.type, values: Array.from(column.values) };
    }
  }
  return { meta, columns: out };
}

/**
 * Validates a bundle object (for example parsed JSON) strictly and exposes its columns: the format tag and
 * version, every key of the header (unknown keys are rejected), and every column value's type. Row counts,
 * index ranges and relation tables are checked when the taxonomy is built from it, as for a binary bundle.
 *
 * @throws {@link InvalidBundleError} when the object is not a bundle of the supported version; the message
 * names the path of the first problem, e.g. `columns["concept.kind"].values[0]`.
 */
export function fromBundleObject(input: unknown, source?: string): { meta: BundleMeta; columns: ColumnSource } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidBundleError(
      `not a green-skills bundle object: expected an object, got ${describeValue(input)}`,
      source,
    );
  }
  const meta = (input as { meta?: unknown }).meta;
  if (typeof meta === "object" && meta !== null && (meta as { format?: unknown }).format === BUNDLE_FORMAT) {
    // The version first: an older or newer bundle gets "re-import", not a list of shape differences.
    const version = (meta as { formatVersion?: unknown }).formatVersion;
    if (typeof version === "number") checkFormatVersion(version, source);
  }
  const parsed = check<z.infer<typeof BundleObjectSchema>>(bundleObjectChecker, input);
  if (!parsed.ok) {
    throw new InvalidBundleError(
      `not a green-skills bundle object: at ${issuePath(parsed.issue.path)}: ${parsed.issue.message}`,
      source,
    );
  }
  const columns: Record<string, Column> = {};
  for (const [name, column] of Object.entries(parsed.value.columns)) {
    const values = column.values;
    const check = (ok: (value: unknown) => boolean, expected: string): void => {
      for (let i = 0; i < values.length; i++) {
        if (!ok(values[i])) {
          throw new InvalidBundleError(
            `not a green-skills bundle object: at ${issuePath(["columns", name, "values", i])}: expected ${expected}, got ${describeValue(values[i])}`,
            source,
          );
        }
      }
    };
    switch (column.type) {
      case "str":
        check((v) => typeof v === "string", "a string");
        columns[name] = { type: "str", values: values as string[] };
        break;
      case "strList":
        check((v) => Array.isArray(v) && v.every((x) => typeof x === "string"), "a list of strings");
        columns[name] = { type: "strList", values: values as string[][] };
        break;
      case "f64":
        check((v) => v === null || (typeof v === "number" && Number.isFinite(v)), "a finite number or null");
        columns[name] = {
          type: "f64",
          values: Float64Array.from(values as (number | null)[], (v) => (v === null ? Number.NaN : v)),
        };
        break;
      case "i32":
        check(
          (v) => Number.isInteger(v) && (v as number) >= -0x80000000 && (v as number) <= 0x7fffffff,
          "a 32-bit integer",
        );
        columns[name] = { type: "i32", values: Int32Array.from(values as number[]) };
        break;
      case "u8":
        check((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 255, "an integer 0..255");
        columns[name] = { type: "u8", values: Uint8Array.from(values as number[]) };
        break;
    }
  }
  return { meta: parsed.value.meta, columns: memoryColumnSource(columns) };
}
