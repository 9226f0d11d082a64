import { editDistance } from "../text/edit-distance.js";
import type { SearchIndex } from "./index-build.js";

/**
 * Query term expansion against the index vocabulary: the exact term, its word family (terms sharing a
 * long prefix: install, installs, installation, installing) and its likely typos (terms within one or two
 * edits, transpositions included). Each expansion carries a similarity in (0, 1].
 *
 * @module
 */

/** A vocabulary term a query token stands for, with how closely it matches. */
export interface Expansion {
  readonly term: number;
  readonly sim: number;
  /** How the query word reaches the term. */
  readonly via: ExpansionKind;
}

/** `exact`, `word-family` (inflection or derivation), `typo`, `compound` (joined or split words) or `synonym` (learned from ESCO's labels). */
export type ExpansionKind = "exact" | "word-family" | "typo" | "compound" | "synonym";

/** Similarity of a typo match: one edit in a short word weighs more than in a long one. */
const TYPO_SIM = (edits: number, length: number) => Math.min(0.9, 1 - edits / (length + 1));
/** Shortest token that gets typo tolerance (1 edit), and the length from which 2 edits are allowed. */
const FUZZY_MIN = 4;
const FUZZY_TWO = 8;
/** Shortest shared prefix for a word-family match. */
const FAMILY_MIN = 4;
/** At most this many expansions per token, best first. */
const MAX_EXPANSIONS = 24;

/** Length of the common prefix. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** First position in the sorted vocabulary whose term is ≥ `prefix`. */
function lowerBound(index: SearchIndex, prefix: string): number {
  let lo = 0;
  let hi = index.sortedTerms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.terms[index.sortedTerms[mid]!]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bigram → term ids, built on the first typo lookup. */
const bigramIndexes = new WeakMap<SearchIndex, Map<string, number[]>>();
/** Builds the typo lookup table now. @internal */
export function bigrams(index: SearchIndex): Map<string, number[]> {
  let map = bigramIndexes.get(index);
  if (map) return map;
  map = new Map();
  index.terms.forEach((term, id) => {
    if (term.length < FUZZY_MIN - 1) return;
    const padded = `^${term}$`;
    let last = "";
    for (let i = 0; i + 1 < padded.length; i++) {
      const gram = padded.slice(i, i + 2);
      if (gram === last) continue;
      last = gram;
      const list = map!.get(gram);
      if (list) {
        if (list[list.length - 1] !== id) list.push(id);
      } else map!.set(gram, [id]);
    }
  });
  bigramIndexes.set(index, map);
  return map;
}

/** Vocabulary terms within the allowed edits of `token` (not the token itself). */
function typos(index: SearchIndex, token: string, add: (term: number, sim: number) => void): void {
  if (token.length < FUZZY_MIN || /^\d+$/.test(token)) return;
  const max = token.length >= FUZZY_TWO ? 2 : 1;
  const grams = bigrams(index);
  // q-gram filter: one edit changes at most three bigrams of the padded word (a transposition), so a term
  // within `max` edits shares all but 3·max of the token's distinct bigrams.
  const padded = `^${token}$`;
  const distinct = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) distinct.add(padded.slice(i, i + 2));
  const needed = Math.max(1, distinct.size - 3 * max);
  const counts = countBuffer(index);
  const touched: number[] = [];
  for (const gram of distinct) {
    for (const id of grams.get(gram) ?? []) {
      if (counts[id]! === 0) touched.push(id);
      counts[id]!++;
    }
  }
  for (const id of touched) {
    const count = counts[id]!;
    counts[id] = 0;
    if (count < needed) continue;
    const term = index.terms[id]!;
    if (term === token || Math.abs(term.length - token.length) > max) continue;
    const edits = editDistance(token, term, max);
    if (edits <= max) add(id, TYPO_SIM(edits, token.length));
  }
}

/** A zeroed counter per vocabulary term, reused across lookups (left zeroed after each). */
const countBuffers = new WeakMap<SearchIndex, Uint16Array>();
function countBuffer(index: SearchIndex): Uint16Array {
  let buffer = countBuffers.get(index);
  if (!buffer) countBuffers.set(index, (buffer = new Uint16Array(index.terms.length)));
  return buffer;
}

/**
 * Terms sharing a long prefix with `token` (at least four letters, and all but the last three letters of the
 * shorter word): its inflections and derivations in most European languages.
 */
