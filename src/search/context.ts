import { CONCEPT } from "../bundle/names.js";
import { descriptionIndexOf } from "./description-index.js";
import type { SearchIndex } from "./index-build.js";
import { rawTokens, canonical } from "./fold-text.js";
import type { Expansion } from "./expand.js";
import { descriptionExpansions, descriptionSlotWeight, descriptionWord } from "./description-expand.js";
import type { PreparedQuery, Slot } from "./query.js";

/**
 * Weaker evidence for free text (learning outcomes), read for the best label candidates only: the
 * concept's description and scope note (words of the outcome that the matched label does not hold but the
 * description does: "repair upholstered furniture" matches the description of *perform upholstery repair*,
 * not that of *chair a meeting*), and the verb that opens the outcome (Bloom's taxonomy: "explain",
 * "describe" ask for knowledge; "install", "carry out" for a skill).
 *
 * @module
 */

/** Description words count this much of a label word (BM25F-style field weight). */
export const DESCRIPTION_WEIGHT = 0.5;

/** The words of a concept's description and scope note. @internal */
export interface DescriptionWords {
  /** Word ids (the label vocabulary's, then the description index's own), sorted. */
  readonly ids: Int32Array;
  /** Ids of the words no label uses. */
  readonly extraIds: ReadonlyMap<string, number>;
}

/** The words of a concept's description and scope note, in the index's languages (from the description index). @internal */
export function descriptionTerms(index: SearchIndex, concept: number): DescriptionWords {
  const d = descriptionIndexOf(index);
  const start = d.wordOffsets[concept]!;
  return { ids: d.words.subarray(start, start + d.length[concept]!), extraIds: d.extraIds };
}

/**
 * The description word a query slot matches: of its description expansions (its own word, close
 * inflections, description-only words; see {@link descriptionExpansions}) that the description holds, the
 * one of most evidence (similarity × {@link descriptionSlotWeight}), as the ranking counts it. @internal
 */
export function descriptionHit(
  index: SearchIndex,
  words: DescriptionWords,
  slot: Slot,
): { term: string; evidence: number; via: Expansion["via"] } | undefined {
  let best: { term: number; evidence: number; via: Expansion["via"] } | undefined;
  for (const x of descriptionExpansions(index, slot)) {
    if (!has(words.ids, x.term)) continue;
    const evidence = descriptionSlotWeight(index, slot, x.term) * x.sim;
    if (!best || evidence > best.evidence) best = { term: x.term, evidence, via: x.via };
  }
  return best && { term: descriptionWord(index, best.term), evidence: best.evidence, via: best.via };
}

/** Whether sorted term ids hold `term`. @internal */
export function has(sorted: Int32Array, term: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === term) return true;
    if (v < term) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Description evidence of one candidate: the slots its description matches that its label does not. @internal */
export interface DescriptionMatch {
  /** Summed weight × similarity of those slots (before {@link DESCRIPTION_WEIGHT}). */
  readonly evidence: number;
  /** Their indexes. */
  readonly slots: readonly number[];
}

/** Matches the query slots not in `labelSlots` against the description of `concept`. @internal */
export function descriptionMatch(
  index: SearchIndex,
  query: PreparedQuery,
  concept: number,
  labelSlots: readonly number[],
): DescriptionMatch {
  const words = descriptionTerms(index, concept);
  if (words.ids.length === 0) return { evidence: 0, slots: [] };
  let evidence = 0;
  const slots: number[] = [];
  query.slots.forEach((slot, at) => {
    if (labelSlots.includes(at)) return;
    const hit = descriptionHit(index, words, slot);
    if (hit) {
      evidence += hit.evidence;
      slots.push(at);
    }
  });
  return { evidence, slots };
}

