import type { SourcedToken } from "./fold-text.js";

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

/**
 * Weight factors (0..1] of the statement's words, by folded token: the lowest factor a token gets where it
 * occurs at full weight nowhere else. Tokens absent from the map keep their full weight.
 *
 * @param words - The statement as `tokeniseWords` splits it (tokens with the text after each).
 * @internal
 */
export function phrasingWeights(words: readonly SourcedToken[]): Map<string, number> {
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
