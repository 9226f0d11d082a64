import * as z from "zod";
import type { Same } from "../schema-type.js";
import { CONCEPT } from "../bundle/names.js";
import { ReuseLevelSchema, SkillTypeSchema } from "../model/concept.js";
import { REUSE_LEVELS, SKILL_TYPES, isOneOf } from "../model/vocabulary.js";
import { EscoUriSchema, type EscoUri } from "../uri.js";
import { DESCRIPTION_WEIGHT, descriptionHit, descriptionSnippet, descriptionTerms } from "./context.js";
import type { Expansion } from "./expand.js";
import { canonical, rawTokens } from "./fold-text.js";
import { FUSE_WEIGHT } from "./rerank.js";
import { LABEL_TYPES, type SearchIndex } from "./index-build.js";
import type { PreparedQuery } from "./query.js";
import type { Candidate } from "./score.js";
import { displayLabel } from "./lang/display.js";

/**
 * The public result shapes of search and suggestion, and how a ranked candidate becomes one.
 *
 * @module
 */

/**
 * The label a result matched on.
 *
 * @category Search
 */
export const MatchedLabelSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The label as ESCO writes it. Hidden labels (misspellings, obsolete terms) are for matching only: do not show them as names. */
    text: z.string(),
    /** `pref` (preferred label), `alt` (alternative label) or `hidden` (hidden label). */
    type: z.enum(LABEL_TYPES),
    /** Language code of the label. */
    lang: z.string(),
  }))();
/** @category Search */
export type MatchedLabel = z.infer<typeof MatchedLabelSchema>;

/**
 * One word of the query and what it matched: directly, through its word family (`"certified"` ~
 * `"certification"`), as a typo, as a compound, or through a synonym learned from ESCO's labels; in a
 * label or only in the description.
 *
 * @category Search
 */
export const TermMatchSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The word as typed. */
    word: z.string(),
    /** The (normalised) word of the label or description it matched. */
    term: z.string(),
    /** `exact`, `word-family`, `typo`, `compound` or `synonym`. */
    via: z.enum(["exact", "word-family", "typo", "compound", "synonym"]),
    /** `label` (the matched label) or `description` (the description or scope note: weaker evidence). */
    field: z.enum(["label", "description"]),
  }))();
/** @category Search */
export type TermMatch = z.infer<typeof TermMatchSchema>;

const hitBase = /* @__PURE__ */ (() => ({
  uri: EscoUriSchema,
  /** Preferred label in the requested language (given with `lang`, or the query's detected language), else the taxonomy's default language. */
  label: z.string(),
  /** The language `label` is in: differs from the language asked for when the concept has no label in it (show it marked, e.g. "(label in en)"). */
  labelLang: z.string(),
  /** Match quality in [0, 1]: 1 is a label matched word for word; see docs/search.md. */
  score: z.number().min(0).max(1),
  /** The label that matched best. */
  matchedLabel: MatchedLabelSchema,
  /** Words of the query (as typed) found in the concept's labels, directly, as a typo, inflection or synonym. */
  matchedTerms: z.array(z.string()),
  /** Each matched word with the word it matched and how (see {@link TermMatchSchema}). */
  matches: z.array(TermMatchSchema),
  /** Free text: the description sentence that matched words the label does not hold, else `null`. */
  snippet: z.string().nullable(),
  /**
   * Free text: a narrower concept (ESCO hierarchy) among the text's strongest candidates, whose score
   * raised this one's (`score` includes that support; see docs/search.md), else `null`.
   */
  narrowerMatch: z.object({ uri: EscoUriSchema, label: z.string(), score: z.number() }).nullable(),
}))();

const SkillHitSchemaBase = /* @__PURE__ */ (() =>
  z.object({
    ...hitBase,
    kind: z.literal("skill"),
    /** True when the skill is in ESCO's green skills collection. */
    green: z.boolean(),
    skillType: SkillTypeSchema.nullable(),
    reuseLevel: ReuseLevelSchema.nullable(),
  }))();
/**
 * The type of {@link SkillHitSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Search
 */
export interface SkillHitSchemaType extends Same<typeof SkillHitSchemaBase> {}
/**
 * One skill found by `searchSkills`.
 *
 * @category Search
 */
export const SkillHitSchema: SkillHitSchemaType = SkillHitSchemaBase;
/** @category Search */
export type SkillHit = z.infer<typeof SkillHitSchema>;

/**
 * One occupation found by `searchOccupations`.
 *
 * @category Search
 */
