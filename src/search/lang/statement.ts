import type { Taxonomy } from "../../taxonomy/taxonomy.js";
import { searchIndexOf } from "../cache.js";
import { planLanguage } from "./plan.js";

/**
 * The language to judge a credential's statement in (issue 15, item 5): a statement written in Italian is
 * matched against the Italian labels when Italian is imported, whatever the credential's main language.
 *
 * @module
 */

/**
 * The imported language of `text`, or `undefined` when it is not one (or the taxonomy has one language):
 * `preferred` when the text was taken from that language's entry of a language map, else the detected
 * language. @internal
 */
export function statementLanguage(taxonomy: Taxonomy, text: string, preferred: string | undefined): string | undefined {
  if (taxonomy.languages.length === 1) return preferred;
  if (preferred !== undefined && taxonomy.languages.includes(preferred)) return preferred;
  const plan = planLanguage(searchIndexOf(taxonomy, "skill"), text);
  return plan.imported ? (plan.lang ?? undefined) : undefined;
}

/** The key of a language map whose text `textIn` returns for `lang`. @internal */
export function mapLanguage(
  map: Readonly<Record<string, string>> | string | undefined,
  lang: string | undefined,
): string | undefined {
  if (map === undefined || typeof map === "string") return undefined;
  if (lang !== undefined && map[lang] !== undefined) return lang;
  if (map["en"] !== undefined) return "en";
  return Object.keys(map)[0];
}
