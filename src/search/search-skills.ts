import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { SEARCH_OPTION_SPEC, type SearchSkillsOptions } from "./options.js";
import { type SkillHit, skillHit } from "./results.js";
import { runSearch } from "./run.js";
import { argString, checkOptions } from "../guard.js";
import { storeOf } from "../taxonomy/taxonomy.js";

/**
 * Skill search.
 *
 * @module
 */

/**
 * Finds ESCO skills (skills, competences and knowledge) by name or description of what someone can do.
 * Fuzzy and typo-tolerant over preferred, alternative and hidden labels in every imported language, with
 * accents, case, inflections ("installing" ~ "install") and British/American spelling folded. Results
 * come best first, each with the label that matched, the query words it matched and a score in [0, 1].
 * An empty query gives `[]`. The index is built on the first search of a taxonomy (see
 * {@link prepareSearch}).
 *
 * @category Search
 * @param taxonomy - A loaded taxonomy (full ESCO import or the embedded default).
 * @param query - What to look for: a skill name ("heat pump installation"), keywords, or a learning
 *   outcome (long queries are read as free text; see {@link SearchSkillsOptions.mode}).
 * @param options - Limit, language and filters (green, collection, skill type, reuse level, custom).
 * @returns Matching skills, best first, at most `limit` (default 10).
 * @throws {@link InvalidOptionError} for a bad limit or an unknown language, collection, skill type or reuse level.
 * @throws {@link InvalidArgumentError} `E_INVALID_ARGUMENT` when the query is not a string (a programming error, unlike an empty query).
 * @example
 * ```ts
 * import { searchSkills } from "green-skills";
 * const [best] = searchSkills(taxonomy, "instal heatpump", { green: true });
 * best?.label //=> "install heat pump"
 * best?.matchedTerms //=> ["instal", "heatpump"]
 * ```
 */
export function searchSkills(taxonomy: Taxonomy, query: string, options: SearchSkillsOptions = {}): SkillHit[] {
  storeOf(taxonomy, "searchSkills");
  argString("searchSkills", "query", query, true);
  options = checkOptions("searchSkills", options, SEARCH_OPTION_SPEC);
  const run = runSearch("searchSkills", taxonomy, "skill", query, options, 10);
  return run.candidates.map((candidate) => skillHit(run.index, run.query, candidate, run.displayLang));
}
