import type { Expansion } from "../expand.js";
import type { SearchIndex } from "../index-build.js";
import { boilerplateOf } from "./boilerplate.js";
import { labelWordFilter } from "./labels.js";
import { STEM_SIM, stemSiblings } from "./vocabulary.js";

/**
 * The language-specific part of query preparation: for the query's language(s), which words are function
 * words or outcome boilerplate, whether elided articles are split, and which vocabulary words share a
 * Snowball stem with a query word. English (or no language) has none of it: the English rules in
 * `../stopwords.ts` and `../expand.ts` apply as they always did.
 *
 * @module
 */

/** How a query's words are handled in its languages. */
export interface QueryWordHandling {
  /** Cache key of the languages ("" for none). */
  readonly key: string;
  readonly elide: boolean;
  stopwords(token: string): boolean;
  boilerplate(token: string): boolean;
  /** Adds the stem siblings of `token` in the query's languages to its expansions. */
  expand(index: SearchIndex, token: string, base: readonly Expansion[]): readonly Expansion[];
}

const NONE: QueryWordHandling = {
  key: "",
  elide: false,
  stopwords: () => false,
  boilerplate: () => false,
  expand: (_i, _t, base) => base,
};

/** The handling for a query in `languages` (other than English) against `index`. */
export function queryWordHandling(index: SearchIndex, languages: readonly string[] | undefined): QueryWordHandling {
  const langs = (languages ?? []).filter((l) => l !== "en");
  if (langs.length === 0) return NONE;
  const filters = langs.map((l) => labelWordFilter(l));
  const lists = langs.map((l) => boilerplateOf(l));
  const stemmed = langs.filter((l) => index.languages.includes(l));
  return {
    key: langs.join(","),
    elide: filters.some((f) => f.elide),
    stopwords: (token) => filters.some((f) => f.stopwords.has(token)),
    boilerplate: (token) => lists.some((list) => list.has(token)),
    expand: (ix, token, base) => {
      const siblings = stemSiblings(ix, token, stemmed);
      if (siblings.length === 0) return base;
      const best = new Map<number, Expansion>();
      // A word with stem siblings is an inflection of a known word, not a typo of another one.
      for (const x of base) if (x.via !== "typo") best.set(x.term, x);
      for (const term of siblings)
        if ((best.get(term)?.sim ?? 0) < STEM_SIM) best.set(term, { term, sim: STEM_SIM, via: "word-family" });
      return [...best.values()].sort((a, b) => b.sim - a.sim || ix.df[b.term]! - ix.df[a.term]!).slice(0, 24);
    },
  };
}
