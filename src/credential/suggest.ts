import { InvalidBundleError } from "../errors.js";
import { suggestSkills } from "../search/suggest.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import type { SuggestSkills } from "./context.js";

/**
 * The default source of suggestions: green-skills' learning-outcome search.
 *
 * @module
 */

/**
 * @internal Suggestions from `suggestSkills` over the taxonomy: only matches at or above its threshold
 * (weak candidates are never offered as fixes), and none when the search cannot run (for example a
 * language the taxonomy does not have), so validation itself never fails over a suggestion.
 */
export function defaultSuggest(taxonomy: Taxonomy): SuggestSkills {
  return (text, { limit, lang }) => {
    try {
      const languages = taxonomy.languages;
      const options = lang && languages.includes(lang) ? { limit, lang } : { limit };
      return suggestSkills(taxonomy, text, options).suggestions.map((s) => ({ uri: s.uri, label: s.label }));
    } catch (error) {
      // A corrupt bundle is not "no suggestion": it must reach the caller (the CLI exits 2).
      if (error instanceof InvalidBundleError) throw error;
      return [];
    }
  };
}
