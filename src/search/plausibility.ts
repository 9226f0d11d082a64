import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { searchIndexOf } from "./cache.js";
import type { SearchIndex } from "./index-build.js";
import { prepareQuery } from "./query.js";
import { matchScore, matchedWords } from "./results.js";
import { withContext } from "./run.js";
import { type Candidate, rank, scoreConcepts } from "./score.js";
import { SUGGEST_THRESHOLD } from "./suggest.js";

/**
 * Does an outcome statement support a skill it is mapped to? The mapped skill is scored against the
 * statement like any suggestion (labels, description, opening verb), placed among the statement's best
 * candidates, and looked up in the hierarchy next to those candidates. A mapping is plausible when the
 * skill ranks among the statement's candidates, or the statement's words are in its labels or description
 * with some weight, or it sits next to a strong candidate (broader or narrower, or an
 * ESCO related skill, or one most of whose occupations need the other). Otherwise the statement says nothing that points to it.
 *
 * @module
 */

/** A mapped skill ranked this high among the statement's candidates is plausible. */
export const PLAUSIBLE_RANK = 10;
/** A mapped skill scoring at least this for the statement is plausible (its words are in the statement). */
export const PLAUSIBLE_SCORE = 0.2;
/** Candidates the mapped skill is compared with. */
const POOL = 30;
/** Strong candidates whose hierarchy neighbours count as plausible. */
const NEAR_HEAD = 5;

/** How a mapped skill relates to a strong candidate of the statement. @internal */
export type NearRelation = "same" | "broader" | "narrower" | "related" | "same-occupations";

/** The judgement of one mapping. @internal */
export interface MappingJudgement {
  readonly uri: string;
  readonly plausible: boolean;
  /** 1-based rank among the statement's candidates, or `null` beyond {@link POOL}. */
  readonly rank: number | null;
  /** Score of the skill for the statement (0 when nothing matches). */
  readonly score: number;
  /** Words of the statement found in the skill's labels. */
  readonly labelTerms: readonly string[];
  /** Words of the statement found only in the skill's description or scope note. */
  readonly descriptionTerms: readonly string[];
  /** The label that matched best, if any. */
  readonly matchedLabel: string | null;
  /** A strong candidate it sits next to in the hierarchy. */
  readonly near: { readonly uri: string; readonly label: string; readonly relation: NearRelation } | null;
}

/** Judgements of the mapped skills of one statement, with the statement's strongest candidates. @internal */
export interface StatementJudgement {
  readonly judgements: readonly MappingJudgement[];
  /** Candidates at or above the suggestion threshold, best first (at most five). */
  readonly better: readonly { uri: string; label: string; score: number }[];
  /** Whether the statement had words to judge by. */
  readonly judged: boolean;
  /** Number of skills the judgement could choose from. */
  readonly skills: number;
}

/**
 * Judges the skills `uris` (store indexes `concepts`) mapped to `statement`.
 *
 * @internal
 */
