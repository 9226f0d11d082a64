import { loadTaxonomy } from "../node/load.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { type CliIo, CliError } from "./io.js";

/**
 * Which taxonomy a command runs on: `--esco <path>`, else `GREEN_SKILLS_ESCO`.
 *
 * @module
 */

/** The env variable that names a default ESCO bundle, zip or folder. */
export const ESCO_ENV = "GREEN_SKILLS_ESCO";

/** Loads the taxonomy a command should use, and says where it came from. */
export async function resolveTaxonomy(io: CliIo, esco: string | undefined): Promise<{ taxonomy: Taxonomy; source: string }> {
  const path = esco ?? io.env[ESCO_ENV];
  if (path) {
    const taxonomy = await loadTaxonomy(path);
    return { taxonomy, source: esco ? path : `${path} (from ${ESCO_ENV})` };
  }
  throw new CliError("no taxonomy given", `pass --esco <bundle, zip or folder> or set ${ESCO_ENV}`);
}
