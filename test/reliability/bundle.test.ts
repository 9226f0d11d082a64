/**
 * Hostile bundles: every changed byte, every malformed header and every inconsistent column must raise
 * InvalidBundleError (CLI: exit 2 with error + hint), never load with changed answers. The bundles are built
 * in the test from a small ESCO-format fixture (and sampled over the full ESCO import where ../shared is
 * present); the layout is read with the rules of docs/bundle-format.md, and checksums are recomputed with
 * Node's own zlib CRC-32 to craft files that are intact but wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidBundleError,
  getConcept,
  listConcepts,
  loadTaxonomy,
  relatedSkills,
  searchSkills,
  skillsOfOccupation,
  stats,
  type BundleObject,
  type Taxonomy,
} from "green-skills";
import { BUNDLE_FORMAT_VERSION } from "../../src/bundle/format.js";
import { toBundleObject } from "../../src/bundle/object.js";
import type { Column } from "../../src/bundle/columns.js";
import { defaultBundle } from "green-skills/data";
import { importEsco } from "green-skills/node";
import { baseFixture, fid, occupationUri, skillUri, writeEscoFixture } from "../helpers/esco-fixture.js";
import { cli } from "../helpers/cli.js";
import { describeWithEsco, fullBundlePath } from "../helpers/shared-esco.js";

const PRELUDE = 20;
const align = (n: number) => Math.ceil(n / 8) * 8;

interface Entry {
  name: string;
  type: string;
  count: number;
  offset: number;
  length: number;
  crc32: number;
  itemCount?: number;
  itemsOffset?: number;
  itemsLength?: number;
  itemsCrc32?: number;
  [key: string]: unknown;
}
interface Header {
  meta: Record<string, unknown> & {
    conceptCount: number;
    collections: { name: string; size: number }[];
    formatVersion: number;
  };
  byteLength: number;
  columns: Entry[];
  [key: string]: unknown;
}
interface Layout {
  header: Header;
  headerLength: number;
  dataStart: number;
  /** Absolute byte ranges of every section, named. */
  sections: { what: string; start: number; end: number }[];
}

function layout(bytes: Uint8Array): Layout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PRELUDE, PRELUDE + headerLength))) as Header;
  const dataStart = align(PRELUDE + headerLength);
  const sections: Layout["sections"] = [];
  for (const c of header.columns) {
    sections.push({ what: c.name, start: dataStart + c.offset, end: dataStart + c.offset + c.length });
    if (c.type === "strList")
      sections.push({
        what: `${c.name} (items)`,
        start: dataStart + c.itemsOffset!,
        end: dataStart + c.itemsOffset! + c.itemsLength!,
      });
  }
  return { header, headerLength, dataStart, sections };
}

/** Re-writes a bundle with a changed header (and optionally changed data), with valid checksums and length. */
function rewrite(
  bytes: Uint8Array,
  edit: (header: Header, data: Uint8Array) => void,
  options: { keepByteLength?: boolean; recomputeCrcs?: boolean } = {},
): Uint8Array {
  const { header, dataStart } = layout(bytes);
  const data = bytes.slice(dataStart);
  edit(header, data);
  if (options.recomputeCrcs) {
    for (const c of header.columns) {
      c.crc32 = crc32(data.subarray(c.offset, c.offset + c.length));
      if (c.type === "strList") c.itemsCrc32 = crc32(data.subarray(c.itemsOffset!, c.itemsOffset! + c.itemsLength!));
    }
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  if (!options.keepByteLength) {
    for (let i = 0; i < 4; i++) {
      header.byteLength = align(PRELUDE + json.byteLength) + data.byteLength;
      json = new TextEncoder().encode(JSON.stringify(header));
    }
  }
  const start = align(PRELUDE + json.byteLength);
  const out = new Uint8Array(start + data.byteLength);
  out.set(bytes.subarray(0, 12));
  const view = new DataView(out.buffer);
  view.setUint32(12, json.byteLength, true);
  view.setUint32(16, crc32(json), true);
  out.set(json, PRELUDE);
  out.set(data, start);
  return out;
}

const invalid = (fn: () => unknown): InvalidBundleError => {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (!(error instanceof InvalidBundleError)) throw error;
    return error;
  }
  throw new Error(
    `expected InvalidBundleError, the call returned ${result === undefined ? "undefined" : typeof result}`,
  );
};

