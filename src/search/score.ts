import { expandToken, splitCompound, type Expansion } from "./expand.js";
import type { SearchIndex } from "./index-build.js";
import { tokeniseWords } from "./normalise.js";
import { OUTCOME_WORDS, STOPWORDS } from "./stopwords.js";
import { SYNONYM_SIM, synonymsOf } from "./synonyms.js";

/**
 * Ranking. A query becomes slots (its distinct content words), each expanded to vocabulary terms with a
 * similarity (exact, word family, typo). Every label that holds an expanded term gets:
 *
 * - evidence `E`: the IDF-weighted similarity of the query words it matches (keyword ranking: rare words
 *   count more than common ones);
 * - label coverage `L`: the IDF share of the label's own words that the query matched, so "install heat
 *   pump" beats "install heat pump in high-rise buildings" for the query "install heat pump", and a short,
 *   fully matched label wins within a long learning-outcome text.
 *
 * A label scores `E · L`; a concept scores its best label plus a small share of the evidence its other
 * labels add (synonyms that match other words of the query).
 *
 * @module
 */

/** Per-label-type weight: a preferred-label match is worth a little more than a synonym or hidden label. */
const TYPE_WEIGHT = [1, 0.97, 0.9] as const;
/** Share of the concept-wide evidence added to the best label's score. */
const CONCEPT_SHARE = 0.25;
/** Typo expansions of unknown words in free text count this much less. */
const FREE_TEXT_TYPO = 0.8;
/** Expansions below this similarity may be typo corrections. */
const TYPO_SIM_MAX = 0.95;
/** Similarity of a compound matched by its two halves. */
const SPLIT_SIM = 0.9;
/** At most this many distinct words of a text are expanded. */
export const MAX_WORDS = 200;
/** At most this many query words take part (very long texts keep their rarest words). */
export const MAX_SLOTS = 48;

/** One content word of the query. */
export interface Slot {
  /** Normalised token. */
  readonly token: string;
  /** The word as the user wrote it. */
  readonly word: string;
  /** IDF weight. */
  readonly weight: number;
  /** Vocabulary terms it stands for. */
  readonly expansions: readonly Expansion[];
  /** A compound's two halves ("wastewater" → waste, water): a label holding both matches too. */
  readonly split?: readonly [number, number];
}

/** A prepared query. */
export interface PreparedQuery {
  readonly slots: readonly Slot[];
  /** Sum of slot weights. */
  readonly weight: number;
  /** Whether the query was read as free text. */
  readonly outcome: boolean;
}

/** Options of {@link prepareQuery}. */
export interface PrepareOptions {
  /**
   * Read the query as free text (a learning outcome): drop outcome boilerplate ("learners can", "the
   * participant is able to") and expand words with synonyms learned from ESCO's alternative labels.
   * `"auto"` (default) does so for queries of {@link OUTCOME_MIN_WORDS} or more content words.
   */
  readonly outcome?: boolean | "auto";
}

/** Queries with this many content words or more are read as free text in `"auto"` mode. */
export const OUTCOME_MIN_WORDS = 6;

const expansionCaches = new WeakMap<SearchIndex, Map<string, readonly Expansion[]>>();
const CACHE_LIMIT = 20_000;

function expansionsOf(index: SearchIndex, token: string): readonly Expansion[] {
  let cache = expansionCaches.get(index);
  if (!cache) expansionCaches.set(index, (cache = new Map()));
  let hit = cache.get(token);
  if (!hit) {
    hit = expandToken(index, token);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, hit);
  }
  return hit;
}

/**
 * Tokenises and expands a query against the index.
 *
 * @internal
 */
