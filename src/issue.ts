import * as z from "zod";
import { argSchema } from "./guard.js";

/**
 * The one issue shape everything that checks user input reports, and the one result shape it returns.
 * The specific issue types (`CredentialIssue`, `SourceIssue`, `MergeIssue`, `ExportWarning`,
 * `ImportWarning`) extend {@link Issue} with their own code list and fields.
 *
 * @module
 */

/** The severity of an issue. @category Issues */
export const IssueSeveritySchema = /* @__PURE__ */ (() => z.enum(["error", "warning", "info"]))();
/** `error` makes a document invalid; `warning` is weak or suspicious; `info` is a note. @category Issues */
export type IssueSeverity = z.infer<typeof IssueSeveritySchema>;

/** A path into a document: keys and array indexes. @category Issues */
export const IssuePathSchema = /* @__PURE__ */ (() => z.array(z.union([z.string(), z.number().int()])))();
/** A path into a document: keys and array indexes (`["learningOutcomes", 2, "esco", 0]`). @category Issues */
export type IssuePath = z.infer<typeof IssuePathSchema>;

/**
 * The fields every issue has. The specific issue schemas extend it.
 *
 * @category Issues
 */
export const IssueSchema = /* @__PURE__ */ (() =>
  z.object({
    /** A stable snake_case code: scripts and CI may match on it. */
    code: z.string(),
    severity: IssueSeveritySchema,
    /** Where in the document: `["learningOutcomes", 2, "esco", 0]`. Empty for the whole document. */
    path: IssuePathSchema,
    message: z.string(),
    /** How to fix it, where there is a likely fix. */
    suggestion: z.string().optional(),
    /** The file, when the issue lies in one (the file read, a referenced file, `archive.zip > member.csv`). */
    file: z.string().optional(),
    /** 1-based line and column in that file, when known. */
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
  }))();

/**
 * One finding: a stable `code`, a `severity`, a `path` into the document, a `message` and, where known, a
 * `suggestion` and the `file`, `line` and `column`. Every issue type of green-skills extends it.
 *
 * @category Issues
 */
export type Issue = z.infer<typeof IssueSchema>;

/**
 * The result of everything that checks user input: the typed value with any warnings and notes, or the
 * issues that prevent it (never empty on failure). Never thrown: bad input is data.
 *
 * @category Issues
 * @example
 * ```ts
 * import { parseCredential } from "green-skills";
 * const result = parseCredential({});
 * if (result.success) result.data.title;
 * else result.issues.length > 0 //=> true
 * ```
 */
export type Result<T, I extends Issue = Issue> = Success<T, I> | Failure<I>;

/** A successful {@link Result}: the value and the issues that did not prevent it (warnings, notes). @category Issues */
export type Success<T, I extends Issue = Issue> = { success: true; data: T; issues: I[] };

/** A failed {@link Result}: at least one issue, and no value. @category Issues */
export type Failure<I extends Issue = Issue> = { success: false; data?: undefined; issues: [I, ...I[]] };

/** @internal A failed result; `issues` must hold at least one issue (callers build it from a found problem). */
export function failure<I extends Issue>(issues: readonly I[]): Failure<I> {
  return { success: false, issues: [...issues] as [I, ...I[]] };
}

/**
 * One line per issue: `file:line:column: severity: message (at path) — suggestion`. Works on every issue
 * type (credential, source, merge, export and import issues).
 *
 * @category Issues
 * @param issue - The issue to format.
 * @returns A single line without a trailing newline.
 * @example
 * ```ts
 * import { formatIssue } from "green-skills";
 * formatIssue({ code: "unknown_key", severity: "error", path: ["nace", 0], message: "unknown key \"rev\"", file: "retrofit.yaml", line: 12, column: 5 })
 * //=> 'retrofit.yaml:12:5: error: unknown key "rev" (at nace.0)'
 * ```
 */
export function formatIssue(issue: Issue): string {
  issue = argSchema("formatIssue", "issue", issue, IssueSchema, "an issue (code, severity, path, message)");
  const place = issue.file
    ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ""}` : ""}: `
    : "";
  const path = issue.path.length > 0 ? ` (at ${issue.path.join(".")})` : "";
  return `${place}${issue.severity}: ${issue.message}${path}${issue.suggestion ? ` — ${issue.suggestion}` : ""}`;
}
