import { dirname, isAbsolute, resolve } from "node:path";
import { type CredentialIssue, issue } from "../credential/issues.js";
import { parseCredential, parseIssuedCredential } from "../credential/parse-credential.js";
import type { IssuedMicroCredential, MicroCredential } from "../credential/schema.js";
import { CredentialFileError } from "../errors.js";
import { type ReadCredentialFileOptions, readCredentialFile } from "./credential-file.js";
import { argString } from "../guard.js";

/**
 * Reading an issued credential file together with the definition it refers to, so that it can be
 * exported: the result has the definition inline.
 *
 * @module
 */

/**
 * The result of {@link readIssuedCredentialFile}: the issued credential with its definition inline, or
 * the issues (with file, line and column) that prevent it.
 *
 * @category Credential files
 */
export type ReadIssuedCredentialFileResult =
  | { issued: IssuedMicroCredential & { definition: MicroCredential }; issues: [] }
  | { issued?: undefined; issues: CredentialIssue[] };

/**
 * Reads an issued micro-credential file (YAML or JSON) and, when its `definition` is a path, the
 * definition file (relative to the issued file), returning the issued credential with the parsed
 * definition inline: the form `toOpenBadgeCredential` and `toEuropeanDigitalCredential` take. Checks the
 * shape only; run `validateCredentialFile` for the ESCO checks.
 *
 * @category Credential files
 * @param path - The issued credential file.
 * @param options - File limits.
 * @returns The issued credential, or the issues.
 * @throws {@link CredentialFileError} when the issued credential file itself cannot be read.
 * @example
 * ```ts
 * import { readIssuedCredentialFile, toOpenBadgeCredential } from "green-skills/node";
 * const result = await readIssuedCredentialFile("taxonomy/examples/issued-heat-pump-installation.yaml");
 * if (result.issued) toOpenBadgeCredential(taxonomy, result.issued).document.validFrom //=> "2026-06-30T00:00:00Z"
 * ```
 */
export async function readIssuedCredentialFile(path: string, options: ReadCredentialFileOptions = {}): Promise<ReadIssuedCredentialFileResult> {
  argString("readIssuedCredentialFile", "path", path);
  const source = await readCredentialFile(path, options);
  const located = (i: CredentialIssue, locate: typeof source.locate, file?: string): CredentialIssue => ({ ...i, ...(file ? { file } : {}), ...(i.line === undefined ? (locate(i.path) ?? {}) : {}) });
  if (source.issues.some((i) => i.severity === "error")) return { issues: source.issues };
  const parsed = parseIssuedCredential(source.value);
  if (!parsed.success) return { issues: parsed.issues.map((i) => located(i, source.locate)) };
  const { definition } = parsed.data;
  if (typeof definition !== "string") return { issued: { ...parsed.data, definition }, issues: [] };
  const file = isAbsolute(definition) ? definition : resolve(dirname(path), definition);
  let referenced;
  try {
    referenced = await readCredentialFile(file, options);
  } catch (error) {
    if (!(error instanceof CredentialFileError)) throw error;
    return { issues: [located(issue("unresolved_definition", "error", ["definition"], `cannot read the definition "${definition}": ${error.message}`), source.locate)] };
  }
  if (referenced.issues.some((i) => i.severity === "error")) return { issues: referenced.issues.map((i) => ({ ...i, file })) };
  const parsedDefinition = parseCredential(referenced.value);
  if (!parsedDefinition.success) return { issues: parsedDefinition.issues.map((i) => located(i, referenced.locate, file)) };
  return { issued: { ...parsed.data, definition: parsedDefinition.data }, issues: [] };
}
