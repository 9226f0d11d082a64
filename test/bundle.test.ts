import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidBundleError,
  getConcept,
  loadTaxonomy as loadCore,
  skillsOfOccupation,
  stats,
  type BundleMeta,
} from "green-skills";
import { BUNDLE_FORMAT_VERSION } from "../src/bundle/format.js";
import { decodeBundle } from "../src/bundle/binary.js";
import type { Column } from "../src/bundle/columns.js";
import { toBundleObject } from "../src/bundle/object.js";
import { EscoImportError, importEsco, loadTaxonomyFile } from "green-skills/node";
import { baseFixture, fid, occupationUri, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";

let bundle: Uint8Array;
let meta: BundleMeta;
const dir = mkdtempSync(join(tmpdir(), "gs-bundle-"));
beforeAll(async () => {
  const [folder] = writeEscoFixture(dir, baseFixture());
  ({ bundle, meta } = await importEsco([folder!], { workers: false }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const invalid = (fn: () => unknown): InvalidBundleError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidBundleError);
    return error as InvalidBundleError;
  }
  throw new Error("expected InvalidBundleError");
};

describe("binary bundle", () => {
  it("loads from a Uint8Array, an ArrayBuffer, a file, a gzipped file and the object form alike", async () => {
    const a = loadCore(bundle);
    const b = loadCore(bundle.slice().buffer);
    const path = join(dir, "x.gsb");
    writeFileSync(path, bundle);
    const c = await loadTaxonomyFile(path);
    writeFileSync(`${path}.gz`, gzipSync(bundle));
    const d = await loadTaxonomyFile(`${path}.gz`);
    const e = loadCore(JSON.parse(JSON.stringify(toBundleObject(meta, decodeAll(a)))));
    for (const t of [b, c, d, e]) {
      expect(stats(t)).toEqual(stats(a));
      expect(getConcept(t, skillUri(fid(101)))).toEqual(getConcept(a, skillUri(fid(101))));
      expect(skillsOfOccupation(t, occupationUri(fid(201, "cccccccc")))).toEqual(
        skillsOfOccupation(a, occupationUri(fid(201, "cccccccc"))),
      );
    }
    writeFileSync(join(dir, "x.json"), JSON.stringify(toBundleObject(meta, decodeAll(a))));
    expect(stats(await loadTaxonomyFile(join(dir, "x.json")))).toEqual(stats(a));
  });

  it("rejects foreign bytes, truncation, padding, a corrupt header and a future format version", () => {
    expect(invalid(() => loadCore(new TextEncoder().encode("hello world"))).message).toMatch(
      /not a green-skills bundle/,
    );
    expect(invalid(() => loadCore(bundle.subarray(0, bundle.length - 10))).message).toMatch(/truncated/);
    expect(invalid(() => loadCore(bundle.subarray(0, 20))).message).toMatch(/truncated/);
    const padded = new Uint8Array(bundle.length + 8);
    padded.set(bundle);
    expect(invalid(() => loadCore(padded)).message).toMatch(/truncated or padded/);
    const future = bundle.slice();
    new DataView(future.buffer).setUint32(8, BUNDLE_FORMAT_VERSION + 1, true);
    expect(invalid(() => loadCore(future)).message).toMatch(
      new RegExp(`format version ${BUNDLE_FORMAT_VERSION + 1} is not supported.*newer green-skills`),
    );
    const corrupt = bundle.slice();
    corrupt[20] = 0x00;
    expect(invalid(() => loadCore(corrupt)).message).toMatch(/corrupt bundle header/);
    expect(invalid(() => loadCore(new TextEncoder().encode('{"a":1}'))).message).toMatch(/JSON input/);
  });

  it("rejects malformed bundle objects with a path", () => {
    expect(invalid(() => loadCore({ meta: { format: "green-skills-bundle" } } as never)).message).toMatch(/at meta\./);
    const object = toBundleObject(meta, decodeAll(loadCore(bundle)));
    const broken = JSON.parse(JSON.stringify(object));
    broken.columns["concept.kind"].values[0] = 300;
    expect(invalid(() => loadCore(broken)).message).toMatch(/concept\.kind/);
    const future = { ...object, meta: { ...object.meta, formatVersion: 99 } };
    expect(invalid(() => loadCore(future)).message).toMatch(/version 99/);
    expect(invalid(() => loadCore(null as never)).message).toMatch(/got null/);
  });

  it("names the file for an unreadable or corrupt bundle path", async () => {
    await expect(loadTaxonomyFile(join(dir, "missing.gsb"))).rejects.toBeInstanceOf(EscoImportError);
    writeFileSync(join(dir, "bad.gsb"), "not a bundle at all");
    await expect(loadTaxonomyFile(join(dir, "bad.gsb"))).rejects.toThrow(/bad\.gsb: not a green-skills bundle/);
    writeFileSync(join(dir, "bad.json"), "{ nope");
    await expect(loadTaxonomyFile(join(dir, "bad.json"))).rejects.toThrow(/bad\.json: not valid JSON/);
  });
});

/** Every column of the fixture bundle, decoded, to rebuild the object form through the public API. */
function decodeAll(_t: unknown): Record<string, Column> {
  const { columns } = decodeBundle(bundle);
  const out: Record<string, Column> = {};
  for (const name of columns.names()) {
    const type = columns.type(name)!;
    if (type === "str") out[name] = { type, values: columns.str(name)!.all() };
    else if (type === "strList") {
      const reader = columns.strList(name)!;
      out[name] = { type, values: Array.from({ length: reader.length }, (_, i) => reader.get(i)) };
    } else if (type === "i32") out[name] = { type, values: columns.i32(name)! };
    else if (type === "u8") out[name] = { type, values: columns.u8(name)! };
    else out[name] = { type, values: columns.f64(name)! };
  }
  return out;
}