/** Verbs that ask for knowledge when they open an outcome ("Explain how …", "Describe the …"). */
const KNOWLEDGE_VERBS = new Set(
  "explain explains describe describes outline outlines define defines summarise summarize summarises summarizes list recall recognise recognize know knows understand understands discuss discusses distinguish compare name state identify interpret".split(
    " ",
  ),
);
/** Verbs that ask for a skill or competence ("Install …", "Carry out …", "Operate …"). */
const SKILL_VERBS = new Set(
  (
    "install installs carry carries perform performs apply applies operate operates use uses build builds repair repairs make makes prepare prepares " +
    "maintain maintains fit fits assemble assembles set sets measure measures calculate calculates design designs plan plans manage manages " +
    "organise organize organises organizes conduct conducts implement implements produce produces cut cuts weld welds test tests inspect inspects " +
    "handle handles clean cleans replace replaces remove removes select selects choose chooses draw draws write writes create creates develop develops " +
    "monitor monitors advise advises lead leads run runs supervise supervises program programs configure configures sew sews upholster upholsters"
  ).split(" "),
);
/** Words that may precede the opening verb ("The learner is able to explain …"): skipped when looking for it. */
const LEAD_IN = new Set(
  "the a an learner learners student students participant participants trainee trainees apprentice apprentices graduate graduates candidate candidates pupil pupils person persons holder holders is are will be can able to must should shall successfully independently safely correctly also and demonstrate demonstrates ability capable of how".split(
    " ",
  ),
);

/** What an outcome's opening verb asks for: `knowledge`, `skill` or `undefined` when it says nothing. @internal */
export function bloomKind(text: string): "knowledge" | "skill" | undefined {
  const tokens = rawTokens(text);
  for (const [at, raw] of tokens.entries()) {
    if (LEAD_IN.has(raw)) continue;
    // "knows how to pick grapes" is know-how: a skill.
    if ((raw === "know" || raw === "knows") && tokens[at + 1] === "how" && tokens[at + 2] === "to") return "skill";
    if (KNOWLEDGE_VERBS.has(raw)) return "knowledge";
    if (SKILL_VERBS.has(raw)) return "skill";
    return undefined;
  }
  return undefined;
}

/** Rank factor of a concept of `skillType` for an outcome whose verb asks for `kind`. @internal */
export function bloomFactor(index: SearchIndex, concept: number, kind: "knowledge" | "skill" | undefined): number {
  if (kind === undefined) return 1;
  const type = index.store.value(CONCEPT.skillType, concept);
  if (type === null) return 1;
  const isKnowledge = type === "knowledge";
  return (kind === "knowledge") === isKnowledge ? 1 : BLOOM_MISMATCH;
}
/** A concept of the other type than the opening verb asks for ranks this much lower. */
export const BLOOM_MISMATCH = 0.9;

/** Longest snippet shown. */
const SNIPPET_MAX = 200;

/**
 * The sentence of the concept's description (or scope note) that holds the most of `terms`, shortened to
 * {@link SNIPPET_MAX} characters, or `null`.
 *
 * @internal
 */
export function descriptionSnippet(
  index: SearchIndex,
  concept: number,
  terms: readonly string[],
  lang: string | undefined,
): string | null {
  if (terms.length === 0) return null;
  const wanted = new Set(terms.map(canonical));
  let best: string | null = null;
  let bestCount = 0;
  const languages =
    lang !== undefined && index.languages.includes(lang)
      ? [lang, ...index.languages.filter((l) => l !== lang)]
      : index.languages;
  for (const l of languages) {
    for (const field of ["description", "scopeNote"] as const) {
      for (const sentence of index.store.text(l, field, concept).split(/(?<=[.!?;])\s+|\n+/)) {
        let count = 0;
        for (const raw of new Set(rawTokens(sentence))) if (wanted.has(canonical(raw))) count++;
        if (count > bestCount) {
          bestCount = count;
          best = sentence.trim();
        }
      }
    }
    if (best) break;
  }
  if (best && best.length > SNIPPET_MAX) best = `${best.slice(0, SNIPPET_MAX - 1).trimEnd()}…`;
  return best;
}