export function prepareQuery(index: SearchIndex, text: string, options: PrepareOptions = {}): PreparedQuery {
  const seen = new Set<string>();
  const slots: Slot[] = [];
  const maxIdf = Math.log(1 + (index.concepts.length + 0.5) / 0.5);
  const words = tokeniseWords(text);
  const mode = options.outcome ?? "auto";
  const outcome = mode === "auto" ? new Set(words.map((w) => w.token).filter((t) => !STOPWORDS.has(t))).size >= OUTCOME_MIN_WORDS : mode;
  const considered = considerWords(index, words, outcome);
  for (const [at, { token, word }] of words.entries()) {
    if (seen.has(token) || !considered.has(token)) continue;
    seen.add(token);
    let expansions = expansionsOf(index, token);
    if (outcome && index.termIds.get(token) === undefined) {
      // In free text an unknown word is more often a word ESCO does not use than a typo: trust typo
      // corrections less there.
      expansions = expansions.map((x) => (x.sim < TYPO_SIM_MAX ? { term: x.term, sim: x.sim * FREE_TEXT_TYPO } : x));
    }
    const parts = token.length >= 8 ? splitCompound(index, token) : undefined;
    if (parts && (expansions.length === 0 || expansions[0]!.sim < 0.8)) {
      // An unknown compound ("heatpump") counts as its two halves.
      for (const part of parts) {
        if (seen.has(part)) continue;
        seen.add(part);
        const partExpansions = expansionsOf(index, part);
        slots.push({ token: part, word, weight: weightOf(index, partExpansions, maxIdf), expansions: partExpansions });
      }
      continue;
    }
    // Two query words the vocabulary knows as one ("waste water" → wastewater).
    const joined = [words[at - 1]?.token, words[at + 1]?.token].flatMap((other, side) =>
      other === undefined ? [] : [index.termIds.get(side === 0 ? other + token : token + other)].filter((t) => t !== undefined),
    );
    if (joined.length > 0) expansions = [...expansions, ...joined.map((term) => ({ term, sim: 0.9 }))];
    if (outcome) {
      // Free text paraphrases labels: add the words ESCO's own synonyms use for the same thing.
      const exact = index.termIds.get(token) ?? expansions[0]?.term;
      if (exact !== undefined) {
        const have = new Set(expansions.map((x) => x.term));
        const extra = synonymsOf(index, exact).filter((t) => !have.has(t)).map((term) => ({ term, sim: SYNONYM_SIM }));
        if (extra.length > 0) expansions = [...expansions, ...extra];
      }
    }
    const weight = weightOf(index, expansions, maxIdf);
    const split = parts ? ([index.termIds.get(parts[0])!, index.termIds.get(parts[1])!] as const) : undefined;
    slots.push(split ? { token, word, weight, expansions, split } : { token, word, weight, expansions });
  }
  // Very long texts: keep the rarest words that match something.
  const kept =
    slots.length > MAX_SLOTS
      ? [...slots].sort((a, b) => Number(b.expansions.length > 0) - Number(a.expansions.length > 0) || b.weight - a.weight).slice(0, MAX_SLOTS)
      : slots;
  return { slots: kept, weight: kept.reduce((sum, s) => sum + s.weight, 0), outcome };
}

/**
 * The distinct content words to expand. Beyond {@link MAX_WORDS} (texts of hundreds of words), words
 * the vocabulary knows come first, rarest first, so that expansion work stays bounded.
 */
function considerWords(index: SearchIndex, words: readonly { token: string }[], outcome: boolean): Set<string> {
  const distinct = new Set<string>();
  for (const { token } of words) if (!STOPWORDS.has(token) && !(outcome && OUTCOME_WORDS.has(token))) distinct.add(token);
  if (distinct.size <= MAX_WORDS) return distinct;
  const rank = (token: string) => {
    const id = index.termIds.get(token);
    return id === undefined ? -1 : index.idf[id]!;
  };
  return new Set([...distinct].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_WORDS));
}

function weightOf(index: SearchIndex, expansions: readonly Expansion[], fallback: number): number {
  const top = expansions[0];
  return top ? index.idf[top.term]! : fallback;
}

/** A concept's ranking details. */
export interface Candidate {
  /** Store index of the concept. */
  readonly concept: number;
  /** Ranking score (unbounded; higher is better). */
  readonly rank: number;
  /** The best-matching label (entry id). */
  readonly entry: number;
  /** Every label of the concept that shares a term with the query, best first. */
  readonly entries: readonly number[];
  /** Share of the query's weight that the best label matched, 0..1. */
  readonly queryCoverage: number;
  /** Share of the best label's weight that the query matched, 0..1. */
  readonly labelCoverage: number;
  /** Indexes of the slots matched by the best label. */
  readonly matchedSlots: readonly number[];
}

