import { loadDefaultTaxonomy } from "../data.js";
import { loadTaxonomyFile } from "../node/load.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { cachedBundle } from "./esco-cache.js";
import type { CliIo } from "./io.js";
import { useSearchCache } from "./search-cache.js";

/**
 * Which taxonomy a command runs on: `--esco <path>`, else `GREEN_SKILLS_ESCO`, else the embedded default.
 *
 * @module
 */

/** The env variable that names a default ESCO bundle, zip or folder. */
export const ESCO_ENV = "GREEN_SKILLS_ESCO";

/** How the embedded default is named in output. */
export const EMBEDDED_SOURCE = "the embedded default (curated layer only)";

/** Loads the taxonomy a command should use, and says where it came from. */
export async function resolveTaxonomy(
  io: CliIo,
  esco: string | undefined,
): Promise<{ taxonomy: Taxonomy; source: string; embedded: boolean }> {
  const path = esco ?? io.env[ESCO_ENV];
  if (path) {
    const taxonomy = await loadTaxonomyFile((await cachedBundle(io, path)) ?? path);
    useSearchCache(io, taxonomy);
    return { taxonomy, source: esco ? path : `${path} (from ${ESCO_ENV})`, embedded: false };
  }
  return { taxonomy: loadDefaultTaxonomy(), source: EMBEDDED_SOURCE, embedded: true };
}
