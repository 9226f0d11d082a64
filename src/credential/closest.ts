/**
 * "Did you mean …?" for mistyped keys and slugs.
 *
 * @module
 */

import { editDistance } from "../text/edit-distance.js";

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
