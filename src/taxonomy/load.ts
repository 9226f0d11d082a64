import { decodeBundle, isBinaryBundle } from "../bundle/binary.js";
import type { BundleObject } from "../bundle/format.js";
import { fromBundleObject } from "../bundle/object.js";
import { InvalidBundleError } from "../errors.js";
import { Taxonomy } from "./taxonomy.js";
import { argOptions, optString, readingArgument } from "../guard.js";

/**
 * What `loadTaxonomy` accepts in the core (browser-safe) entry: a binary bundle's bytes, or a bundle
 * object (parsed JSON).
 *
 * @category Taxonomy
 */
export type TaxonomySource = Uint8Array | ArrayBuffer | BundleObject;

/**
 * Options of {@link loadTaxonomy}.
 *
 * @category Taxonomy
 */
export interface LoadTaxonomyOptions {
  /** Name of the source in error messages (a file path). */
  sourceName?: string;
}

/**
 * Loads a taxonomy from a bundle: the bytes of a binary bundle written by `green-skills import`, or a
 * bundle object. Validates the bundle's format, version and shape.
 *
 * @category Taxonomy
 * @throws {@link InvalidBundleError} for a corrupt, truncated or foreign input, or an unsupported version.
 * @example
 * ```ts
 * import { loadTaxonomy, getConcept } from "green-skills";
 * const response = await fetch("/esco-v1.1.1.gsb");
 * const taxonomy = loadTaxonomy(await response.arrayBuffer());
 * getConcept(taxonomy, "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f")?.prefLabel
 * //=> "install heat pump"
 * ```
 */
export function loadTaxonomy(source: TaxonomySource, options: LoadTaxonomyOptions = {}): Taxonomy {
  const name = optString("loadTaxonomy", argOptions("loadTaxonomy", options), "sourceName");
  return readingArgument("loadTaxonomy", "source", source, () => load(source, name));
}

function load(source: TaxonomySource, name: string | undefined): Taxonomy {
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (source instanceof Uint8Array) {
    if (!isBinaryBundle(source)) {
      throw new InvalidBundleError(
        looksLikeJson(source)
          ? "JSON input: parse it and pass the object"
          : "not a green-skills bundle (wrong magic bytes)",
        name,
      );
    }
    const { meta, columns } = decodeBundle(source, name);
    return new Taxonomy(meta, columns, name);
  }
  if (typeof source !== "object" || source === null) {
    throw new InvalidBundleError(
      `expected bundle bytes or a bundle object, got ${source === null ? "null" : typeof source}`,
      name,
    );
  }
  const { meta, columns } = fromBundleObject(source, name);
  return new Taxonomy(meta, columns, name);
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x7b;
  }
  return false;
}
