import type { Taxonomy } from "../taxonomy/taxonomy.js";
import type { SuggestSkills } from "./context.js";

/**
 * The default source of suggestions.
 *
 * @module
 */

/** @internal The default suggestion source for a taxonomy (none until skill search is available). */
export function defaultSuggest(_taxonomy: Taxonomy): SuggestSkills | undefined {
  return undefined;
}
