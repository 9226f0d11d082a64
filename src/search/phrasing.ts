import { canonical, rawTokens } from "./fold-text.js";

/**
 * How an outcome statement's phrasing weighs its words, beyond their rarity: what a statement excludes
 * ("without chemical pesticides", "rather than replacing parts", "instead of landfill") is weak evidence for
 * a skill. (Enumerations were tried too: letting listed examples share one word's weight lowered hit@10 and
 * MRR on every developer set, so listed words keep their weight; see docs/search.md.)
 *
 * English phrasing only: other languages keep every word at full weight.
 *
 * @module
 */

/** Words of an excluded phrase count this much. */
export const NEGATED_WEIGHT = 0.3;
/** Words that open an excluded phrase (folded). */
const NEGATIONS: ReadonlySet<string> = new Set(["without", "except", "excluding"]);
/** Two-word openers: "rather than", "instead of". */
const NEGATION_PAIRS: ReadonlySet<string> = new Set(["rather than", "instead of", "other than"]);
/** At most this many words after the opener are excluded (up to the next punctuation). */
const NEGATED_SPAN = 4;

const WORD = /[\p{L}\p{M}\p{N}'’`´]+[+#]*/gu;

interface Word {
  readonly token: string;
  /** The separator text after this word, up to the next one. */
  readonly after: string;
}

/**
 * Weight factors (0..1] of the statement's words, by folded token: the lowest factor a token gets where it
 * occurs at full weight nowhere else. Tokens absent from the map keep their full weight.
 *
 * @internal
 */
export function phrasingWeights(text: string): Map<string, number> {
  const words: Word[] = [];
  const matches = [...text.matchAll(WORD)];
  matches.forEach((m, i) => {
    const end = (m.index ?? 0) + m[0].length;
    const next = matches[i + 1]?.index ?? text.length;
    const tokens = rawTokens(m[0]).map(canonical);
    tokens.forEach((token, k) => words.push({ token, after: k === tokens.length - 1 ? text.slice(end, next) : " " }));
  });
  const factor = new Array<number>(words.length).fill(1);
  const lower = (at: number, f: number) => {
    if (f < factor[at]!) factor[at] = f;
  };
  const breaks = (at: number) => /[.;:!?()[\]]/.test(words[at]?.after ?? ".");

  // Excluded phrases.
  for (let i = 0; i < words.length; i++) {
    const one = words[i]!.token;
    const two = i + 1 < words.length && !breaks(i) ? `${one} ${words[i + 1]!.token}` : "";
    const skip = NEGATIONS.has(one) ? 1 : NEGATION_PAIRS.has(two) ? 2 : 0;
    if (skip === 0 || (skip === 1 && breaks(i))) continue;
    for (let k = i + skip; k < Math.min(words.length, i + skip + NEGATED_SPAN); k++) {
      lower(k, NEGATED_WEIGHT);
      if (breaks(k) || words[k]!.after.includes(",")) break;
    }
  }

  const out = new Map<string, number>();
  const full = new Set<string>();
  words.forEach(({ token }, at) => {
    if (factor[at] === 1) full.add(token);
    else out.set(token, Math.min(out.get(token) ?? 1, factor[at]!));
  });
  for (const token of full) out.delete(token);
  return out;
}
