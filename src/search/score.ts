import type { DescriptionMatch } from "./context.js";
import { descriptionExpansions, descriptionSlotWeight } from "./description-expand.js";
import { type DescriptionIndex, descriptionIndexOf } from "./description-index.js";
import type { SearchIndex } from "./index-build.js";
import { type PreparedQuery, SPLIT_SIM } from "./query.js";

/**
 * Ranking. A prepared query's slots carry expanded vocabulary terms (see `query.ts`). Every label that
 * holds an expanded term gets:
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
/**
 * Free text: weight of description evidence in candidate generation (BM25F field weight of the
 * description against a label), and the strength of its length normalisation (BM25 `b`): a word found in
 * a long description is weaker evidence than one found in a short one.
 */
export const DESCRIPTION_RANK = 0.5;
const DESCRIPTION_B = 0.5;

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
  /** Free text only: the query slots the concept's description matches beyond its label. */
  readonly description?: DescriptionMatch;
  /** Free text only: the factor for the skill type the outcome's opening verb asks for (1 when it fits or says nothing). */
  readonly bloom?: number;
  /** Evidence the concept's other labels add beyond its best label. */
  readonly extraEvidence?: number;
  /** fuse.js score of the closest label (0 best), when the candidate was re-ranked. */
  readonly fuseScore?: number;
  /** Free text only: the strong narrower candidate whose score raised this one's (see `hierarchy.ts`). */
  readonly narrower?: { readonly concept: number; readonly score: number };
  /** The displayed score (set by the pipeline once all evidence is in). */
  readonly score?: number;
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
  descSeen: Int32Array;
  descStamp: Int32Array;
  descSim: Float32Array;
  descEvidence: Float32Array;
  /** Lists of touched entries and concepts (typed arrays: far cheaper than growing JS arrays here). */
  touchedEntries: Int32Array;
  slotEntries: Int32Array;
  touchedConcepts: Int32Array;
  slotConcepts: Int32Array;
  /** The order in which touched concepts are scored. */
  order: Int32Array;
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
      descSeen: new Int32Array(size),
      descStamp: new Int32Array(size),
      descSim: new Float32Array(size),
      descEvidence: new Float32Array(size),
      touchedEntries: new Int32Array(entries),
      slotEntries: new Int32Array(entries),
      touchedConcepts: new Int32Array(size),
      slotConcepts: new Int32Array(size),
      order: new Int32Array(size),
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
  // The work is split in small functions over typed arrays, without closures: this is where a search spends
  // its time, and small functions are optimised early and stay optimised (one large function was
  // de-optimised and recompiled dozens of times in a batch, running slowly in between).
  const languages = options.languages;
  const counts = { entries: 0, concepts: 0 };
  for (const slot of query.slots) addLabelEvidence(index, s, slot, ++s.counter, queryId, languages, counts);
  // Free text: the description is a weaker field of its own, so that a concept whose description fits
  // the text is a candidate even when its labels share little with it.
  const d = query.outcome && DESCRIPTION_RANK > 0 ? descriptionIndexOf(index) : undefined;
  if (d) for (const slot of query.slots) addDescriptionEvidence(index, d, s, slot, ++s.counter, queryId, counts);
  const noted = noteTermSimilarities(s.termSim, query);
  const count = counts.concepts;
  const bound = conceptBounds(index, s, queryId, counts.entries, count, d);
  const top: number[] = [];
  const topRank: number[] = [];
  selectTop(s, queryId, bound, count, Math.max(0, options.limit), options.accept, d, index, top, topRank);
  for (const term of noted) s.termSim[term] = 0;
  return top.map((c, at) => candidateOf(index, s, query, queryId, c, topRank[at]!, languages));
}

/** Running counts of the touched entries and concepts of one query. */
interface Counts {
  entries: number;
  concepts: number;
}

