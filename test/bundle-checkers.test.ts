/**
 * The plain checkers `loadTaxonomy` uses for the bundle header and the bundle object (so that a browser
 * page which loads a bundle carries no zod, see docs/design-choices.md "Bundle size") agree with the zod
 * schemas exported from `green-skills/schemas`: on valid samples both accept and give equal values; on
 * every sample made by breaking one place of a valid one (wrong type, missing, out of range, extra key)
 * both reject with the same first issue (path and message), so corrupt bundles get the same errors.
 */
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { bundleMetaChecker, binaryHeaderChecker, bundleObjectChecker } from "../src/bundle/meta-check.js";
import { check, type Checker } from "../src/plain-check.js";
import { BundleObjectSchema, HeaderSchema } from "../src/bundle/schema.js";
import { BundleMetaSchema } from "../src/schemas.js";

const meta = {
  format: "green-skills-bundle",
  formatVersion: 2,
  createdAt: "2026-12-02T00:00:00Z",
  generator: "green-skills 0.1.0",
  coverage: "full",
  esco: { version: "v1.1.1", languages: ["en", "fr"], sources: [{ file: "skills_en.csv", rows: 3 }] },
  conceptCount: 3,
  collections: [
    { name: "green", label: "Green skills", file: "greenSkillsCollection_en.csv", size: 1 },
    { name: "digital", label: "Digital", size: 0 },
  ],
  unresolved: [
    { file: "a.csv", line: 2, relation: "occupationSkill", column: "skillUri", uri: "http://x", row: { a: "b" } },
  ],
  extensions: { framework: { any: [1, "thing"] } },
};
const header = {
  meta,
  byteLength: 4096,
  columns: [
    { name: "concept.uri", type: "str", count: 3, offset: 0, length: 20, crc32: 123 },
    { name: "concept.kind", type: "u8", count: 3, offset: 24, length: 3, crc32: 0xffffffff },
    {
      name: "concept.alt",
      type: "strList",
      count: 3,
      offset: 32,
      length: 16,
      crc32: 1,
      itemCount: 2,
      itemsOffset: 48,
      itemsLength: 4,
      itemsCrc32: 2,
    },
  ],
};
const object = {
  meta: { ...meta, extensions: undefined },
  columns: { "concept.uri": { type: "str", values: ["a", "b", "c"] }, "concept.kind": { type: "u8", values: [0, 1] } },
};

const BAD: unknown[] = [
  undefined,
  null,
  "",
  "x",
  "str",
  "strList",
  "full",
  "green-skills-bundle",
  0,
  -1,
  1.5,
  2,
  2 ** 32,
  2 ** 60,
  -(2 ** 60),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  [],
  ["x"],
  [1],
  {},
  { x: 1 },
];

type Json = unknown;
/** Every path to a value inside `value` (objects and arrays), root included. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
function replaced(value: Json, path: (string | number)[], next: unknown): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, next);
  if (rest.length === 0 && next === undefined && !Array.isArray(copy)) delete copy[head];
  return copy;
}
/** Valid sample, broken samples: each place replaced by each bad value, an extra key in each object. */
function samples(valid: Json): Json[] {
  const out: Json[] = [];
  for (const path of paths(valid)) {
    for (const bad of BAD) out.push(replaced(valid, path, bad));
    const here = path.reduce<Json>((v, k) => (v as Record<string | number, unknown>)[k], valid);
    if (here && typeof here === "object" && !Array.isArray(here)) {
      out.push(replaced(valid, path, { ...here, extra: 1 }));
      out.push(replaced(valid, path, { ...here, extra: 1, more: 2 }));
    }
    if (Array.isArray(here)) out.push(replaced(valid, path, []));
  }
  return out;
}

function agree(schema: z.ZodType, checker: Checker, valid: Json): number {
  let rejected = 0;
  for (const sample of [valid, ...samples(valid)]) {
    const zod = schema.safeParse(sample);
    const plain = check(checker, sample);
    const label = JSON.stringify(sample);
    if (zod.success) {
      expect(plain, label).toEqual({ ok: true, value: zod.data });
    } else {
      rejected++;
      const issue = zod.error.issues[0]!;
      expect(plain, label).toEqual({ ok: false, issue: { path: issue.path, message: issue.message } });
    }
  }
  return rejected;
}

describe("the plain bundle checkers agree with the zod schemas", () => {
  it("BundleMetaSchema", () => {
    expect(agree(BundleMetaSchema, bundleMetaChecker, meta)).toBeGreaterThan(100);
  });
  it("the binary header", () => {
    expect(agree(HeaderSchema, binaryHeaderChecker, header)).toBeGreaterThan(100);
  });
  it("BundleObjectSchema", () => {
    expect(agree(BundleObjectSchema, bundleObjectChecker, object)).toBeGreaterThan(100);
  });
  it("an own __proto__ key in a record (JSON.parse makes one) is dropped, as zod drops it", () => {
    const parsed = JSON.parse(JSON.stringify(meta).replace('"extensions":{', '"extensions":{"__proto__":{"x":1},'));
    expect(Object.keys(parsed.extensions)).toContain("__proto__");
    const zod = BundleMetaSchema.safeParse(parsed);
    const plain = check<typeof meta>(bundleMetaChecker, parsed);
    expect(plain).toEqual({ ok: true, value: zod.data });
    const extensions = plain.ok ? plain.value.extensions : undefined;
    expect(Object.getPrototypeOf(extensions)).toBe(Object.prototype);
    expect(Object.keys(extensions ?? {})).toEqual(["framework"]);
  });
  it("the checkers copy what they accept, as zod's parse does", () => {
    const result = check<typeof meta>(bundleMetaChecker, meta);
    expect(result.ok && result.value !== meta && result.value.esco !== meta.esco).toBe(true);
  });
});
