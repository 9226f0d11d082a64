import { knownFromDescriptions } from "./description-expand.js";
import { expandToken, splitCompound, type Expansion } from "./expand.js";
import type { SearchIndex } from "./index-build.js";
import { type SourcedToken, tokeniseWords } from "./fold-text.js";
import { phrasingWeights } from "./phrasing.js";
import { FRAME_WEIGHT, FRAME_WORDS, LEARNER_WORDS, OUTCOME_WORDS, STOPWORDS } from "./stopwords.js";
import { SYNONYM_SIM, synonymsOf } from "./synonyms.js";
import { type QueryWordHandling, queryWordHandling } from "./lang/query-words.js";

/**
 * Query preparation: a query becomes slots (its distinct content words), each expanded to vocabulary
 * terms with a similarity (exact, word family, typo, compound, and in free text synonym), and weighted by
 * the IDF of the term it stands for.
 *
 * @module
 */

/** A synonym may be at most this many times as common as the word it stands for (or this many concepts). */
const SYNONYM_DF_RATIO = 4;
const SYNONYM_DF_MIN = 200;
/** Typo expansions of unknown words in free text count this much less. */
const FREE_TEXT_TYPO = 0.8;
/** Expansions below this similarity may be typo corrections. */
const TYPO_SIM_MAX = 0.95;
/** Similarity of a compound matched by its two halves. */
export const SPLIT_SIM = 0.9;
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
   * `"auto"` (default) does so for queries of {@link OUTCOME_MIN_WORDS} or more content words, and for
   * shorter ones that open as an outcome ("The learner can …", "Participants will …").
   */
  readonly outcome?: boolean | "auto";
  /**
   * The query's language(s), detected or given: their function words and outcome boilerplate are dropped,
   * elided articles split, and words also matched through their Snowball stem (see `lang/`). Default: none
   * (English rules only, as before).
   */
  readonly languages?: readonly string[];
}

/** Queries with this many content words or more are read as free text in `"auto"` mode. */
export const OUTCOME_MIN_WORDS = 6;

const expansionCaches = new WeakMap<SearchIndex, Map<string, readonly Expansion[]>>();
const CACHE_LIMIT = 20_000;

