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

/**
 * Snowball stemmers (`@orama/stemmers`) for the ESCO languages that have one. English has none here on
 * purpose: English keeps its own word-family and spelling rules (`expand.ts`, `spelling.ts`). Languages
 * without a stemmer (cs, et, hr, is, lv, mt, pl, sk, sl) fall back to those word families alone (shared
 * prefixes), which work for most inflecting European languages but miss stem changes.
 *
 * Stemmers are applied to folded tokens (lower case, no accents), the same on both sides.
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

const STEMMERS: ReadonlyMap<string, (word: string) => string> = new Map<string, (word: string) => string>([
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

/** Languages with a Snowball stemmer here. */
export const STEMMED_LANGUAGES: readonly string[] = [...STEMMERS.keys()];

/**
 * The stem of a folded token in `lang`, lower case, or `undefined` when the language has no stemmer (then
 * word families alone apply). Words shorter than four letters, and words with digits, are their own stem.
 */
export function stem(lang: string, token: string): string | undefined {
  const stemmer = STEMMERS.get(lang);
  if (!stemmer) return undefined;
  if (token.length < 4 || /\d/.test(token)) return token;
  return stemmer(token).toLowerCase();
}
