import { languageSupport } from "./support.js";

/**
 * Stemming per language, through the stemmers of the active `LanguageSupport` (`support.ts`; every ESCO language with a Snowball stemmer in `green-skills/node`). English has none here on
 * purpose: English keeps its own word-family and spelling rules (`expand.ts`, `spelling.ts`). Languages
 * without a stemmer (cs, et, hr, is, lv, mt, pl, sk, sl) fall back to those word families alone (shared
 * prefixes), which work for most inflecting European languages but miss stem changes.
 *
 * Stemmers are applied to folded tokens (lower case, no accents), the same on both sides.
 *
 * @module
 */

/** Languages with a stemmer in the active language support. */
export function stemmedLanguages(): readonly string[] {
  return Object.keys(languageSupport().support.stemmers);
}

/**
 * The stem of a folded token in `lang`, lower case, or `undefined` when the language has no stemmer (then
 * word families alone apply). Words shorter than four letters, and words with digits, are their own stem.
 */
export function stem(lang: string, token: string): string | undefined {
  const stemmers = languageSupport().support.stemmers;
  const stemmer = Object.hasOwn(stemmers, lang) ? stemmers[lang] : undefined;
  if (!stemmer) return undefined;
  if (token.length < 4 || /\d/.test(token)) return token;
  return stemmer(token).toLowerCase();
}
