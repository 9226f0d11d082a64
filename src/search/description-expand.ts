import { descriptionIndexOf } from "./description-index.js";
import { type Expansion, isEnding } from "./expand.js";
import type { SearchIndex } from "./index-build.js";

/**
 * The description words a query word reaches. Descriptions are matched on exact words and close
 * inflections only (no typos, no synonyms, no loose derivations): the label expansions of at least
 * {@link DESCRIPTION_MIN_SIM}, and the words that only descriptions use (*grilling*, *poaching*), which
 * the label vocabulary's word families cannot reach. A description-only word counts when it is the query
 * word itself or differs from it by an inflection: an ending added ("grill" → "grilling", "gear" →
 * "gears") or a final *e* replaced by one ("braise" → "braising"), in either direction.
 *
 * @module
 */

/** Least similarity of an expansion that may match in a description (exact words and close inflections; no typos, no synonyms). */
export const DESCRIPTION_MIN_SIM = 0.85;
/** Similarity of a description-only word that is the query word with a final *e* replaced by an ending ("braise" → "braising"). */
const E_REPLACED_SIM = 0.86;
/** Endings that may replace a final *e* ("braise" → "braising", "manage" → "manager"). */
const E_REPLACING = new Set(["ing", "ings", "ed", "er", "ers", "ation", "ations", "ion", "ions"]);
/** Shortest word that reaches description-only words by inflection. */
const INFLECT_MIN = 4;

/** A description word a query word reaches, with its similarity. @internal */
export interface DescriptionExpansion {
  /** Word id: the label vocabulary's, or the description index's own (from `terms.length` on). */
  readonly term: number;
  readonly sim: number;
  readonly via: Expansion["via"];
}

/** What of a query slot description matching reads (a `Slot` of `query.ts`). @internal */
export interface SlotWords {
  readonly token: string;
  readonly weight: number;
  readonly expansions: readonly Expansion[];
}

interface ExtraVocabulary {
  /** The description-only words, sorted. */
  readonly sorted: readonly string[];
  /** Per description-only word, in id order (`id − terms.length`): the word. */
  readonly words: readonly string[];
  /** Per query token: the description-only words it reaches. */
  readonly reached: Map<string, readonly DescriptionExpansion[]>;
}

const vocabularies = new WeakMap<SearchIndex, ExtraVocabulary>();

function extraVocabulary(index: SearchIndex): ExtraVocabulary {
  let v = vocabularies.get(index);
  if (!v) {
    const { extraIds } = descriptionIndexOf(index);
    const words: string[] = new Array<string>(extraIds.size);
    for (const [word, id] of extraIds) words[id - index.terms.length] = word;
    v = { sorted: [...extraIds.keys()].sort(), words, reached: new Map() };
    vocabularies.set(index, v);
  }
  return v;
}

/** The word of a description word id (a label word or a description-only word). @internal */
export function descriptionWord(index: SearchIndex, term: number): string {
  return term < index.terms.length ? index.terms[term]! : extraVocabulary(index).words[term - index.terms.length]!;
}

/** First position in `sorted` whose word is ≥ `prefix`. */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Similarity of `longer` as an inflection of `shorter`, or 0. */
function inflectionSim(shorter: string, longer: string): number {
  if (shorter.length < INFLECT_MIN || longer === shorter) return 0;
  if (longer.startsWith(shorter)) {
    const ending = longer.slice(shorter.length);
    return ending.length <= 3 && isEnding(shorter, ending) ? 0.95 - 0.03 * ending.length : 0;
  }
  if (shorter.endsWith("e") && longer.startsWith(shorter.slice(0, -1)))
    return E_REPLACING.has(longer.slice(shorter.length - 1)) ? E_REPLACED_SIM : 0;
  return 0;
}

