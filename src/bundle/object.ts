import { InvalidBundleError } from "../errors.js";
import { type Column, type ColumnSource, memoryColumnSource } from "./columns.js";
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleMeta, type BundleObject, BundleObjectSchema } from "./format.js";
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
 * Validates a bundle object (for example parsed JSON) and exposes its columns.
 *
 * @throws {@link InvalidBundleError} when the object is not a bundle of a supported version.
 */
export function fromBundleObject(input: unknown, source?: string): { meta: BundleMeta; columns: ColumnSource } {
  if (typeof input === "object" && input !== null) {
    const meta = (input as { meta?: { format?: unknown; formatVersion?: unknown } }).meta;
    if (meta && meta.format === BUNDLE_FORMAT && typeof meta.formatVersion === "number" && meta.formatVersion !== BUNDLE_FORMAT_VERSION) {
      throw new InvalidBundleError(
        `bundle format version ${String(meta.formatVersion)} is not supported (this green-skills reads version ${BUNDLE_FORMAT_VERSION})`,
        source,
      );
    }
  }
  const parsed = BundleObjectSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") || "(root)";
    throw new InvalidBundleError(`not a green-skills bundle object: at ${path}: ${issue?.message}`, source);
  }
  const { meta } = parsed.data;
  const columns: Record<string, Column> = {};
  for (const [name, column] of Object.entries(parsed.data.columns)) {
    const fail = (why: string): never => {
      throw new InvalidBundleError(`column "${name}": ${why}`, source);
    };
    const values = column.values;
    switch (column.type) {
      case "str":
        for (const v of values) if (typeof v !== "string") fail("expected strings");
        columns[name] = { type: "str", values: values as string[] };
        break;
      case "strList":
        for (const v of values) if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) fail("expected lists of strings");
        columns[name] = { type: "strList", values: values as string[][] };
        break;
      case "f64":
        for (const v of values) if (v !== null && typeof v !== "number") fail("expected numbers");
        columns[name] = { type: "f64", values: Float64Array.from(values as (number | null)[], (v) => (v === null ? Number.NaN : v)) };
        break;
      case "i32":
        for (const v of values) if (!Number.isInteger(v)) fail("expected integers");
        columns[name] = { type: "i32", values: Int32Array.from(values as number[]) };
        break;
      case "u8":
        for (const v of values) if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 255) fail("expected bytes");
        columns[name] = { type: "u8", values: Uint8Array.from(values as number[]) };
        break;
    }
  }
  return { meta, columns: memoryColumnSource(columns) };
}
