import { labelColumns } from "../bundle/names.js";
import type { Store } from "../taxonomy/store.js";
import { canonical, rawTokens } from "./fold-text.js";
import { STOPWORDS } from "./stopwords.js";
import { labelWordFilter } from "./lang/labels.js";

/**
 * The search index: every label (preferred, alternative, hidden; every language) of every concept of one
 * kind, tokenised once, with an inverted index from term to label and a sorted vocabulary for prefix and
 * typo lookups. Plain typed arrays, built in one pass over the labels.
 *
 * @module
 */

/** Which label of a concept an entry is. */
export const LABEL_TYPES = ["pref", "alt", "hidden"] as const;
/** `pref`, `alt` or `hidden`. */
export type LabelType = (typeof LABEL_TYPES)[number];

/** @internal The built index. Entries are labels; terms are normalised tokens. */
export interface SearchIndex {
  readonly store: Store;
  /** Store indexes of the indexed concepts. */
  readonly concepts: Int32Array;
  /** Per store index: its entries are `conceptEntries[c] .. conceptEntries[c] + conceptEntryCount[c]`. */
  readonly conceptEntries: Int32Array;
  readonly conceptEntryCount: Uint16Array;
  /** Per entry: store index of its concept. */
  readonly entryConcept: Int32Array;
  /** Per entry: index into {@link LABEL_TYPES}. */
  readonly entryType: Uint8Array;
  /** Per entry: index into `languages`. */
  readonly entryLang: Uint8Array;
  /** Per entry: the label as written. */
  readonly entryText: readonly string[];
  /** Per entry: its distinct terms, `entryTerms[entryOffsets[e] .. entryOffsets[e+1]]`. */
  readonly entryOffsets: Uint32Array;
  readonly entryTerms: Int32Array;
  /** Per entry: the sum of its terms' IDF. */
  readonly entryWeight: Float32Array;
  readonly languages: readonly string[];
  /** Vocabulary: term id → term. */
  readonly terms: readonly string[];
  readonly termIds: ReadonlyMap<string, number>;
  /** Term ids sorted by term, for prefix ranges. */
  readonly sortedTerms: Int32Array;
  /** Per term: entries holding it, `postings[postingOffsets[t] .. postingOffsets[t+1]]`. */
  readonly postingOffsets: Uint32Array;
  readonly postings: Int32Array;
  /** Per term: inverse document frequency over concepts (BM25 form, always > 0). */
  readonly idf: Float32Array;
  /** Per term: number of concepts holding it. */
  readonly df: Uint32Array;
  /** Milliseconds the build took. */
  readonly buildMs: number;
}

