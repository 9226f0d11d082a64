import { GreenSkillsError } from "../errors.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { searchIndexOf } from "./cache.js";
import type { SearchIndex } from "./index-build.js";
import { type ResolvedOptions, type SearchSkillsOptions, resolveOptions } from "./options.js";
import { rerankWithFuse } from "./rerank.js";
import { type PreparedQuery, prepareQuery } from "./query.js";
import { type Candidate, rank } from "./score.js";

/**
 * The search pipeline shared by skills, occupations and suggestions: resolve options, prepare the query,
 * rank with the index, re-rank the head with fuse.js.
 *
 * @module
 */

/** Candidates the inverted index ranks beyond the requested number (the head goes to fuse.js). */
const RERANK_POOL = 10;

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
  if (typeof text !== "string") throw new GreenSkillsError("E_INVALID_QUERY", `${api}: the query must be a string, got ${text === null ? "null" : typeof text}.`);
  const lang = typeof options.lang === "string" && taxonomy.languages.includes(options.lang) ? options.lang : undefined;
  const index = searchIndexOf(taxonomy, kind, lang);
  const resolved = resolveOptions(api, taxonomy, index, options, defaultLimit, kind);
  const query = prepareQuery(index, text, { outcome: forceOutcome ? true : resolved.outcome });
  if (query.slots.length === 0) return { index, query, options: resolved, candidates: [] };
  const pool = rank(index, query, {
    limit: resolved.limit + RERANK_POOL,
    ...(resolved.languages ? { languages: resolved.languages } : {}),
    ...(resolved.accept ? { accept: resolved.accept } : {}),
  });
  const candidates = query.outcome ? pool : rerankWithFuse(index, text, pool);
  return { index, query, options: resolved, candidates: candidates.slice(0, resolved.limit) };
}
