import type { LanguageMap } from "../credential/schema.js";
import type { Warnings } from "./warnings.js";

/**
 * Choosing the text of a language map in the requested language, with a fallback that is reported.
 *
 * @module
 */

/** @internal The text in `lang`, else in the first language given (reported), for a language map or plain text. */
export function pick(
  value: LanguageMap | string,
  lang: string,
  path: readonly (string | number)[],
  warnings: Warnings,
): string {
  if (typeof value === "string") return value;
  const exact = value[lang] ?? value[Object.keys(value).find((k) => k.split("-")[0] === lang) ?? ""];
  if (exact) return exact;
  const [other, text] = Object.entries(value)[0]!;
  warnings.add("text_fallback", path, `no "${lang}" text; used the "${other}" text`);
  return text;
}

/** @internal A language map for a value that may be plain text (plain text is taken to be in `lang`). */
export function asLanguageMap(value: LanguageMap | string, lang: string): LanguageMap {
  return typeof value === "string" ? { [lang]: value } : value;
}

/** @internal The language a credential is written in by default: the first language of its title. */
export function defaultLanguage(title: LanguageMap): string {
  return Object.keys(title)[0] ?? "en";
}

/** @internal An ISO date or date-time as an xsd:dateTime in UTC form (`2026-06-30` → `2026-06-30T00:00:00Z`). */
export function dateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}
