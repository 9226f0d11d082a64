import { InvalidBundleError } from "../errors.js";
import { crc32 } from "./checksum.js";
import { alignFrame, framePrelude, writeFrame } from "./frame.js";
import {
  type Column,
  type ColumnSource,
  type ColumnType,
  type StringListReader,
  type StringReader,
  flatListReader,
} from "./columns.js";
import { BUNDLE_FORMAT_VERSION, BUNDLE_MAGIC, type BundleMeta, checkFormatVersion, issuePath } from "./format.js";
import { binaryHeaderChecker } from "./meta-check.js";
import type { BinaryHeader, DirectoryEntry } from "./schema.js";
import { check } from "../plain-check.js";
import { argBytes, argObject, argString, readingArgument } from "../guard.js";

/**
 * Binary bundle encoding: magic, format version, a JSON header (meta + column directory), then the column
 * sections, each aligned to 8 bytes so numeric columns are read as typed-array views without copying.
 * String columns are one UTF-8 blob joined by NUL and are decoded lazily on first use.
 *
 * @module
 */

const SEP = "\u0000";
/** Bytes before the header: magic, format version, header length, header CRC-32 (`frame.ts`). */
const PRELUDE = framePrelude(BUNDLE_MAGIC.length);

const ELEMENT_SIZE = { i32: 4, u8: 1, f64: 8 } as const;

const encoder = new TextEncoder();
const align = alignFrame;

function joinStrings(values: readonly string[], column: string): Uint8Array {
  for (const value of values) {
    if (value.includes(SEP)) throw new InvalidBundleError(`cannot encode: column "${column}" holds a NUL character`);
  }
  return encoder.encode(values.join(SEP));
}

/**
 * Encodes bundle columns and meta into the binary bundle format, with a CRC-32 of the header and of every
 * column section.
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
  const push = (bytes: Uint8Array): { offset: number; length: number; crc32: number } => {
    const offset = cursor;
    sections.push(bytes);
    cursor += bytes.byteLength;
    const pad = align(cursor) - cursor;
    if (pad) {
      sections.push(new Uint8Array(pad));
      cursor += pad;
    }
    return { offset, length: bytes.byteLength, crc32: crc32(bytes) };
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
          itemsCrc32: items.crc32,
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
  // Its own length enters that total, so iterate until the digits settle.
  const build = (dataStart: number) =>
    encoder.encode(JSON.stringify({ meta, byteLength: dataStart + cursor, columns: directory }));
  let header = build(0);
  for (let guard = 0; guard < 4; guard++) {
    const next = build(align(PRELUDE + header.byteLength));
    const settled = next.byteLength === header.byteLength;
    header = next;
    if (settled) break;
  }
  const { out, dataStart } = writeFrame(BUNDLE_MAGIC, BUNDLE_FORMAT_VERSION, header, cursor);
  let at = dataStart;
  for (const section of sections) {
    out.set(section, at);
    at += section.byteLength;
  }
  return out;
}

/** True when `bytes` starts with the binary bundle magic. */
export function isBinaryBundle(bytes: Uint8Array): boolean {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < BUNDLE_MAGIC.length) return false;
  for (let i = 0; i < BUNDLE_MAGIC.length; i++) if (bytes[i] !== BUNDLE_MAGIC[i]) return false;
  return true;
}

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** One byte range of the data area, for the layout check. */
interface Section {
  readonly what: string;
  readonly offset: number;
  readonly length: number;
  readonly crc32: number;
}

/**
 * Decodes a binary bundle. Checks, before returning: magic, format version, the header's CRC-32 and strict
 * shape, the file length, that the column sections tile the data area exactly (8-byte aligned, no overlap,
 * no gap, zero padding), the CRC-32 of every section, and the offsets of every string-list column. Numeric
 * columns become views on `bytes`; string columns are decoded (strict UTF-8, value count checked) on first
 * use. Any mismatch throws, so a changed byte anywhere in the file is never read as data.
 *
 * @category Bundle
 * @throws {@link InvalidBundleError} when the bytes are not an intact bundle of the supported version.
 */