/** One slot's label evidence: each touched entry at the best similarity of the slot's expansions it holds. */
function addLabelEvidence(
  index: SearchIndex,
  s: Scratch,
  slot: PreparedQuery["slots"][number],
  slotId: number,
  queryId: number,
  languages: ReadonlySet<number> | undefined,
  counts: Counts,
): void {
  const { postings, postingOffsets } = index;
  let slotCount = 0;
  for (const { term, sim } of slot.expansions)
    slotCount = markEntries(
      index,
      s,
      postingOffsets[term]!,
      postingOffsets[term + 1]!,
      postings,
      sim,
      slotId,
      queryId,
      languages,
      counts,
      slotCount,
    );
  if (slot.split) {
    // The labels holding both halves of a compound ("waste water" for "wastewater").
    const [a, b] = slot.split;
    const withA = new Set(postings.subarray(postingOffsets[a]!, postingOffsets[a + 1]!));
    const both = postings.subarray(postingOffsets[b]!, postingOffsets[b + 1]!).filter((e) => withA.has(e));
    slotCount = markEntries(index, s, 0, both.length, both, SPLIT_SIM, slotId, queryId, languages, counts, slotCount);
  }
  addSlotEvidence(index, s, slot.weight, slotCount, slotId, queryId, counts);
}

/** Marks the entries `list[from..to)` as holding the slot at similarity `sim`; returns the new slot count. */
function markEntries(
  index: SearchIndex,
  s: Scratch,
  from: number,
  to: number,
  list: Int32Array,
  sim: number,
  slotId: number,
  queryId: number,
  languages: ReadonlySet<number> | undefined,
  counts: Counts,
  slotCount: number,
): number {
  const { entryLang } = index;
  const { querySeen, evidence, stamp, slotSim, touchedEntries, slotEntries } = s;
  let entryCount = counts.entries;
  for (let k = from; k < to; k++) {
    const e = list[k]!;
    if (languages !== undefined && !languages.has(entryLang[e]!)) continue;
    if (querySeen[e] !== queryId) {
      querySeen[e] = queryId;
      evidence[e] = 0;
      touchedEntries[entryCount++] = e;
    }
    if (stamp[e] !== slotId) {
      stamp[e] = slotId;
      slotSim[e] = sim;
      slotEntries[slotCount++] = e;
    } else if (slotSim[e]! < sim) slotSim[e] = sim;
  }
  counts.entries = entryCount;
  return slotCount;
}

/** Adds one slot's weight × similarity to its entries and, once per concept at its best, to their concepts. */
function addSlotEvidence(
  index: SearchIndex,
  s: Scratch,
  weight: number,
  slotCount: number,
  slotId: number,
  queryId: number,
  counts: Counts,
): void {
  const { entryConcept } = index;
  const { slotEntries, slotSim, evidence, conceptSeen, conceptEvidence, conceptStamp, conceptSim, touchedConcepts } = s;
  let conceptCount = counts.concepts;
  for (let j = 0; j < slotCount; j++) {
    const e = slotEntries[j]!;
    const sim = slotSim[e]!;
    evidence[e]! += weight * sim;
    const c = entryConcept[e]!;
    if (conceptSeen[c] !== queryId) {
      conceptSeen[c] = queryId;
      conceptEvidence[c] = 0;
      touchedConcepts[conceptCount++] = c;
    }
    if (conceptStamp[c] !== slotId) {
      conceptStamp[c] = slotId;
      conceptSim[c] = sim;
    } else if (conceptSim[c]! < sim) conceptSim[c] = sim;
  }
  for (let j = 0; j < slotCount; j++) {
    const c = entryConcept[slotEntries[j]!]!;
    if (conceptStamp[c] === slotId) {
      conceptStamp[c] = -1;
      conceptEvidence[c]! += weight * conceptSim[c]!;
    }
  }
  counts.concepts = conceptCount;
}

/**
 * One slot's description evidence: exact words and close inflections, also of words no label uses, each
 * weighing at most what it weighs among descriptions; a concept found this way alone becomes a candidate.
 */
function addDescriptionEvidence(
  index: SearchIndex,
  d: DescriptionIndex,
  s: Scratch,
  slot: PreparedQuery["slots"][number],
  slotId: number,
  queryId: number,
  counts: Counts,
): void {
  const { descSeen, descEvidence, descStamp, descSim, conceptSeen, conceptEvidence, touchedConcepts, slotConcepts } = s;
  let conceptCount = counts.concepts;
  let slotCount = 0;
  for (const { term, sim: similarity } of descriptionExpansions(index, slot)) {
    const sim = descriptionSlotWeight(index, slot, term) * similarity;
    const end = d.offsets[term + 1]!;
    for (let k = d.offsets[term]!; k < end; k++) {
      const c = d.concepts[k]!;
      if (descSeen[c] !== queryId) {
        descSeen[c] = queryId;
        descEvidence[c] = 0;
        if (conceptSeen[c] !== queryId) {
          // Found through its description only.
          conceptSeen[c] = queryId;
          conceptEvidence[c] = 0;
          touchedConcepts[conceptCount++] = c;
        }
      }
      if (descStamp[c] !== slotId) {
        descStamp[c] = slotId;
        descSim[c] = sim;
        slotConcepts[slotCount++] = c;
      } else if (descSim[c]! < sim) descSim[c] = sim;
    }
  }
  for (let j = 0; j < slotCount; j++) {
    const c = slotConcepts[j]!;
    descEvidence[c]! += descSim[c]!;
  }
  counts.concepts = conceptCount;
}

