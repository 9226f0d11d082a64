/**
 * `green-skills/data`: the embedded default — the curated framework layer (six sectors, GreenComp and its
 * provisional crosswalk) with the ESCO concepts it cites (URI, preferred label, kind, skill type, reuse
 * level, collections, ISCO group), checked against ESCO v1.1.1. It works offline with no ESCO download;
 * anything that needs ESCO's relations says so (`FullEscoRequiredError`, `coverage: "curated"`).
 *
 * Kept out of the core entry so that code which never uses it does not ship it.
 *
 * This product uses the ESCO classification of the European Commission.
 *
 * @packageDocumentation
 */

import defaultJson from "../taxonomy/dist/default.json" with { type: "json" };
import type { BundleObject } from "./bundle/format.js";
import { FRAMEWORK_EXTENSION } from "./framework/build.js";
import type { Framework } from "./framework/schema.js";
import { loadTaxonomy } from "./taxonomy/load.js";
import type { Taxonomy } from "./taxonomy/taxonomy.js";

/**
 * The embedded default as a bundle object (`coverage: "curated"`), as built by `npm run taxonomy:build`.
 *
 * @category Data
 */
export const defaultBundle: BundleObject = defaultJson as unknown as BundleObject;

/**
 * The default framework layer: six sectors and GreenComp with its provisional crosswalk. Attach it to a
 * full taxonomy with `attachFramework`, or extend it with `withSectors`.
 *
 * @category Data
 * @example
 * ```ts
 * import { defaultFramework } from "green-skills/data";
 * defaultFramework.sectors.length //=> 6
 * ```
 */
export const defaultFramework: Framework = defaultBundle.meta.extensions?.[FRAMEWORK_EXTENSION] as Framework;

/**
 * The embedded default as a taxonomy, with its framework layer: search, `getConcept`, sector listings and
 * GreenComp profiles work on it offline. Each call returns a fresh taxonomy (a millisecond's work), so
 * attaching another framework to one does not affect the others.
 *
 * @category Data
 * @returns The curated taxonomy (`coverage: "curated"`).
 * @example
 * ```ts
 * import { loadDefaultTaxonomy } from "green-skills/data";
 * import { prefLabel } from "green-skills";
 * prefLabel(loadDefaultTaxonomy(), "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f") //=> "install heat pump"
 * ```
 */
export function loadDefaultTaxonomy(): Taxonomy {
  return loadTaxonomy(defaultBundle, { sourceName: "embedded default" });
}