/** Grows a typed-array buffer. */
function grow<T extends Int32Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T {
  if (size <= array.length) return array;
  const next = make(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Builds the index of all concepts of `kind` in `store`, over the labels of every language the store has,
 * or of language `only`.
 *
 * @internal
 */
export function buildSearchIndex(store: Store, kind: "skill" | "occupation", only?: string): SearchIndex {
  const started = performance.now();
  const languages = only === undefined ? store.meta.esco.languages : [only];
  const readers = languages.map((lang) => {
    const names = labelColumns(lang);
    return { pref: store.str(names.pref), alt: store.strList(names.alt), hidden: store.strList(names.hidden) };
  });
  const conceptList: number[] = [];
  for (let i = 0; i < store.size; i++) if (store.kind(i) === kind) conceptList.push(i);

  const termIds = new Map<string, number>();
  const terms: string[] = [];
  let entryConcept = new Int32Array(1024);
  let entryType = new Uint8Array(1024);
  let entryLang = new Uint8Array(1024);
  let entryOffsets = new Int32Array(1025);
  let entryTerms = new Int32Array(4096);
  const entryText: string[] = [];
  let entries = 0;
  let termCount = 0;
  // Labels already added for the current concept (ESCO repeats some alt labels, and fixtures repeat
  // the preferred label among the alternatives): one entry each.
  const seen: string[] = [];
  // Per language: raw word → term id (-1 for a stopword); the language's own function words and elision
  // apply to its labels (English: none beyond STOPWORDS, as always).
  const rawIdsOf = languages.map(() => new Map<string, number>());
  const filters = languages.map((lang) => labelWordFilter(lang));
  const local = new Int32Array(256);

  const add = (concept: number, type: number, lang: number, text: string) => {
    const trimmed = text.trim();
    if (!trimmed || seen.includes(trimmed)) return;
    seen.push(trimmed);
    let count = 0;
    const rawIds = rawIdsOf[lang]!;
    const filter = filters[lang]!;
    for (const raw of rawTokens(trimmed, filter.elide)) {
      // One lookup per word: raw word → term id (-1 for a stopword).
      let id = rawIds.get(raw);
      if (id === undefined) {
        const token = canonical(raw);
        if (STOPWORDS.has(token) || filter.stopwords.has(token)) id = -1;
        else {
          id = termIds.get(token);
          if (id === undefined) {
            id = terms.length;
            terms.push(token);
            termIds.set(token, id);
          }
        }
        rawIds.set(raw, id);
      }
      if (id < 0) continue;
      let dup = false;
      for (let k = 0; k < count; k++) if (local[k] === id) dup = true;
      if (!dup && count < local.length) local[count++] = id;
    }
    if (count === 0) return;
    if (entries + 2 > entryOffsets.length) {
      entryConcept = grow(entryConcept, entries + 2, (n) => new Int32Array(n));
      entryType = grow(entryType, entries + 2, (n) => new Uint8Array(n));
      entryLang = grow(entryLang, entries + 2, (n) => new Uint8Array(n));
      entryOffsets = grow(entryOffsets, entries + 2, (n) => new Int32Array(n));
    }
    entryTerms = grow(entryTerms, termCount + count, (n) => new Int32Array(n));
    entryConcept[entries] = concept;
    entryType[entries] = type;
    entryLang[entries] = lang;
    entryText.push(trimmed);
    for (let k = 0; k < count; k++) entryTerms[termCount++] = local[k]!;
    entries++;
    entryOffsets[entries] = termCount;
  };

  const conceptEntries = new Int32Array(store.size).fill(-1);
  const conceptEntryCount = new Uint16Array(store.size);
  for (const concept of conceptList) {
    seen.length = 0;
    conceptEntries[concept] = entries;
    for (let l = 0; l < readers.length; l++) {
      const r = readers[l]!;
      const pref = r.pref?.get(concept);
      if (pref) add(concept, 0, l, pref);
      for (const alt of r.alt?.get(concept) ?? []) add(concept, 1, l, alt);
      for (const hidden of r.hidden?.get(concept) ?? []) add(concept, 2, l, hidden);
    }
    conceptEntryCount[concept] = Math.min(65_535, entries - conceptEntries[concept]!);
  }

  // Inverted index by counting sort, and concept-level document frequencies.
  const postingOffsets = new Uint32Array(terms.length + 1);
  for (let k = 0; k < termCount; k++) postingOffsets[entryTerms[k]! + 1]!++;
  for (let t = 0; t < terms.length; t++) postingOffsets[t + 1]! += postingOffsets[t]!;
  const postings = new Int32Array(termCount);
  const fill = postingOffsets.slice(0, terms.length);
  const df = new Uint32Array(terms.length);
  const lastConcept = new Int32Array(terms.length).fill(-1);
  for (let e = 0; e < entries; e++) {
    const concept = entryConcept[e]!;
    for (let k = entryOffsets[e]!; k < entryOffsets[e + 1]!; k++) {
      const t = entryTerms[k]!;
      postings[fill[t]!++] = e;
      if (lastConcept[t] !== concept) {
        lastConcept[t] = concept;
        df[t]!++;
      }
    }
  }
  const n = conceptList.length;
  const idf = new Float32Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  const entryWeight = new Float32Array(entries);
  for (let e = 0; e < entries; e++) {
    let w = 0;
    for (let k = entryOffsets[e]!; k < entryOffsets[e + 1]!; k++) w += idf[entryTerms[k]!]!;
    entryWeight[e] = w;
  }
  const sortedTerms = Int32Array.from(terms.keys()).sort((a, b) =>
    terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0,
  );

  return {
    store,
    concepts: Int32Array.from(conceptList),
    conceptEntries,
    conceptEntryCount,
    entryConcept: entryConcept.slice(0, entries),
    entryType: entryType.slice(0, entries),
    entryLang: entryLang.slice(0, entries),
    entryText,
    entryOffsets: Uint32Array.from(entryOffsets.subarray(0, entries + 1)),
    entryTerms: entryTerms.slice(0, termCount),
    entryWeight,
    languages,
    terms,
    termIds,
    sortedTerms,
    postingOffsets,
    postings,
    idf,
    df,
    buildMs: performance.now() - started,
  };
}
