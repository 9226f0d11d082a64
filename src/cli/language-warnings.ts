import type { OccupationHit, SkillHit } from "../search/results.js";
import { type LanguageWarning, noMatchInLanguage } from "../search/lang/warnings.js";
import type { Colors } from "./io.js";

/**
 * The query-language warnings of `search` and `suggest`, in text.
 *
 * @module
 */

/**
 * `no_match_in_language` when the query's (detected, imported) language `lang` matched no label of the
 * hits: the search fell back to the other languages.
 */
export function languageWarnings(
  lang: string | undefined,
  hits: readonly (SkillHit | OccupationHit)[],
  explicit: boolean,
): LanguageWarning[] {
  if (lang === undefined || explicit || hits.length === 0) return [];
  return hits.some((h) => h.matchedLabel.lang === lang) ? [] : [noMatchInLanguage(lang, true)];
}

/** The warnings as text lines (empty when none). */
export function renderLanguageWarnings(c: Colors, warnings: readonly LanguageWarning[]): string {
  return warnings
    .map((w) => `${c.yellow("⚠")} ${c.yellow(w.code)}: ${w.message}\n  ${c.dim(`hint: ${w.hint}`)}\n`)
    .join("");
}
