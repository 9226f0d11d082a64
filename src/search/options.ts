import { InvalidOptionError } from "../errors.js";
import { CONCEPT } from "../bundle/names.js";
import type { ReuseLevel, SkillType } from "../model/concept.js";
import { REUSE_LEVELS, SKILL_TYPES, isOneOf } from "../model/vocabulary.js";
import { sectorOccupationUris, sectorSkillUris } from "../framework/sectors.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import type { OptionSpec } from "../guard.js";
import type { SearchIndex } from "./index-build.js";

/**
 * Search options shared by skills and occupations, and their translation into index filters.
 *
 * @module
 */

/** @internal The option types `searchSkills`, `searchOccupations` and `suggestSkills` accept (checked by `checkOptions`). */
export const SEARCH_OPTION_SPEC: Readonly<Record<string, OptionSpec>> = {
  limit: "number",
  lang: "string",
  collection: "strings",
  filter: "function",
  sector: "string",
  mode: ["auto", "label", "outcome"],
  green: "boolean",
  skillType: "strings",
  reuseLevel: "strings",
};

/**
 * Options every search accepts.
 *
 * @category Search
 */
export interface BaseSearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
  /**
   * Language code (`en`, `de` …): match only labels in this language and return labels in it. Default:
   * match labels in every imported language, return labels in the taxonomy's default language.
   */
  lang?: string;
  /** Only members of this collection (or of any of these), e.g. `digital`, `transversal`. */
  collection?: string | readonly string[];
  /** Keep only concepts whose URI passes this test. */
  filter?: (uri: string) => boolean;
  /**
   * Only concepts of this sector (an id of the attached framework layer, e.g. `construction`): for skills,
   * those linked to the sector's occupations plus its curated core skills (`sectorSkillUris`); for
   * occupations, the sector's occupations (`sectorOccupationUris`). On the embedded default, the sector's
   * curated references.
   */
  sector?: string;
  /**
   * How to read the query. `label`: as a skill name (exact wording matters). `outcome`: as free text such
   * as a learning outcome (boilerplate like "learners can" is ignored and words are expanded with synonyms
   * from ESCO's own alternative labels). `auto` (default): `outcome` for queries of six or more content
   * words and for shorter ones that open as an outcome ("The learner can …"), else `label`.
   */
  mode?: "auto" | "label" | "outcome";
}

/**
 * Options of {@link searchSkills}.
 *
 * @category Search
 */
export interface SearchSkillsOptions extends BaseSearchOptions {
  /** Only skills in ESCO's green skills collection. */
  green?: boolean;
  /** Only skills of this type (`skill/competence` or `knowledge`), or of any of these. */
  skillType?: SkillType | readonly SkillType[];
  /** Only skills of this reuse level (`transversal`, `cross-sector`, `sector-specific`, `occupation-specific`), or any of these. */
  reuseLevel?: ReuseLevel | readonly ReuseLevel[];
}