export function decodeBundle(bytes: Uint8Array, source?: string): { meta: BundleMeta; columns: ColumnSource } {
  argBytes("decodeBundle", "bytes", bytes);
  if (source !== undefined) argString("decodeBundle", "source", source, true);
  if (!isBinaryBundle(bytes)) throw new InvalidBundleError("not a green-skills bundle (wrong magic bytes)", source);
  if (!littleEndian) throw new InvalidBundleError("big-endian hosts are not supported", source);
  if (bytes.byteLength < BUNDLE_MAGIC.length + 4) throw new InvalidBundleError("truncated bundle header", source);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkFormatVersion(view.getUint32(BUNDLE_MAGIC.length, true), source);
  if (bytes.byteLength < PRELUDE) throw new InvalidBundleError("truncated bundle header", source);
  const headerLength = view.getUint32(BUNDLE_MAGIC.length + 4, true);
  if (PRELUDE + headerLength > bytes.byteLength) throw new InvalidBundleError("truncated bundle header", source);
  const headerBytes = bytes.subarray(PRELUDE, PRELUDE + headerLength);
  if (crc32(headerBytes) !== view.getUint32(BUNDLE_MAGIC.length + 8, true)) {
    throw new InvalidBundleError("corrupt bundle header (checksum mismatch)", source);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes));
  } catch (cause) {
    throw new InvalidBundleError("corrupt bundle header (not JSON)", source, { cause });
  }
  const parsed = check<BinaryHeader>(binaryHeaderChecker, raw);
  if (!parsed.ok) {
    const issue = parsed.issue;
    throw new InvalidBundleError(`corrupt bundle header at ${issuePath(issue.path)}: ${issue.message}`, source);
  }
  const header = parsed.value;
  checkFormatVersion(header.meta.formatVersion, source);
  if (header.byteLength !== bytes.byteLength) {
    throw new InvalidBundleError(
      `bundle is ${bytes.byteLength} bytes but its header says ${header.byteLength} (truncated or padded file)`,
      source,
    );
  }
  const dataStart = align(PRELUDE + headerLength);
  if (dataStart > bytes.byteLength) throw new InvalidBundleError("truncated bundle header", source);
  const data = bytes.subarray(dataStart);
  const fail = (message: string): never => {
    throw new InvalidBundleError(message, source);
  };
  for (let i = PRELUDE + headerLength; i < dataStart; i++)
    if (bytes[i] !== 0) fail("corrupt bundle: non-zero padding after the header");

  const entries = new Map<string, DirectoryEntry>();
  const sections: Section[] = [];
  for (const entry of header.columns) {
    const name = entry.name;
    if (entries.has(name)) fail(`bundle header lists column "${name}" twice`);
    entries.set(name, entry);
    if (entry.type === "strList") {
      if (entry.length !== (entry.count + 1) * 4)
        fail(
          `column "${name}" has ${entry.length} offset bytes, expected ${(entry.count + 1) * 4} for ${entry.count} rows`,
        );
      if (entry.itemCount === 0 && entry.itemsLength !== 0)
        fail(`column "${name}" has ${entry.itemsLength} item bytes for 0 items`);
      sections.push({ what: `column "${name}"`, offset: entry.offset, length: entry.length, crc32: entry.crc32 });
      sections.push({
        what: `column "${name}" (items)`,
        offset: entry.itemsOffset,
        length: entry.itemsLength,
        crc32: entry.itemsCrc32,
      });
    } else {
      if (entry.type === "str") {
        if (entry.count === 0 && entry.length !== 0) fail(`column "${name}" has ${entry.length} bytes for 0 values`);
      } else if (entry.length !== entry.count * ELEMENT_SIZE[entry.type]) {
        fail(
          `column "${name}" has ${entry.length} bytes, expected ${entry.count * ELEMENT_SIZE[entry.type]} for ${entry.count} ${entry.type} values`,
        );
      }
      sections.push({ what: `column "${name}"`, offset: entry.offset, length: entry.length, crc32: entry.crc32 });
    }
  }
  // Every byte of the data area belongs to exactly one section or to the zero padding after it.
  sections.sort((a, b) => a.offset - b.offset || a.length - b.length);
  let cursor = 0;
  for (const s of sections) {
    if (s.offset + s.length > data.byteLength)
      fail(
        `${s.what} lies outside the file (bytes ${s.offset}..${s.offset + s.length} of a ${data.byteLength}-byte data area)`,
      );
    if (s.offset < cursor) fail(`${s.what} overlaps the section before it`);
    if (s.offset !== cursor)
      fail(`${s.what} does not start where the section before it ends (gap at data byte ${cursor})`);
    const end = s.offset + s.length;
    cursor = align(end);
    for (let i = end; i < cursor; i++) if (data[i] !== 0) fail(`corrupt bundle: non-zero padding after ${s.what}`);
  }
  if (cursor !== data.byteLength)
    fail(`corrupt bundle: ${data.byteLength - cursor} bytes after the last column are not part of any column`);
  for (const s of sections) {
    if (crc32(data.subarray(s.offset, s.offset + s.length)) !== s.crc32)
      fail(`corrupt bundle: ${s.what} fails its checksum (the file was changed or damaged)`);
  }
  // The header lists every section's CRC-32, so its checksum stands for the whole file's content; a second
  // CRC over the section checksums alone makes an accidental match of two different bundles vanishingly rare.
  const sectionCrcs = new Uint32Array(sections.map((s) => s.crc32));
  const headerCrc = view.getUint32(BUNDLE_MAGIC.length + 8, true); // verified above
  const fingerprint = `${bytes.byteLength}-${headerCrc.toString(16)}-${crc32(new Uint8Array(sectionCrcs.buffer)).toString(16)}`;
  const columns = new BinaryColumnSource(data, entries, source, fingerprint);
  // String-list offsets are cheap to check now, and a bad one would silently drop or shift list items.
  for (const entry of entries.values()) if (entry.type === "strList") columns.strList(entry.name);
  return { meta: header.meta, columns };
}

