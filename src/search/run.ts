import { InvalidArgumentError } from "../errors.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { searchIndexOf } from "./cache.js";
import type { SearchIndex } from "./index-build.js";
import { type ResolvedOptions, type SearchSkillsOptions, resolveOptions } from "./options.js";
import { rerankWithFuse } from "./rerank.js";
import { type PreparedQuery, prepareQuery } from "./query.js";
import { type Candidate, rank } from "./score.js";
import { bloomFactor, bloomKind, descriptionMatch } from "./context.js";
import { matchScore } from "./results.js";

/**
 * The search pipeline shared by skills, occupations and suggestions: resolve options, prepare the query,
 * rank with the index, re-rank the head with fuse.js.
 *
 * @module
 */

/** Candidates the inverted index ranks beyond the requested number (the head goes to fuse.js). */
const RERANK_POOL = 10;
/** Free text: candidates taken from the label index and re-scored with their descriptions. */
const CONTEXT_POOL = 40;

/** Everything a search produced, before it becomes public results. @internal */
export interface SearchRun {
  readonly index: SearchIndex;
  readonly query: PreparedQuery;
  readonly options: ResolvedOptions;
  readonly candidates: readonly Candidate[];
}

/**
 * Runs a search. Never throws on the query text (an empty or unmatched query gives no candidates).
 *
 * @internal
 * @throws {@link InvalidOptionError} for bad options.
 */
export function runSearch(
  api: string,
  taxonomy: Taxonomy,
  kind: "skill" | "occupation",
  text: unknown,
  options: SearchSkillsOptions,
  defaultLimit: number,
  forceOutcome?: boolean,
): SearchRun {
  if (typeof text !== "string") throw new InvalidArgumentError(api, "query", "a string", text);
  const lang = typeof options.lang === "string" && taxonomy.languages.includes(options.lang) ? options.lang : undefined;
  const index = searchIndexOf(taxonomy, kind, lang);
  const resolved = resolveOptions(api, taxonomy, index, options, defaultLimit, kind);
  const query = prepareQuery(index, text, { outcome: forceOutcome ? true : resolved.outcome });
  if (query.slots.length === 0) return { index, query, options: resolved, candidates: [] };
  const pool = rank(index, query, {
    limit: resolved.limit + (query.outcome ? CONTEXT_POOL : RERANK_POOL),
    ...(resolved.languages ? { languages: resolved.languages } : {}),
    ...(resolved.accept ? { accept: resolved.accept } : {}),
  });
  const candidates = query.outcome ? withContext(index, query, text, pool) : rerankWithFuse(index, text, pool);
  // Results are always in score order (the ranking order breaks ties).
  const scored = candidates.map((c, at) => ({ c: { ...c, score: matchScore(index, query, c) }, at }));
  scored.sort((a, b) => b.c.score - a.c.score || a.at - b.at);
  return { index, query, options: resolved, candidates: scored.slice(0, resolved.limit).map((x) => x.c) };
}

/** Free text: adds description evidence and the opening verb's skill type to each candidate. @internal */
export function withContext(index: SearchIndex, query: PreparedQuery, text: string, pool: readonly Candidate[]): Candidate[] {
  const kind = bloomKind(text);
  return pool.map((c) => ({ ...c, description: descriptionMatch(index, query, c.concept, c.matchedSlots), bloom: bloomFactor(index, c.concept, kind) }));
}
