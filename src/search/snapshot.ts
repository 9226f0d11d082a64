import { crc32 } from "../bundle/checksum.js";
import { alignFrame, framePrelude, writeFrame } from "../bundle/frame.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { builtSkillIndex, installSkillIndex, searchIndexOf } from "./cache.js";
import { type DescriptionIndex, descriptionIndexOf, installDescriptionIndex } from "./description-index.js";
import type { SearchIndex } from "./index-build.js";
import { installSynonyms, synonymTable } from "./synonyms.js";

/**
 * Search snapshots: the skill index of a taxonomy (labels, descriptions, synonym table) as bytes, so that
 * a program that runs once per command (the CLI) restores in milliseconds what a build takes over half a
 * second to compute on full ESCO. A snapshot belongs to the bundle it was built from (its fingerprint) and
 * to this snapshot format; restoring checks both, every section's CRC-32, and the index's invariants, and
 * refuses with a reason otherwise (the caller then builds the index as usual).
 *
 * Layout: the bundle's envelope (`bundle/frame.ts`: magic, format, checksummed JSON header, 8-byte-aligned
 * sections); typed arrays little-endian, string arrays as NUL-joined UTF-8.
 *
 * @module
 */

/** The snapshot format; a snapshot of another format is refused (and rebuilt by the CLI). @internal */
export const SEARCH_SNAPSHOT_FORMAT = 1;

const MAGIC = Uint8Array.of(0x89, 0x47, 0x53, 0x53, 0x49, 0x0d, 0x0a, 0x1a); // \x89GSSI\r\n\x1a
const PRELUDE = framePrelude(MAGIC.length);
const NUL = "\u0000";

type SectionType = "i32" | "u32" | "u16" | "u8" | "f32" | "str";
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array;

interface SectionEntry {
  name: string;
  type: SectionType;
  count: number;
  offset: number;
  length: number;
  crc32: number;
}

interface Header {
  format: number;
  fingerprint: string;
  storeSize: number;
  languages: string[];
  buildMs: number;
  descriptionBuildMs: number;
  meanLength: number;
  sections: SectionEntry[];
}

/** The sections, in file order, with their types. */
const SECTIONS = {
  concepts: "i32",
  conceptEntries: "i32",
  conceptEntryCount: "u16",
  entryConcept: "i32",
  entryType: "u8",
  entryLang: "u8",
  entryText: "str",
  entryOffsets: "u32",
  entryTerms: "i32",
  entryWeight: "f32",
  terms: "str",
  sortedTerms: "i32",
  postingOffsets: "u32",
  postings: "i32",
  idf: "f32",
  df: "u32",
  descExtra: "str",
  descIdf: "f32",
  descOffsets: "u32",
  descConcepts: "i32",
  descWordOffsets: "u32",
  descWords: "i32",
  descLength: "u16",
  synonymOffsets: "u32",
  synonymTerms: "i32",
} as const satisfies Record<string, SectionType>;
type SectionName = keyof typeof SECTIONS;

const ARRAY: Record<
  Exclude<SectionType, "str">,
  { new (buffer: ArrayBufferLike, offset: number, length: number): Typed; BYTES_PER_ELEMENT: number }
> = {
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
  f32: Float32Array,
};

const align = alignFrame;
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The snapshot of `taxonomy`'s skill index over every language, building what is not built yet (label
 * index, description index, synonym table). `undefined` when the taxonomy cannot be snapshotted: not loaded
 * from a binary bundle (no fingerprint), a big-endian host, or a label holding a NUL character.
 *
 * @internal
 */
