import Fuse from "fuse.js";
import type { SearchIndex } from "./index-build.js";
import type { Candidate } from "./score.js";

/**
 * Fuzzy re-ranking with fuse.js. The inverted index finds and ranks candidates word by word; fuse.js then
 * scores the query as one string against every label of the best candidates (Bitap, typo-tolerant,
 * order-sensitive), which separates near-identical candidates by how closely a whole label matches what
 * was typed. Run on a few dozen candidates, it costs well under a millisecond, where fuse.js over all of
 * ESCO takes most of a second per query.
 *
 * @module
 */

/** Queries longer than this (one Bitap word of 32 characters) are not re-ranked: fuse.js is slow and uninformative there. */
export const RERANK_MAX_CHARS = 32;
/** Labels per candidate given to fuse.js (the best-matching ones). */
const RERANK_LABELS = 2;
/** Candidates re-ranked by fuse.js (the rest keep their order below them). */
const RERANK_HEAD = 12;
/** Weight of the fuse.js similarity in the final rank. */
export const FUSE_WEIGHT = 0.1;

/**
 * Re-ranks candidates by `rank × (1 + FUSE_WEIGHT × fuseSimilarity)`, where `fuseSimilarity` is
 * `1 − score` of the best fuse.js match among the candidate's labels. Returns the candidates with the
 * matched entry possibly replaced by the label fuse.js found closest, sorted best first.
 *
 * @internal
 */
export function rerankWithFuse(index: SearchIndex, query: string, candidates: readonly Candidate[]): Candidate[] {
  const trimmed = query.trim();
  if (candidates.length < 2 || trimmed.length > RERANK_MAX_CHARS || trimmed.length < 3) return [...candidates];
  const docs: { text: string; candidate: number; entry: number }[] = [];
  const head = candidates.slice(0, RERANK_HEAD);
  head.forEach((candidate, at) => {
    for (const entry of candidate.entries.slice(0, RERANK_LABELS))
      docs.push({ text: index.entryText[entry]!, candidate: at, entry });
  });
  const fuse = new Fuse(docs, {
    keys: ["text"],
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.6,
  });
  const best = new Map<number, { score: number; entry: number }>();
  for (const hit of fuse.search(trimmed)) {
    const score = hit.score ?? 1;
    const previous = best.get(hit.item.candidate);
    if (!previous || score < previous.score) best.set(hit.item.candidate, { score, entry: hit.item.entry });
  }
  const reranked = head
    .map((candidate, at) => {
      const match = best.get(at);
      return match
        ? { ...candidate, rank: candidate.rank * (1 + FUSE_WEIGHT * (1 - match.score)), fuseScore: match.score }
        : candidate;
    })
    .sort((a, b) => b.rank - a.rank || a.concept - b.concept);
  return [...reranked, ...candidates.slice(RERANK_HEAD)];
}
