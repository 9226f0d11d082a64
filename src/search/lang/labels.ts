import { stopwordsOf } from "./stopwords.js";

/**
 * What the index and queries do with the words of one language beyond the shared normalisation: drop its
 * function words, and split elided articles (French, Italian).
 *
 * @module
 */

/** Languages whose spelling elides articles before an apostrophe. */
const ELIDING: ReadonlySet<string> = new Set(["fr", "it"]);

/** The per-language word handling of `lang`. */
export interface WordFilter {
  /** Split elided articles (`l'énergie` → `energie`). */
  readonly elide: boolean;
  /** Function words to drop, folded (empty for English, whose list is the shared `STOPWORDS`). */
  readonly stopwords: ReadonlySet<string>;
}

const NONE: WordFilter = { elide: false, stopwords: new Set() };

/** The word handling for labels and queries in `lang` (none for English or no language). */
export function labelWordFilter(lang: string | undefined): WordFilter {
  if (lang === undefined || lang === "en") return NONE;
  return { elide: ELIDING.has(lang), stopwords: stopwordsOf(lang) };
}