class BinaryColumnSource implements ColumnSource {
  readonly #readers = new Map<string, StringReader | StringListReader | ArrayBufferView>();

  /** `data` is the bundle's data area (section offsets are relative to it), already checksum-verified. */
  constructor(
    private readonly data: Uint8Array,
    private readonly entries: Map<string, DirectoryEntry>,
    private readonly source: string | undefined,
    readonly fingerprint: string,
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
    const bytes = this.data.subarray(offset, offset + length);
    let values: string[] | undefined;
    const source = this.source;
    const all = (): readonly string[] => {
      if (!values) {
        let text: string;
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch (cause) {
          throw new InvalidBundleError(`column "${name}" is not valid UTF-8`, source, { cause });
        }
        const decoded = count === 0 ? [] : text.split(SEP);
        if (decoded.length !== count) {
          throw new InvalidBundleError(
            `column "${name}" holds ${decoded.length} values, its header says ${count}`,
            source,
          );
        }
        values = decoded;
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
    if (entry?.type !== "strList") return undefined;
    const offsets = this.#view(entry.offset, entry.length, Uint32Array, entry.count + 1);
    let previous = 0;
    for (let i = 0; i < offsets.length; i++) {
      const at = offsets[i]!;
      if ((i === 0 && at !== 0) || at < previous || at > entry.itemCount) {
        throw new InvalidBundleError(
          `column "${name}": list offset ${i} (${at}) is out of order or past its ${entry.itemCount} items`,
          this.source,
        );
      }
      previous = at;
    }
    if (previous !== entry.itemCount)
      throw new InvalidBundleError(
        `column "${name}": its lists hold ${previous} items, its header says ${entry.itemCount}`,
        this.source,
      );
    const items = this.#strings(name, entry.itemsOffset, entry.itemsLength, entry.itemCount);
    const reader = flatListReader(offsets, items);
    this.#readers.set(name, reader);
    return reader;
  }

  #view<T extends ArrayBufferView>(
    offset: number,
    length: number,
    Ctor: {
      new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
      new (length: number): T;
      readonly BYTES_PER_ELEMENT: number;
    },
    count: number,
  ): T {
    // Lengths were checked against counts when the bundle was decoded.
    const start = this.data.byteOffset + offset;
    if (start % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(this.data.buffer, start, count);
    // Unaligned source buffer (e.g. a pooled Buffer): copy once.
    const copy = new Ctor(count);
    new Uint8Array(copy.buffer).set(this.data.subarray(offset, offset + length));
    return copy;
  }

  #numeric<T extends ArrayBufferView>(
    name: string,
    type: "i32" | "u8" | "f64",
    Ctor: {
      new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
      new (length: number): T;
      readonly BYTES_PER_ELEMENT: number;
    },
  ): T | undefined {
    const cached = this.#readers.get(name);
    if (cached) return cached as T;
    const entry = this.#entry(name, type);
    if (!entry) return undefined;
    const view = this.#view(entry.offset, entry.length, Ctor, entry.count);
    this.#readers.set(name, view);
    return view;
  }

  i32(name: string): Int32Array | undefined {
    return this.#numeric(name, "i32", Int32Array);
  }
  u8(name: string): Uint8Array | undefined {
    return this.#numeric(name, "u8", Uint8Array);
  }
  f64(name: string): Float64Array | undefined {
    return this.#numeric(name, "f64", Float64Array);
  }
}