export const OccupationHitSchema = /* @__PURE__ */ (() =>
  z.object({
    ...hitBase,
    kind: z.literal("occupation"),
    /** ISCO-08 unit group code, e.g. `7126`. */
    iscoGroup: z.string().nullable(),
    /** ESCO occupation code, e.g. `7126.3`. */
    code: z.string().nullable(),
  }))();
/** @category Search */
export type OccupationHit = z.infer<typeof OccupationHitSchema>;

/**
 * Evidence (summed IDF of matched words) at which a match counts as specific enough, whatever the query
 * length: about two words that each occur in at most one concept in a hundred.
 */
function evidenceEnough(index: SearchIndex): number {
  const n = index.concepts.length;
  const df = Math.max(1, 0.01 * n);
  return 2 * Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Evidence at which a match counts as fully supported, in units of {@link evidenceEnough}: about four
 * specific words (or all the query has, when it has less).
 */
const ENOUGH_WORDS = 2;
/** Free text: share of the evidence of the concept's other labels that counts. */
const CONCEPT_EXTRA = 0.25;
/** Weight of a match by label type: hidden labels are misspellings and former names, weaker evidence. */
const TYPE_FACTOR = [1, 1, 0.9] as const;
/**
 * Free text: share of the score that depends on the description backing the label with other words of
 * the outcome (up to {@link evidenceEnough} of them, or all the outcome has beyond the label).
 */
const BACKING = 0.5;
/** Free text: how far a description holding the outcome's words makes up for a partly covered label. */
const DESCRIPTION_FIT = 0.75;

/**
 * The displayed match quality of a candidate, in [0, 1]: how much of the matched label the query covers
 * (IDF-weighted, each word at its match similarity) times how much evidence the match has (the share of
 * the query's weight it explains, or of {@link evidenceEnough} for long free-text queries), times 0.9 for a
 * hidden label. `backing: false` leaves out the description-backing factor (for judging whether a
 * statement supports a skill at all, rather than how confident a suggestion is).
 *
 * @internal
 */
export function matchScore(index: SearchIndex, query: PreparedQuery, candidate: Candidate, backing = true): number {
  if (candidate.score !== undefined) return candidate.score;
  const evidence =
    candidate.queryCoverage * query.weight +
    DESCRIPTION_WEIGHT * (candidate.description?.evidence ?? 0) +
    (query.outcome ? CONCEPT_EXTRA * (candidate.extraEvidence ?? 0) : 0);
  const enough = Math.min(query.weight, ENOUGH_WORDS * evidenceEnough(index));
  const support = enough > 0 ? Math.min(1, evidence / enough) : 0;
  const type = TYPE_FACTOR[index.entryType[candidate.entry] as 0 | 1 | 2];
  const fuse =
    candidate.fuseScore === undefined ? 1 : (1 + FUSE_WEIGHT * (1 - candidate.fuseScore)) / (1 + FUSE_WEIGHT);
  // Free text: a label that covers only part of itself can be made up for by a description that holds
  // the outcome's other words (the label names the skill briefly, the description says what it involves).
  const described = query.outcome && enough > 0 ? Math.min(1, (candidate.description?.evidence ?? 0) / enough) : 0;
  const fit = candidate.labelCoverage + (1 - candidate.labelCoverage) * DESCRIPTION_FIT * described;
  // Free text: a label is trusted more when the description backs it with other words of the outcome
  // (a statement that a skill fits says more than the skill's name); nothing to back when the label
  // already explains the whole statement.
  let backed = 1;
  if (query.outcome && backing) {
    let rest = 0;
    query.slots.forEach((slot, at) => {
      if (!candidate.matchedSlots.includes(at)) rest += slot.weight;
    });
    const want = Math.min(rest, evidenceEnough(index));
    // The penalty grows with the share of the statement the label leaves unexplained.
    if (want > 0)
      backed = 1 - BACKING * (rest / query.weight) * (1 - Math.min(1, (candidate.description?.evidence ?? 0) / want));
  }
  return Math.round(fit * support * backed * type * (candidate.bloom ?? 1) * fuse * 1000) / 1000;
}

/** The query words a candidate matched, as the user typed them. @internal */
export function matchedWords(query: PreparedQuery, candidate: Candidate): string[] {
  const words: string[] = [];
  for (const slot of candidate.matchedSlots) {
    const word = query.slots[slot]?.word;
    if (word !== undefined && !words.includes(word)) words.push(word);
  }
  return words;
}

/** What each matched slot matched, in the label and in the description. @internal */
export function termMatches(index: SearchIndex, query: PreparedQuery, candidate: Candidate): TermMatch[] {
  const out: TermMatch[] = [];
  const e = candidate.entry;
  const labelTerms = index.entryTerms.subarray(index.entryOffsets[e]!, index.entryOffsets[e + 1]!);
  for (const at of candidate.matchedSlots) {
    const slot = query.slots[at]!;
    let best: Expansion | undefined;
    for (const x of slot.expansions) if (labelTerms.includes(x.term) && (!best || x.sim > best.sim)) best = x;
    if (best)
      out.push({
        word: slot.word,
        term: surfaceForm(index.entryText[e]!, index.terms[best.term]!),
        via: best.via,
        field: "label",
      });
    else if (slot.split)
      out.push({
        word: slot.word,
        term: `${index.terms[slot.split[0]]!} ${index.terms[slot.split[1]]!}`,
        via: "compound",
        field: "label",
      });
  }
  if (candidate.description && candidate.description.slots.length > 0) {
    const words = descriptionTerms(index, candidate.concept);
    const spelled = describedSpellings(index, candidate.concept);
    for (const at of candidate.description.slots) {
      const slot = query.slots[at]!;
      const hit = descriptionHit(index, words, slot);
      if (hit)
        out.push({ word: slot.word, term: spelled.get(hit.term) ?? hit.term, via: hit.via, field: "description" });
    }
  }
  return out;
}

/**
 * The word of `text` whose normalised form is `term`, as the text spells it ("colour" where the index
 * holds "color", "braising" for "braizing"), or `term` when the text has none.
 */
function surfaceForm(text: string, term: string): string {
  for (const raw of rawTokens(text)) if (canonical(raw) === term) return raw;
  return term;
}

/** Per normalised word of the concept's description and scope note (any of the index's languages), its first spelling there. */
function describedSpellings(index: SearchIndex, concept: number): Map<string, string> {
  const spelled = new Map<string, string>();
  for (const lang of index.languages)
    for (const field of ["description", "scopeNote"] as const)
      for (const raw of rawTokens(index.store.text(lang, field, concept))) {
        const term = canonical(raw);
        if (!spelled.has(term)) spelled.set(term, raw);
      }
  return spelled;
}

/** The parts every hit shares. @internal */
export function hitCore(index: SearchIndex, query: PreparedQuery, candidate: Candidate, lang: string | undefined) {
  const e = candidate.entry;
  const matches = termMatches(index, query, candidate);
  const inDescription = matches.filter((m) => m.field === "description").map((m) => m.term);
  return {
    uri: index.store.uris[candidate.concept] as EscoUri,
    ...displayLabel(index.store, candidate.concept, lang),
    score: matchScore(index, query, candidate),
    matchedLabel: {
      text: index.entryText[e]!,
      type: LABEL_TYPES[index.entryType[e]!]!,
      lang: index.languages[index.entryLang[e]!]!,
    },
    matchedTerms: matchedWords(query, candidate),
    matches,
    snippet: descriptionSnippet(index, candidate.concept, inDescription, lang),
    narrowerMatch: candidate.narrower
      ? {
          uri: index.store.uris[candidate.narrower.concept] as EscoUri,
          label: displayLabel(index.store, candidate.narrower.concept, lang).label,
          score: candidate.narrower.score,
        }
      : null,
  };
}

/** A skill hit. @internal */
export function skillHit(
  index: SearchIndex,
  query: PreparedQuery,
  candidate: Candidate,
  lang: string | undefined,
): SkillHit {
  const store = index.store;
  const c = candidate.concept;
  const skillType = store.value(CONCEPT.skillType, c);
  const reuseLevel = store.value(CONCEPT.reuseLevel, c);
  return {
    ...hitCore(index, query, candidate, lang),
    kind: "skill",
    green: store.collection("green")?.[c] === 1,
    skillType: isOneOf(SKILL_TYPES, skillType) ? skillType : null,
    reuseLevel: isOneOf(REUSE_LEVELS, reuseLevel) ? reuseLevel : null,
  };
}

/** An occupation hit. @internal */
export function occupationHit(
  index: SearchIndex,
  query: PreparedQuery,
  candidate: Candidate,
  lang: string | undefined,
): OccupationHit {
  const store = index.store;
  return {
    ...hitCore(index, query, candidate, lang),
    kind: "occupation",
    iscoGroup: store.value(CONCEPT.iscoGroup, candidate.concept),
    code: store.value(CONCEPT.code, candidate.concept),
  };
}