/** The description-only words `token` reaches: itself, and its inflections (or the word it inflects). */
function reachedExtras(index: SearchIndex, token: string): readonly DescriptionExpansion[] {
  const v = extraVocabulary(index);
  let out = v.reached.get(token);
  if (out) return out;
  const { extraIds } = descriptionIndexOf(index);
  const found = new Map<number, number>();
  const add = (word: string, sim: number) => {
    const id = extraIds.get(word);
    if (id !== undefined && sim > 0 && (found.get(id) ?? 0) < sim) found.set(id, sim);
  };
  add(token, 1);
  if (token.length >= INFLECT_MIN && !/^\d+$/.test(token)) {
    // Words extending the token ("grill" → "grilling"), or replacing its final e ("braise" → "braising").
    const prefix = token.endsWith("e") ? token.slice(0, -1) : token;
    for (let at = lowerBound(v.sorted, prefix); at < v.sorted.length; at++) {
      const word = v.sorted[at]!;
      if (!word.startsWith(prefix)) break;
      add(word, inflectionSim(token, word));
    }
    // The word the token inflects ("grilling" → "grill", "braising" → "braise").
    for (let k = 1; k <= 3 && token.length - k >= INFLECT_MIN; k++)
      add(token.slice(0, -k), inflectionSim(token.slice(0, -k), token));
    for (const ending of E_REPLACING)
      if (token.endsWith(ending)) {
        const base = `${token.slice(0, -ending.length)}e`;
        add(base, inflectionSim(base, token));
      }
  }
  out = [...found].map(([term, sim]) => ({
    term,
    sim,
    via: sim === 1 ? ("exact" as const) : ("word-family" as const),
  }));
  v.reached.set(token, out);
  return out;
}

/**
 * The description words a query slot reaches, best first: its own word, its label expansions of at least
 * {@link DESCRIPTION_MIN_SIM}, and the description-only words it reaches (itself and its inflections).
 *
 * @internal
 */
export function descriptionExpansions(index: SearchIndex, slot: SlotWords): readonly DescriptionExpansion[] {
  // A query's slots are read once by the ranking and again for every candidate it re-scores.
  const cached = slotExpansions.get(slot);
  if (cached) return cached;
  const out: DescriptionExpansion[] = [];
  const own = index.termIds.get(slot.token);
  if (own !== undefined) out.push({ term: own, sim: 1, via: "exact" });
  for (const x of slot.expansions) if (x.sim >= DESCRIPTION_MIN_SIM && x.term !== own) out.push(x);
  for (const x of reachedExtras(index, slot.token)) out.push(x);
  if (out.length > 1) out.sort((a, b) => b.sim - a.sim);
  slotExpansions.set(slot, out);
  return out;
}
const slotExpansions = new WeakMap<SlotWords, readonly DescriptionExpansion[]>();

/**
 * The weight at which a slot's match of description word `term` counts: the slot's label weight, but at
 * most the word's IDF among descriptions. A word rare in labels can be common in descriptions ("include",
 * "sure", "making": "This might include …", "make sure that …"), and there it says little.
 *
 * @internal
 */
export function descriptionSlotWeight(index: SearchIndex, slot: SlotWords, term: number): number {
  return Math.min(slot.weight, descriptionIndexOf(index).idf[term]!);
}
/** Descriptions a description-only word must occur in to count as a word rather than a typo. */
const KNOWN_IN_DESCRIPTIONS = 2;

/**
 * Whether `token`, a word no label uses, is a word that descriptions use (in at least two concepts): a
 * real word, so in free text it is not "corrected" into a label word it resembles ("grilling" is not a
 * typo of "chilling", nor "poaching" of "teaching").
 *
 * @internal
 */
export function knownFromDescriptions(index: SearchIndex, token: string): boolean {
  const d = descriptionIndexOf(index);
  const id = d.extraIds.get(token);
  return id !== undefined && d.offsets[id + 1]! - d.offsets[id]! >= KNOWN_IN_DESCRIPTIONS;
}