function family(
  index: SearchIndex,
  token: string,
  add: (term: number, sim: number, inflection?: boolean) => void,
): void {
  if (/^\d+$/.test(token)) return;
  if (token.length >= FAMILY_MIN) {
    const prefix = token.slice(0, FAMILY_MIN);
    for (let at = lowerBound(index, prefix); at < index.sortedTerms.length; at++) {
      const id = index.sortedTerms[at]!;
      const term = index.terms[id]!;
      if (!term.startsWith(prefix)) break;
      if (term === token) continue;
      const shared = commonPrefix(term, token);
      const longer = Math.max(term.length, token.length);
      const shorter = Math.min(term.length, token.length);
      if (shared < shorter - 3 || shared * 2 < longer) continue;
      if (shared === shorter) {
        // One word extending the other (pump → pumps, compost → composting) is closer than two derivations
        // of a shared stem (installation ~ installing). A short word is extended only by an ending, so that
        // "care" does not reach "career" nor "cart" "carton".
        if (
          shorter <= SHORT_BASE &&
          !isEnding(
            term.length < token.length ? term : token,
            (term.length < token.length ? token : term).slice(shared),
          )
        )
          continue;
        // Only a real ending makes the token an inflection of a known word (and so not a typo):
        // "hazardus" extends "hazard", but is a typo of "hazardous".
        const base = term.length < token.length ? term : token;
        const ending = (term.length < token.length ? token : term).slice(shared);
        add(id, 0.95 - 0.03 * (longer - shared), isEnding(base, ending));
      } else if (
        (isDerivation(token.slice(0, shared), term.slice(shared)) &&
          isDerivation(token.slice(0, shared), token.slice(shared))) ||
        labelledTogether(index, token, id)
      )
        // Two derivations of one stem must both end as derivations do, or be seen as variants in one
        // concept's labels: "braise" and "braille" share "brai", "concert" and "concern" "conce", but "se"
        // and "lle", "t" and "n" are no endings; "decide" and "decision" are variants of many concepts.
        add(id, 0.9 * Math.sqrt(shared / longer));
    }
  }
  // Four-letter words ending in e share only three letters with their inflections: save → saving, saved.
  if (token.length === FAMILY_MIN && token.endsWith("e")) {
    const stem = token.slice(0, 3);
    for (let at = lowerBound(index, stem); at < index.sortedTerms.length; at++) {
      const id = index.sortedTerms[at]!;
      const term = index.terms[id]!;
      if (!term.startsWith(stem)) break;
      if (E_INFLECTION.test(term.slice(3))) add(id, 0.75);
    }
  } else if (token.length > FAMILY_MIN && E_INFLECTION.test(token.slice(3))) {
    const base = index.termIds.get(`${token.slice(0, 3)}e`);
    if (base !== undefined) add(base, 0.75);
  }
}
const E_INFLECTION = /^(ing|ings|ed|er|ers|ation|ations)$/;

/** Words up to this length are extended only by a known ending ({@link isEnding}). */
const SHORT_BASE = 5;
/** Inflectional and common derivational endings (English spelling; most also fit French, Spanish, Italian, German plurals). */
const ENDINGS = new Set([
  "s",
  "es",
  "ed",
  "d",
  "ing",
  "ings",
  "er",
  "ers",
  "or",
  "ors",
  "ion",
  "ions",
  "ation",
  "ations",
  "ment",
  "ments",
  "al",
  "ly",
  "ness",
  "able",
  "ible",
  "ic",
  "ics",
  "ity",
  "ive",
  "ist",
  "ists",
  "y",
  "en",
  "e",
  "n",
]);
/**
 * Whether the labels of some concept hold both `token` and vocabulary term `term`: ESCO's own evidence
 * that two derivations are variants of one word ("decide", "decision"), in any language. The concepts of
 * the rarer word's labels are looked up among the other's.
 */
function labelledTogether(index: SearchIndex, token: string, term: number): boolean {
  const own = index.termIds.get(token);
  if (own === undefined) return false;
  const { postings, postingOffsets, entryConcept } = index;
  const size = (t: number) => postingOffsets[t + 1]! - postingOffsets[t]!;
  const [rare, common] = size(own) <= size(term) ? [own, term] : [term, own];
  const concepts = new Set<number>();
  for (let k = postingOffsets[rare]!; k < postingOffsets[rare + 1]!; k++) concepts.add(entryConcept[postings[k]!]!);
  for (let k = postingOffsets[common]!; k < postingOffsets[common + 1]!; k++)
    if (concepts.has(entryConcept[postings[k]!]!)) return true;
  return false;
}

