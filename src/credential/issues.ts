import * as z from "zod";
import type { Same } from "../schema-type.js";
import { ANNEX_ELEMENT_IDS } from "./vocab/annex.js";
import { argArray } from "../guard.js";
import { InvalidArgumentError } from "../errors.js";
import type { IssuedMicroCredential, MicroCredential } from "./schema.js";
import { type IssuePath, IssueSchema, type IssueSeverity } from "../issue.js";

/**
 * What validation reports: issues with stable snake_case codes, and the result of
 * `validateCredential`.
 *
 * @module
 */

/**
 * Every issue code, with what it means. Codes are stable: scripts and CI may match on them.
 *
 * @category Validation
 */
export const ISSUE_CODES = {
  unreadable_file: "The file could not be read (missing, a folder, or no permission).",
  syntax_error: "The file is not well-formed YAML or JSON.",
  input_too_large: "The file or document exceeds a size or nesting limit.",
  alias_limit_exceeded: "YAML aliases expand beyond the limit (a resource exhaustion guard).",
  unsafe_key: "A key such as __proto__ or constructor, which is ignored.",
  unknown_field: "A field the format does not define (often a typo).",
  invalid_value: "A value of the wrong type, format or range.",
  missing_element: "A mandatory Annex I element is missing.",
  eqf_level_missing: 'No EQF level is stated (give 1–8 or "not-applicable").',
  level_inconsistent: "EQF level, QF-EHEA cycle or outcome levels disagree.",
  workload_inconsistent: "ECTS credits and hours disagree (outside 25–30 hours per credit).",
  ects_recommended: "Workload is given in hours only; Annex I asks for ECTS wherever possible.",
  unknown_esco_uri: "The ESCO URI is not in the loaded ESCO version.",
  wrong_concept_type:
    "An ESCO concept of the wrong kind (an occupation or skill group where a skill is required, or the reverse).",
  obsolete_esco_concept: "The ESCO concept is not released (obsolete) in the loaded version.",
  unmapped_outcome: "A learning outcome maps to no ESCO skill.",
  implausible_mapping:
    "A mapped ESCO skill that the outcome's statement does not support (no matching words in its labels or description, not among the statement's candidates, not next to them in ESCO).",
  duplicate_skill: "The same ESCO skill is mapped more than once.",
  duplicate_id: "Two learning outcomes share an id.",
  no_green_outcome: "No learning outcome maps to a skill in ESCO's green skills collection.",
  esco_version_mismatch: "The mapping was made against another ESCO version than the one loaded.",
  unknown_sector: "A sector id that the loaded taxonomy does not define.",
  full_esco_required:
    "A check was skipped because it needs a full ESCO import (the embedded default holds only curated concepts).",
  unresolved_definition: "An issued credential refers to a definition file that was not read.",
  too_many_issues: "More issues than the report keeps (the rest are counted, not listed).",
  unsupported_format:
    "A document green-skills does not read as a credential (or reads only in part, such as legacy Europass XML).",
  no_esco_reference: "A received credential cites no ESCO skill or occupation.",
  non_green_skill:
    "A credential that presents itself as green maps to an ESCO skill outside the green skills collection.",
  todo: "A TODO marker (as `green-skills init` writes them): a value not written yet, or a comment asking for a review.",
} as const;

/** A stable issue code (see {@link ISSUE_CODES}). @category Validation */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Issue codes as a tuple, for schemas. @category Validation */
export const ISSUE_CODE_LIST = Object.keys(ISSUE_CODES) as [IssueCode, ...IssueCode[]];

export { IssuePathSchema, IssueSeveritySchema } from "../issue.js";
export type { IssuePath, IssueSeverity } from "../issue.js";

/** A concept offered as a fix (a skill close to an outcome's statement). @category Validation */
export const CandidateSchema = /* @__PURE__ */ (() => z.object({ uri: z.string(), label: z.string() }))();
/** A concept offered as a fix. @category Validation */
export type Candidate = z.infer<typeof CandidateSchema>;

