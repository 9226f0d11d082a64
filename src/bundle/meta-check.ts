import {
  type Checker,
  anything,
  list,
  literal,
  nullable,
  num,
  oneOf,
  record,
  str,
  strict,
  union,
} from "../plain-check.js";
import { BUNDLE_FORMAT } from "./tag.js";

/**
 * Plain checkers of the bundle header (`BundleMetaSchema`), the binary header's column directory and the
 * bundle object's shell (`BundleObjectSchema`), used by `loadTaxonomy` instead of the zod schemas so that
 * a page which loads a bundle does not carry zod. Same shapes, same first issue (path and message) as the
 * zod schemas in `format.ts`; `test/bundle-checkers.test.ts` compares them.
 *
 * @module
 * @internal
 */

const count = /* @__PURE__ */ num({ int: true, min: 0 });

const unresolvedRow = /* @__PURE__ */ strict({
  file: str(),
  line: num({ int: true }),
  relation: str(),
  column: str(),
  uri: str(),
  row: record(str()),
});

const collectionInfo = /* @__PURE__ */ strict({ name: str(1), label: str(), file: str(), size: count }, ["file"]);

/** `BundleMetaSchema` as a plain checker. */
export const bundleMetaChecker: Checker = /* @__PURE__ */ strict(
  {
    format: literal(BUNDLE_FORMAT),
    formatVersion: num({ int: true, positive: true }),
    createdAt: str(),
    generator: str(),
    coverage: oneOf(["full", "curated"]),
    esco: strict({
      version: nullable(str()),
      languages: list(str(), 1),
      sources: list(strict({ file: str(), rows: count })),
    }),
    conceptCount: count,
    collections: list(collectionInfo),
    unresolved: list(unresolvedRow),
    extensions: record(anything),
  },
  ["extensions"],
);

const u32 = /* @__PURE__ */ num({ int: true, min: 0, max: 0xffffffff });
const section = { name: str(1), count, offset: count, length: count, crc32: u32 };

/** The binary header (`HeaderSchema` in `binary.ts`) as a plain checker. */
export const binaryHeaderChecker: Checker = /* @__PURE__ */ strict({
  meta: bundleMetaChecker,
  byteLength: num({ int: true, positive: true }),
  columns: list(
    union("type", [
      [["str", "i32", "u8", "f64"], strict({ ...section, type: oneOf(["str", "i32", "u8", "f64"]) })],
      [
        ["strList"],
        strict({
          ...section,
          type: literal("strList"),
          itemCount: count,
          itemsOffset: count,
          itemsLength: count,
          itemsCrc32: u32,
        }),
      ],
    ]),
  ),
});

/** `BundleObjectSchema` as a plain checker (column values' element types are checked after it). */
export const bundleObjectChecker: Checker = /* @__PURE__ */ strict({
  meta: bundleMetaChecker,
  columns: record(strict({ type: oneOf(["str", "strList", "i32", "u8", "f64"]), values: list(anything) })),
});