/** A concept's description evidence for this query, normalised by the description's length (BM25 `b`). */
function descriptionRank(d: DescriptionIndex, s: Scratch, c: number, queryId: number): number {
  if (s.descSeen[c] !== queryId) return 0;
  const mean = d.meanLength || 1;
  return DESCRIPTION_RANK * (s.descEvidence[c]! / (1 - DESCRIPTION_B + (DESCRIPTION_B * d.length[c]!) / mean));
}

/** Label coverage: each word of a label counts once, at the best similarity any query word gives it. */
function noteTermSimilarities(termSim: Float32Array, query: PreparedQuery): number[] {
  const noted: number[] = [];
  const note = (term: number, sim: number) => {
    if (termSim[term] === 0) noted.push(term);
    if (termSim[term]! < sim) termSim[term] = sim;
  };
  for (const slot of query.slots) {
    for (const { term, sim } of slot.expansions) note(term, sim);
    if (slot.split) for (const half of slot.split) note(half, SPLIT_SIM);
  }
  return noted;
}

/**
 * A concept ranks `best label score + CONCEPT_SHARE × (concept evidence − best label's evidence) +
 * description`. Since a label scores at most its evidence, that is at most
 * `CONCEPT_SHARE × concept evidence + (1 − CONCEPT_SHARE) × its labels' largest evidence + description`:
 * the bound of each touched concept, in the order of `touchedConcepts`.
 */
function conceptBounds(
  index: SearchIndex,
  s: Scratch,
  queryId: number,
  entryCount: number,
  count: number,
  d: DescriptionIndex | undefined,
): Float64Array {
  const { entryConcept } = index;
  const { touchedConcepts, touchedEntries, evidence, conceptEvidence } = s;
  const maxEvidence = s.conceptBest;
  for (let i = 0; i < count; i++) maxEvidence[touchedConcepts[i]!] = 0;
  for (let i = 0; i < entryCount; i++) {
    const e = touchedEntries[i]!;
    const c = entryConcept[e]!;
    if (evidence[e]! > maxEvidence[c]!) maxEvidence[c] = evidence[e]!;
  }
  const bound = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const c = touchedConcepts[i]!;
    bound[i] = CONCEPT_SHARE * conceptEvidence[c]! + (1 - CONCEPT_SHARE) * maxEvidence[c]!;
  }
  if (d) for (let i = 0; i < count; i++) bound[i]! += descriptionRank(d, s, touchedConcepts[i]!, queryId);
  return bound;
}

/**
 * Scores concepts exactly in the order of their bound and stops for the rest once the bound falls below the
 * last kept score: the exact top `limit`, at a fraction of the work (most touched concepts share only a
 * common word with the query). Fills `top` and `topRank`, best first.
 */
function selectTop(
  s: Scratch,
  queryId: number,
  bound: Float64Array,
  count: number,
  limit: number,
  accept: ((concept: number) => boolean) | undefined,
  d: DescriptionIndex | undefined,
  index: SearchIndex,
  top: number[],
  topRank: number[],
): void {
  // First the concepts whose bound is at least half the largest (they set a high bar quickly), in the
  // order of their bound, so the scoring can stop at the first that cannot beat the last kept score; then
  // the others that can still beat it.
  let maxBound = 0;
  for (let i = 0; i < count; i++) if (bound[i]! > maxBound) maxBound = bound[i]!;
  const cutoff = maxBound / 2;
  const order = s.order;
  let high = 0;
  for (let i = 0; i < count; i++) if (bound[i]! >= cutoff) order[high++] = i;
  let rest = high;
  for (let i = 0; i < count; i++) if (!(bound[i]! >= cutoff)) order[rest++] = i;
  order.subarray(0, high).sort((x, y) => bound[y]! - bound[x]! || x - y);
  for (let j = 0; j < count; j++) {
    const i = order[j]!;
    if (top.length === limit && (limit === 0 || bound[i]! < topRank[limit - 1]!)) {
      // No later concept of the sorted part can do better.
      if (j < high) j = high - 1;
      continue;
    }
    const c = s.touchedConcepts[i]!;
    const score = exactRank(index, s, queryId, c) + (d ? descriptionRank(d, s, c, queryId) : 0);
    if (keeps(top, topRank, limit, c, score) && (accept === undefined || accept(c)))
      insert(top, topRank, limit, c, score);
  }
}

