import type { Taxonomy } from "../taxonomy/taxonomy.js";

/**
 * The sector ids a credential's `sectors` may use.
 *
 * @module
 */

/**
 * The six sectors of the curated framework layer (the MASTERY project's sectors), used when the loaded
 * taxonomy carries no framework layer of its own.
 *
 * @category Credential
 */
export const DEFAULT_SECTOR_IDS: readonly string[] = ["agrifood", "construction", "wood-and-furniture", "manufacturing", "sustainability-management", "public-sector"];

/** @internal The sector ids of the taxonomy's framework layer, else {@link DEFAULT_SECTOR_IDS}. */
export function knownSectorIds(taxonomy: Taxonomy): readonly string[] {
  const framework = taxonomy.meta.extensions?.["framework"] as { sectors?: unknown } | undefined;
  if (Array.isArray(framework?.sectors)) {
    const ids = framework.sectors.map((s: unknown) => (typeof s === "object" && s !== null ? (s as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === "string");
    if (ids.length > 0) return ids;
  }
  return DEFAULT_SECTOR_IDS;
}
