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
  // Per unordered pair of terms (key: smaller id × size + larger id), in how many label pairs they differ.
  const counts = new Map<number, number>();
  const size = terms.length;
  // Membership of a term in the current preferred label (stamped with its entry) and in the current
  // alternative label (stamped with its entry): no per-label arrays or searches.
  const inPref = new Int32Array(size).fill(-1);
  const inAlt = new Int32Array(size).fill(-1);
  let pref = -1;
  for (let e = 0; e < entryConcept.length; e++) {
    const from = entryOffsets[e]!;
    const to = entryOffsets[e + 1]!;
    if (entryType[e] === 0) {
      pref = e;
      for (let k = from; k < to; k++) inPref[entryTerms[k]!] = e;
      continue;
    }
    if (pref < 0 || entryConcept[pref] !== entryConcept[e] || entryLang[pref] !== entryLang[e]) continue;
    const pFrom = entryOffsets[pref]!;
    const pTo = entryOffsets[pref + 1]!;
    let onlyA = 0;
    let onlyP = 0;
    for (let k = from; k < to; k++) {
      const t = entryTerms[k]!;
      inAlt[t] = e;
      if (inPref[t] !== pref) onlyA++;
    }
    for (let k = pFrom; k < pTo; k++) if (inAlt[entryTerms[k]!] !== e) onlyP++;
    if (onlyA === 0 || onlyP === 0 || onlyA > MAX_DIFF || onlyP > MAX_DIFF) continue;
    for (let i = from; i < to; i++) {
      const x = entryTerms[i]!;
      if (inPref[x] === pref) continue;
      for (let j = pFrom; j < pTo; j++) {
        const y = entryTerms[j]!;
        if (inAlt[y] === e || sameFamily(terms[x]!, terms[y]!)) continue;
        const key = x < y ? x * size + y : y * size + x;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const byTerm = new Map<number, { term: number; count: number }[]>();
  const add = (x: number, term: number, count: number) => {
    const list = byTerm.get(x);
    if (list) list.push({ term, count });
    else byTerm.set(x, [{ term, count }]);
  };
  for (const [key, count] of counts) {
    if (count < MIN_PAIRS) continue;
    const x = Math.floor(key / size);
    const y = key % size;
    // Common words pair up by chance ("water" / "design" in two concepts): the pair must also be a fair share
    // of the rarer word's uses.
    if (count < MIN_PAIR_SHARE * Math.min(index.df[x]!, index.df[y]!)) continue;
    add(x, y, count);
    add(y, x, count);
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
