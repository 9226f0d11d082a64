import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { ValidateCredentialOptions } from "../credential/context.js";
import { type CredentialIssue, type CredentialValidationResult, type ValidationReport, countIssues, issue } from "../credential/issues.js";
import { type TypedDocument, resultOf, validateCredential } from "../credential/validate.js";
import { CredentialFileError } from "../errors.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { type CredentialSource, type ReadCredentialFileOptions, readCredentialFile } from "./credential-file.js";
import { argOptions, argString } from "../guard.js";
import { storeOf } from "../taxonomy/taxonomy.js";

/**
 * Validating credential files: read (YAML or JSON), validate, and place every issue at its line and
 * column. An issued credential that refers to its definition by path is validated together with it.
 *
 * @module
 */

/** The result of {@link validateCredentialFile}: that of `validateCredential`, with the file. @category Credential files */
export type CredentialFileResult = CredentialValidationResult & { file: string };

/**
 * Options of {@link validateCredentialFile}.
 *
 * @category Credential files
 */
export interface ValidateCredentialFileOptions extends ValidateCredentialOptions, ReadCredentialFileOptions {}

const place = (i: CredentialIssue, source: CredentialSource, file?: string): CredentialIssue => {
  const at = i.line === undefined ? source.locate(i.path) : undefined;
  return { ...i, ...(file ? { file } : {}), ...(at ?? {}) };
};

/** Issues already counted by `validateCredential` (which lists at most `maxIssues`), and its typed document. */
type CountedIssues = { issues: readonly CredentialIssue[]; counts: CredentialFileResult["counts"]; success: boolean; kind?: CredentialFileResult["kind"]; data?: unknown };

function order(issues: CredentialIssue[]): CredentialIssue[] {
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => {
      const fa = a.i.file ? 1 : 0;
      const fb = b.i.file ? 1 : 0;
      if (fa !== fb || a.i.file !== b.i.file) return fa - fb || String(a.i.file).localeCompare(String(b.i.file));
      return (a.i.line ?? 0) - (b.i.line ?? 0) || (a.i.column ?? 0) - (b.i.column ?? 0) || a.n - b.n;
    })
    .map(({ i }) => i);
}

/** Reads the definition an issued credential refers to; issues explain why it could not be used. */
async function readReferenced(ref: string, from: string, options: ReadCredentialFileOptions): Promise<{ source?: CredentialSource | undefined; path: string; issues: CredentialIssue[] }> {
  const path = isAbsolute(ref) ? ref : resolve(dirname(from), ref);
  const shown = relative(process.cwd(), path) || path;
  try {
    const source = await readCredentialFile(path, options);
    const issues = source.issues.map((i) => place(i, source, shown));
    const value = source.value as Record<string, unknown> | undefined;
    if (value && typeof value === "object" && ("learner" in value || "definition" in value)) {
      issues.push(issue("invalid_value", "error", ["definition"], `"${ref}" is an issued credential, not a definition`));
      return { path: shown, issues };
    }
    return { source: issues.some((i) => i.severity === "error") ? undefined : source, path: shown, issues };
  } catch (error) {
    if (!(error instanceof CredentialFileError)) throw error;
    return { path: shown, issues: [issue("unresolved_definition", "error", ["definition"], `cannot read the definition "${ref}": ${error.message}`, { suggestion: "give the definition's path relative to this file" })] };
  }
}

/**
 * Reads and validates a credential file (a definition, or an issued credential), with line and column
 * on every issue that has a place in the file.
 *
 * @category Credential files
 * @param path - A `.yaml`, `.yml` or `.json` file.
 * @param taxonomy - The ESCO taxonomy to check against.
 * @param options - Validation options and file limits.
 * @returns The validation result with the file name.
 * @throws {@link CredentialFileError} when the file cannot be read at all.
 * @example
 * ```ts
 * import { loadTaxonomyFile, validateCredentialFile } from "green-skills/node";
 * const result = await validateCredentialFile(await loadTaxonomyFile("esco.gsb"), "my-credential.yaml");
 * result.issues.map((i) => `${i.line}:${i.column} ${i.code}`) //=> ["34:9 unknown_esco_uri"]
 * ```
 */
export async function validateCredentialFile(taxonomy: Taxonomy, path: string, options: ValidateCredentialFileOptions = {}): Promise<CredentialFileResult> {
  argString("validateCredentialFile", "path", path);
  storeOf(taxonomy, "validateCredentialFile");
  argOptions("validateCredentialFile", options);
  const source = await readCredentialFile(path, options);
  const taxonomyInfo = { escoVersion: taxonomy.escoVersion, coverage: taxonomy.coverage };
  const readIssues = source.issues;
  // `counted`: issues already counted by validateCredential, which lists at most maxIssues of them.
  const finish = (kind: CredentialFileResult["kind"], issues: CredentialIssue[], elements: CredentialFileResult["elements"], counted?: CountedIssues): CredentialFileResult => {
    const counts = countIssues(issues);
    if (counted) {
      const listed = countIssues(counted.issues);
      for (const k of ["error", "warning", "info"] as const) counts[k] += counted.counts[k] - listed[k];
    }
    const report: ValidationReport = { kind, counts, elements, taxonomy: taxonomyInfo };
    const data: TypedDocument | undefined = counted?.success ? ({ kind: counted.kind, data: counted.data } as TypedDocument) : undefined;
    return { ...resultOf(report, order(issues), data), file: path };
  };
  if (source.value === undefined || readIssues.some((i) => i.severity === "error")) return finish("unknown", readIssues, []);

  const limits = options.maxDepth === undefined ? options.limits : { ...options.limits, maxDepth: options.maxDepth };
  const validateOptions: ValidateCredentialOptions = { ...options, ...(limits ? { limits } : {}) };
  const value = source.value as Record<string, unknown>;
  const ref = value && typeof value === "object" && typeof value["definition"] === "string" ? value["definition"].trim() : undefined;
  if (!ref) {
    const result = validateCredential(taxonomy, value, validateOptions);
    return finish(result.kind, [...readIssues, ...result.issues.map((i) => place(i, source))], result.elements, result);
  }
  const referenced = await readReferenced(ref, path, options);
  if (!referenced.source) {
    const result = validateCredential(taxonomy, value, validateOptions);
    const own = result.issues.filter((i) => i.code !== "unresolved_definition").map((i) => place(i, source));
    const counted: CountedIssues = { issues: result.issues.filter((i) => i.code !== "unresolved_definition"), counts: { ...result.counts, info: result.counts.info - (result.issues.length - own.length) }, success: false };
    return finish(result.kind, [...readIssues, ...referenced.issues.map((i) => (i.file ? i : place(i, source))), ...own], result.elements, counted);
  }
  // Validate as one document, so cross checks (the grade against the grade scheme) run; then give the
  // definition's issues back to the definition file.
  const result = validateCredential(taxonomy, { ...value, definition: referenced.source.value }, validateOptions);
  const issues = result.issues.map((i) =>
    i.path[0] === "definition" && i.path.length > 1 ? place({ ...i, path: i.path.slice(1) }, referenced.source!, referenced.path) : place(i, source),
  );
  return finish(result.kind, [...readIssues, ...referenced.issues, ...issues], result.elements, result);
}
