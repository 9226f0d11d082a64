import { z } from "zod";
import { InvalidOptionError } from "../errors.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import type { SearchSkillsOptions } from "./options.js";
import { SkillHitSchema, skillHit } from "./results.js";
import { runSearch } from "./run.js";
import { argString, checkOptions, type OptionSpec } from "../guard.js";
import { storeOf } from "../taxonomy/taxonomy.js";

const SUGGEST_OPTIONS: Record<string, OptionSpec> = { limit: "number", lang: "string", collection: "strings", filter: "function", sector: "string", mode: ["auto", "label", "outcome"], green: "boolean", skillType: "strings", reuseLevel: "strings" };

/**
 * Learning outcome → ESCO skill suggestions.
 *
 * @module
 */

/**
 * Score below which a suggestion is not a good match (see docs/search.md for how it was chosen). At 0.5 a
 * label is either mostly covered by the outcome's words with solid evidence, or fully covered with some.
 *
 * @category Search
 */
export const SUGGEST_THRESHOLD = 0.5;

/**
 * One suggested skill: a search hit with a one-line explanation.
 *
 * @category Search
 */
export const SkillSuggestionSchema = SkillHitSchema.extend({
  /** Why it was suggested, e.g. `matched "heat", "pump" in the preferred label "install heat pump"; green skill`. */
  explanation: z.string(),
});
/** @category Search */
export type SkillSuggestion = z.infer<typeof SkillSuggestionSchema>;

/**
 * The answer of {@link suggestSkills}.
 *
 * @category Search
 */
export const SuggestResultSchema = z.object({
  /** The outcome text as given. */
  outcome: z.string(),
  /**
   * `ok`: at least one suggestion reaches the threshold. `no_good_match`: skills matched some words, but
   * none well enough (see `belowThreshold`). `no_match`: nothing matched (or the text had no content words).
   */
  status: z.enum(["ok", "no_good_match", "no_match"]),
  /** The threshold applied. */
  threshold: z.number(),
  /** Suggestions at or above the threshold, best first. */
  suggestions: z.array(SkillSuggestionSchema),
  /** The best candidates below the threshold (at most three), for review; never to be taken as matches. */
  belowThreshold: z.array(SkillSuggestionSchema),
});
/** @category Search */
export type SuggestResult = z.infer<typeof SuggestResultSchema>;

/**
 * Options of {@link suggestSkills}.
 *
 * @category Search
 */
export interface SuggestSkillsOptions extends Omit<SearchSkillsOptions, "mode"> {
  /** Minimum score of a suggestion, in [0, 1] (default {@link SUGGEST_THRESHOLD}). */
  threshold?: number;
}

const LABEL_NAMES = { pref: "preferred label", alt: "alternative label" } as const;

/**
 * Suggests ESCO skills for a free-text learning outcome ("Learners can size and commission an air-source
 * heat pump for a single-family home"). The text is read as free text: outcome boilerplate ("learners
 * can", "the participant is able to") is ignored and words are also matched through synonyms that ESCO's
 * own alternative labels use. Each suggestion says which words matched which label, and whether the skill
 * is green. When no skill reaches the threshold the result says so (`status: "no_good_match"`) instead of
 * passing off a weak match; the weak candidates are listed apart in `belowThreshold`.
 *
 * @category Search
 * @param taxonomy - A loaded taxonomy.
 * @param outcome - A learning outcome statement or any free text.
 * @param options - Limit (default 5), threshold, language and the filters of {@link searchSkills}.
 * @returns The suggestions with a status.
 * @throws {@link InvalidOptionError} for a bad limit, threshold, language, collection, skill type or reuse level.
 * @throws {@link GreenSkillsError} `E_INVALID_QUERY` when the query is not a string (a programming error, unlike an empty query).
 * @example
 * ```ts
 * import { suggestSkills } from "green-skills";
 * const result = suggestSkills(taxonomy, "Learners can size and commission an air-source heat pump");
 * result.status //=> "ok"
 * result.suggestions[0]?.label //=> "install heat pump"
 * result.suggestions[0]?.explanation //=> 'matched "commission", "heat", "pump" in the alternative label "commission heat pump"; green skill'
 * ```
 */
export function suggestSkills(taxonomy: Taxonomy, outcome: string, options: SuggestSkillsOptions = {}): SuggestResult {
  storeOf(taxonomy, "suggestSkills");
  argString("suggestSkills", "outcome", outcome, true);
  const { threshold = SUGGEST_THRESHOLD, ...searchOptions } = checkOptions("suggestSkills", options, { ...SUGGEST_OPTIONS, threshold: "number" });
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) {
    throw new InvalidOptionError("suggestSkills", "threshold", `must be a number in [0, 1], got ${String(threshold)}.`);
  }
  const limit = searchOptions.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidOptionError("suggestSkills", "limit", `must be a positive integer, got ${String(limit)}.`);
  const run = runSearch("suggestSkills", taxonomy, "skill", outcome, { ...searchOptions, limit: limit + 3 }, 5, true);
  const all = run.candidates.map((candidate) => {
    const hit = skillHit(run.index, run.query, candidate, run.options.lang);
    const words = hit.matchedTerms.map((w) => `"${w}"`).join(", ");
    const where =
      hit.matchedLabel.type === "hidden" ? `a hidden label (a known misspelling or former name) of "${hit.label}"` : `the ${LABEL_NAMES[hit.matchedLabel.type]} "${hit.matchedLabel.text}"`;
    const explanation = `matched ${words} in ${where}${hit.green ? "; green skill" : ""}`;
    return { ...hit, explanation };
  });
  const suggestions = all.filter((s) => s.score >= threshold).slice(0, limit);
  const below = all.filter((s) => s.score < threshold).slice(0, 3);
  const status = suggestions.length > 0 ? "ok" : below.length > 0 ? "no_good_match" : "no_match";
  return { outcome, status, threshold, suggestions, belowThreshold: suggestions.length > 0 ? [] : below };
}