/**
 * Why a mapped skill was judged against its outcome statement (`implausible_mapping`).
 *
 * @category Validation
 */
export const MappingEvidenceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The mapped skill. */
    uri: z.string(),
    label: z.string(),
    /** Its score for the statement (see docs/search.md), 0 when no word matches. */
    score: z.number(),
    /** Its 1-based rank among the statement's skill candidates, or null beyond the 30 best. */
    rank: z.number().int().positive().nullable(),
    /** Words of the statement found in its labels. */
    labelTerms: z.array(z.string()),
    /** Words of the statement found only in its description or scope note. */
    descriptionTerms: z.array(z.string()),
    /** Its label that matched best, if any. */
    matchedLabel: z.string().nullable(),
    /** A strong candidate of the statement it sits next to in ESCO, if any. */
    near: z
      .object({
        uri: z.string(),
        label: z.string(),
        relation: z.enum(["same", "broader", "narrower", "related", "same-occupations"]),
      })
      .nullable(),
    /** The taxonomy judged against (always `full`: the rule needs a full ESCO import). */
    coverage: z.enum(["full", "curated"]),
  }))();
/** Why a mapped skill was judged implausible. @category Validation */
export type MappingEvidence = z.infer<typeof MappingEvidenceSchema>;

const CredentialIssueSchemaBase = /* @__PURE__ */ (() =>
  IssueSchema.extend({
    code: z.enum(ISSUE_CODE_LIST),
    /** Concepts that could replace or complete the value (closest ESCO skills). */
    candidates: z.array(CandidateSchema).optional(),
    /** The Annex I element concerned, when there is one. */
    element: z.enum(ANNEX_ELEMENT_IDS).optional(),
    /** `implausible_mapping`: how the mapped skill fared against the statement. */
    evidence: MappingEvidenceSchema.optional(),
  }))();
/**
 * The type of {@link CredentialIssueSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Validation
 */
export interface CredentialIssueSchemaType extends Same<typeof CredentialIssueSchemaBase> {}
/**
 * One finding about a credential document.
 *
 * @category Validation
 */
export const CredentialIssueSchema: CredentialIssueSchemaType = CredentialIssueSchemaBase;
/** One finding about a credential document. @category Validation */
export type CredentialIssue = z.infer<typeof CredentialIssueSchema>;

/**
 * The Annex I checklist of a document: each element, who states it and whether it is there.
 *
 * @category Validation
 */
export const ElementStatusSchema = /* @__PURE__ */ (() =>
  z.object({
    element: z.enum(ANNEX_ELEMENT_IDS),
    label: z.string(),
    obligation: z.enum(["mandatory", "optional"]),
    level: z.enum(["definition", "instance"]),
    /**
     * `present`; `missing`; `invalid` (there but with errors); `not-applicable` (level stated as not
     * applicable); `at-issuing` (an instance-level element, stated when a credential is issued);
     * `unchecked` (in a referenced definition file that was not read).
     */
    status: z.enum(["present", "missing", "invalid", "not-applicable", "at-issuing", "unchecked"]),
  }))();
/** One Annex I element and its status in a document. @category Validation */
export type ElementStatus = z.infer<typeof ElementStatusSchema>;

/** Numbers of issues by severity. @category Validation */
export const IssueCountsSchema = /* @__PURE__ */ (() =>
  z.object({
    error: z.number().int(),
    warning: z.number().int(),
    info: z.number().int(),
  }))();

const CredentialValidationResultSchemaBase = /* @__PURE__ */ (() =>
  z.object({
    /** True when there is no `error` issue; `data` is then the typed document. */
    success: z.boolean(),
    /** The typed document (a definition or an issued credential), when `success`. */
    data: z.unknown().optional(),
    /** What the document is: a definition, an issued credential, or not recognisable. */
    kind: z.enum(["definition", "issued", "unknown"]),
    /** Every finding (warnings and notes too on success; at least one error on failure). */
    issues: z.array(CredentialIssueSchema),
    counts: IssueCountsSchema,
    /** The Annex I checklist. */
    elements: z.array(ElementStatusSchema),
    /** The taxonomy the ESCO checks ran against. */
    taxonomy: z.object({ escoVersion: z.string().nullable(), coverage: z.enum(["full", "curated"]) }),
  }))();
