/**
 * The 28 languages ESCO is published in, with their English names and the codes the language packages
 * use (ISO 639-3 for `stopword`; Snowball module names for `@orama/stemmers`).
 *
 * @module
 */

/** ESCO's languages (ISO 639-1 codes as ESCO's file names use them). */
export const ESCO_LANGUAGES = [
  "ar",
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "et",
  "fi",
  "fr",
  "ga",
  "hr",
  "hu",
  "is",
  "it",
  "lt",
  "lv",
  "mt",
  "nl",
  "no",
  "pl",
  "pt",
  "ro",
  "sk",
  "sl",
  "sv",
  "uk",
] as const;
/** One of {@link ESCO_LANGUAGES}. */
export type EscoLanguage = (typeof ESCO_LANGUAGES)[number];

/** English names, for messages. A `Map`, so that an arbitrary code never finds an `Object.prototype` member. */
const NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ar: "Arabic",
    bg: "Bulgarian",
    cs: "Czech",
    da: "Danish",
    de: "German",
    el: "Greek",
    en: "English",
    es: "Spanish",
    et: "Estonian",
    fi: "Finnish",
    fr: "French",
    ga: "Irish",
    hr: "Croatian",
    hu: "Hungarian",
    is: "Icelandic",
    it: "Italian",
    lt: "Lithuanian",
    lv: "Latvian",
    mt: "Maltese",
    nl: "Dutch",
    no: "Norwegian",
    pl: "Polish",
    pt: "Portuguese",
    ro: "Romanian",
    sk: "Slovak",
    sl: "Slovenian",
    sv: "Swedish",
    uk: "Ukrainian",
  }),
);

/** The English name of a language code (the code itself when unknown). */
export function languageName(code: string): string {
  return NAMES.get(code) ?? code;
}

/** Whether `code` is one of ESCO's languages. */
export function isEscoLanguage(code: string): code is EscoLanguage {
  return NAMES.has(code);
}
