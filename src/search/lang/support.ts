import { InvalidArgumentError } from "../../errors.js";
import { isObjectLike, readingArgument } from "../../guard.js";

/**
 * The heavy per-language resources of search, supplied from outside the core so that a browser page that
 * searches English pays nothing for them: Snowball stemmers, function-word lists and a statistical
 * language detector for ESCO's other languages (about 460 KB minified together).
 *
 * `green-skills/node` (and the CLI) turn on {@link escoLanguageSupport} when they load; elsewhere call
 * `useLanguageSupport(escoLanguageSupport)` (from `green-skills/languages`) before the first search. Without
 * it, languages other than English fall back to what the core has: word families instead of stems, short
 * function-word lists for Icelandic and Maltese only, and detection from script, letters, written endings,
 * outcome boilerplate and vocabulary hits.
 *
 * @module
 */

/**
 * Per-language resources for search and query-language detection. Keys are ESCO's two-letter language
 * codes (`de`, `fr`, `bg` …).
 *
 * @category Search
 */
export interface LanguageSupport {
  /** A stemmer per language, applied to folded (lower-case, accent-free) words. */
  readonly stemmers: Readonly<Record<string, (word: string) => string>>;
  /** Function words per language (dropped from labels and queries; evidence for detection). */
  readonly stopwords: Readonly<Record<string, readonly string[]>>;
  /** A statistical detector: candidate languages (any codes) with a confidence in [0, 1]. */
  readonly detect?: (text: string) => readonly { readonly lang: string; readonly accuracy: number }[];
  /**
   * Letter sequences typical of languages (`pattern` tested on folded words, `langs` the ESCO codes it points
   * to), counted by detection in words the imported vocabulary does not know.
   */
  readonly letterSequences?: readonly { readonly pattern: RegExp; readonly langs: readonly string[] }[];
}

const NONE: LanguageSupport = { stemmers: {}, stopwords: {} };
let active: LanguageSupport = NONE;
let generation = 0;

/**
 * Turns on per-language stemmers, function words and detection for every search after this call (indexes
 * already built keep what they were built with). Pass `escoLanguageSupport` from `green-skills/languages`;
 * `green-skills/node` does this itself.
 *
 * @category Search
 * @param support - The resources, or `null` to go back to the core's fallbacks.
 * @example
 * ```ts
 * import { useLanguageSupport } from "green-skills";
 * import { escoLanguageSupport } from "green-skills/languages";
 * useLanguageSupport(escoLanguageSupport);
 * ```
 */
export function useLanguageSupport(support: LanguageSupport | null): void {
  const next = support === null ? NONE : support === active ? active : readSupport(support);
  if (next === active) return;
  active = next;
  generation++;
}

const API = "useLanguageSupport";
const EXPECTED = "a LanguageSupport ({ stemmers, stopwords, detect?, letterSequences? }) or null";

/** A plain copy of what the caller handed in, so that later searches never run the caller's getters. */
function readSupport(value: unknown): LanguageSupport {
  const bad = () => new InvalidArgumentError(API, "support", EXPECTED, value);
  return readingArgument(API, "support", value, () => {
    if (!isObjectLike(value) || Array.isArray(value)) throw bad();
    const { stemmers, stopwords, detect, letterSequences } = value;
    if (!isObjectLike(stemmers) || !isObjectLike(stopwords)) throw bad();
    if (detect !== undefined && typeof detect !== "function") throw bad();
    const stemmerCopy: Record<string, (word: string) => string> = {};
    for (const [lang, stemmer] of Object.entries(stemmers)) {
      if (typeof stemmer !== "function") throw bad();
      stemmerCopy[lang] = stemmer as (word: string) => string;
    }
    const stopwordCopy: Record<string, readonly string[]> = {};
    for (const [lang, words] of Object.entries(stopwords)) {
      if (!Array.isArray(words) || !words.every((w) => typeof w === "string")) throw bad();
      stopwordCopy[lang] = [...words];
    }
    const sequences: { pattern: RegExp; langs: readonly string[] }[] = [];
    if (letterSequences !== undefined) {
      if (!Array.isArray(letterSequences)) throw bad();
      for (const item of letterSequences as unknown[]) {
        if (!isObjectLike(item)) throw bad();
        const { pattern, langs } = item;
        if (!(pattern instanceof RegExp) || !Array.isArray(langs) || !langs.every((l) => typeof l === "string"))
          throw bad();
        sequences.push({ pattern: new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")), langs: [...langs] });
      }
    }
    return {
      stemmers: stemmerCopy,
      stopwords: stopwordCopy,
      ...(detect ? { detect: detect as NonNullable<LanguageSupport["detect"]> } : {}),
      ...(letterSequences !== undefined ? { letterSequences: sequences } : {}),
    };
  });
}

/** @internal The resources in use, and a counter that changes whenever they do (for caches). */
export function languageSupport(): { readonly support: LanguageSupport; readonly generation: number } {
  return { support: active, generation };
}