export function encodeSearchSnapshot(taxonomy: Taxonomy): Uint8Array | undefined {
  const store = storeOf(taxonomy);
  const fingerprint = store.columns.fingerprint;
  if (fingerprint === undefined || !littleEndian) return undefined;
  const index = searchIndexOf(taxonomy, "skill");
  const description = descriptionIndexOf(index);
  const table = synonymTable(index);

  const extra: string[] = [];
  for (const [word, id] of description.extraIds) extra[id - index.terms.length] = word;
  const synonymOffsets = new Uint32Array(index.terms.length + 1);
  let total = 0;
  for (let t = 0; t < index.terms.length; t++) {
    total += table.get(t)?.length ?? 0;
    synonymOffsets[t + 1] = total;
  }
  const synonymTerms = new Int32Array(total);
  for (let t = 0; t < index.terms.length; t++) {
    const list = table.get(t);
    if (list) synonymTerms.set(list, synonymOffsets[t]!);
  }

  const values: Record<SectionName, Typed | readonly string[]> = {
    concepts: index.concepts,
    conceptEntries: index.conceptEntries,
    conceptEntryCount: index.conceptEntryCount,
    entryConcept: index.entryConcept,
    entryType: index.entryType,
    entryLang: index.entryLang,
    entryText: index.entryText,
    entryOffsets: index.entryOffsets,
    entryTerms: index.entryTerms,
    entryWeight: index.entryWeight,
    terms: index.terms,
    sortedTerms: index.sortedTerms,
    postingOffsets: index.postingOffsets,
    postings: index.postings,
    idf: index.idf,
    df: index.df,
    descExtra: extra,
    descIdf: description.idf,
    descOffsets: description.offsets,
    descConcepts: description.concepts,
    descWordOffsets: description.wordOffsets,
    descWords: description.words,
    descLength: description.length,
    synonymOffsets,
    synonymTerms,
  };
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const sections: SectionEntry[] = [];
  let offset = 0;
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    const type = SECTIONS[name];
    const value = values[name];
    let bytes: Uint8Array;
    if (type === "str") {
      const strings = value as readonly string[];
      if (strings.some((s) => s.includes(NUL))) return undefined;
      bytes = encoder.encode(strings.join(NUL));
    } else {
      const array = value as Typed;
      bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    }
    sections.push({ name, type, count: value.length, offset, length: bytes.byteLength, crc32: crc32(bytes) });
    chunks.push(bytes);
    offset = align(offset + bytes.byteLength);
  }
  const header: Header = {
    format: SEARCH_SNAPSHOT_FORMAT,
    fingerprint,
    storeSize: store.size,
    languages: [...index.languages],
    buildMs: index.buildMs,
    descriptionBuildMs: description.buildMs,
    meanLength: description.meanLength,
    sections,
  };
  const { out, dataStart } = writeFrame(MAGIC, SEARCH_SNAPSHOT_FORMAT, encoder.encode(JSON.stringify(header)), offset);
  for (let i = 0; i < chunks.length; i++) out.set(chunks[i]!, dataStart + sections[i]!.offset);
  return out;
}

/** Why a snapshot was not restored. @internal */
export type RestoreResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

class Refused extends Error {}
const refuse = (reason: string): never => {
  throw new Refused(reason);
};

/**
 * Restores `taxonomy`'s skill index from `bytes` (written by {@link encodeSearchSnapshot} for the same
 * bundle), so that no search builds it. Does nothing and says why when the bytes are not an intact
 * snapshot of this format for this taxonomy's bundle, or when the skill index is already built.
 *
 * @internal
 */
export function restoreSearchSnapshot(taxonomy: Taxonomy, bytes: Uint8Array): RestoreResult {
  if (builtSkillIndex(taxonomy)) return { ok: false, reason: "the search index is already built" };
  try {
    const { index, description, synonyms } = decode(taxonomy, bytes);
    installSkillIndex(taxonomy, index);
    installDescriptionIndex(index, description);
    installSynonyms(index, synonyms);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    // Any other failure (a RangeError from a typed-array view on damaged bytes) is a refusal too.
    return { ok: false, reason: `unreadable (${(error as Error)?.message ?? String(error)})` };
  }
}

