import { ESCO_OCCUPATION_URI_PATTERN, ESCO_SKILL_URI_PATTERN } from "../uri.js";
import {
  type Checker,
  list,
  literal,
  matching,
  oneOf,
  record,
  refined,
  str,
  strict,
  stringWhere,
  trimmed,
  withDefault,
} from "../plain-check.js";
import { type NaceRevision, naceCodeProblem } from "./nace.js";
import {
  CROSSWALK_COLLECTIONS,
  CROSSWALK_STATUSES,
  EMPTY_TEXT,
  FRAMEWORK_FORMAT_VERSION,
  GREENCOMP_AREA_IDS,
  GREENCOMP_COMPETENCE_IDS,
  ISCO_CODE,
  ISCO_CODE_MESSAGE,
  LANGUAGE_CODE,
  NO_LANGUAGE,
  OCCUPATION_URI_MESSAGE,
  SECTOR_ID,
  SECTOR_ID_MESSAGE,
  SKILL_URI_MESSAGE,
  duplicateSectorProblems,
  greenCompProblems,
} from "./rules.js";

/**
 * `FrameworkSchema` as a plain checker, used when a framework is attached or read from a bundle, so that a
 * browser page with `searchSkills` (whose sector filter reads the framework layer) carries no zod. Same
 * shape, same defaults, same first issue (path and message) as the zod schema in `schema.ts`: both take
 * their patterns, messages and cross-field rules from `rules.ts`, and `test/framework-checker.test.ts`
 * compares them on the embedded default and on broken copies of it.
 *
 * @module
 * @internal
 */

const text = /* @__PURE__ */ trimmed(EMPTY_TEXT);

const localisedText = /* @__PURE__ */ refined(
  record(text, (key) => LANGUAGE_CODE.test(key)),
  (value: Record<string, string>) => (Object.keys(value).length > 0 ? undefined : { path: [], message: NO_LANGUAGE }),
);

const naceCode = (revision: NaceRevision) => stringWhere((value) => naceCodeProblem(revision, value));

const reference = (uri: Checker) => strict({ uri, label: text, rationale: text });

const sector = /* @__PURE__ */ strict({
  id: matching(SECTOR_ID, SECTOR_ID_MESSAGE),
  label: localisedText,
  description: localisedText,
  nace: withDefault(list(strict({ rev2: naceCode("rev2"), rev21: naceCode("rev21"), label: text })), () => []),
  isco: withDefault(list(strict({ code: matching(ISCO_CODE, ISCO_CODE_MESSAGE), label: text })), () => []),
  references: withDefault(
    strict({
      skills: withDefault(list(reference(matching(ESCO_SKILL_URI_PATTERN, SKILL_URI_MESSAGE))), () => []),
      occupations: withDefault(
        list(reference(matching(ESCO_OCCUPATION_URI_PATTERN, OCCUPATION_URI_MESSAGE))),
        () => [],
      ),
    }),
    () => ({ skills: [], occupations: [] }),
  ),
});

const competence = /* @__PURE__ */ strict({
  id: oneOf(GREENCOMP_COMPETENCE_IDS),
  label: text,
  description: text,
  crosswalk: withDefault(
    list(
      strict({
        uri: matching(ESCO_SKILL_URI_PATTERN, SKILL_URI_MESSAGE),
        label: text,
        collection: oneOf(CROSSWALK_COLLECTIONS),
        rationale: text,
      }),
    ),
    () => [],
  ),
});

const greenComp = /* @__PURE__ */ refined(
  strict({
    framework: strict({
      id: literal("greencomp"),
      label: text,
      citation: text,
      crosswalkStatus: oneOf(CROSSWALK_STATUSES),
    }),
    areas: list(
      strict({ id: oneOf(GREENCOMP_AREA_IDS), label: text, description: text, competences: list(competence) }),
    ),
  }),
  (value: Parameters<typeof greenCompProblems>[0]) => greenCompProblems(value)[0],
);

/** The framework layer (`FrameworkSchema`) as a plain checker. */
export const frameworkChecker: Checker = /* @__PURE__ */ refined(
  strict({
    formatVersion: literal(FRAMEWORK_FORMAT_VERSION),
    escoVersion: str(),
    checkedOn: str(),
    sectors: list(sector),
    greenComp,
  }),
  (value: Parameters<typeof duplicateSectorProblems>[0]) => duplicateSectorProblems(value)[0],
);
