/// <reference path="./stopword.d.ts" />
import { stemmer as arabic } from "@orama/stemmers/arabic";
import { stemmer as bulgarian } from "@orama/stemmers/bulgarian";
import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as greek } from "@orama/stemmers/greek";
import { stemmer as hungarian } from "@orama/stemmers/hungarian";
import { stemmer as irish } from "@orama/stemmers/irish";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as lithuanian } from "@orama/stemmers/lithuanian";
import { stemmer as norwegian } from "@orama/stemmers/norwegian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as romanian } from "@orama/stemmers/romanian";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";
import * as stopwordModule from "stopword";
import { detectAll } from "tinyld/light";
import { LETTER_SEQUENCES } from "./letter-sequences.js";
import type { LanguageSupport } from "./support.js";

/**
 * Every ESCO language's search resources from well-kept packages: Snowball stemmers (`@orama/stemmers`, 18
 * of ESCO's 28 languages), function-word lists (`stopword`, 25 languages), the `tinyld` light detector and
 * letter sequences typical of languages (`letter-sequences.ts`, our own).
 * English has no stemmer here on purpose: it keeps its own word-family and spelling rules. Languages
 * without a stemmer (cs, et, hr, is, lv, mt, pl, sk, sl) fall back to word families (shared prefixes).
 * See `support.ts` for how it is turned on.
 *
 * @module
 */

/**
 * Bulgarian: `@orama/stemmers` has no Snowball stemmer for it but a light rule set (definite articles, plurals
 * and a few endings: термопомпите → термопомп), written for sloppy-mode scripts: it replaces letters by
 * assigning to string indexes (отпадъци → отпадък), which throws in strict-mode modules. The wrapper hands
 * it a mutable array of letters with the one string method it uses, and keeps it to Cyrillic words, so that
 * codes and Latin words in a Bulgarian label stay whole.
 */
function bulgarianWord(word: string): string {
  if (!/^[\u0400-\u04ff]+$/u.test(word)) return word;
  const letters = [...word] as string[] & { substring?: (from: number, to: number) => string };
  letters.substring = (from, to) => letters.slice(from, to).join("");
  try {
    return bulgarian(letters as unknown as string);
  } catch {
    return word;
  }
}

const STEMMERS = new Map<string, (word: string) => string>([
  ["ar", arabic],
  ["bg", bulgarianWord],
  ["da", danish],
  ["de", german],
  ["el", greek],
  ["es", spanish],
  ["fi", finnish],
  ["fr", french],
  ["ga", irish],
  ["hu", hungarian],
  ["it", italian],
  ["lt", lithuanian],
  ["nl", dutch],
  ["no", norwegian],
  ["pt", portuguese],
  ["ro", romanian],
  ["sv", swedish],
  ["uk", ukrainian],
]);

/** ESCO's language codes → the `stopword` package's ISO 639-3 keys. */
const ISO3: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ar: "ara",
    bg: "bul",
    cs: "ces",
    da: "dan",
    de: "deu",
    el: "ell",
    es: "spa",
    et: "est",
    fi: "fin",
    fr: "fra",
    ga: "gle",
    hr: "hrv",
    hu: "hun",
    it: "ita",
    lt: "lit",
    lv: "lav",
    nl: "nld",
    no: "nob",
    pl: "pol",
    pt: "por",
    ro: "ron",
    sk: "slk",
    sl: "slv",
    sv: "swe",
    uk: "ukr",
  }),
);

/** The package's lists by ISO 639-3 code: a CommonJS module, whose lists are its named exports (or, through some bundlers' interop, its default export). */
const PACKAGE_LISTS = ((stopwordModule as { default?: unknown }).default ?? stopwordModule) as Record<
  string,
  readonly string[] | undefined
>;

/**
 * Stemmers, function words and detection for every ESCO language that the packages cover. Pass it to
 * `useLanguageSupport` (`green-skills/node` does so itself).
 *
 * @category Search
 */
export const escoLanguageSupport: LanguageSupport = {
  stemmers: Object.fromEntries(STEMMERS),
  stopwords: Object.fromEntries([...ISO3].map(([lang, iso3]) => [lang, PACKAGE_LISTS[iso3] ?? []])),
  detect: (text) => detectAll(text),
  letterSequences: LETTER_SEQUENCES,
};
