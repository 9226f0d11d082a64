/**
 * "Did you mean …?" for mistyped keys and slugs.
 *
 * @module
 */

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The option closest to `word` (case and separators ignored), if it is close enough to be a likely typo:
 * at most a third of the word's length, and at most 3 edits.
 */
export function closest(word: string, options: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const target = norm(word);
  const max = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const option of options) {
    const d = editDistance(target, norm(option), max);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}