/**
 * The type of {@link CredentialValidationResultSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Validation
 */
export interface CredentialValidationResultSchemaType extends Same<typeof CredentialValidationResultSchemaBase> {}
/**
 * The result of `validateCredential`, as JSON (what `CredentialValidationResult` serialises to).
 *
 * @category Validation
 */
export const CredentialValidationResultSchema: CredentialValidationResultSchemaType =
  CredentialValidationResultSchemaBase;

/**
 * The result of `validateCredentialFile`: that of `validateCredential` with the file.
 *
 * @category Validation
 */
export const CredentialFileResultSchema = /* @__PURE__ */ (() =>
  CredentialValidationResultSchema.extend({ file: z.string() }))();

/** Numbers of issues by severity. @category Validation */
export type IssueCounts = z.infer<typeof IssueCountsSchema>;

/**
 * What validation reports besides the value: the kind of document, the issue counts, the Annex I
 * checklist and the taxonomy checked against.
 *
 * @category Validation
 */
export interface ValidationReport {
  /** What the document is: a definition, an issued credential, or not recognisable. */
  readonly kind: "definition" | "issued" | "unknown";
  /** Numbers of issues by severity (including any beyond `maxIssues` that are not listed). */
  readonly counts: IssueCounts;
  /** The Annex I checklist. */
  readonly elements: ElementStatus[];
  /** The taxonomy the ESCO checks ran against. */
  readonly taxonomy: { escoVersion: string | null; coverage: "full" | "curated" };
}

/**
 * The result of {@link validateCredential}: the shared result shape (`success`, `data`, `issues`) plus
 * the validation report. On success `data` is the typed document (a definition or an issued credential,
 * as `kind` says) and `issues` holds the warnings and notes; on failure `issues` holds at least one error.
 *
 * @category Validation
 */
export type CredentialValidationResult =
  | (ValidationReport & { success: true; kind: "definition"; data: MicroCredential; issues: CredentialIssue[] })
  | (ValidationReport & { success: true; kind: "issued"; data: IssuedMicroCredential; issues: CredentialIssue[] })
  | (ValidationReport & { success: false; data?: undefined; issues: [CredentialIssue, ...CredentialIssue[]] });

/** @internal Builds an issue, leaving out absent optional fields (exactOptionalPropertyTypes). */
export function issue(
  code: IssueCode,
  severity: IssueSeverity,
  path: IssuePath,
  message: string,
  extra: {
    suggestion?: string | undefined;
    candidates?: Candidate[] | undefined;
    element?: CredentialIssue["element"] | undefined;
    evidence?: MappingEvidence | undefined;
  } = {},
): CredentialIssue {
  const out: CredentialIssue = { code, severity, path, message };
  if (extra.suggestion) out.suggestion = extra.suggestion;
  if (extra.candidates && extra.candidates.length > 0) out.candidates = extra.candidates;
  if (extra.element) out.element = extra.element;
  if (extra.evidence) out.evidence = extra.evidence;
  return out;
}

/** @internal Counts issues by severity. */
export function countIssues(issues: readonly CredentialIssue[]): IssueCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/**
 * Formats a path as the CLI shows it: `learningOutcomes[2].esco[0]`.
 *
 * @category Validation
 * @example
 * ```ts
 * formatPath(["learningOutcomes", 2, "esco", 0]) //=> "learningOutcomes[2].esco[0]"
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  argArray("formatPath", "path", path, 1000, "an issue path (an array of keys and indexes)");
  for (const part of path)
    if (typeof part !== "string" && typeof part !== "number")
      throw new InvalidArgumentError("formatPath", "path", "an array of strings and numbers", path);
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || "(document)";
}