/** Reusable per-index scratch arrays (searches are synchronous, so one set per index suffices). */
interface Scratch {
  stamp: Int32Array;
  slotSim: Float32Array;
  evidence: Float32Array;
  labelHit: Float32Array;
  querySeen: Int32Array;
  conceptStamp: Int32Array;
  conceptSim: Float32Array;
  conceptEvidence: Float32Array;
  conceptSeen: Int32Array;
  conceptBest: Float32Array;
  conceptBestEntry: Int32Array;
  /** Per term: best similarity any query word gives it (zeroed after each query). */
  termSim: Float32Array;
  counter: number;
}
const scratches = new WeakMap<SearchIndex, Scratch>();
function scratchOf(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const entries = index.entryConcept.length;
    const size = index.store.size;
    s = {
      stamp: new Int32Array(entries),
      slotSim: new Float32Array(entries),
      evidence: new Float32Array(entries),
      labelHit: new Float32Array(entries),
      querySeen: new Int32Array(entries),
      conceptStamp: new Int32Array(size),
      conceptSim: new Float32Array(size),
      conceptEvidence: new Float32Array(size),
      conceptSeen: new Int32Array(size),
      conceptBest: new Float32Array(size),
      conceptBestEntry: new Int32Array(size),
      termSim: new Float32Array(index.terms.length),
      counter: 0,
    };
    scratches.set(index, s);
  }
  return s;
}

/** Options of {@link rank}. */
export interface RankOptions {
  /** Only labels in these languages (indexes into `index.languages`); all when absent. */
  readonly languages?: ReadonlySet<number>;
  /** Keep only concepts (store indexes) for which this returns true. */
  readonly accept?: (concept: number) => boolean;
  /** Number of candidates to return. */
  readonly limit: number;
}

/**
 * Scores every concept that shares a term with the query and returns the best `limit`, best first.
 *
 * @internal
 */