/**
 * A concept's exact label rank: its best label among those the query touched (evidence × label coverage ×
 * label-type weight) plus a share of the evidence its other labels add. Records the best label and each
 * touched label's coverage in the scratch arrays.
 */
function exactRank(index: SearchIndex, s: Scratch, queryId: number, c: number): number {
  const { entryWeight, entryType, entryOffsets, entryTerms, conceptEntries, conceptEntryCount, idf } = index;
  const { querySeen, evidence, labelHit, termSim } = s;
  let best = -1;
  let bestScore = 0;
  const first = conceptEntries[c]!;
  const last = first + conceptEntryCount[c]!;
  if (s.conceptEvidence[c]! > 0) {
    for (let e = first; e < last; e++) {
      if (querySeen[e] !== queryId) continue;
      let hit = 0;
      const end = entryOffsets[e + 1]!;
      for (let k = entryOffsets[e]!; k < end; k++) {
        const t = entryTerms[k]!;
        hit += idf[t]! * termSim[t]!;
      }
      labelHit[e] = hit;
      const score = evidence[e]! * Math.min(1, hit / entryWeight[e]!) * TYPE_WEIGHT[entryType[e] as 0 | 1 | 2];
      if (best < 0 || score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
  }
  s.conceptBestEntry[c] = best;
  return bestScore + CONCEPT_SHARE * (s.conceptEvidence[c]! - (best < 0 ? 0 : evidence[best]!));
}

/** Whether `c` at `score` enters a full top list (ties go to the lower concept index, for determinism). */
function keeps(top: readonly number[], topRank: readonly number[], limit: number, c: number, score: number): boolean {
  if (top.length < limit) return true;
  if (limit === 0) return false;
  const lastRank = topRank[limit - 1]!;
  return score > lastRank || (score === lastRank && c < top[limit - 1]!);
}

/** Inserts `c` into the sorted top list, dropping the last when the list is over `limit`. */
function insert(top: number[], topRank: number[], limit: number, c: number, score: number): void {
  let at = top.length;
  while (at > 0 && (topRank[at - 1]! < score || (topRank[at - 1] === score && top[at - 1]! > c))) at--;
  top.splice(at, 0, c);
  topRank.splice(at, 0, score);
  if (top.length > limit) {
    top.pop();
    topRank.pop();
  }
}

/** The ranking details of a kept concept. */
function candidateOf(
  index: SearchIndex,
  s: Scratch,
  query: PreparedQuery,
  queryId: number,
  c: number,
  rankValue: number,
  languages: ReadonlySet<number> | undefined,
): Candidate {
  const { conceptEntries, conceptEntryCount, entryLang, entryWeight } = index;
  const { evidence, labelHit } = s;
  const best = s.conceptBestEntry[c]!;
  if (best < 0) {
    // Found through its description only: shown under its preferred label (in an accepted language).
    const first = conceptEntries[c]!;
    let e = first;
    for (let k = first; k < first + conceptEntryCount[c]!; k++) {
      if (!languages || languages.has(entryLang[k]!)) {
        e = k;
        break;
      }
    }
    return {
      concept: c,
      rank: rankValue,
      entry: e,
      entries: [e],
      queryCoverage: 0,
      labelCoverage: 0,
      matchedSlots: [],
      extraEvidence: 0,
    };
  }
  // Every label of the concept that the query touched, best first, to explain and re-rank.
  const entryScore = (e: number) => evidence[e]! * Math.min(1, labelHit[e]! / entryWeight[e]!);
  const entries: number[] = [];
  for (let e = conceptEntries[c]!; e < conceptEntries[c]! + conceptEntryCount[c]!; e++)
    if (s.querySeen[e] === queryId) entries.push(e);
  entries.sort((a, b) => entryScore(b) - entryScore(a) || a - b);
  return {
    concept: c,
    rank: rankValue,
    entry: best,
    entries,
    queryCoverage: query.weight > 0 ? Math.min(1, evidence[best]! / query.weight) : 0,
    labelCoverage: Math.min(1, labelHit[best]! / entryWeight[best]!),
    matchedSlots: slotsMatchedBy(index, query, best),
    extraEvidence: s.conceptEvidence[c]! - evidence[best]!,
  };
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

/**
 * Scores chosen concepts against the query directly from their labels, the way {@link rank} scores every
 * concept (same evidence, coverage and concept-level terms), without a pass over the postings: for judging
 * a few given skills against a statement.
 *
 * @internal
 */
export function scoreConcepts(
  index: SearchIndex,
  query: PreparedQuery,
  concepts: readonly number[],
  languages?: ReadonlySet<number>,
): Candidate[] {
  // term → best similarity per slot
  const bySlot = new Map<number, Map<number, number>>();
  const note = (term: number, slot: number, sim: number) => {
    let m = bySlot.get(term);
    if (!m) bySlot.set(term, (m = new Map()));
    if ((m.get(slot) ?? 0) < sim) m.set(slot, sim);
  };
  query.slots.forEach((slot, at) => {
    for (const { term, sim } of slot.expansions) note(term, at, sim);
  });
  const out: Candidate[] = [];
  const { entryOffsets, entryTerms, entryWeight, entryType, entryLang, idf } = index;
  for (const c of concepts) {
    const first = index.conceptEntries[c]!;
    if (first < 0) continue;
    const count = index.conceptEntryCount[c]!;
    const conceptSlotSim = new Float32Array(query.slots.length);
    let best = -1;
    let bestEntry = -1;
    let bestEvidence = 0;
    let bestCoverage = 0;
    const entries: { e: number; score: number }[] = [];
    for (let e = first; e < first + count; e++) {
      if (languages && !languages.has(entryLang[e]!)) continue;
      const slotSim = new Float32Array(query.slots.length);
      let labelHit = 0;
      const terms = entryTerms.subarray(entryOffsets[e]!, entryOffsets[e + 1]!);
      for (const t of terms) {
        const m = bySlot.get(t);
        if (!m) continue;
        let top = 0;
        for (const [slot, sim] of m) {
          if (slotSim[slot]! < sim) slotSim[slot] = sim;
          if (sim > top) top = sim;
        }
        labelHit += idf[t]! * top;
      }
      query.slots.forEach((slot, at) => {
        if (slot.split && terms.includes(slot.split[0]) && terms.includes(slot.split[1]) && slotSim[at]! < SPLIT_SIM)
          slotSim[at] = SPLIT_SIM;
      });
      for (const half of query.slots.flatMap((s) => (s.split ? [...s.split] : [])))
        if (terms.includes(half) && !bySlot.has(half)) labelHit += idf[half]! * SPLIT_SIM;
      let evidence = 0;
      for (let k = 0; k < slotSim.length; k++) {
        evidence += query.slots[k]!.weight * slotSim[k]!;
        if (conceptSlotSim[k]! < slotSim[k]!) conceptSlotSim[k] = slotSim[k]!;
      }
      if (evidence === 0) continue;
      const coverage = Math.min(1, labelHit / entryWeight[e]!);
      const score = evidence * coverage * TYPE_WEIGHT[entryType[e] as 0 | 1 | 2];
      entries.push({ e, score: evidence * coverage });
      if (score > best) {
        best = score;
        bestEntry = e;
        bestEvidence = evidence;
        bestCoverage = coverage;
      }
    }
    if (bestEntry < 0) continue;
    let conceptEvidence = 0;
    for (let k = 0; k < conceptSlotSim.length; k++) conceptEvidence += query.slots[k]!.weight * conceptSlotSim[k]!;
    entries.sort((a, b) => b.score - a.score || a.e - b.e);
    out.push({
      concept: c,
      rank: best + CONCEPT_SHARE * (conceptEvidence - bestEvidence),
      entry: bestEntry,
      entries: entries.map((x) => x.e),
      queryCoverage: query.weight > 0 ? Math.min(1, bestEvidence / query.weight) : 0,
      labelCoverage: bestCoverage,
      matchedSlots: slotsMatchedBy(index, query, bestEntry),
      extraEvidence: conceptEvidence - bestEvidence,
    });
  }
  return out;
}
