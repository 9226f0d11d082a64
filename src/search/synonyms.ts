import type { SearchIndex } from "./index-build.js";

/**
 * Word associations learned from the taxonomy itself. ESCO's alternative labels are paraphrases of the
 * preferred label ("dispose of hazardous waste" / "get rid of hazardous waste", "purchase supplies" /
 * "buy supplies"); aligning the words that differ between a preferred and an alternative label of the
 * same concept gives pairs of words used for the same thing. Pairs seen in at least {@link MIN_PAIRS}
 * concepts, and in a fair share of the rarer word's concepts ({@link MIN_PAIR_SHARE}), become weak
 * expansions, which helps learning outcomes that paraphrase ESCO labels. No outside thesaurus: it works in
 * every language the taxonomy holds.
 *
 * @module
 */

/** A pair must be seen in this many concepts, */
const MIN_PAIRS = 2;
/**
 * ... and in at least this share of the concepts that use the rarer of its two words (chosen on the
 * developer sets: fewer chance pairs of common words, and over a quarter fewer postings to read per outcome).
 */
const MIN_PAIR_SHARE = 0.08;
/** Only labels that differ from the preferred label in at most this many words on each side are aligned. */
const MAX_DIFF = 2;
/** At most this many associations per word. */
const MAX_PER_TERM = 6;
/** Similarity of an association (below any spelling-based expansion). */
export const SYNONYM_SIM = 0.55;

const cache = new WeakMap<SearchIndex, Map<number, readonly number[]>>();

/** Associated terms of each term, strongest first. Built on first use. @internal */
export function synonymsOf(index: SearchIndex, term: number): readonly number[] {
  return synonymTable(index).get(term) ?? [];
}

/** The whole table: term → its associated terms, strongest first. Built on first use. @internal */
export function synonymTable(index: SearchIndex): ReadonlyMap<number, readonly number[]> {
  let map = cache.get(index);
  if (!map) cache.set(index, (map = build(index)));
  return map;
}

/** Installs a table restored from a search snapshot (`snapshot.ts`) instead of building it. @internal */
export function installSynonyms(index: SearchIndex, table: Map<number, readonly number[]>): void {
  cache.set(index, table);
}

function build(index: SearchIndex): Map<number, readonly number[]> {
  const { entryConcept, entryType, entryLang, entryOffsets, entryTerms, terms } = index;
  const counts = new Map<number, number>();
  const size = terms.length;
  const termsOf = (e: number) => entryTerms.subarray(entryOffsets[e]!, entryOffsets[e + 1]!);
  let pref = -1;
  for (let e = 0; e < entryConcept.length; e++) {
    if (entryType[e] === 0) {
      pref = e;
      continue;
    }
    if (pref < 0 || entryConcept[pref] !== entryConcept[e] || entryLang[pref] !== entryLang[e]) continue;
    const p = termsOf(pref);
    const a = termsOf(e);
    let onlyA = 0;
    let onlyP = 0;
    for (const t of a) if (!p.includes(t)) onlyA++;
    for (const t of p) if (!a.includes(t)) onlyP++;
    if (onlyA === 0 || onlyP === 0 || onlyA > MAX_DIFF || onlyP > MAX_DIFF) continue;
    for (const x of a) {
      if (p.includes(x)) continue;
      for (const y of p) {
        if (a.includes(y) || sameFamily(terms[x]!, terms[y]!)) continue;
        counts.set(x * size + y, (counts.get(x * size + y) ?? 0) + 1);
        counts.set(y * size + x, (counts.get(y * size + x) ?? 0) + 1);
      }
    }
  }
  const byTerm = new Map<number, { term: number; count: number }[]>();
  for (const [key, count] of counts) {
    if (count < MIN_PAIRS) continue;
    const x = Math.floor(key / size);
    // Common words pair up by chance ("water" / "design" in two concepts): the pair must also be a fair share
    // of the rarer word's uses.
    if (count < MIN_PAIR_SHARE * Math.min(index.df[x]!, index.df[key % size]!)) continue;
    const list = byTerm.get(x) ?? [];
    list.push({ term: key % size, count });
    byTerm.set(x, list);
  }
  const out = new Map<number, readonly number[]>();
  for (const [x, list] of byTerm) {
    list.sort((a, b) => b.count - a.count || a.term - b.term);
    out.set(
      x,
      list.slice(0, MAX_PER_TERM).map((item) => item.term),
    );
  }
  return out;
}

function sameFamily(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i >= 4;
}
