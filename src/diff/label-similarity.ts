/**
 * Label similarity for replacement candidates: word tokens (lower-cased, accents folded, English
 * stop words dropped, plural `s` stripped) to find candidates fast, and character-trigram Dice
 * similarity to rank them. Deliberately small and dependency-free; see docs/design-choices.md.
 *
 * @module
 */

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "e",
  "for",
  "from",
  "g",
  "in",
  "into",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
  "etc",
]);

/** @internal Lower-case, fold accents, collapse whitespace. */
export function normaliseLabel(label: string): string {
  // Most ESCO labels are ASCII: skip the (slow) Unicode decomposition for them.
  const folded = /[^\x00-\x7f]/.test(label) ? label.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : label;
  return folded.toLowerCase().replace(/\s+/g, " ").trim();
}

function stem(token: string): string {
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (
    token.length > 3 &&
    token.endsWith("s") &&
    !token.endsWith("ss") &&
    !token.endsWith("us") &&
    !token.endsWith("is")
  )
    return token.slice(0, -1);
  return token;
}

/** @internal Distinct word stems of a label. */
export function labelTokens(label: string): string[] {
  const out = new Set<string>();
  for (const word of normaliseLabel(label).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.add(stem(word));
  }
  return [...out];
}

/** @internal Character trigrams of a normalised label, padded so that word starts count. */
export function trigrams(label: string): Set<string> {
  const text = `  ${normaliseLabel(label)} `;
  const out = new Set<string>();
  for (let k = 0; k + 3 <= text.length; k++) out.add(text.slice(k, k + 3));
  return out;
}

/** @internal Dice coefficient of two trigram sets, in [0, 1]. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** @internal A label with its normal form and trigrams, prepared once for many comparisons. */
export interface PreparedLabel {
  readonly label: string;
  readonly norm: string;
  readonly grams: ReadonlySet<string>;
}

/** @internal Prepares labels for {@link bestLabelMatch}. */
export function prepareLabels(labels: readonly string[]): PreparedLabel[] {
  return labels.map((label) => ({ label, norm: normaliseLabel(label), grams: trigrams(label) }));
}

/** @internal The best-matching pair of labels of two concepts and its similarity. */
export function bestLabelMatch(
  a: readonly PreparedLabel[],
  b: readonly PreparedLabel[],
): { similarity: number; older: string; newer: string } | null {
  let best: { similarity: number; older: string; newer: string } | null = null;
  for (const x of a) {
    for (const y of b) {
      const similarity = x.norm === y.norm ? 1 : dice(x.grams, y.grams);
      if (!best || similarity > best.similarity) best = { similarity, older: x.label, newer: y.label };
    }
  }
  return best;
}