export function judgeStatement(
  taxonomy: Taxonomy,
  statement: string,
  concepts: readonly number[],
  lang?: string,
): StatementJudgement {
  const index = searchIndexOf(taxonomy, "skill", lang);
  const store = index.store;
  const query = prepareQuery(index, statement, {
    outcome: true,
    ...(lang !== undefined && lang !== "en" ? { languages: [lang] } : {}),
  });
  if (query.slots.length === 0) return { judgements: [], better: [], judged: false, skills: index.concepts.length };
  const languages =
    lang !== undefined && index.languages.length > 1 ? new Set([index.languages.indexOf(lang)]) : undefined;
  const scoreAll = (pool: readonly Candidate[]) =>
    withContext(index, query, statement, pool)
      // Whether the statement supports a skill at all: the evidence itself, not the confidence factor that
      // asks the description to back what the label leaves unexplained (the rule's constants are on this scale).
      .map((c, at) => ({ c: { ...c, score: matchScore(index, query, c, false) }, at }))
      .sort((a, b) => b.c.score - a.c.score || a.at - b.at)
      .map((x) => x.c);
  const head = scoreAll(rank(index, query, { limit: POOL, ...(languages ? { languages } : {}) }));
  const wanted = new Set(concepts);
  const own = scoreAll(scoreConcepts(index, query, [...wanted], languages));
  const strong = head
    .slice(0, NEAR_HEAD)
    .filter((c) => c.score >= PLAUSIBLE_SCORE)
    .map((c) => c.concept);
  const judgements = concepts.map((concept): MappingJudgement => {
    const at = head.findIndex((c) => c.concept === concept);
    const mine = own.find((c) => c.concept === concept);
    const score = mine?.score ?? 0;
    const labelTerms = mine ? matchedWords(query, mine) : [];
    const descriptionTerms = mine?.description
      ? mine.description.slots.map((s) => query.slots[s]!.word).filter((w, i, all) => all.indexOf(w) === i)
      : [];
    const near = nearest(index, concept, strong, lang);
    const rankOf = at >= 0 ? at + 1 : null;
    // A rank counts only with some evidence: in a small taxonomy every skill ranks high.
    const plausible =
      (rankOf !== null && rankOf <= PLAUSIBLE_RANK && score > 0) || score >= PLAUSIBLE_SCORE || near !== null;
    return {
      uri: store.uris[concept]!,
      plausible,
      rank: rankOf,
      score,
      labelTerms,
      descriptionTerms,
      matchedLabel: mine ? index.entryText[mine.entry]! : null,
      near,
    };
  });
  const better = head
    .filter((c) => c.score >= SUGGEST_THRESHOLD && !wanted.has(c.concept))
    .slice(0, 5)
    .map((c) => ({ uri: store.uris[c.concept]!, label: store.label(c.concept, lang), score: c.score }));
  return { judgements, better, judged: true, skills: index.concepts.length };
}

/** The first strong candidate that `concept` is, is broader or narrower than, shares a broader group with, or is related to. */
function nearest(
  index: SearchIndex,
  concept: number,
  strong: readonly number[],
  lang: string | undefined,
): MappingJudgement["near"] {
  const store = index.store;
  const parents = new Set<number>();
  forEachNeighbour(store.broader, concept, (p) => parents.add(p));
  const related = new Set<number>();
  forEachNeighbour(store.relatedOut, concept, (r) => related.add(r));
  forEachNeighbour(store.relatedIn, concept, (r) => related.add(r));
  for (const s of strong) {
    let relation: NearRelation | undefined;
    if (s === concept) relation = "same";
    else if (parents.has(s)) relation = "broader";
    else if (related.has(s)) relation = "related";
    else {
      forEachNeighbour(store.broader, s, (p) => {
        if (p === concept) relation = "narrower";
      });
    }
    if (!relation && sharesOccupations(index, concept, s)) relation = "same-occupations";
    if (relation) return { uri: store.uris[s]!, label: store.label(s, lang), relation };
  }
  return null;
}

/** Two skills go together when at least this share of the rarer one's occupations also need the other. */
const SHARED_OCCUPATIONS = 0.6;

/** Whether ESCO's occupations often need both skills (at least two occupations, and a fair share of the rarer skill's). */
function sharesOccupations(index: SearchIndex, a: number, b: number): boolean {
  const store = index.store;
  if (!store.hasRelations) return false;
  const of = store.occupationsOfSkill;
  const count = (c: number) => (of.offsets[c + 1] ?? 0) - (of.offsets[c] ?? 0);
  const na = count(a);
  const nb = count(b);
  if (na === 0 || nb === 0) return false;
  const [small, large] = na <= nb ? [a, b] : [b, a];
  const occupations = new Set<number>();
  forEachNeighbour(of, large, (o) => occupations.add(o));
  let shared = 0;
  forEachNeighbour(of, small, (o) => {
    if (occupations.has(o)) shared++;
  });
  return shared >= 2 && shared >= SHARED_OCCUPATIONS * Math.min(na, nb);
}
