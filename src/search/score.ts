import type { DescriptionMatch } from "./context.js";
import { descriptionExpansions, descriptionSlotWeight } from "./description-expand.js";
import { descriptionIndexOf } from "./description-index.js";
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
  // The hot loops below use typed-array lists and no closures: this is where a search spends its time.
  const { touchedEntries, slotEntries, touchedConcepts } = s;
  let entryCount = 0;
  let conceptCount = 0;
  const { postings, postingOffsets, entryConcept, entryLang, idf } = index;
  const languages = options.languages;
  const { querySeen, evidence, stamp, slotSim, conceptSeen, conceptEvidence, conceptStamp, conceptSim } = s;
  for (const slot of query.slots) {
    const slotId = ++s.counter;
    const weight = slot.weight;
    let slotCount = 0;
    // The entries holding each expansion of the slot (its postings) and, for a compound, the labels holding
    // both halves ("waste water" for "wastewater").
    const lists: { entries: Int32Array; sim: number }[] = slot.expansions.map(({ term, sim }) => ({
      entries: postings.subarray(postingOffsets[term]!, postingOffsets[term + 1]!),
      sim,
    }));
    if (slot.split) {
      const [a, b] = slot.split;
      const withA = new Set(postings.subarray(postingOffsets[a]!, postingOffsets[a + 1]!));
      const both = postings.subarray(postingOffsets[b]!, postingOffsets[b + 1]!).filter((e) => withA.has(e));
      lists.push({ entries: both, sim: SPLIT_SIM });
    }
    // Each entry at the best similarity of those it holds.
    for (const { entries, sim } of lists) {
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k]!;
        if (languages && !languages.has(entryLang[e]!)) continue;
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
    }
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
  }

  // Free text: the description is a weaker field of its own, so that a concept whose description fits
  // the text is a candidate even when its labels share little with it.
  const descEvidence = s.descEvidence;
  let descNorm: ((c: number) => number) | undefined;
  if (query.outcome && DESCRIPTION_RANK > 0) {
    const d = descriptionIndexOf(index);
    const mean = d.meanLength || 1;
    descNorm = (c) =>
      s.descSeen[c] === queryId ? descEvidence[c]! / (1 - DESCRIPTION_B + (DESCRIPTION_B * d.length[c]!) / mean) : 0;
    for (const slot of query.slots) {
      const slotId = ++s.counter;
      const slotConcepts = s.slotConcepts;
      let slotCount = 0;
      // Exact words and close inflections, also of words no label uses, each weighing at most what it
      // weighs among descriptions.
      for (const { term, sim: similarity } of descriptionExpansions(index, slot)) {
        const sim = descriptionSlotWeight(index, slot, term) * similarity;
        for (let k = d.offsets[term]!; k < d.offsets[term + 1]!; k++) {
          const c = d.concepts[k]!;
          if (s.descSeen[c] !== queryId) {
            s.descSeen[c] = queryId;
            descEvidence[c] = 0;
            if (s.conceptSeen[c] !== queryId) {
              // Found through its description only.
              conceptSeen[c] = queryId;
              conceptEvidence[c] = 0;
              touchedConcepts[conceptCount++] = c;
            }
          }
          if (s.descStamp[c] !== slotId) {
            s.descStamp[c] = slotId;
            s.descSim[c] = sim;
            slotConcepts[slotCount++] = c;
          } else if (s.descSim[c]! < sim) s.descSim[c] = sim;
        }
      }
      for (let j = 0; j < slotCount; j++) {
        const c = slotConcepts[j]!;
        descEvidence[c]! += s.descSim[c]!;
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
  const { entryWeight, entryType, entryOffsets, entryTerms, conceptEntries, conceptEntryCount } = index;
  const labelHit = s.labelHit;

  // A concept ranks `best label score + CONCEPT_SHARE × (concept evidence − best label's evidence) +
  // description`. Since a label scores at most its evidence, that is at most
  // `CONCEPT_SHARE × concept evidence + (1 − CONCEPT_SHARE) × its labels' largest evidence + description`:
  // concepts are scored exactly in the order of that bound, and the rest skipped once the bound falls
  // below the last kept score (the exact top `limit`, at a fraction of the work: most touched concepts
  // share only a common word with the query).
  const maxEvidence = s.conceptBest;
  const count = conceptCount;
  for (let i = 0; i < count; i++) maxEvidence[touchedConcepts[i]!] = 0;
  for (let i = 0; i < entryCount; i++) {
    const e = touchedEntries[i]!;
    const c = entryConcept[e]!;
    if (evidence[e]! > maxEvidence[c]!) maxEvidence[c] = evidence[e]!;
  }
  const bound = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const c = touchedConcepts[i]!;
    bound[i] =
      CONCEPT_SHARE * s.conceptEvidence[c]! +
      (1 - CONCEPT_SHARE) * maxEvidence[c]! +
      (descNorm ? DESCRIPTION_RANK * descNorm(c) : 0);
  }
  const limit = Math.max(0, options.limit);
  // First the concepts whose bound is at least half the largest (they set a high bar quickly), then the
  // others that can still beat the last kept score.
  let maxBound = 0;
  for (let i = 0; i < count; i++) if (bound[i]! > maxBound) maxBound = bound[i]!;
  const cutoff = maxBound / 2;

  // The high ones in the order of their bound, so the scoring can stop at the first that cannot beat the
  // last kept score.
  const order = s.order;
  let high = 0;
  for (let i = 0; i < count; i++) if (bound[i]! >= cutoff) order[high++] = i;
  let rest = high;
  for (let i = 0; i < count; i++) if (!(bound[i]! >= cutoff)) order[rest++] = i;
  order.subarray(0, high).sort((x, y) => bound[y]! - bound[x]! || x - y);

  const top: number[] = [];
  const topRank: number[] = [];
  const accept = options.accept;
  for (let j = 0; j < count; j++) {
    const i = order[j]!;
    if (top.length === limit && (limit === 0 || bound[i]! < topRank[limit - 1]!)) {
      // No later concept of the sorted part can do better.
      if (j < high) j = high - 1;
      continue;
    }
    const c = touchedConcepts[i]!;
    // Exact score: the best label of the concept among those the query touched.
    let best = -1;
    let bestScore = 0;
    const first = conceptEntries[c]!;
    const last = first + conceptEntryCount[c]!;
    for (let e = first; e < last && s.conceptEvidence[c]! > 0; e++) {
      if (s.querySeen[e] !== queryId) continue;
      let hit = 0;
      for (let k = entryOffsets[e]!; k < entryOffsets[e + 1]!; k++) {
        const t = entryTerms[k]!;
        hit += idf[t]! * termSim[t]!;
      }
      labelHit[e] = hit;
      const score = s.evidence[e]! * Math.min(1, hit / entryWeight[e]!) * TYPE_WEIGHT[entryType[e] as 0 | 1 | 2];
      if (best < 0 || score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    s.conceptBestEntry[c] = best;
    const score =
      bestScore +
      CONCEPT_SHARE * (s.conceptEvidence[c]! - (best < 0 ? 0 : s.evidence[best]!)) +
      (descNorm ? DESCRIPTION_RANK * descNorm(c) : 0);
    if (
      top.length === limit &&
      (limit === 0 || score < topRank[limit - 1]! || (score === topRank[limit - 1] && c > top[limit - 1]!))
    )
      continue;
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
  for (const term of noted) termSim[term] = 0;

  const entryScore = (e: number) => s.evidence[e]! * Math.min(1, labelHit[e]! / entryWeight[e]!);
  return top.map((c, at) => {
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
        rank: topRank[at]!,
        entry: e,
        entries: [e],
        queryCoverage: 0,
        labelCoverage: 0,
        matchedSlots: [],
        extraEvidence: 0,
      };
    }
    // Every label of the concept that the query touched, best first, to explain and re-rank.
    const entries: number[] = [];
    for (let e = conceptEntries[c]!; e < conceptEntries[c]! + conceptEntryCount[c]!; e++)
      if (s.querySeen[e] === queryId) entries.push(e);
    entries.sort((a, b) => entryScore(b) - entryScore(a) || a - b);
    const e = best;
    return {
      concept: c,
      rank: topRank[at]!,
      entry: e,
      entries,
      queryCoverage: query.weight > 0 ? Math.min(1, s.evidence[e]! / query.weight) : 0,
      labelCoverage: Math.min(1, labelHit[e]! / entryWeight[e]!),
      matchedSlots: slotsMatchedBy(index, query, e),
      extraEvidence: s.conceptEvidence[c]! - s.evidence[e]!,
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
