/**
 * Column types of a taxonomy bundle. A bundle is a set of named, equally simple columns; the meaning of
 * each column name is documented in `docs/bundle-format.md`.
 *
 * @module
 */

/** A column of strings; `""` means "no value". */
export interface StrColumn {
  readonly type: "str";
  readonly values: readonly string[];
}
/** A column of string lists (multi-valued cells). */
export interface StrListColumn {
  readonly type: "strList";
  readonly values: readonly (readonly string[])[];
}
/** A column of 32-bit signed integers (concept indexes; `-1` means none). */
export interface I32Column {
  readonly type: "i32";
  readonly values: Int32Array;
}
/** A column of small codes. */
export interface U8Column {
  readonly type: "u8";
  readonly values: Uint8Array;
}
/** A column of numbers; `NaN` means "no value". */
export interface F64Column {
  readonly type: "f64";
  readonly values: Float64Array;
}

/** Any bundle column. */
export type Column = StrColumn | StrListColumn | I32Column | U8Column | F64Column;
/** The type tag of a column. */
export type ColumnType = Column["type"];

/** Read access to a string column, which a binary bundle decodes lazily on first use. */
export interface StringReader {
  readonly length: number;
  /** Value of row `index` (`""` when absent). */
  get(index: number): string;
  /** All values; decodes the whole column. */
  all(): readonly string[];
}
/** Read access to a string-list column. */
export interface StringListReader {
  readonly length: number;
  /** Values of row `index` (empty when absent). */
  get(index: number): readonly string[];
}

const EMPTY: readonly string[] = Object.freeze([]);

/** Wraps an in-memory string array as a reader. */
export function stringReader(values: readonly string[]): StringReader {
  return {
    length: values.length,
    get: (index) => values[index] ?? "",
    all: () => values,
  };
}

/** Wraps an in-memory list-of-lists as a reader. */
export function stringListReader(values: readonly (readonly string[])[]): StringListReader {
  return {
    length: values.length,
    get: (index) => values[index] ?? EMPTY,
  };
}

/** Reader over flattened items with `offsets[i]..offsets[i+1]` delimiting row `i`. */
export function flatListReader(offsets: Uint32Array, items: StringReader): StringListReader {
  return {
    length: offsets.length - 1,
    get(index) {
      const start = offsets[index];
      const end = offsets[index + 1];
      if (start === undefined || end === undefined || start === end) return EMPTY;
      const all = items.all();
      return all.slice(start, end);
    },
  };
}

/**
 * Everything a taxonomy reads from a bundle, whatever its encoding.
 */
export interface ColumnSource {
  /** Whether the bundle has column `name`. */
  has(name: string): boolean;
  /** All column names. */
  names(): readonly string[];
  /** The type of column `name`. */
  type(name: string): ColumnType | undefined;
  /** A string column (`undefined` when absent or of another type). */
  str(name: string): StringReader | undefined;
  /** A string-list column. */
  strList(name: string): StringListReader | undefined;
  /** An int32 column. */
  i32(name: string): Int32Array | undefined;
  /** A uint8 column. */
  u8(name: string): Uint8Array | undefined;
  /** A float64 column. */
  f64(name: string): Float64Array | undefined;
  /**
   * What identifies the bytes these columns were decoded from (binary bundles: the file length and two
   * CRC-32s over the checksummed header), so that data derived from them can be cached and matched to
   * them again. Absent for in-memory sources.
   */
  readonly fingerprint?: string;
}

/** A column source over in-memory columns. */
export function memoryColumnSource(columns: Readonly<Record<string, Column>>): ColumnSource {
  const cache = new Map<string, StringReader | StringListReader>();
  const get = <T extends ColumnType>(name: string, type: T): Extract<Column, { type: T }> | undefined => {
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    return column && column.type === type ? (column as Extract<Column, { type: T }>) : undefined;
  };
  return {
    has: (name) => Object.hasOwn(columns, name),
    names: () => Object.keys(columns),
    type: (name) => (Object.hasOwn(columns, name) ? columns[name]?.type : undefined),
    str(name) {
      const column = get(name, "str");
      if (!column) return undefined;
      let reader = cache.get(name) as StringReader | undefined;
      if (!reader) cache.set(name, (reader = stringReader(column.values)));
      return reader;
    },
    strList(name) {
      const column = get(name, "strList");
      if (!column) return undefined;
      let reader = cache.get(name) as StringListReader | undefined;
      if (!reader) cache.set(name, (reader = stringListReader(column.values)));
      return reader;
    },
    i32: (name) => get(name, "i32")?.values,
    u8: (name) => get(name, "u8")?.values,
    f64: (name) => get(name, "f64")?.values,
  };
}
