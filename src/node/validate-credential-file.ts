import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { IssueLocator, ValidateCredentialOptions } from "../credential/context.js";
import {
  type CredentialIssue,
  type CredentialValidationResult,
  type IssuePath,
  type ValidationReport,
  countIssues,
  issue,
} from "../credential/issues.js";
import { resultOf, validateCredential } from "../credential/validate.js";
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

/** Reads the definition an issued credential refers to; issues explain why it could not be used. */
async function readReferenced(
  ref: string,
  from: string,
  options: ReadCredentialFileOptions,
): Promise<{ source?: CredentialSource | undefined; path: string; issues: CredentialIssue[] }> {
  const path = isAbsolute(ref) ? ref : resolve(dirname(from), ref);
  const shown = relative(process.cwd(), path) || path;
  try {
    const source = await readCredentialFile(path, options);
    const issues = source.issues.map((i) => place(i, source, shown));
    const value = source.value as Record<string, unknown> | undefined;
    if (value && typeof value === "object" && ("learner" in value || "definition" in value)) {
      issues.push(
        issue("invalid_value", "error", ["definition"], `"${ref}" is an issued credential, not a definition`),
      );
      return { path: shown, issues };
    }
    return { source: issues.some((i) => i.severity === "error") ? undefined : source, path: shown, issues };
  } catch (error) {
    if (!(error instanceof CredentialFileError)) throw error;
    return {
      path: shown,
      issues: [
        issue(
          "unresolved_definition",
          "error",
          ["definition"],
          `cannot read the definition "${ref}": ${error.message}`,
          { suggestion: "give the definition's path relative to this file" },
        ),
      ],
    };
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
export async function validateCredentialFile(
  taxonomy: Taxonomy,
  path: string,
  options: ValidateCredentialFileOptions = {},
): Promise<CredentialFileResult> {
  argString("validateCredentialFile", "path", path);
  storeOf(taxonomy, "validateCredentialFile");
  argOptions("validateCredentialFile", options);
  const source = await readCredentialFile(path, options);
  const readIssues = source.issues;
  if (source.value === undefined || readIssues.some((i) => i.severity === "error")) {
    const report: ValidationReport = {
      kind: "unknown",
      counts: countIssues(readIssues),
      elements: [],
      taxonomy: { escoVersion: taxonomy.escoVersion, coverage: taxonomy.coverage },
    };
    return { ...resultOf(report, readIssues, undefined), file: path };
  }
  const limits = options.maxDepth === undefined ? options.limits : { ...options.limits, maxDepth: options.maxDepth };
  const validateOptions: ValidateCredentialOptions = { ...options, ...(limits ? { limits } : {}) };
  const value = source.value as Record<string, unknown>;
  const ref =
    value && typeof value === "object" && typeof value["definition"] === "string"
      ? value["definition"].trim()
      : undefined;
  const inFile = (p: IssuePath) => source.locate(p);
  if (!ref)
    return {
      ...validateCredential(taxonomy, value, { ...validateOptions, issues: readIssues, locate: inFile }),
      file: path,
    };
  const referenced = await readReferenced(ref, path, options);
  // The referenced issues without a file (an unreadable definition) are placed at `definition` in this file.
  const issues = [...readIssues, ...referenced.issues];
  if (!referenced.source)
    return { ...validateCredential(taxonomy, value, { ...validateOptions, issues, locate: inFile }), file: path };
  // Validate as one document, so cross checks (the grade against the grade scheme) run; the locator gives
  // the definition's issues back to the definition file.
  const definition = referenced.source;
  const locate: IssueLocator = (p) =>
    p[0] === "definition" && p.length > 1
      ? { file: referenced.path, path: p.slice(1), ...definition.locate(p.slice(1)) }
      : source.locate(p);
  return {
    ...validateCredential(taxonomy, { ...value, definition: definition.value }, { ...validateOptions, issues, locate }),
    file: path,
  };
}