function decode(
  taxonomy: Taxonomy,
  bytes: Uint8Array,
): { index: SearchIndex; description: DescriptionIndex; synonyms: Map<number, readonly number[]> } {
  const store = storeOf(taxonomy);
  if (!littleEndian) refuse("big-endian hosts are not supported");
  if (bytes.byteLength < PRELUDE || MAGIC.some((b, i) => bytes[i] !== b)) refuse("not a search snapshot");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(MAGIC.length, true);
  if (format !== SEARCH_SNAPSHOT_FORMAT)
    refuse(`snapshot format ${format}, this version reads ${SEARCH_SNAPSHOT_FORMAT}`);
  const headerLength = view.getUint32(MAGIC.length + 4, true);
  if (PRELUDE + headerLength > bytes.byteLength) refuse("truncated header");
  const headerBytes = bytes.subarray(PRELUDE, PRELUDE + headerLength);
  if (crc32(headerBytes) !== view.getUint32(MAGIC.length + 8, true)) refuse("corrupt header (checksum mismatch)");
  const header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes)) as Header;
  if (header.format !== SEARCH_SNAPSHOT_FORMAT || !Array.isArray(header.sections) || !Array.isArray(header.languages))
    refuse("malformed header");
  const fingerprint = store.columns.fingerprint;
  if (fingerprint === undefined || header.fingerprint !== fingerprint) refuse("built from another bundle");
  if (header.storeSize !== store.size) refuse("built for another number of concepts");
  const languages = store.meta.esco.languages;
  if (header.languages.length !== languages.length || header.languages.some((l, i) => l !== languages[i]))
    refuse("built for other languages");

  const dataStart = align(PRELUDE + headerLength);
  for (let k = PRELUDE + headerLength; k < dataStart; k++)
    if (bytes[k] !== 0) refuse("non-zero padding after the header (the file was changed or damaged)");
  const names = Object.keys(SECTIONS) as SectionName[];
  if (header.sections.length !== names.length) refuse("wrong number of sections");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const read: Partial<Record<SectionName, Typed | string[]>> = {};
  let cursor = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const s = header.sections[i]!;
    const type = SECTIONS[name];
    if (s.name !== name || s.type !== type) refuse(`section ${i} is not "${name}"`);
    if (!Number.isSafeInteger(s.offset) || !Number.isSafeInteger(s.length) || !Number.isSafeInteger(s.count))
      refuse(`section "${name}" has a malformed size`);
    if (s.offset !== cursor || s.count < 0 || s.length < 0) refuse(`section "${name}" is misplaced`);
    cursor = align(s.offset + s.length);
    const start = dataStart + s.offset;
    if (dataStart + cursor > bytes.byteLength) refuse(`section "${name}" lies outside the file (truncated)`);
    for (let k = start + s.length; k < dataStart + cursor; k++)
      if (bytes[k] !== 0) refuse(`non-zero padding after section "${name}" (the file was changed or damaged)`);
    const raw = bytes.subarray(start, start + s.length);
    if (crc32(raw) !== s.crc32) refuse(`section "${name}" fails its checksum (the file was changed or damaged)`);
    if (type === "str") {
      const strings = s.count === 0 ? [] : decoder.decode(raw).split(NUL);
      if (strings.length !== s.count) refuse(`section "${name}" holds ${strings.length} strings, not ${s.count}`);
      read[name] = strings;
    } else {
      const Array_ = ARRAY[type];
      if (s.length !== s.count * Array_.BYTES_PER_ELEMENT) refuse(`section "${name}" has a wrong length`);
      // A view when aligned (the file is read into its own buffer), else a copy.
      const aligned = (bytes.byteOffset + start) % 8 === 0;
      const source = aligned ? bytes : raw.slice();
      read[name] = new Array_(source.buffer, aligned ? bytes.byteOffset + start : 0, s.count);
    }
  }
  if (dataStart + cursor !== bytes.byteLength) refuse("the file does not end where its last section does");
  const get = <T>(name: SectionName) => read[name] as T;

  // Invariants: sizes that agree, offsets that rise to their array's end, ids in range.
  const n = store.size;
  const concepts = get<Int32Array>("concepts");
  const entryConcept = get<Int32Array>("entryConcept");
  const entries = entryConcept.length;
  const terms = get<string[]>("terms");
  const T = terms.length;
  const extra = get<string[]>("descExtra");
  const D = T + extra.length;
  const sizes: [SectionName, number][] = [
    ["conceptEntries", n],
    ["conceptEntryCount", n],
    ["entryType", entries],
    ["entryLang", entries],
    ["entryText", entries],
    ["entryOffsets", entries + 1],
    ["entryWeight", entries],
    ["sortedTerms", T],
    ["postingOffsets", T + 1],
    ["idf", T],
    ["df", T],
    ["descIdf", D],
    ["descOffsets", D + 1],
    ["descWordOffsets", n],
    ["descLength", n],
    ["synonymOffsets", T + 1],
  ];
  for (const [name, size] of sizes) if (read[name]!.length !== size) refuse(`section "${name}" has the wrong size`);
  const rising = (name: SectionName, end: SectionName) => {
    const offsets = get<Uint32Array>(name);
    let fall = false;
    for (let k = 1; k < offsets.length; k++) fall ||= offsets[k]! < offsets[k - 1]!;
    if (fall) refuse(`section "${name}" is not ascending`);
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== read[end]!.length)
      refuse(`section "${name}" does not end at "${end}"`);
  };
  rising("entryOffsets", "entryTerms");
  rising("postingOffsets", "postings");
  rising("descOffsets", "descConcepts");
  rising("synonymOffsets", "synonymTerms");
  const within = (name: SectionName, max: number, min = 0) => {
    const values = get<Int32Array>(name);
    let low = min;
    let high = max - 1;
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    if (low < min || high >= max) refuse(`section "${name}" holds an id out of range`);
  };
  within("concepts", n);
  within("entryConcept", n);
  within("entryTerms", T);
  within("sortedTerms", T);
  within("postings", entries);
  within("descConcepts", n);
  within("descWords", D);
  within("synonymTerms", T);
  within("conceptEntries", entries + 1, -1);
  for (const c of concepts) if (store.kind(c) !== "skill") refuse("indexes a concept that is not a skill");
  for (const l of get<Uint8Array>("entryLang"))
    if (l >= languages.length) refuse('section "entryLang" is out of range');
  const descWords = get<Int32Array>("descWords");
  const descWordOffsets = get<Uint32Array>("descWordOffsets");
  const descLength = get<Uint16Array>("descLength");
  for (let c = 0; c < n; c++)
    if (descWordOffsets[c]! + descLength[c]! > descWords.length) refuse('section "descWordOffsets" is out of range');

  const termIds = new Map<string, number>();
  for (let t = 0; t < T; t++) termIds.set(terms[t]!, t);
  if (termIds.size !== T) refuse('section "terms" repeats a term');
  const extraIds = new Map<string, number>();
  for (let k = 0; k < extra.length; k++) extraIds.set(extra[k]!, T + k);
  const synonymOffsets = get<Uint32Array>("synonymOffsets");
  const synonymTerms = get<Int32Array>("synonymTerms");
  const synonyms = new Map<number, readonly number[]>();
  for (let t = 0; t < T; t++)
    if (synonymOffsets[t + 1]! > synonymOffsets[t]!)
      synonyms.set(t, Array.from(synonymTerms.subarray(synonymOffsets[t]!, synonymOffsets[t + 1]!)));

  const index: SearchIndex = {
    store,
    concepts,
    conceptEntries: get("conceptEntries"),
    conceptEntryCount: get("conceptEntryCount"),
    entryConcept,
    entryType: get("entryType"),
    entryLang: get("entryLang"),
    entryText: get("entryText"),
    entryOffsets: get("entryOffsets"),
    entryTerms: get("entryTerms"),
    entryWeight: get("entryWeight"),
    languages,
    terms,
    termIds,
    sortedTerms: get("sortedTerms"),
    postingOffsets: get("postingOffsets"),
    postings: get("postings"),
    idf: get("idf"),
    df: get("df"),
    buildMs: Number(header.buildMs) || 0,
  };
  const description: DescriptionIndex = {
    extraIds,
    idf: get("descIdf"),
    offsets: get("descOffsets"),
    concepts: get("descConcepts"),
    wordOffsets: descWordOffsets,
    words: descWords,
    length: descLength,
    meanLength: Number(header.meanLength) || 0,
    buildMs: Number(header.descriptionBuildMs) || 0,
  };
  return { index, description, synonyms };
}
