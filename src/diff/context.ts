import type { ConceptRef } from "../model/concept.js";
import { refAt } from "../query/concept.js";
import type { Store } from "../taxonomy/store.js";

/**
 * The pairing of two stores by URI that every part of the diff works from: one pass over each store,
 * then every comparison is index arithmetic.
 *
 * @module
 */

/** @internal Two stores paired by URI. */
export interface DiffContext {
  readonly older: Store;
  readonly newer: Store;
  /** Older index → newer index of the same URI, or -1. */
  readonly toNewer: Int32Array;
  /** Newer index → older index of the same URI, or -1. */
  readonly toOlder: Int32Array;
  /** Language of the labels in concept references. */
  readonly lang: string | undefined;
  /** Reference to an older concept (label from the older version). */
  refOld(index: number): ConceptRef;
  /** Reference to a newer concept (label from the newer version). */
  refNew(index: number): ConceptRef;
}

const pairings = new WeakMap<Store, WeakMap<Store, Map<string, DiffContext>>>();

/** @internal Pairs two stores by URI in O(older + newer); the pairing is kept while both stores live. */
export function pairStores(older: Store, newer: Store, lang?: string): DiffContext {
  let byNewer = pairings.get(older);
  if (!byNewer) pairings.set(older, (byNewer = new WeakMap()));
  let byLang = byNewer.get(newer);
  if (!byLang) byNewer.set(newer, (byLang = new Map()));
  const key = lang ?? "";
  let ctx = byLang.get(key);
  if (!ctx) byLang.set(key, (ctx = pair(older, newer, lang)));
  return ctx;
}

function pair(older: Store, newer: Store, lang: string | undefined): DiffContext {
  const toNewer = new Int32Array(older.size);
  const toOlder = new Int32Array(newer.size).fill(-1);
  for (let i = 0; i < older.size; i++) {
    const j = newer.indexOf(older.uris[i]!);
    toNewer[i] = j;
    if (j >= 0) toOlder[j] = i;
  }
  return {
    older,
    newer,
    toNewer,
    toOlder,
    lang,
    refOld: (index) => refAt(older, index, lang),
    refNew: (index) => refAt(newer, index, lang),
  };
}
