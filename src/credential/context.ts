import type { Store } from "../taxonomy/store.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import type { Candidate, CredentialIssue, IssuePath } from "./issues.js";
import type { NormalisedDefinition } from "./resolve-definition.js";
import type { ParsedDocument } from "./parse.js";
import type { SanitizeLimits } from "./sanitize.js";

/**
 * What a validation rule sees, and the options of `validateCredential`.
 *
 * @module
 */

/**
 * Finds the ESCO skills closest to a text (an outcome statement), best first. The validator calls it
 * for suggestions only: for unknown URIs and unmapped outcomes.
 *
 * @category Validation
 */
export type SuggestSkills = (
  text: string,
  options: { limit: number; lang?: string },
) => readonly { uri: string; label: string }[];

/**
 * Options of {@link validateCredential}.
 *
 * @category Validation
 */
export interface ValidateCredentialOptions {
  /**
   * Where suggestions come from: a function, or `false` for none. Default: the skill search of
   * green-skills over the given taxonomy.
   */
  suggest?: SuggestSkills | false;
  /** How many skills to suggest per issue (default 3). */
  suggestions?: number;
  /** Known sector ids for `sectors` (default: the sectors of the taxonomy's framework layer). */
  sectors?: readonly string[];
  /** Accepted hours per ECTS credit (default [25, 30]). */
  hoursPerEcts?: readonly [min: number, max: number];
  /** Language of labels and of the statement text used for suggestions (default: the taxonomy's first). */
  lang?: string;
  /**
   * Judge whether each mapped skill fits its outcome's statement (`implausible_mapping` warnings, full ESCO
   * imports only). Default: on, unless `suggest` is `false`. Uses green-skills' own search whatever
   * `suggest` is.
   */
  plausibility?: boolean;
  /** Limits on nesting and size of the document. */
  limits?: SanitizeLimits;
  /** Most issues listed (default 200); the rest are counted in `counts` and noted by one `too_many_issues`. */
  maxIssues?: number;
  /**
   * Where each issue is in the source: called with the issue's path for every issue that has neither a
   * `file` nor a `line`; what it returns is merged in (a `path` replaces the issue's, e.g. an issue of an
   * inline definition that came from its own file). With a locator the issues are listed in source order
   * (issues of the document first, then those of other files by name; by line and column within each).
   */
  locate?: IssueLocator;
  /**
   * Issues found before validation (reading the file, reading a referenced definition), reported, counted
   * and ordered with the document's own. One at `definition` or in another file means the caller has read
   * (or tried to read) a definition given by file reference: validation then adds no note that it did not.
   */
  issues?: readonly CredentialIssue[];
}

/** Where an issue is in the source, as a {@link IssueLocator} says. @category Validation */
export interface IssueLocation {
  readonly file?: string;
  /** The path in that file, when it differs from the path in the validated document. */
  readonly path?: IssuePath;
  readonly line?: number;
  readonly column?: number;
}

/** Finds an issue's place in the source from its path; `undefined` when unknown. @category Validation */
export type IssueLocator = (path: IssuePath) => IssueLocation | undefined;

/** The context a rule runs in. @internal */
export interface RuleContext {
  readonly doc: ParsedDocument;
  /** The definition (file, or inline in an issued credential), when there is one. */
  readonly definition: NormalisedDefinition | undefined;
  readonly taxonomy: Taxonomy;
  readonly store: Store;
  readonly lang: string;
  readonly options: ValidateCredentialOptions;
  /** True on the embedded default: URIs outside its curated set cannot be checked. */
  readonly curated: boolean;
  report(issue: CredentialIssue): void;
  /** Closest skills to `text` (empty when suggestions are off or nothing matches). */
  suggest(text: string): Candidate[];
}

/**
 * A semantic rule: one concern, in its own file under `rules/`.
 *
 * @internal
 */
export interface CredentialRule {
  /** Short kebab-case name (the file name). */
  readonly name: string;
  run(context: RuleContext): void;
}
