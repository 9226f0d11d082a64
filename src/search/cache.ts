import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { bigrams } from "./expand.js";
import { type SearchIndex, buildSearchIndex } from "./index-build.js";
import { synonymsOf } from "./synonyms.js";
import { argString } from "../guard.js";
import { InvalidArgumentError } from "../errors.js";

/**
 * One search index per taxonomy and concept kind, built on first use and dropped with the taxonomy.
 *
 * @module
 */

const indexes = new WeakMap<Taxonomy, Map<string, SearchIndex>>();
/** Per taxonomy: a function that may install a prebuilt skill index before the first build (the CLI's cache). */
const sources = new WeakMap<Taxonomy, (taxonomy: Taxonomy) => void>();

/** The key of the skill index over every language, the one a search snapshot holds. */
const SNAPSHOT_KEY = "skill:*";

/**
 * The search index of `taxonomy` for `kind`, built on first use: over every language, or over language
 * `lang` only (so that a search in one language of a many-language import indexes only that language).
 *
 * @internal
 */
export function searchIndexOf(taxonomy: Taxonomy, kind: "skill" | "occupation", lang?: string): SearchIndex {
  let entry = indexes.get(taxonomy);
  if (!entry) indexes.set(taxonomy, (entry = new Map()));
  const only = lang === undefined || taxonomy.languages.length === 1 ? undefined : lang;
  const key = `${kind}:${only ?? "*"}`;
  let index = entry.get(key);
  if (!index && key === SNAPSHOT_KEY) {
    const source = sources.get(taxonomy);
    if (source) {
      sources.delete(taxonomy);
      source(taxonomy);
      index = entry.get(key);
    }
  }
  if (!index) entry.set(key, (index = buildSearchIndex(storeOf(taxonomy), kind, only)));
  return index;
}

/**
 * Registers `source`, called once, when the skill index over every language is first needed and not built
 * yet: it may install a prebuilt one with {@link installSkillIndex} (the CLI restores its search cache so).
 *
 * @internal
 */
export function onFirstSkillIndex(taxonomy: Taxonomy, source: (taxonomy: Taxonomy) => void): void {
  sources.set(taxonomy, source);
}

/** Installs a prebuilt skill index over every language (restored from a search snapshot). @internal */
export function installSkillIndex(taxonomy: Taxonomy, index: SearchIndex): void {
  let entry = indexes.get(taxonomy);
  if (!entry) indexes.set(taxonomy, (entry = new Map()));
  entry.set(SNAPSHOT_KEY, index);
}

/** The skill index over every language if it has been built (or installed), else `undefined`. @internal */
export function builtSkillIndex(taxonomy: Taxonomy): SearchIndex | undefined {
  return indexes.get(taxonomy)?.get(SNAPSHOT_KEY);
}

/**
 * Timings of {@link prepareSearch}, in milliseconds.
 *
 * @category Search
 */
export interface SearchIndexStats {
  /** Indexed concepts. */
  concepts: number;
  /** Indexed labels (all types and languages). */
  labels: number;
  /** Distinct normalised words. */
  terms: number;
  /** Time to build the label index. */
  buildMs: number;
  /** Time to build the typo and synonym tables, which are otherwise built on the first query that needs them. */
  extrasMs: number;
}

/**
 * Builds the search index of a taxonomy now instead of on the first search (for servers that want a
 * predictable first response). Searching works without calling this.
 *
 * @category Search
 * @param taxonomy - A loaded taxonomy.
 * @param kind - `skill` (default) or `occupation`.
 * @param lang - Prepare the index that searches with this `lang` option use (default: the index over all
 *   languages, which searches without `lang` use).
 * @returns Sizes and build times.
 * @example
 * ```ts
 * prepareSearch(taxonomy).labels > 0 //=> true (and the next search skips the build)
 * ```
 */
export function prepareSearch(
  taxonomy: Taxonomy,
  kind: "skill" | "occupation" = "skill",
  lang?: string,
): SearchIndexStats {
  storeOf(taxonomy, "prepareSearch");
  if (kind !== "skill" && kind !== "occupation")
    throw new InvalidArgumentError("prepareSearch", "kind", '"skill" or "occupation"', kind);
  if (lang !== undefined) argString("prepareSearch", "lang", lang);
  const index = searchIndexOf(taxonomy, kind, lang);
  const started = performance.now();
  synonymsOf(index, 0);
  bigrams(index);
  return {
    concepts: index.concepts.length,
    labels: index.entryConcept.length,
    terms: index.terms.length,
    buildMs: index.buildMs,
    extrasMs: performance.now() - started,
  };
}
