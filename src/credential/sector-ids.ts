import { frameworkOf, hasFramework } from "../framework/attach.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";

/**
 * The sector ids a credential's `sectors` may use.
 *
 * @module
 */

/**
 * The six sectors of the default framework layer, used when a taxonomy has no framework layer attached.
 *
 * @category Credential
 */
export const DEFAULT_SECTOR_IDS: readonly string[] = [
  "agrifood",
  "construction",
  "wood-and-furniture",
  "manufacturing",
  "sustainability-management",
  "public-sector",
];

/** @internal The sector ids of the taxonomy's framework layer (attached or carried), else {@link DEFAULT_SECTOR_IDS}. */
export function knownSectorIds(taxonomy: Taxonomy): readonly string[] {
  return hasFramework(taxonomy) ? frameworkOf(taxonomy).sectors.map((s) => s.id) : DEFAULT_SECTOR_IDS;
}
