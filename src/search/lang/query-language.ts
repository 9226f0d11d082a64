import * as z from "zod";
import { type Taxonomy, storeOf } from "../../taxonomy/taxonomy.js";
import { argString } from "../../guard.js";
import { searchIndexOf } from "../cache.js";
import { detectLanguage } from "./detect.js";
import { LanguageWarningSchema, notImported } from "./warnings.js";

/**
 * The public face of query-language detection.
 *
 * @module
 */

/**
 * The language of a query, as {@link queryLanguage} detects it.
 *
 * @category Search
 */
export const QueryLanguageSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The detected language code, or `null` when the evidence is not conclusive (short or mixed queries). */
    lang: z.string().nullable(),
    /** Whether the taxonomy has labels in `lang` (`false` also when nothing was detected). */
    imported: z.boolean(),
    /** How clearly `lang` leads the other languages, in [0, 1]. */
    confidence: z.number(),
    /** The best-scoring languages with their summed evidence, best first (at most three). */
    candidates: z.array(z.object({ lang: z.string(), score: z.number() })),
    /** `language_not_imported` when `lang` is not a language of the taxonomy. */
    warnings: z.array(LanguageWarningSchema),
  }))();
/** @category Search */
export type QueryLanguage = z.infer<typeof QueryLanguageSchema>;

/**
 * Detects the language of a query or learning outcome, combining the text's script, letters, endings and
 * function words, a small statistical detector (tinyld) and which imported languages' labels hold its words.
 * Short queries often stay undetected (`lang: null`): then nothing is assumed. See docs/search.md,
 * "Languages".
 *
 * @category Search
 * @param taxonomy - A loaded taxonomy.
 * @param text - A query or outcome statement.
 * @returns The detected language, whether it is imported, and a `language_not_imported` warning when not.
 * @example
 * ```ts
 * queryLanguage(taxonomy, "pompa di calore").warnings[0]?.code //=> "language_not_imported" (on an import without Italian)
 * ```
 */
export function queryLanguage(taxonomy: Taxonomy, text: string): QueryLanguage {
  storeOf(taxonomy, "queryLanguage");
  argString("queryLanguage", "text", text, true);
  const found = detectLanguage(text, searchIndexOf(taxonomy, "skill"));
  const imported = found.lang !== null && taxonomy.languages.includes(found.lang);
  return {
    lang: found.lang,
    imported,
    confidence: found.confidence,
    candidates: [...found.candidates],
    warnings: found.lang !== null && !imported ? [notImported(found.lang, taxonomy.languages)] : [],
  };
}