export function rank(index: SearchIndex, query: PreparedQuery, options: RankOptions): Candidate[] {
  const s = scratchOf(index);
  const queryId = ++s.counter;
  const touchedEntries: number[] = [];
  const touchedConcepts: number[] = [];
  const { postings, postingOffsets, entryConcept, entryLang, idf } = index;
  const languages = options.languages;
  for (const slot of query.slots) {
    const slotId = ++s.counter;
    const slotEntries: number[] = [];
    for (const { term, sim } of slot.expansions) {
      for (let k = postingOffsets[term]!; k < postingOffsets[term + 1]!; k++) {
        const e = postings[k]!;
        if (languages && !languages.has(entryLang[e]!)) continue;
        if (s.querySeen[e] !== queryId) {
          s.querySeen[e] = queryId;
          s.evidence[e] = 0;
          touchedEntries.push(e);
        }
        if (s.stamp[e] !== slotId) {
          s.stamp[e] = slotId;
          s.slotSim[e] = sim;
          slotEntries.push(e);
        } else if (s.slotSim[e]! < sim) s.slotSim[e] = sim;
      }
    }
    if (slot.split) {
      // Labels holding both halves of a compound: "waste water" for "wastewater".
      const [a, b] = slot.split;
      const withA = new Set<number>();
      for (let k = postingOffsets[a]!; k < postingOffsets[a + 1]!; k++) withA.add(postings[k]!);
      for (let k = postingOffsets[b]!; k < postingOffsets[b + 1]!; k++) {
        const e = postings[k]!;
        if (!withA.has(e) || (languages && !languages.has(entryLang[e]!))) continue;
        if (s.querySeen[e] !== queryId) {
          s.querySeen[e] = queryId;
          s.evidence[e] = 0;
          touchedEntries.push(e);
        }
        if (s.stamp[e] !== slotId) {
          s.stamp[e] = slotId;
          s.slotSim[e] = SPLIT_SIM;
          slotEntries.push(e);
        } else if (s.slotSim[e]! < SPLIT_SIM) s.slotSim[e] = SPLIT_SIM;
      }
    }
    for (const e of slotEntries) {
      const sim = s.slotSim[e]!;
      s.evidence[e]! += slot.weight * sim;
      const c = entryConcept[e]!;
      if (s.conceptSeen[c] !== queryId) {
        s.conceptSeen[c] = queryId;
        s.conceptEvidence[c] = 0;
        s.conceptBest[c] = -1;
        touchedConcepts.push(c);
      }
      if (s.conceptStamp[c] !== slotId) {
        s.conceptStamp[c] = slotId;
        s.conceptSim[c] = sim;
      } else if (s.conceptSim[c]! < sim) s.conceptSim[c] = sim;
    }
    for (const e of slotEntries) {
      const c = entryConcept[e]!;
      if (s.conceptStamp[c] === slotId) {
        s.conceptStamp[c] = -1;
        s.conceptEvidence[c]! += slot.weight * s.conceptSim[c]!;
      }
    }
  }

  // Label coverage: each word of a label counts once, at the best similarity any query word gives it.
  const termSim = s.termSim;
  const noted: number[] = [];
  const note = (term: number, sim: number) => {
    if (termSim[term] === 0) noted.push(term);
    if (termSim[term]! < sim) termSim[term] = sim;
  };
  for (const slot of query.slots) {
    for (const { term, sim } of slot.expansions) note(term, sim);
    if (slot.split) for (const half of slot.split) note(half, SPLIT_SIM);
  }
  const { entryWeight, entryType, entryOffsets, entryTerms } = index;
  const labelHit = s.labelHit;
  for (const e of touchedEntries) {
    let hit = 0;
    for (let k = entryOffsets[e]!; k < entryOffsets[e + 1]!; k++) {
      const t = entryTerms[k]!;
      hit += idf[t]! * termSim[t]!;
    }
    labelHit[e] = hit;
  }
  for (const term of noted) termSim[term] = 0;

  // Best label per concept.
  for (const e of touchedEntries) {
    const c = entryConcept[e]!;
    const coverage = Math.min(1, s.labelHit[e]! / entryWeight[e]!);
    const score = s.evidence[e]! * coverage * TYPE_WEIGHT[entryType[e] as 0 | 1 | 2];
    if (score > s.conceptBest[c]!) {
      s.conceptBest[c] = score;
      s.conceptBestEntry[c] = e;
    }
  }
  // Top `limit` concepts by a bounded insertion sort (the touched set can be thousands).
  const limit = Math.max(0, options.limit);
  const top: number[] = [];
  const topRank: number[] = [];
  const accept = options.accept;
  for (const c of touchedConcepts) {
    const score = s.conceptBest[c]! + CONCEPT_SHARE * (s.conceptEvidence[c]! - s.evidence[s.conceptBestEntry[c]!]!);
    if (top.length === limit && (limit === 0 || score <= topRank[limit - 1]!)) continue;
    if (accept && !accept(c)) continue;
    let at = top.length;
    while (at > 0 && (topRank[at - 1]! < score || (topRank[at - 1] === score && top[at - 1]! > c))) at--;
    top.splice(at, 0, c);
    topRank.splice(at, 0, score);
    if (top.length > limit) {
      top.pop();
      topRank.pop();
    }
  }
  // Every label of the top concepts that the query touched, best first, to explain and re-rank.
  const position = new Map(top.map((c, at) => [c, at]));
  const matched: number[][] = top.map(() => []);
  for (const e of touchedEntries) {
    const at = position.get(entryConcept[e]!);
    if (at !== undefined) matched[at]!.push(e);
  }
  const entryScore = (e: number) => s.evidence[e]! * Math.min(1, s.labelHit[e]! / entryWeight[e]!);
  for (const list of matched) list.sort((a, b) => entryScore(b) - entryScore(a) || a - b);
  return top.map((c, at) => {
    const e = s.conceptBestEntry[c]!;
    const slots = slotsMatchedBy(index, query, e);
    return {
      concept: c,
      rank: topRank[at]!,
      entry: e,
      entries: matched[at]!,
      queryCoverage: query.weight > 0 ? Math.min(1, s.evidence[e]! / query.weight) : 0,
      labelCoverage: Math.min(1, s.labelHit[e]! / entryWeight[e]!),
      matchedSlots: slots,
    };
  });
}

/** Indexes of the query slots that label `entry` matches. @internal */
export function slotsMatchedBy(index: SearchIndex, query: PreparedQuery, entry: number): number[] {
  const terms = index.entryTerms.subarray(index.entryOffsets[entry]!, index.entryOffsets[entry + 1]!);
  const out: number[] = [];
  query.slots.forEach((slot, at) => {
    const direct = slot.expansions.some((x) => terms.includes(x.term));
    const split = slot.split !== undefined && terms.includes(slot.split[0]) && terms.includes(slot.split[1]);
    if (direct || split) out.push(at);
  });
  return out;
}
