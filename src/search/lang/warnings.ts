import * as z from "zod";
import { languageName } from "./codes.js";

/**
 * The warnings a search or suggestion gives about the query's language.
 *
 * @module
 */

/**
 * A warning about the query's language:
 *
 * - `language_not_imported`: the query is in a language (`lang`) this taxonomy has no labels in, so any match
 *   is on shared words only; the hint says how to import that language;
 * - `no_match_in_language`: the query is in an imported language (`lang`), but no label in it matched; the
 *   results (if any) come from the other languages.
 *
 * @category Search
 */
export const LanguageWarningSchema = /* @__PURE__ */ (() =>
  z.object({
    code: z.enum(["language_not_imported", "no_match_in_language"]),
    /** The detected (or requested) language code. */
    lang: z.string(),
    message: z.string(),
    /** What to do about it. */
    hint: z.string(),
  }))();
/** @category Search */
export type LanguageWarning = z.infer<typeof LanguageWarningSchema>;

/** The `language_not_imported` warning for `lang` on a taxonomy of `languages`. */
export function notImported(lang: string, languages: readonly string[]): LanguageWarning {
  return {
    code: "language_not_imported",
    lang,
    message: `the query looks ${languageName(lang)} (${lang}), a language this taxonomy has no labels in (it has: ${languages.join(", ")}); matches, if any, are on words the languages share and are not reliable`,
    hint: `import ESCO's ${lang} files too (green-skills import <the en zips> "ESCO dataset - <version> - classification - ${lang} - csv.zip"), or write the query in ${languages.map(languageName).join(" or ")}`,
  };
}

/** The `no_match_in_language` warning. */
export function noMatchInLanguage(lang: string, found: boolean): LanguageWarning {
  return {
    code: "no_match_in_language",
    lang,
    message: `no ${languageName(lang)} (${lang}) label matched the query${found ? "; the results come from labels in other languages" : ""}`,
    hint: `the ${lang} files may not cover every concept (a collection file gives only its members' labels); try other words, or --lang to choose the language`,
  };
}
