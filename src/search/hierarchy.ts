import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { SearchIndex } from "./index-build.js";
import type { Candidate } from "./score.js";

/**
 * Free text: support from ESCO's skill hierarchy. An outcome statement often names a broader skill than
 * the closest label ("maintain heating systems" when the statement's words sit in the labels of "maintain
 * heat pumps"): a candidate whose narrower skill is one of the statement's strongest candidates gets part
 * of that narrower skill's score, on top of its own evidence, but never reaches it. Only candidates with evidence of their own
 * (they are in the scored pool) are raised: the hierarchy reorders what the words found, it does not add
 * skills the statement never mentions.
 *
 * @module
 */

/** The strongest candidates whose broader skills get support. */
const SUPPORT_HEAD = 5;
/**
 * Share of a narrower skill's score a broader skill gets, combined as `s + share × child × (1 − s)` and
 * kept below the narrower skill's own score.
 */
export const HIERARCHY_SHARE = 0.3;

/**
 * Raises the score of every scored candidate that is a broader skill of one of the best
 * {@link SUPPORT_HEAD} candidates (by score), and records which narrower skill supported it. Candidates
 * must carry their `score`; the result is in no particular order.
 *
 * @internal
 */
export function withHierarchySupport(index: SearchIndex, scored: readonly Candidate[]): Candidate[] {
  const head = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, SUPPORT_HEAD);
  // Best narrower candidate per broader concept.
  const support = new Map<number, Candidate>();
  for (const child of head) {
    if (!(child.score! > 0)) continue;
    forEachNeighbour(index.store.broader, child.concept, (parent) => {
      const known = support.get(parent);
      if (parent !== child.concept && (!known || known.score! < child.score!)) support.set(parent, child);
    });
  }
  if (support.size === 0) return [...scored];
  return scored.map((c) => {
    const child = support.get(c.concept);
    if (!child) return c;
    const own = c.score ?? 0;
    // Raised towards the narrower skill's score, never to it or past it: the words matched the narrower
    // skill more closely, and the hierarchy only says the broader one fits as well.
    const raised = Math.round((own + HIERARCHY_SHARE * child.score! * (1 - own)) * 1000) / 1000;
    const score = Math.min(raised, child.score! - 0.001);
    return score > own ? { ...c, score, narrower: { concept: child.concept, score: child.score! } } : c;
  });
}
