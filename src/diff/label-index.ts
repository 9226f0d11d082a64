import type { ConceptKind } from "../bundle/format.js";
import { CONCEPT, labelColumns } from "../bundle/names.js";
import type { Store } from "../taxonomy/store.js";
import { labelTokens } from "./label-similarity.js";

/**
 * An inverted index from word stems to the concepts of one kind whose preferred or alternative labels
 * contain them, built once per store, kind and language and kept as long as the taxonomy lives.
 *
 * @module
 */

/** @internal */
export interface LabelIndex {
  /** Stem → concept indexes. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Number of indexed concepts. */
  readonly size: number;
}

const cache = new WeakMap<Store, Map<string, LabelIndex>>();

/** @internal Preferred and alternative labels of a concept in `lang` (falling back to the default language). */
export function labelsOf(store: Store, index: number, lang: string | undefined): string[] {
  const language = lang && store.str(labelColumns(lang).pref) ? lang : store.defaultLanguage;
  const names = labelColumns(language);
  const pref = store.str(names.pref)?.get(index) || store.label(index);
  const alt = store.strList(names.alt)?.get(index) ?? [];
  return pref ? [pref, ...alt] : [...alt];
}

/** @internal True when the concept is usable as a replacement: not obsolete, deprecated or otherwise retired. */
export function isLive(store: Store, index: number): boolean {
  const status = store.value(CONCEPT.status, index);
  return status === null || status === "released";
}

/** @internal The label index of the live concepts of `kind` in `lang`. */
export function labelIndex(store: Store, kind: ConceptKind, lang: string | undefined): LabelIndex {
  let byKey = cache.get(store);
  if (!byKey) cache.set(store, (byKey = new Map()));
  const key = `${kind}\u0000${lang ?? ""}`;
  let index = byKey.get(key);
  if (!index) {
    const postings = new Map<string, number[]>();
    let size = 0;
    for (let i = 0; i < store.size; i++) {
      if (store.kind(i) !== kind || !isLive(store, i)) continue;
      size++;
      const stems = new Set<string>();
      for (const label of labelsOf(store, i, lang)) for (const t of labelTokens(label)) stems.add(t);
      for (const t of stems) {
        let list = postings.get(t);
        if (!list) postings.set(t, (list = []));
        list.push(i);
      }
    }
    index = { postings, size };
    byKey.set(key, index);
  }
  return index;
}

/**
 * @internal Concepts sharing word stems with `labels`, scored by the IDF-weighted share of the query's
 * stems they contain, best first.
 */
export function searchLabels(
  index: LabelIndex,
  labels: readonly string[],
  limit: number,
): { index: number; score: number }[] {
  const stems = new Set<string>();
  for (const label of labels) for (const t of labelTokens(label)) stems.add(t);
  let total = 0;
  const scores = new Map<number, number>();
  for (const t of stems) {
    const list = index.postings.get(t);
    const idf = Math.log(1 + index.size / (1 + (list?.length ?? 0)));
    total += idf;
    if (list) for (const i of list) scores.set(i, (scores.get(i) ?? 0) + idf);
  }
  if (total === 0) return [];
  return [...scores]
    .map(([i, s]) => ({ index: i, score: s / total }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit);
}
