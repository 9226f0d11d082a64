import type { SearchIndex } from "../index-build.js";
import { stem } from "./stemmers.js";

/**
 * Which imported languages each vocabulary word comes from, and per language a table from Snowball stem to
 * the vocabulary words with that stem. Both are built from an index on first use and dropped with it.
 *
 * @module
 */

const masks = new WeakMap<SearchIndex, Uint32Array>();

/** Per term: bit `l` set when a label in `index.languages[l]` holds it (the first 32 languages). */
export function termLanguages(index: SearchIndex): Uint32Array {
  let mask = masks.get(index);
  if (mask) return mask;
  mask = new Uint32Array(index.terms.length);
  for (let e = 0; e < index.entryConcept.length; e++) {
    const bit = index.entryLang[e]! < 32 ? 1 << index.entryLang[e]! : 0;
    for (let k = index.entryOffsets[e]!; k < index.entryOffsets[e + 1]!; k++) mask[index.entryTerms[k]!]! |= bit;
  }
  masks.set(index, mask);
  return mask;
}

/** Whether language `lang` of the index uses vocabulary word `token`. */
export function inLanguage(index: SearchIndex, token: string, lang: string): boolean {
  const id = index.termIds.get(token);
  const at = index.languages.indexOf(lang);
  return id !== undefined && at >= 0 && at < 32 && (termLanguages(index)[id]! & (1 << at)) !== 0;
}

const stemTables = new WeakMap<SearchIndex, Map<string, Map<string, number[]> | null>>();

/** Stem → term ids of the words of `lang` in the index, or `null` when the language has no stemmer. */
export function stemTable(index: SearchIndex, lang: string): Map<string, number[]> | null {
  let perLang = stemTables.get(index);
  if (!perLang) stemTables.set(index, (perLang = new Map()));
  let table = perLang.get(lang);
  if (table !== undefined) return table;
  const at = index.languages.indexOf(lang);
  if (at < 0 || at >= 32 || stem(lang, "test") === undefined) table = null;
  else {
    table = new Map();
    const mask = termLanguages(index);
    const bit = 1 << at;
    for (let t = 0; t < index.terms.length; t++) {
      if ((mask[t]! & bit) === 0) continue;
      const s = stem(lang, index.terms[t]!)!;
      const list = table.get(s);
      if (list) list.push(t);
      else table.set(s, [t]);
    }
  }
  perLang.set(lang, table);
  return table;
}

/** Similarity of a word sharing its Snowball stem with the query word (an inflection: pompes ~ pompe). */
export const STEM_SIM = 0.93;

/**
 * The vocabulary words of `languages` that share `token`'s stem in that language (not `token` itself).
 */
export function stemSiblings(index: SearchIndex, token: string, languages: readonly string[]): number[] {
  const out: number[] = [];
  for (const lang of languages) {
    const table = stemTable(index, lang);
    if (!table) continue;
    for (const id of table.get(stem(lang, token)!) ?? [])
      if (index.terms[id] !== token && !out.includes(id)) out.push(id);
  }
  return out;
}
