import { z } from "zod";
import { GreenSkillsError, InvalidBundleError } from "../errors.js";
import {
  type Column,
  type ColumnSource,
  type ColumnType,
  type StringListReader,
  type StringReader,
  flatListReader,
} from "./columns.js";
import { BUNDLE_FORMAT_VERSION, BUNDLE_MAGIC, type BundleMeta, BundleMetaSchema } from "./format.js";
import { argBytes, argObject, argString, readingArgument } from "../guard.js";

/**
 * Binary bundle encoding: magic, format version, a JSON header (meta + column directory), then the column
 * sections, each aligned to 8 bytes so numeric columns are read as typed-array views without copying.
 * String columns are one UTF-8 blob joined by NUL and are decoded lazily on first use.
 *
 * @module
 */

const SEP = "\u0000";
const ALIGN = 8;

const DirectoryEntrySchema = z.object({
  name: z.string(),
  type: z.enum(["str", "strList", "i32", "u8", "f64"]),
  count: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative().optional(),
  itemsOffset: z.number().int().nonnegative().optional(),
  itemsLength: z.number().int().nonnegative().optional(),
});
type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

const HeaderSchema = z.object({
  meta: BundleMetaSchema,
  byteLength: z.number().int().positive(),
  columns: z.array(DirectoryEntrySchema),
});

const encoder = new TextEncoder();

function joinStrings(values: readonly string[], column: string): Uint8Array {
  for (const value of values) {
    if (value.includes(SEP)) throw new GreenSkillsError("E_BUNDLE_ENCODE", `encodeBundle: column "${column}" holds a NUL character.`);
  }
  return encoder.encode(values.join(SEP));
}

/**
 * Encodes bundle columns and meta into the binary bundle format.
 *
 * @category Bundle
 */
export function encodeBundle(meta: BundleMeta, columns: Readonly<Record<string, Column>>): Uint8Array {
  argObject("encodeBundle", "meta", meta, "a bundle header (BundleMeta)");
  argObject("encodeBundle", "columns", columns, "a record of columns");
  return readingArgument("encodeBundle", "columns", columns, () => encode(meta, columns));
}

function encode(meta: BundleMeta, columns: Readonly<Record<string, Column>>): Uint8Array {
  const sections: Uint8Array[] = [];
  const directory: DirectoryEntry[] = [];
  let cursor = 0;
  const push = (bytes: Uint8Array): { offset: number; length: number } => {
    const offset = cursor;
    sections.push(bytes);
    cursor += bytes.byteLength;
    const pad = (ALIGN - (cursor % ALIGN)) % ALIGN;
    if (pad) {
      sections.push(new Uint8Array(pad));
      cursor += pad;
    }
    return { offset, length: bytes.byteLength };
  };
  for (const [name, column] of Object.entries(columns)) {
    switch (column.type) {
      case "str": {
        directory.push({ name, type: "str", count: column.values.length, ...push(joinStrings(column.values, name)) });
        break;
      }
      case "strList": {
        const offsets = new Uint32Array(column.values.length + 1);
        const flat: string[] = [];
        column.values.forEach((list, i) => {
          for (const item of list) flat.push(item);
          offsets[i + 1] = flat.length;
        });
        const at = push(new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength));
        const items = push(joinStrings(flat, name));
        directory.push({
          name,
          type: "strList",
          count: column.values.length,
          ...at,
          itemCount: flat.length,
          itemsOffset: items.offset,
          itemsLength: items.length,
        });
        break;
      }
      default: {
        const values = column.values;
        const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
        directory.push({ name, type: column.type, count: values.length, ...push(bytes) });
      }
    }
  }
  // The header states the total byte length, so a truncated file is caught before any column is read.
  const build = (dataStart: number) =>
    encoder.encode(
      JSON.stringify({
        meta,
        byteLength: dataStart + cursor,
        columns: directory,
      }),
    );
  let header = build(0);
  let dataStart = 0;
  for (let guard = 0; guard < 4; guard++) {
    dataStart = Math.ceil((BUNDLE_MAGIC.length + 8 + header.byteLength) / ALIGN) * ALIGN;
    const next = build(dataStart);
    if (next.byteLength === header.byteLength) {
      header = next;
      break;
    }
    header = next;
  }
  dataStart = Math.ceil((BUNDLE_MAGIC.length + 8 + header.byteLength) / ALIGN) * ALIGN;
  const out = new Uint8Array(dataStart + cursor);
  out.set(BUNDLE_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(BUNDLE_MAGIC.length, BUNDLE_FORMAT_VERSION, true);
  view.setUint32(BUNDLE_MAGIC.length + 4, header.byteLength, true);
  out.set(header, BUNDLE_MAGIC.length + 8);
  let at = dataStart;
  for (const section of sections) {
    out.set(section, at);
    at += section.byteLength;
  }
  return out;
}

/** True when `bytes` starts with the binary bundle magic. */
export function isBinaryBundle(bytes: Uint8Array): boolean {
  if (bytes.byteLength < BUNDLE_MAGIC.length) return false;
  for (let i = 0; i < BUNDLE_MAGIC.length; i++) if (bytes[i] !== BUNDLE_MAGIC[i]) return false;
  return true;
}

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Decodes a binary bundle. Validates magic, format version, header and section bounds; numeric columns
 * become views on `bytes`, string columns decode on first access.
 *
 * @category Bundle
 * @throws {@link InvalidBundleError} when the bytes are not a readable bundle of a supported version.
 */