function expansionsOf(
  index: SearchIndex,
  token: string,
  words = queryWordHandling(index, undefined),
): readonly Expansion[] {
  let cache = expansionCaches.get(index);
  if (!cache) expansionCaches.set(index, (cache = new Map()));
  const key = words.key === "" ? token : `${token}\u0000${words.key}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = words.expand(index, token, expandToken(index, token));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, hit);
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
  const handling = queryWordHandling(index, options.languages);
  const words = glueFragments(index, tokeniseWords(text, handling.elide));
  const mode = options.outcome ?? "auto";
  const outcome =
    mode === "auto"
      ? new Set(words.map((w) => w.token).filter((t) => !STOPWORDS.has(t) && !handling.stopwords(t))).size >=
          OUTCOME_MIN_WORDS || opensAsOutcome(words)
      : mode;
  const considered = considerWords(index, words, outcome, handling);
  for (const [at, { token, word }] of words.entries()) {
    if (seen.has(token) || !considered.has(token)) continue;
    seen.add(token);
    let expansions = expansionsOf(index, token, handling);
    if (outcome && index.termIds.get(token) === undefined) {
      // In free text an unknown word is more often a word ESCO does not use than a typo: trust typo
      // corrections less there, and not at all for a word that descriptions use ("grilling" ≠ "chilling").
      expansions = knownFromDescriptions(index, token)
        ? expansions.filter((x) => x.via !== "typo")
        : expansions.map((x) => (x.sim < TYPO_SIM_MAX ? { ...x, sim: x.sim * FREE_TEXT_TYPO } : x));
    }
    const parts = token.length >= 8 ? splitCompound(index, token) : undefined;
    if (parts && (expansions.length === 0 || expansions[0]!.sim < 0.8)) {
      // An unknown compound ("heatpump") counts as its two halves.
      for (const part of parts) {
        if (seen.has(part)) continue;
        seen.add(part);
        const partExpansions = expansionsOf(index, part, handling);
        slots.push({ token: part, word, weight: weightOf(index, partExpansions, maxIdf), expansions: partExpansions });
      }
      continue;
    }
    // Two query words the vocabulary knows as one ("waste water" → wastewater).
    const joined = [words[at - 1]?.token, words[at + 1]?.token].flatMap((other, side) =>
      other === undefined
        ? []
        : [index.termIds.get(side === 0 ? other + token : token + other)].filter((t) => t !== undefined),
    );
    if (joined.length > 0)
      expansions = [...expansions, ...joined.map((term) => ({ term, sim: 0.9, via: "compound" as const }))];
    if (outcome) {
      // Free text paraphrases labels: add the words ESCO's own synonyms use for the same thing.
      // An unknown word's synonyms are those of its closest inflection, never of a typo guess ("poach" is
      // not "coach", so not "teach" either).
      const exact = index.termIds.get(token) ?? (expansions[0]?.via === "word-family" ? expansions[0].term : undefined);
      if (exact !== undefined) {
        const have = new Set(expansions.map((x) => x.term));
        // A synonym stands in for the word, so it cannot be stronger evidence than the word itself would be:
        // a generic target ("equipment" for "machine", "use" for "apply") counts at its own, lower weight,
        // and one far more common than the word is left out (it would match thousands of labels for little).
        const own = index.df[exact]!;
        const extra = synonymsOf(index, exact)
          .filter((t) => !have.has(t) && index.df[t]! <= Math.max(SYNONYM_DF_MIN, SYNONYM_DF_RATIO * own))
          .map((term) => ({
            term,
            sim: SYNONYM_SIM * Math.min(1, index.idf[term]! / index.idf[exact]!),
            via: "synonym" as const,
          }));
        if (extra.length > 0) expansions = [...expansions, ...extra];
      }
    }
    const weight = weightOf(index, expansions, maxIdf);
    const split = parts ? ([index.termIds.get(parts[0])!, index.termIds.get(parts[1])!] as const) : undefined;
    slots.push(split ? { token, word, weight, expansions, split } : { token, word, weight, expansions });
  }
  // A synonym must not stand for a word that another word of the query already reaches by its spelling
  // ("pump" ~ "commissioning" when the query also says "commission"): one label word is evidence once.
  const spelled = new Map<number, number>();
  slots.forEach((slot, at) => {
    for (const x of slot.expansions) if (x.via !== "synonym" && !spelled.has(x.term)) spelled.set(x.term, at);
  });
  for (const [at, slot] of slots.entries()) {
    if (!slot.expansions.some((x) => x.via === "synonym" && spelled.has(x.term) && spelled.get(x.term) !== at))
      continue;
    const expansions = slot.expansions.filter(
      (x) => !(x.via === "synonym" && spelled.has(x.term) && spelled.get(x.term) !== at),
    );
    slots[at] = { ...slot, expansions };
  }
  // Words that frame a skill ("strong … skills", "knowledge of …") count little beside the words they frame.
  if (slots.some((slot) => !FRAME_WORDS.has(slot.token) && slot.expansions.length > 0))
    for (const [at, slot] of slots.entries())
      if (FRAME_WORDS.has(slot.token)) slots[at] = { ...slot, weight: slot.weight * FRAME_WEIGHT };
  // Free text in English: what the statement excludes ("without pesticides") weighs little.
  if (outcome && (options.languages === undefined || options.languages.includes("en"))) {
    const factors = phrasingWeights(words);
    if (factors.size > 0)
      for (const [at, slot] of slots.entries()) {
        const f = factors.get(slot.token);
        if (f !== undefined) slots[at] = { ...slot, weight: slot.weight * f };
      }
  }
  // Very long texts: keep the rarest words that match something.
  const kept =
    slots.length > MAX_SLOTS
      ? [...slots]
          .sort((a, b) => Number(b.expansions.length > 0) - Number(a.expansions.length > 0) || b.weight - a.weight)
          .slice(0, MAX_SLOTS)
      : slots;
  return { slots: kept, weight: kept.reduce((sum, s) => sum + s.weight, 0), outcome };
}

/**
 * The distinct content words to expand. Beyond {@link MAX_WORDS} (texts of hundreds of words), words
 * the vocabulary knows come first, rarest first, so that expansion work stays bounded.
 */
function considerWords(
  index: SearchIndex,
  words: readonly { token: string; word: string }[],
  outcome: boolean,
  handling: QueryWordHandling,
): Set<string> {
  const distinct = new Set<string>();
  for (const { token, word } of words) {
    if (STOPWORDS.has(token) || handling.stopwords(token)) continue;
    // A two-letter word in capitals is an abbreviation (PV, HR, QA), not a fragment.
    const fragment = isFragment(token) && !/^\p{Lu}{2}$/u.test(word);
    if (outcome && (OUTCOME_WORDS.has(token) || handling.boilerplate(token) || fragment)) continue;
    distinct.add(token);
  }
  if (distinct.size <= MAX_WORDS) return distinct;
  const rank = (token: string) => {
    const id = index.termIds.get(token);
    return id === undefined ? -1 : index.idf[id]!;
  };
  return new Set([...distinct].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_WORDS));
}

/** What follows the learner ({@link LEARNER_WORDS}) in an outcome's frame. */
const FRAME_VERBS: ReadonlySet<string> = new Set(
  "can will could should shall must is are be able demonstrate".split(" "),
);

/**
 * Whether a short text announces itself as a learning outcome: it opens with the learner and a modal frame
 * ("The learner can shred plastic scrap"), so it is read as free text however few content words it has.
 */
function opensAsOutcome(words: readonly { token: string }[]): boolean {
  let at = 0;
  while (at < words.length && /^(?:the|a|an|each|every|all)$/.test(words[at]!.token)) at++;
  return LEARNER_WORDS.has(words[at]?.token ?? "") && FRAME_VERBS.has(words[at + 1]?.token ?? "");
}

/** A hyphen (ASCII, Unicode hyphen or non-breaking hyphen) and nothing else between two words. */
const HYPHEN = /^[-\u2010\u2011]$/;

/**
 * A fragment glued to the next word by a hyphen ("re-use", "co-operate", "e-waste") is one word with it,
 * when the vocabulary writes it closed ("reuse", "cooperate"): the pair becomes that word, so neither the
 * fragment ("re") nor the bare second half ("use", and its synonyms) stands in for it.
 */
function glueFragments(index: SearchIndex, words: readonly SourcedToken[]): SourcedToken[] {
  const out: SourcedToken[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    const next = words[at + 1];
    const glued = next && HYPHEN.test(word.after) && isFragment(word.token) ? word.token + next.token : undefined;
    if (glued !== undefined && index.termIds.has(glued)) {
      out.push({ token: glued, word: `${word.word}${word.after}${next!.word}`, after: next!.after });
      at++;
    } else out.push(word);
  }
  return out;
}

/**
 * In free text, words of one or two letters are fragments ("re" of "re-upholster", "e" of "e-waste") or
 * abbreviations too ambiguous to match on; digits and signs (`3d`, `c#`) still count.
 */
function isFragment(token: string): boolean {
  return token.length <= 2 && /^[a-z]+$/.test(token);
}

function weightOf(index: SearchIndex, expansions: readonly Expansion[], fallback: number): number {
  const top = expansions[0];
  return top ? index.idf[top.term]! : fallback;
}
