import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { type BaseSearchOptions, SEARCH_OPTION_SPEC } from "./options.js";
import { type OccupationHit, occupationHit } from "./results.js";
import { runSearch } from "./run.js";
import { argString, checkOptions } from "../guard.js";
import { storeOf } from "../taxonomy/taxonomy.js";

/**
 * Occupation search.
 *
 * @module
 */

/**
 * Options of {@link searchOccupations}.
 *
 * @category Search
 */
export type SearchOccupationsOptions = BaseSearchOptions;

/**
 * Finds ESCO occupations by name, the same way {@link searchSkills} finds skills: fuzzy, typo-tolerant,
 * over preferred, alternative and hidden labels in every imported language.
 *
 * @category Search
 * @param taxonomy - A loaded taxonomy.
 * @param query - An occupation name or keywords ("heat pump fitter", "energy auditor").
 * @param options - Limit, language, collection and a custom URI filter.
 * @returns Matching occupations, best first, at most `limit` (default 10).
 * @throws {@link InvalidOptionError} for a bad limit or an unknown language or collection.
 * @throws {@link InvalidArgumentError} `E_INVALID_ARGUMENT` when the query is not a string (a programming error, unlike an empty query).
 * @example
 * ```ts
 * import { searchOccupations } from "green-skills";
 * searchOccupations(taxonomy, "weldr")[0]?.label //=> "welder"
 * ```
 */
export function searchOccupations(
  taxonomy: Taxonomy,
  query: string,
  options: SearchOccupationsOptions = {},
): OccupationHit[] {
  storeOf(taxonomy, "searchOccupations");
  argString("searchOccupations", "query", query, true);
  options = checkOptions("searchOccupations", options, SEARCH_OPTION_SPEC);
  const run = runSearch("searchOccupations", taxonomy, "occupation", query, options, 10);
  return run.candidates.map((candidate) => occupationHit(run.index, run.query, candidate, run.displayLang));
}
