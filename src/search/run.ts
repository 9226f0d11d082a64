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
import { withHierarchySupport } from "./hierarchy.js";
import { planLanguage } from "./lang/plan.js";
import { type LanguageWarning, noMatchInLanguage } from "./lang/warnings.js";

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
  /** The query's language (given with `lang`, or detected), or `null`. */
  readonly language: string | null;
  /** The language to show labels in (falling back to the default language where a concept has none). */
  readonly displayLang: string | undefined;
  /** Warnings about the query's language. */
  readonly warnings: readonly LanguageWarning[];
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
  if (options.lang !== undefined || text.trim() === "") {
    const lang =
      typeof options.lang === "string" && taxonomy.languages.includes(options.lang) ? options.lang : undefined;
    return execute(
      api,
      taxonomy,
      kind,
      text,
      options,
      defaultLimit,
      forceOutcome,
      lang,
      lang === undefined ? undefined : [lang],
    );
  }
  // No `lang`: detect the query's language; match in it first when it is imported.
  const plan = planLanguage(searchIndexOf(taxonomy, kind), text);
  if (plan.lang === null)
    return execute(api, taxonomy, kind, text, options, defaultLimit, forceOutcome, undefined, undefined);
  if (!plan.imported || taxonomy.languages.length === 1) {
    const run = execute(api, taxonomy, kind, text, options, defaultLimit, forceOutcome, undefined, [plan.lang]);
    return { ...run, displayLang: plan.imported ? plan.lang : undefined, warnings: plan.warnings };
  }
  const first = execute(
    api,
    taxonomy,
    kind,
    text,
    { ...options, lang: plan.lang },
    defaultLimit,
    forceOutcome,
    plan.lang,
    [plan.lang],
  );
  if (first.candidates.length > 0) return first;
  const all = execute(api, taxonomy, kind, text, options, defaultLimit, forceOutcome, undefined, [plan.lang]);
  return {
    ...all,
    language: plan.lang,
    displayLang: plan.lang,
    warnings: [noMatchInLanguage(plan.lang, all.candidates.length > 0)],
  };
}

/** One pass of the pipeline over the index of `lang` (or every language), reading the query in `languages`. */
function execute(
  api: string,
  taxonomy: Taxonomy,
  kind: "skill" | "occupation",
  text: string,
  options: SearchSkillsOptions,
  defaultLimit: number,
  forceOutcome: boolean | undefined,
  lang: string | undefined,
  languages: readonly string[] | undefined,
): SearchRun {
  const index = searchIndexOf(taxonomy, kind, lang);
  const resolved = resolveOptions(api, taxonomy, index, options, defaultLimit, kind);
  const query = prepareQuery(index, text, {
    outcome: forceOutcome ? true : resolved.outcome,
    ...(languages ? { languages } : {}),
  });
  const base = {
    index,
    query,
    options: resolved,
    language: languages?.[0] ?? null,
    displayLang: resolved.lang,
    warnings: [],
  };
  if (query.slots.length === 0) return { ...base, candidates: [] };
  const pool = rank(index, query, {
    limit: resolved.limit + (query.outcome ? CONTEXT_POOL : RERANK_POOL),
    ...(resolved.languages ? { languages: resolved.languages } : {}),
    ...(resolved.accept ? { accept: resolved.accept } : {}),
  });
  const candidates = query.outcome ? withContext(index, query, text, pool) : rerankWithFuse(index, text, pool);
  // Results are always in score order (the ranking order breaks ties).
  const withScores = candidates.map((c) => ({ ...c, score: matchScore(index, query, c) }));
  const supported = query.outcome ? withHierarchySupport(index, withScores) : withScores;
  const scored = supported.map((c, at) => ({ c, at }));
  scored.sort((a, b) => b.c.score! - a.c.score! || a.at - b.at);
  return { ...base, candidates: scored.slice(0, resolved.limit).map((x) => x.c) };
}

/** Free text: adds description evidence and the opening verb's skill type to each candidate. @internal */
export function withContext(
  index: SearchIndex,
  query: PreparedQuery,
  text: string,
  pool: readonly Candidate[],
): Candidate[] {
  const kind = bloomKind(text);
  return pool.map((c) => ({
    ...c,
    description: descriptionMatch(index, query, c.concept, c.matchedSlots),
    bloom: bloomFactor(index, c.concept, kind),
  }));
}