/** Filters resolved against one index. @internal */
export interface ResolvedOptions {
  readonly limit: number;
  readonly lang: string | undefined;
  readonly languages: ReadonlySet<number> | undefined;
  readonly accept: ((concept: number) => boolean) | undefined;
  readonly outcome: boolean | "auto";
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/**
 * Validates options and turns them into index filters.
 *
 * @internal
 * @throws {@link InvalidOptionError} for a bad limit, an unknown language, collection, skill type or reuse level.
 * @throws {@link UnknownSectorError} for an unknown sector id.
 */
export function resolveOptions(
  api: string,
  taxonomy: Taxonomy,
  index: SearchIndex,
  options: SearchSkillsOptions,
  defaultLimit: number,
  kind: "skill" | "occupation" = "skill",
): ResolvedOptions {
  if (options.lang !== undefined && !taxonomy.languages.includes(options.lang)) {
    throw new InvalidOptionError(
      api,
      "lang",
      `"${String(options.lang)}" is not a language of this taxonomy (it has: ${taxonomy.languages.join(", ")}).`,
    );
  }
  const limit = options.limit ?? defaultLimit;
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidOptionError(api, "limit", `must be a positive integer, got ${String(limit)}.`);
  let languages: Set<number> | undefined;
  if (options.lang !== undefined) {
    const at = index.languages.indexOf(options.lang);
    if (at < 0)
      throw new InvalidOptionError(
        api,
        "lang",
        `"${String(options.lang)}" is not a language of this taxonomy (it has: ${taxonomy.languages.join(", ")}).`,
      );
    if (index.languages.length > 1) languages = new Set([at]);
  }
  const mode = options.mode ?? "auto";
  if (mode !== "auto" && mode !== "label" && mode !== "outcome")
    throw new InvalidOptionError(api, "mode", `must be "auto", "label" or "outcome", got "${String(mode)}".`);
  const store = index.store;
  const tests: ((concept: number) => boolean)[] = [];
  const collections = list(options.collection);
  if (options.green) tests.push(collectionTest(api, taxonomy, index, ["green"], "green"));
  if (collections) tests.push(collectionTest(api, taxonomy, index, collections, "collection"));
  const skillTypes = list(options.skillType);
  if (skillTypes) {
    for (const type of skillTypes) {
      if (!isOneOf(SKILL_TYPES, type))
        throw new InvalidOptionError(
          api,
          "skillType",
          `must be "skill/competence" or "knowledge", got "${String(type)}".`,
        );
    }
    const column = store.str(CONCEPT.skillType);
    tests.push((c) => skillTypes.includes((column?.get(c) ?? "") as SkillType));
  }
  const reuseLevels = list(options.reuseLevel);
  if (reuseLevels) {
    for (const level of reuseLevels) {
      if (!isOneOf(REUSE_LEVELS, level))
        throw new InvalidOptionError(
          api,
          "reuseLevel",
          `must be one of ${REUSE_LEVELS.join(", ")}, got "${String(level)}".`,
        );
    }
    const column = store.str(CONCEPT.reuseLevel);
    tests.push((c) => reuseLevels.includes((column?.get(c) ?? "") as ReuseLevel));
  }
  if (options.sector !== undefined) {
    if (typeof options.sector !== "string")
      throw new InvalidOptionError(api, "sector", `must be a sector id string, got ${typeof options.sector}.`);
    // Throws UnknownSectorError / FrameworkNotAttachedError, which name the known ids.
    const uris =
      kind === "skill" ? sectorSkillUris(taxonomy, options.sector) : sectorOccupationUris(taxonomy, options.sector);
    const members = new Uint8Array(store.size);
    for (const uri of uris) {
      const at = store.indexOf(uri);
      if (at >= 0) members[at] = 1;
    }
    tests.push((c) => members[c] === 1);
  }
  if (options.filter !== undefined) {
    if (typeof options.filter !== "function")
      throw new InvalidOptionError(api, "filter", "must be a function (uri) => boolean.");
    const filter = options.filter;
    tests.push((c) => filter(store.uris[c]!) === true);
  }
  const accept =
    tests.length === 0 ? undefined : tests.length === 1 ? tests[0] : (c: number) => tests.every((test) => test(c));
  return { limit, lang: options.lang, languages, accept, outcome: mode === "auto" ? "auto" : mode === "outcome" };
}

function collectionTest(
  api: string,
  taxonomy: Taxonomy,
  index: SearchIndex,
  names: readonly string[],
  option: string,
): (concept: number) => boolean {
  const flags = names.map((name) => {
    const members = index.store.collection(name);
    if (!members) {
      const known = taxonomy.collections.map((c) => c.name).join(", ");
      throw new InvalidOptionError(
        api,
        option,
        `names collection "${name}", which this taxonomy does not have (it has: ${known || "none"}).`,
      );
    }
    return members;
  });
  return (c) => flags.some((members) => members[c] === 1);
}