export function decodeBundle(bytes: Uint8Array, source?: string): { meta: BundleMeta; columns: ColumnSource } {
  argBytes("decodeBundle", "bytes", bytes);
  if (source !== undefined) argString("decodeBundle", "source", source, true);
  if (!isBinaryBundle(bytes)) {
    throw new InvalidBundleError("not a green-skills bundle (wrong magic bytes)", source);
  }
  if (!littleEndian) throw new InvalidBundleError("big-endian hosts are not supported", source);
  if (bytes.byteLength < BUNDLE_MAGIC.length + 8) throw new InvalidBundleError("truncated bundle header", source);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(BUNDLE_MAGIC.length, true);
  if (version !== BUNDLE_FORMAT_VERSION) {
    throw new InvalidBundleError(
      `bundle format version ${version} is not supported (this green-skills reads version ${BUNDLE_FORMAT_VERSION}); re-import the ESCO download`,
      source,
    );
  }
  const headerLength = view.getUint32(BUNDLE_MAGIC.length + 4, true);
  const headerStart = BUNDLE_MAGIC.length + 8;
  if (headerStart + headerLength > bytes.byteLength) throw new InvalidBundleError("truncated bundle header", source);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(headerStart, headerStart + headerLength)));
  } catch (cause) {
    throw new InvalidBundleError("corrupt bundle header (not JSON)", source, { cause });
  }
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidBundleError(`corrupt bundle header at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`, source);
  }
  const header = parsed.data;
  if (header.byteLength !== bytes.byteLength) {
    throw new InvalidBundleError(
      `bundle is ${bytes.byteLength} bytes but its header says ${header.byteLength} (truncated or padded file)`,
      source,
    );
  }
  const dataStart = Math.ceil((headerStart + headerLength) / ALIGN) * ALIGN;
  const entries = new Map<string, DirectoryEntry>();
  for (const entry of header.columns) {
    const end = dataStart + entry.offset + entry.length;
    const itemsEnd = dataStart + (entry.itemsOffset ?? 0) + (entry.itemsLength ?? 0);
    if (end > bytes.byteLength || itemsEnd > bytes.byteLength) {
      throw new InvalidBundleError(`column "${entry.name}" lies outside the file`, source);
    }
    entries.set(entry.name, entry);
  }
  return { meta: header.meta, columns: new BinaryColumnSource(bytes, dataStart, entries, source) };
}

class BinaryColumnSource implements ColumnSource {
  readonly #readers = new Map<string, StringReader | StringListReader | ArrayBufferView>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly dataStart: number,
    private readonly entries: Map<string, DirectoryEntry>,
    private readonly source: string | undefined,
  ) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }
  names(): readonly string[] {
    return [...this.entries.keys()];
  }
  type(name: string): ColumnType | undefined {
    return this.entries.get(name)?.type;
  }

  #entry(name: string, type: ColumnType): DirectoryEntry | undefined {
    const entry = this.entries.get(name);
    return entry && entry.type === type ? entry : undefined;
  }

  #strings(name: string, offset: number, length: number, count: number): StringReader {
    const bytes = this.bytes.subarray(this.dataStart + offset, this.dataStart + offset + length);
    let values: string[] | undefined;
    const source = this.source;
    const all = (): readonly string[] => {
      if (!values) {
        values = count === 0 ? [] : new TextDecoder().decode(bytes).split(SEP);
        if (values.length !== count) {
          throw new InvalidBundleError(`column "${name}" holds ${values.length} values, expected ${count}`, source);
        }
      }
      return values;
    };
    return { length: count, get: (index) => all()[index] ?? "", all };
  }

  str(name: string): StringReader | undefined {
    const cached = this.#readers.get(name);
    if (cached) return cached as StringReader;
    const entry = this.#entry(name, "str");
    if (!entry) return undefined;
    const reader = this.#strings(name, entry.offset, entry.length, entry.count);
    this.#readers.set(name, reader);
    return reader;
  }

  strList(name: string): StringListReader | undefined {
    const cached = this.#readers.get(name);
    if (cached) return cached as StringListReader;
    const entry = this.#entry(name, "strList");
    if (!entry) return undefined;
    const offsets = this.#view(entry, Uint32Array, 4, entry.count + 1);
    const items = this.#strings(name, entry.itemsOffset ?? 0, entry.itemsLength ?? 0, entry.itemCount ?? 0);
    const reader = flatListReader(offsets, items);
    this.#readers.set(name, reader);
    return reader;
  }

  #view<T extends ArrayBufferView>(
    entry: DirectoryEntry,
    Ctor: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; new (length: number): T },
    size: number,
    count: number,
  ): T {
    if (entry.length !== count * size) {
      throw new InvalidBundleError(`column "${entry.name}" has ${entry.length} bytes, expected ${count * size}`, this.source);
    }
    const start = this.bytes.byteOffset + this.dataStart + entry.offset;
    if (start % size === 0) return new Ctor(this.bytes.buffer, start, count);
    // Unaligned source buffer (e.g. a pooled Buffer): copy once.
    const copy = new Ctor(count);
    new Uint8Array(copy.buffer).set(this.bytes.subarray(this.dataStart + entry.offset, this.dataStart + entry.offset + entry.length));
    return copy;
  }

  #numeric<T extends ArrayBufferView>(
    name: string,
    type: "i32" | "u8" | "f64",
    Ctor: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; new (length: number): T },
    size: number,
  ): T | undefined {
    const cached = this.#readers.get(name);
    if (cached) return cached as T;
    const entry = this.#entry(name, type);
    if (!entry) return undefined;
    const view = this.#view(entry, Ctor, size, entry.count);
    this.#readers.set(name, view);
    return view;
  }

  i32(name: string): Int32Array | undefined {
    return this.#numeric(name, "i32", Int32Array, 4);
  }
  u8(name: string): Uint8Array | undefined {
    return this.#numeric(name, "u8", Uint8Array, 1);
  }
  f64(name: string): Float64Array | undefined {
    return this.#numeric(name, "f64", Float64Array, 8);
  }
}