/** Endings of derivations beyond {@link ENDINGS} ("scenery" ~ "scenic", "florist" ~ "floral"). */
const DERIVATIONS = new Set([
  "ery",
  "ry",
  "ary",
  "ory",
  "ical",
  "ous",
  "ism",
  "ure",
  "ance",
  "ence",
  "ant",
  "ent",
  "ian",
  "ia",
]);
/** Whether `ending` is one that words derived from `stem` end with (after a doubled last consonant too: plan → planning). */
function isDerivation(stem: string, ending: string): boolean {
  return (
    ENDINGS.has(ending) || DERIVATIONS.has(ending) || (doubles(stem, ending) && isDerivation(stem, ending.slice(1)))
  );
}
/** Endings after which a final consonant doubles (plan → planning, planned, planner). */
const DOUBLING = new Set(["ing", "ings", "ed", "er", "ers"]);
/** Whether `ending` starts by doubling the last consonant of `stem` before a doubling ending. */
function doubles(stem: string, ending: string): boolean {
  const last = stem[stem.length - 1];
  return last !== undefined && !"aeiouy".includes(last) && ending[0] === last && DOUBLING.has(ending.slice(1));
}

/**
 * A word of one syllable that ends in one vowel and one consonant (plan, scrap, win, sit). Before an ending
 * that starts with a vowel its consonant doubles (planned, planning, scrapped, winner), so an undoubled one
 * makes another word: plane, planed, planer; scrape, scraper; wine; site.
 */
const SINGLE_CLOSED_SYLLABLE = /^[^aeiouy]*[aeiouy][^aeiouywx]$/;

/**
 * Whether `ending` extends the word `base` as an inflection or derivation would: a known ending (or one after
 * a doubled final consonant: plan → planning, ship → shipped), and not one that starts with the `e` the base
 * already ends with (care + er is "carer", so "career" is another word).
 *
 * @internal
 */
export function isEnding(base: string, ending: string): boolean {
  if (doubles(base, ending)) return true;
  if (!ENDINGS.has(ending)) return false;
  if (SINGLE_CLOSED_SYLLABLE.test(base) && /^[aeiou]/.test(ending)) return false;
  return !(base.endsWith("e") && ending.startsWith("e"));
}

/**
 * The vocabulary terms a query token stands for: itself when the index has it (similarity 1), its word
 * family, and its likely typos.
 *
 * @internal
 */
export function expandToken(index: SearchIndex, token: string): Expansion[] {
  const best = new Map<number, { sim: number; via: ExpansionKind }>();
  let inflected = false;
  let via: ExpansionKind = "exact";
  const add = (term: number, sim: number, inflection = false) => {
    if (inflection) inflected = true;
    if ((best.get(term)?.sim ?? 0) < sim) best.set(term, { sim, via });
  };
  const exact = index.termIds.get(token);
  if (exact !== undefined) add(exact, 1);
  via = "word-family";
  family(index, token, add);
  via = "typo";
  // Typo correction only for words the vocabulary does not know, or knows from a single concept (likely a
  // misspelling kept as a hidden label): a known word is what the user meant. A word whose base form or
  // inflection the vocabulary knows ("foams" with "foam") is a word, not a typo of another word ("forms").
  if ((exact === undefined || index.df[exact]! <= 1) && !inflected) typos(index, token, add);
  const out = [...best].map(([term, { sim, via }]) => ({ term, sim, via }));
  out.sort((a, b) => b.sim - a.sim || index.df[b.term]! - index.df[a.term]!);
  return out.slice(0, MAX_EXPANSIONS);
}

/**
 * Splits an unknown compound such as "wastewater" or "heatpump" into two vocabulary terms, or returns
 * `undefined`.
 *
 * @internal
 */
export function splitCompound(index: SearchIndex, token: string): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestScore = 0;
  for (let i = 4; i <= token.length - 4; i++) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    const a = index.termIds.get(left);
    const b = index.termIds.get(right);
    if (a === undefined || b === undefined) continue;
    const score = Math.min(index.df[a]!, index.df[b]!);
    if (score > bestScore) {
      bestScore = score;
      best = [left, right];
    }
  }
  return best;
}
