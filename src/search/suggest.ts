import * as z from "zod";
import type { Same } from "../schema-type.js";
import { InvalidOptionError } from "../errors.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { SEARCH_OPTION_SPEC, type SearchSkillsOptions } from "./options.js";
import { type SkillHit, SkillHitSchema, skillHit } from "./results.js";
import { runSearch } from "./run.js";
import { argString, checkOptions } from "../guard.js";
import { storeOf } from "../taxonomy/taxonomy.js";
import { LanguageWarningSchema } from "./lang/warnings.js";

/**
 * Learning outcome → ESCO skill suggestions.
 *
 * @module
 */

/**
 * Score below which a suggestion is not a good match. Chosen from data (docs/search.md): the lowest
 * threshold at which at least 90 % of the calibration half of bench/no-fit-outcomes.json (statements no
 * ESCO skill fits, and near misses) get no suggestion, checked against the in-scope statements of
 * bench/threshold-calibration.json.
 *
 * @category Search
 */
export const SUGGEST_THRESHOLD = 0.45;

const SkillSuggestionSchemaBase = /* @__PURE__ */ (() =>
  SkillHitSchema.extend({
    /**
     * Why it was suggested, e.g. `matched "heat", "pumps" in the preferred label "install heat pump";
     * "pumps" ~ "pump" (word family); skill/competence; green skill`.
     */
    explanation: z.string(),
  }))();
/**
 * The type of {@link SkillSuggestionSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Search
 */
export interface SkillSuggestionSchemaType extends Same<typeof SkillSuggestionSchemaBase> {}
/**
 * One suggested skill: a search hit with a one-line explanation.
 *
 * @category Search
 */
export const SkillSuggestionSchema: SkillSuggestionSchemaType = SkillSuggestionSchemaBase;
/** @category Search */
export type SkillSuggestion = z.infer<typeof SkillSuggestionSchema>;

/**
 * The answer of {@link suggestSkills}.
 *
 * @category Search
 */
export const SuggestResultSchema = /* @__PURE__ */ (() =>
  z.object({
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
    /** The outcome's language: the `lang` option, else the detected language (`null` when not detected). */
    language: z.string().nullable(),
    /** Warnings about the outcome's language (`language_not_imported`, `no_match_in_language`). */
    warnings: z.array(LanguageWarningSchema),
  }))();
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
const HOPS = {
  "word-family": "word family",
  typo: "typo",
  compound: "compound",
  synonym: "synonym in ESCO's labels",
} as const;

/**
 * The one-line explanation of a suggestion: the words matched and where, each hop that is not an exact
 * match (`"certified" ~ "certification" (word family)`), the description words and sentence, the skill
 * type and the green flag.
 */
function explain(hit: SkillHit): string {
  const inLabel = hit.matches.filter((m) => m.field === "label");
  const inDescription = hit.matches.filter((m) => m.field === "description");
  const words = (inLabel.length > 0 ? inLabel.map((m) => m.word) : hit.matchedTerms)
    .filter((w, i, all) => all.indexOf(w) === i)
    .map((w) => `"${w}"`)
    .join(", ");
  const where =
    hit.matchedLabel.type === "hidden"
      ? `a hidden label (a known misspelling or former name) of "${hit.label}"`
      : `the ${LABEL_NAMES[hit.matchedLabel.type]} "${hit.matchedLabel.text}"`;
  // A skill found through its description alone: say so, and name it by its preferred label.
  const parts =
    words === ""
      ? [`found through its description only (no word in the labels of "${hit.label}")`]
      : [`matched ${words} in ${where}`];
  const hops = hit.matches
    .filter((m) => m.via !== "exact")
    .map((m) => `"${m.word}" ~ "${m.term}" (${HOPS[m.via as keyof typeof HOPS]})`);
  if (hops.length > 0) parts.push(hops.join(", "));
  if (inDescription.length > 0) {
    const snippet = hit.snippet ? `: "${hit.snippet}"` : "";
    parts.push(
      `description ${words === "" ? "has" : "also has"} ${inDescription.map((m) => `"${m.word}"`).join(", ")}${snippet}`,
    );
  }
  if (hit.narrowerMatch)
    parts.push(`raised as the broader skill of "${hit.narrowerMatch.label}" (${hit.narrowerMatch.score})`);
  if (hit.skillType) parts.push(hit.skillType);
  if (hit.green) parts.push("green skill");
  return parts.join("; ");
}

/** Share of a suggestion's score that depends on how clearly the best candidate leads the next one. */
const MARGIN_SHARE = 0.3;
/** The lead (as a share of the best score) at which the best candidate counts as clear. */
const CLEAR_LEAD = 0.5;

/**
 * How clearly the best candidate stands out, as a factor in (1 − {@link MARGIN_SHARE}, 1]: 1 when it leads
 * the runner-up by {@link CLEAR_LEAD} of its score or more, less when two candidates explain the outcome
 * about equally well (then neither is a confident answer). Applied to every suggestion of the outcome, so
 * their order is kept.
 */
function marginFactor(hits: readonly SkillHit[]): number {
  const best = hits[0]?.score ?? 0;
  if (best <= 0) return 1;
  const lead = (best - (hits[1]?.score ?? 0)) / best;
  return 1 - MARGIN_SHARE + MARGIN_SHARE * Math.min(1, lead / CLEAR_LEAD);
}

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
 * @throws {@link InvalidArgumentError} `E_INVALID_ARGUMENT` when the query is not a string (a programming error, unlike an empty query).
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
  const { threshold = SUGGEST_THRESHOLD, ...searchOptions } = checkOptions("suggestSkills", options, {
    ...SEARCH_OPTION_SPEC,
    threshold: "number",
  });
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) {
    throw new InvalidOptionError("suggestSkills", "threshold", `must be a number in [0, 1], got ${String(threshold)}.`);
  }
  const limit = searchOptions.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidOptionError("suggestSkills", "limit", `must be a positive integer, got ${String(limit)}.`);
  const run = runSearch("suggestSkills", taxonomy, "skill", outcome, { ...searchOptions, limit: limit + 3 }, 5, true);
  const hits = run.candidates.map((candidate) => skillHit(run.index, run.query, candidate, run.displayLang));
  const confidence = marginFactor(hits);
  const scored = hits.map((hit) =>
    confidence < 1 ? { ...hit, score: Math.round(hit.score * confidence * 1000) / 1000 } : hit,
  );
  // The runner-up is named with the score it is listed with (both are lowered alike).
  const runnerUp = confidence < 1 ? scored[1] : undefined;
  const all = scored.map((hit, at) => ({
    ...hit,
    explanation:
      explain(hit) +
      (at === 0 && runnerUp ? `; close second "${runnerUp.label}" (${runnerUp.score}) lowers confidence` : ""),
  }));
  const suggestions = all.filter((s) => s.score >= threshold).slice(0, limit);
  const below = all.filter((s) => s.score < threshold).slice(0, 3);
  const status = suggestions.length > 0 ? "ok" : below.length > 0 ? "no_good_match" : "no_match";
  return {
    outcome,
    status,
    threshold,
    suggestions,
    belowThreshold: suggestions.length > 0 ? [] : below,
    language: run.language,
    warnings: [...run.warnings],
  };
}
