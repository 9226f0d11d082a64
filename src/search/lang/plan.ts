import type { SearchIndex } from "../index-build.js";
import { detectLanguage } from "./detect.js";
import { type LanguageWarning, notImported } from "./warnings.js";

/**
 * How a search without a `lang` option uses the query's language.
 *
 * @module
 */

/** Texts longer than this are detected on their first part only (an outcome's language shows early). */
const DETECT_MAX = 1000;

/** The language plan of one query. @internal */
export interface LanguagePlan {
  /** The detected language, or `null`. */
  readonly lang: string | null;
  /** Whether the taxonomy has it: then it is matched first. */
  readonly imported: boolean;
  /** `language_not_imported` when detected but not imported. */
  readonly warnings: readonly LanguageWarning[];
}

/** Detects the query's language against `index` (over every imported language). @internal */
export function planLanguage(index: SearchIndex, text: string): LanguagePlan {
  const { lang } = detectLanguage(text.length > DETECT_MAX ? text.slice(0, DETECT_MAX) : text, index, {
    langOnly: true,
  });
  if (lang === null) return { lang, imported: false, warnings: [] };
  const imported = index.languages.includes(lang);
  return { lang, imported, warnings: imported ? [] : [notImported(lang, index.languages)] };
}
