import type { SearchIndex } from "./index-build.js";
import { canonical, rawTokens } from "./fold-text.js";
import { labelWordFilter } from "./lang/labels.js";
import { STOPWORDS } from "./stopwords.js";

/**
 * An inverted index over the words of every concept's description and scope note, so that free text can
 * find a concept through its description even when its labels share little with the text (BM25F: the
 * description is a real, weaker field of candidate generation, not only a re-scoring of label
 * candidates). A query word reaches a description word through the same expansions as a label word
 * (exact and close inflections); words no label uses ("gears", "brakes") are indexed too, under ids
 * after the label vocabulary's, and matched exactly. Built on the first free-text query (or by
 * `prepareSearch`), plain typed arrays.
 *
 * @module
 */

/** @internal The built description index. */
export interface DescriptionIndex {
  /** Ids of description words that no label uses (from `terms.length` on). */
  readonly extraIds: ReadonlyMap<string, number>;
  /** Per id: IDF of the word over descriptions (BM25 form). */
  readonly idf: Float32Array;
  /** Per term id: concepts (store indexes) whose description holds it, `concepts[offsets[t] .. offsets[t+1]]`. */
  readonly offsets: Uint32Array;
  readonly concepts: Int32Array;
  /** Per store index: its description's word ids, sorted, `words[wordOffsets[c] .. wordOffsets[c] + length[c]]`. */
  readonly wordOffsets: Uint32Array;
  readonly words: Int32Array;
  /** Per store index: the number of distinct words of its description (0: none). */
  readonly length: Uint16Array;
  /** Mean of `length` over concepts with a description. */
  readonly meanLength: number;
  readonly buildMs: number;
}

const cache = new WeakMap<SearchIndex, DescriptionIndex>();

/** The description index of `index`, built on first use. @internal */
export function descriptionIndexOf(index: SearchIndex): DescriptionIndex {
  let built = cache.get(index);
  if (!built) cache.set(index, (built = build(index)));
  return built;
}

/** Installs a description index restored from a search snapshot (`snapshot.ts`) instead of building it. @internal */
export function installDescriptionIndex(index: SearchIndex, built: DescriptionIndex): void {
  cache.set(index, built);
}

function build(index: SearchIndex): DescriptionIndex {
  const started = performance.now();
  const { store, termIds } = index;
  const rawIdsByLang = new Map<string, Map<string, number>>();
  const length = new Uint16Array(store.size);
  // Per concept, its distinct term ids, appended to one growing buffer.
  let flat = new Int32Array(1 << 16);
  let used = 0;
  const owners: number[] = [];
  const ownerStart: number[] = [];
  const extraIds = new Map<string, number>();
  let seen = new Int32Array(index.terms.length * 2).fill(-1);
  for (const concept of index.concepts) {
    const start = used;
    for (const lang of index.languages) {
      // Each language drops its own function words and splits its elided articles (lang/labels.ts).
      const filter = labelWordFilter(lang);
      let rawIds = rawIdsByLang.get(lang);
      if (!rawIds) rawIdsByLang.set(lang, (rawIds = new Map()));
      for (const field of ["description", "scopeNote"] as const) {
        const text = store.text(lang, field, concept);
        if (!text) continue;
        for (const raw of rawTokens(text, filter.elide)) {
          let id = rawIds.get(raw);
          if (id === undefined) {
            const token = canonical(raw);
            if (STOPWORDS.has(token) || filter.stopwords.has(token) || token.length < 3) id = -1;
            else {
              id = termIds.get(token) ?? extraIds.get(token);
              if (id === undefined) {
                id = index.terms.length + extraIds.size;
                extraIds.set(token, id);
              }
            }
            rawIds.set(raw, id);
          }
          if (id < 0) continue;
          if (id >= seen.length) {
            const next = new Int32Array(seen.length * 2).fill(-1);
            next.set(seen);
            seen = next;
          }
          if (seen[id] === concept) continue;
          seen[id] = concept;
          if (used === flat.length) {
            const next = new Int32Array(flat.length * 2);
            next.set(flat);
            flat = next;
          }
          flat[used++] = id;
        }
      }
    }
    if (used > start) {
      owners.push(concept);
      ownerStart.push(start);
      flat.subarray(start, used).sort();
      length[concept] = Math.min(65_535, used - start);
    }
  }
  ownerStart.push(used);
  const ids = index.terms.length + extraIds.size;
  const offsets = new Uint32Array(ids + 1);
  for (let k = 0; k < used; k++) offsets[flat[k]! + 1]!++;
  const n = owners.length;
  const idf = new Float32Array(ids);
  for (let t = 0; t < ids; t++) {
    const df = offsets[t + 1]!;
    idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
  for (let t = 0; t < ids; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, ids);
  const concepts = new Int32Array(used);
  for (let o = 0; o < owners.length; o++) {
    const concept = owners[o]!;
    for (let k = ownerStart[o]!; k < ownerStart[o + 1]!; k++) concepts[fill[flat[k]!]!++] = concept;
  }
  const wordOffsets = new Uint32Array(store.size);
  for (let o = 0; o < owners.length; o++) wordOffsets[owners[o]!] = ownerStart[o]!;
  return {
    wordOffsets,
    words: flat.slice(0, used),
    extraIds,
    idf,
    offsets,
    concepts,
    length,
    meanLength: owners.length > 0 ? used / owners.length : 0,
    buildMs: performance.now() - started,
  };
}