/** Everything a user could ask of a taxonomy, so a lazily detected problem must surface here. */
function exercise(t: Taxonomy): unknown {
  const concepts = listConcepts(t);
  const out: unknown[] = [stats(t)];
  for (const c of concepts) out.push(getConcept(t, c.uri));
  for (const c of listConcepts(t, { kind: "occupation" })) out.push(skillsOfOccupation(t, c.uri));
  for (const c of listConcepts(t, { kind: "skill" })) out.push(relatedSkills(t, c.uri));
  out.push(searchSkills(t, "heat pump"));
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "gs-reliability-bundle-"));
let bundle: Uint8Array;
let reference: Taxonomy;
beforeAll(async () => {
  const [folder] = writeEscoFixture(dir, baseFixture());
  ({ bundle } = await importEsco([folder!], { workers: false }));
  reference = loadTaxonomy(bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a changed byte anywhere is refused", () => {
  it("the intact fixture loads and its sections tile the file as documented", () => {
    const { header, dataStart, sections, headerLength } = layout(bundle);
    expect(header.meta.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
    expect(header.byteLength).toBe(bundle.byteLength);
    expect(new DataView(bundle.buffer, bundle.byteOffset).getUint32(16, true)).toBe(
      crc32(bundle.subarray(PRELUDE, PRELUDE + headerLength)),
    );
    for (const c of header.columns)
      expect(c.crc32).toBe(crc32(bundle.subarray(dataStart + c.offset, dataStart + c.offset + c.length)));
    const sorted = [...sections].sort((a, b) => a.start - b.start || a.end - b.end);
    let cursor = dataStart;
    for (const s of sorted) {
      expect(s.start).toBe(cursor);
      cursor = align(s.end);
    }
    expect(cursor).toBe(bundle.byteLength);
    expect(exercise(reference)).toBeTruthy();
    // Bytes at an odd offset inside a larger buffer (numeric columns are then copied, not viewed).
    const host = new Uint8Array(bundle.byteLength + 3);
    host.set(bundle, 1);
    const shifted = loadTaxonomy(host.subarray(1, 1 + bundle.byteLength));
    expect(exercise(shifted)).toEqual(exercise(reference));
  });

  it("flipping any bit of any byte (prelude, header, padding, every column) raises InvalidBundleError at load", () => {
    const { sections } = layout(bundle);
    const covered = new Set<string>();
    let tried = 0;
    for (let at = 0; at < bundle.byteLength; at++) {
      const corrupt = bundle.slice();
      corrupt[at]! ^= 1 << (at % 8);
      const error = invalid(() => loadTaxonomy(corrupt));
      expect(error.code).toBe("E_INVALID_BUNDLE");
      const section = sections.find((s) => at >= s.start && at < s.end);
      if (section) covered.add(section.what);
      tried++;
    }
    expect(tried).toBe(bundle.byteLength);
    // Every column section (including each string list's items) had bytes flipped.
    expect([...covered].sort()).toEqual(
      sections
        .filter((s) => s.end > s.start)
        .map((s) => s.what)
        .sort(),
    );
  });

  it("names the corrupt column and says the file was changed", () => {
    const { sections } = layout(bundle);
    const label = sections.find((s) => s.what === "label.en.pref")!;
    const corrupt = bundle.slice();
    corrupt[(label.start + label.end) >> 1]! ^= 0x40;
    expect(invalid(() => loadTaxonomy(corrupt)).message).toMatch(/column "label\.en\.pref" fails its checksum/);
    const relation = sections.find((s) => s.what === "rel.occupationSkill.skill")!;
    const broken = bundle.slice();
    broken[relation.start + 1]! ^= 0x01;
    expect(invalid(() => loadTaxonomy(broken)).message).toMatch(/rel\.occupationSkill\.skill" fails its checksum/);
    const head = bundle.slice();
    head[PRELUDE + 30]! ^= 0x02;
    expect(invalid(() => loadTaxonomy(head)).message).toMatch(/corrupt bundle header \(checksum mismatch\)/);
  });

  it("also overwriting bytes with zero, 0xFF or a copy of a neighbour (seeded sample) is refused", () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 400; n++) {
      const at = next() % bundle.byteLength;
      const corrupt = bundle.slice();
      const mode = n % 3;
      const value = mode === 0 ? 0 : mode === 1 ? 0xff : bundle[(at + 1) % bundle.byteLength]!;
      if (value === bundle[at]) continue;
      corrupt[at] = value;
      invalid(() => loadTaxonomy(corrupt));
    }
  });
});

describe("the header is validated strictly", () => {
  it("an intact rewrite loads (the crafting helper itself is sound)", () => {
    const same = rewrite(bundle, () => {});
    expect(stats(loadTaxonomy(same))).toEqual(stats(reference));
  });

  it("refuses an older or newer format version, in the prelude or in meta, with a re-import hint", () => {
    const older = bundle.slice();
    new DataView(older.buffer).setUint32(8, 1, true);
    expect(invalid(() => loadTaxonomy(older)).message).toMatch(
      /format version 1 is not supported \(this green-skills reads version 2\).*older green-skills; re-import/,
    );
    const newer = bundle.slice();
    new DataView(newer.buffer).setUint32(8, 7, true);
    expect(invalid(() => loadTaxonomy(newer)).message).toMatch(/format version 7 .*newer green-skills/);
    const meta = rewrite(bundle, (h) => (h.meta.formatVersion = BUNDLE_FORMAT_VERSION + 1));
    expect(invalid(() => loadTaxonomy(meta)).message).toMatch(/format version 3 is not supported/);
    const zero = rewrite(bundle, (h) => (h.meta.formatVersion = 0));
    expect(invalid(() => loadTaxonomy(zero)).message).toMatch(/format version|formatVersion/);
  });

  it("refuses unknown and missing keys at every level", () => {
    const cases: [string, (h: Header) => void, RegExp][] = [
      ["unknown top-level key", (h) => (h["extra"] = 1), /at \(root\)|Unrecognized key/],
      ["unknown meta key", (h) => (h.meta["signedBy"] = "me"), /at meta/],
      ["unknown esco key", (h) => ((h.meta["esco"] as Record<string, unknown>)["mirror"] = "x"), /at meta\.esco/],
      ["unknown directory key", (h) => (h.columns[0]!["compressed"] = true), /at columns\[0\]/],
      [
        "items keys on a str column",
        (h) => (h.columns.find((c) => c.type === "str")!["itemCount"] = 0),
        /at columns\[\d+\]/,
      ],
      ["missing createdAt", (h) => delete h.meta["createdAt"], /at meta\.createdAt/],
      ["missing crc32", (h) => delete (h.columns[1] as Partial<Entry>).crc32, /at columns\[1\]\.crc32/],
      ["missing itemsCrc32", (h) => delete h.columns.find((c) => c.type === "strList")!.itemsCrc32, /itemsCrc32/],
      ["unknown column type", (h) => (h.columns[0]!.type = "i64"), /at columns\[0\]/],
      ["negative offset", (h) => (h.columns[2]!.offset = -8), /at columns\[2\]\.offset/],
      ["fractional count", (h) => (h.columns[2]!.count = 1.5), /at columns\[2\]\.count/],
      ["checksum out of range", (h) => (h.columns[2]!.crc32 = 2 ** 32), /at columns\[2\]\.crc32/],
    ];
    for (const [what, edit, message] of cases) {
      const error = invalid(() => loadTaxonomy(rewrite(bundle, edit)));
      expect(error.message, what).toMatch(message);
    }
    const noLength = rewrite(bundle, (h) => delete (h as Partial<Header>).byteLength, { keepByteLength: true });
    expect(invalid(() => loadTaxonomy(noLength)).message).toMatch(/at byteLength/);
  });

  it("refuses a header whose byteLength, length field or padding disagree with the file", () => {
    const wrongLength = rewrite(bundle, (h) => (h.byteLength += 8), { keepByteLength: true });
    expect(invalid(() => loadTaxonomy(wrongLength)).message).toMatch(/header says/);
    const longHeader = bundle.slice();
    const view = new DataView(longHeader.buffer);
    view.setUint32(12, view.getUint32(12, true) + 1, true);
    expect(invalid(() => loadTaxonomy(longHeader)).message).toMatch(/checksum mismatch|truncated/);
    const huge = bundle.slice();
    new DataView(huge.buffer).setUint32(12, 0xffffffff, true);
    expect(invalid(() => loadTaxonomy(huge)).message).toMatch(/truncated/);
    expect(invalid(() => loadTaxonomy(bundle.subarray(0, 14))).message).toMatch(/truncated/);
  });

  it("refuses column sections out of range, overlapping, misaligned, with gaps or duplicated", () => {
    const { header } = layout(bundle);
    const last = header.columns.length - 1;
    const cases: [string, (h: Header) => void, RegExp][] = [
      ["offset past the end", (h) => (h.columns[last]!.offset += 1 << 20), /lies outside the file/],
      ["length past the end", (h) => (h.columns[last]!.length += 1 << 20), /bytes, expected|lies outside the file/],
      ["overlap", (h) => (h.columns[3]!.offset = h.columns[2]!.offset), /overlaps|does not start/],
      ["misaligned", (h) => (h.columns[3]!.offset += 4), /does not start|overlaps|outside/],
      ["duplicate name", (h) => (h.columns[3]!.name = h.columns[2]!.name), /lists column .* twice/],
      ["a section dropped (gap)", (h) => h.columns.splice(3, 1), /does not start where|not part of any column/],
      [
        "numeric count vs bytes",
        (h) => (h.columns.find((c) => c.name === "rel.occupationSkill.skill")!.count += 1),
        /bytes, expected/,
      ],
      [
        "string-list offsets vs rows",
        (h) => (h.columns.find((c) => c.type === "strList")!.count += 1),
        /offset bytes, expected/,
      ],
      [
        "items in an empty list column",
        (h) => (h.columns.find((c) => c.type === "strList")!.itemCount = 0),
        /item bytes for 0 items/,
      ],
    ];
    for (const [what, edit, message] of cases) {
      const error = invalid(() => loadTaxonomy(rewrite(bundle, edit)));
      expect(error.message, what).toMatch(message);
    }
  });

  it("refuses counts inconsistent with conceptCount, collections and relation tables", () => {
    const cases: [string, (h: Header) => void, RegExp][] = [
      ["conceptCount", (h) => (h.meta.conceptCount += 1), /conceptCount/],
      ["collection size", (h) => (h.meta.collections[0]!.size += 1), /meta\.collections\[0\]\.size/],
      [
        "collection without column",
        (h) => h.meta.collections.push({ name: "invented", label: "Invented", size: 0 } as never),
        /has no column "collection\.invented"/,
      ],
      ["column without collection", (h) => h.meta.collections.splice(0, 1), /is not listed in meta\.collections/],
      [
        "unknown column",
        (h) => (h.columns.find((c) => c.name === "rel.skillSkill.type")!.name = "rel.skillSkill.kind"),
        /not part of the bundle format|incomplete/,
      ],
      [
        "label column of an undeclared language",
        (h) => (h.columns.find((c) => c.name === "label.en.pref")!.name = "label.xx.pref"),
        /not part of the bundle format/,
      ],
      ["languages twice", (h) => (h.meta["esco"] as { languages: string[] }).languages.push("en"), /language twice/],
    ];
    for (const [what, edit, message] of cases) {
      const error = invalid(() => loadTaxonomy(rewrite(bundle, edit)));
      expect(error.message, what).toMatch(message);
    }
    // A known column with the wrong type (concept.kind declared as a string column).
    const wrongType = rewrite(bundle, (h) => {
      const c = h.columns.find((x) => x.name === "concept.kind")!;
      c.type = "str";
    });
    expect(invalid(() => loadTaxonomy(wrongType)).message).toMatch(/concept\.kind|type/);
  });
});

/** Edits the data bytes of a column (then the checksums are recomputed: an intact file, wrong content). */
function craft(edit: (entry: (name: string) => Entry, data: Uint8Array) => void): Uint8Array {
  return rewrite(bundle, (h, data) => edit((name) => h.columns.find((c) => c.name === name)!, data), {
    recomputeCrcs: true,
  });
}
const i32At = (data: Uint8Array, entry: Entry, row: number, value: number) =>
  new DataView(data.buffer, data.byteOffset).setInt32(entry.offset + row * 4, value, true);

describe("intact files with wrong content (a writer bug or a hand-made file) are refused", () => {
  it("relation and collection indexes out of range, unknown relation types", () => {
    const size = reference.size;
    const cases: [string, Uint8Array, RegExp][] = [
      [
        "skill index past the end",
        craft((e, d) => i32At(d, e("rel.occupationSkill.skill"), 0, size + 3)),
        /rel\.occupationSkill\.skill" row 0 points to concept/,
      ],
      [
        "negative occupation index",
        craft((e, d) => i32At(d, e("rel.occupationSkill.occupation"), 1, -1)),
        /points to concept -1/,
      ],
      [
        "broader parent past the end",
        craft((e, d) => i32At(d, e("rel.broaderSkill.parent"), 0, size)),
        /rel\.broaderSkill\.parent/,
      ],
      [
        "collection member past the end",
        craft((e, d) => i32At(d, e("collection.green"), 0, 1 << 30)),
        /collection\.green/,
      ],
      ["relation type code", craft((e, d) => (d[e("rel.skillSkill.type").offset] = 9)), /unknown relation type code 9/],
      ["concept kind code", craft((e, d) => (d[e("concept.kind").offset + 2] = 200)), /unknown kind code/],
    ];
    for (const [what, crafted, message] of cases)
      expect(invalid(() => loadTaxonomy(crafted)).message, what).toMatch(message);
  });

  it("string-list offsets out of order", () => {
    const crafted = craft((e, d) => {
      const list = e("label.en.alt");
      new DataView(d.buffer, d.byteOffset).setUint32(list.offset + 4, list.itemCount! + 5, true);
    });
    expect(invalid(() => loadTaxonomy(crafted)).message).toMatch(/label\.en\.alt": list offset/);
  });

  it("duplicate and empty concept URIs", () => {
    const uris = reference.size;
    const first = new TextEncoder().encode(listConcepts(reference)[0]!.uri);
    const dup = craft((e, d) => {
      const c = e("concept.uri");
      // Overwrite the start of the second URI with the first one's bytes where both have the same length.
      const text = new TextDecoder().decode(d.subarray(c.offset, c.offset + c.length));
      const values = text.split("\u0000");
      const target = values.findIndex((v, i) => i > 0 && v.length === values[0]!.length);
      expect(target).toBeGreaterThan(0);
      let at = c.offset;
      for (let i = 0; i < target; i++) at += new TextEncoder().encode(values[i]!).byteLength + 1;
      d.set(first, at);
    });
    expect(uris).toBeGreaterThan(1);
    expect(invalid(() => loadTaxonomy(dup)).message).toMatch(/appears twice/);
  });

  it("a string column that does not hold its stated number of values, or invalid UTF-8, fails on first use, never answers", async () => {
    const { sections } = layout(bundle);
    const label = sections.find((s) => s.what === "label.en.pref")!;
    const text = new TextDecoder().decode(bundle.subarray(label.start, label.end));
    const nul = text.indexOf("\u0000");
    const merged = craft(
      (e, d) => (d[e("label.en.pref").offset + new TextEncoder().encode(text.slice(0, nul)).byteLength] = 0x20),
    );
    const t = loadTaxonomy(merged);
    expect(invalid(() => getConcept(t, skillUri(fid(101)))).message).toMatch(
      /label\.en\.pref" holds \d+ values, its header says/,
    );
    expect(invalid(() => exercise(loadTaxonomy(merged))).code).toBe("E_INVALID_BUNDLE");
    const latin1 = craft((e, d) => (d[e("label.en.pref").offset] = 0xe9));
    expect(invalid(() => exercise(loadTaxonomy(latin1))).message).toMatch(/label\.en\.pref" is not valid UTF-8/);
    // The CLI maps a problem found mid-command to exit 2 with error + hint, no stack trace.
    const file = join(dir, "lazy.gsb");
    writeFileSync(file, latin1);
    const shown = await cli(["show", skillUri(fid(101)), "--esco", file]);
    expect(shown.code).toBe(2);
    expect(shown.stderr).toMatch(
      /^error: .*lazy\.gsb: column "label\.en\.pref" is not valid UTF-8\nhint: .*green-skills import/,
    );
    expect(shown.stderr).not.toMatch(/\n\s+at /);
  });

  it("concept.extra that is not a JSON object of strings", () => {
    const object = toBundleObject(reference.meta, columnsOf(bundle));
    const n = reference.size;
    const bad = {
      ...object,
      columns: {
        ...object.columns,
        "concept.extra": {
          type: "str" as const,
          values: Array.from({ length: n }, (_, i) => (i === 0 ? "{nope" : "")),
        },
      },
    };
    const t = loadTaxonomy(bad);
    expect(invalid(() => getConcept(t, listConcepts(t)[0]!.uri)).message).toMatch(/concept\.extra" row 0 is not JSON/);
    const wrong = {
      ...object,
      columns: {
        ...object.columns,
        "concept.extra": {
          type: "str" as const,
          values: Array.from({ length: n }, (_, i) => (i === 0 ? '{"a":1}' : "")),
        },
      },
    };
    expect(invalid(() => getConcept(loadTaxonomy(wrong), listConcepts(t)[0]!.uri)).message).toMatch(
      /not a JSON object of strings/,
    );
  });
});

/** All columns of a binary bundle, through the object form. */
function columnsOf(bytes: Uint8Array) {
  const { header, dataStart } = layout(bytes);
  const out: Record<string, Column> = {};
  const decode = (offset: number, length: number, count: number) =>
    count === 0
      ? []
      : new TextDecoder().decode(bytes.subarray(dataStart + offset, dataStart + offset + length)).split("\u0000");
  for (const c of header.columns) {
    const slice = bytes.slice(dataStart + c.offset, dataStart + c.offset + c.length).buffer;
    if (c.type === "str") out[c.name] = { type: "str", values: decode(c.offset, c.length, c.count) };
    else if (c.type === "strList") {
      const offsets = new Uint32Array(slice);
      const items = decode(c.itemsOffset!, c.itemsLength!, c.itemCount!);
      out[c.name] = {
        type: "strList",
        values: Array.from({ length: c.count }, (_, i) => items.slice(offsets[i], offsets[i + 1])),
      };
    } else if (c.type === "i32") out[c.name] = { type: "i32", values: new Int32Array(slice) };
    else if (c.type === "u8") out[c.name] = { type: "u8", values: new Uint8Array(slice) };
    else out[c.name] = { type: "f64", values: new Float64Array(slice) };
  }
  return out;
}

describe("bundle objects (the embedded default's form) are validated strictly, with a path", () => {
  const object = (): BundleObject => JSON.parse(JSON.stringify(defaultBundle)) as BundleObject;

  it("the embedded default and an object made from the fixture load", () => {
    expect(loadTaxonomy(object()).coverage).toBe("curated");
    const fromFixture = JSON.parse(JSON.stringify(toBundleObject(reference.meta, columnsOf(bundle))));
    expect(stats(loadTaxonomy(fromFixture))).toEqual(stats(reference));
    expect(skillsOfOccupation(loadTaxonomy(fromFixture), occupationUri(fid(201, "cccccccc")))).toEqual(
      skillsOfOccupation(reference, occupationUri(fid(201, "cccccccc"))),
    );
  });

  it("wrong shapes name their path", () => {
    const cases: [string, (o: Record<string, any>) => void, RegExp][] = [
      ["unknown root key", (o) => (o["signature"] = "x"), /at \(root\)/],
      ["unknown meta key", (o) => (o["meta"].note = "x"), /at meta/],
      ["missing generator", (o) => delete o["meta"].generator, /at meta\.generator/],
      ["collection entry key", (o) => (o["meta"].collections[0].colour = "green"), /at meta\.collections\[0\]/],
      [
        "a number in a str column",
        (o) => (o["columns"]["concept.uri"].values[3] = 42),
        /at columns\["concept\.uri"\]\.values\[3\]/,
      ],
      [
        "a u8 past 255",
        (o) => (o["columns"]["concept.kind"].values[0] = 300),
        /at columns\["concept\.kind"\]\.values\[0\]/,
      ],
      [
        "an i32 past 2^31",
        (o) => (o["columns"]["rel.broaderOcc.child"].values[0] = 2 ** 31),
        /at columns\["rel\.broaderOcc\.child"\]\.values\[0\]/,
      ],
      ["a fraction in an i32 column", (o) => (o["columns"]["rel.broaderOcc.child"].values[1] = 0.5), /values\[1\]/],
      [
        "a string in a list",
        (o) => (o["columns"]["concept.naceCode"].values[0] = "F43"),
        /at columns\["concept\.naceCode"\]\.values\[0\]/,
      ],
      ["an unknown column type", (o) => (o["columns"]["concept.uri"].type = "text"), /at columns\["concept\.uri"\]/],
      [
        "an extra key in a column",
        (o) => (o["columns"]["concept.uri"].compressed = true),
        /at columns\["concept\.uri"\]/,
      ],
      ["columns not an object", (o) => (o["columns"] = []), /at columns/],
    ];
    for (const [what, edit, message] of cases) {
      const o = object() as unknown as Record<string, any>;
      edit(o);
      expect(invalid(() => loadTaxonomy(o as never)).message, what).toMatch(message);
    }
  });

  it("inconsistent content is refused as in a binary bundle", () => {
    const cases: [string, (o: Record<string, any>) => void, RegExp][] = [
      ["an older format version", (o) => (o["meta"].formatVersion = 1), /format version 1 is not supported.*re-import/],
      [
        "a column one row short",
        (o) => o["columns"]["label.en.pref"].values.pop(),
        /label\.en\.pref" has \d+ rows, expected/,
      ],
      [
        "relation index out of range",
        (o) => (o["columns"]["rel.broaderOcc.parent"].values[0] = 99999),
        /rel\.broaderOcc\.parent" row 0 points to concept 99999/,
      ],
      [
        "half a relation table",
        (o) => delete o["columns"]["rel.broaderOcc.parent"],
        /relation broaderOcc is incomplete/,
      ],
      [
        "relation columns of different lengths",
        (o) => o["columns"]["rel.broaderOcc.parent"].values.pop(),
        /relation broaderOcc: column/,
      ],
      [
        "an unknown column",
        (o) => (o["columns"]["concept.colour"] = { type: "str", values: [] }),
        /concept\.colour" is not part of the bundle format/,
      ],
      [
        "a known column with another type",
        (o) =>
          (o["columns"]["concept.status"] = {
            type: "strList",
            values: o["columns"]["concept.status"].values.map(() => []),
          }),
        /concept\.status" has type strList, expected str/,
      ],
      ["collection size", (o) => (o["meta"].collections[0].size = 0), /meta\.collections\[0\]\.size/],
      [
        "duplicate URI",
        (o) => (o["columns"]["concept.uri"].values[1] = o["columns"]["concept.uri"].values[0]),
        /appears twice/,
      ],
    ];
    for (const [what, edit, message] of cases) {
      const o = object() as unknown as Record<string, any>;
      edit(o);
      expect(invalid(() => loadTaxonomy(o as never)).message, what).toMatch(message);
    }
  });
});

describe("the CLI refuses a corrupt bundle with exit 2, one error line and a hint", () => {
  it("stats --esco corrupt.gsb, show and validate, for a flipped byte in a column and in the header", async () => {
    const { sections } = layout(bundle);
    const column = sections.find((s) => s.what === "rel.occupationSkill.occupation")!;
    const corrupt = bundle.slice();
    corrupt[column.start + 2]! ^= 0x10;
    const file = join(dir, "corrupt.gsb");
    writeFileSync(file, corrupt);
    for (const argv of [
      ["stats", "--esco", file],
      ["show", skillUri(fid(101)), "--esco", file],
      ["stats", "--json", "--esco", file],
    ]) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stdout).toBe("");
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^error: .*corrupt\.gsb: corrupt bundle: column "rel\.occupationSkill\.occupation" fails its checksum/,
      );
      expect(lines[1]).toMatch(/^hint: /);
    }
    const old = bundle.slice();
    new DataView(old.buffer).setUint32(8, 1, true);
    writeFileSync(join(dir, "old.gsb"), old);
    const result = await cli(["stats", "--esco", join(dir, "old.gsb")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/format version 1 is not supported.*re-import/);
    expect(readFileSync(file)).toEqual(Buffer.from(corrupt));
  });
});

describeWithEsco("full ESCO bundle: one changed byte in any column is refused", () => {
  it("one flip inside every column section, and a seeded sample of positions over the whole file", async () => {
    const full = new Uint8Array(readFileSync(await fullBundlePath()));
    const { sections } = layout(full);
    const positions: number[] = [];
    for (const s of sections) if (s.end > s.start) positions.push(s.start, (s.start + s.end) >> 1, s.end - 1);
    let seed = 20260;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 60; n++) positions.push(next() % full.byteLength);
    for (let at = 0; at < PRELUDE; at++) positions.push(at);
    for (const at of positions) {
      const before = full[at]!;
      full[at] = before ^ (1 << (at % 8));
      try {
        const error = invalid(() => loadTaxonomy(full));
        expect(error.code).toBe("E_INVALID_BUNDLE");
      } finally {
        full[at] = before;
      }
    }
    expect(loadTaxonomy(full).size).toBeGreaterThan(10000);
  }, 240_000);
});
