import { dirname, isAbsolute, resolve } from "node:path";
import { type CredentialIssue, issue } from "../credential/issues.js";
import { parseCredential, parseIssuedCredential } from "../credential/parse-credential.js";
import type { IssuedMicroCredential, MicroCredential } from "../credential/schema.js";
import { CredentialFileError } from "../errors.js";
import { type ReadCredentialFileOptions, readCredentialFile } from "./credential-file.js";
import { argString } from "../guard.js";
import { type Result, failure } from "../issue.js";

/**
 * Reading an issued credential file together with the definition it refers to, so that it can be
 * exported: the result has the definition inline.
 *
 * @module
 */

/**
 * The result of {@link readIssuedCredentialFile}: the issued credential with its definition inline (and any
 * warnings), or the issues (with file, line and column) that prevent it.
 *
 * @category Credential files
 */
export type ReadIssuedCredentialFileResult = Result<
  IssuedMicroCredential & { definition: MicroCredential },
  CredentialIssue
>;

/**
 * Reads an issued micro-credential file (YAML or JSON) and, when its `definition` is a path, the
 * definition file (relative to the issued file), returning the issued credential with the parsed
 * definition inline: the form `toOpenBadgeCredential` and `toEuropeanDigitalCredential` take. Checks the
 * shape only; run `validateCredentialFile` for the ESCO checks.
 *
 * @category Credential files
 * @param path - The issued credential file.
 * @param options - File limits.
 * @returns `{ success: true, data, issues }` with the issued credential, or `{ success: false, issues }`.
 * @throws {@link CredentialFileError} when the issued credential file itself cannot be read.
 * @example
 * ```ts
 * import { readIssuedCredentialFile, toOpenBadgeCredential } from "green-skills/node";
 * const result = await readIssuedCredentialFile("taxonomy/examples/issued-heat-pump-installation.yaml");
 * if (result.success) toOpenBadgeCredential(taxonomy, result.data).document.validFrom //=> "2026-06-30T00:00:00Z"
 * ```
 */
export async function readIssuedCredentialFile(
  path: string,
  options: ReadCredentialFileOptions = {},
): Promise<ReadIssuedCredentialFileResult> {
  argString("readIssuedCredentialFile", "path", path);
  const source = await readCredentialFile(path, options);
  const located = (i: CredentialIssue, locate: typeof source.locate, file?: string): CredentialIssue => ({
    ...i,
    ...(file ? { file } : {}),
    ...(i.line === undefined ? (locate(i.path) ?? {}) : {}),
  });
  if (source.issues.some((i) => i.severity === "error")) return failure(source.issues);
  const parsed = parseIssuedCredential(source.value);
  if (!parsed.success) return failure(parsed.issues.map((i) => located(i, source.locate)));
  // Warnings (of the reader and the parser, of both files) stay with the value.
  const warnings = [...source.issues, ...parsed.issues.map((i) => located(i, source.locate))];
  const { definition } = parsed.data;
  if (typeof definition !== "string") return { success: true, data: { ...parsed.data, definition }, issues: warnings };
  const file = isAbsolute(definition) ? definition : resolve(dirname(path), definition);
  let referenced;
  try {
    referenced = await readCredentialFile(file, options);
  } catch (error) {
    if (!(error instanceof CredentialFileError)) throw error;
    return failure([
      ...warnings,
      located(
        issue(
          "unresolved_definition",
          "error",
          ["definition"],
          `cannot read the definition "${definition}": ${error.message}`,
        ),
        source.locate,
      ),
    ]);
  }
  if (referenced.issues.some((i) => i.severity === "error"))
    return failure([...warnings, ...referenced.issues.map((i) => ({ ...i, file }))]);
  const parsedDefinition = parseCredential(referenced.value);
  if (!parsedDefinition.success)
    return failure([...warnings, ...parsedDefinition.issues.map((i) => located(i, referenced.locate, file))]);
  const definitionWarnings = [...referenced.issues, ...parsedDefinition.issues].map((i) =>
    located(i, referenced.locate, file),
  );
  return {
    success: true,
    data: { ...parsed.data, definition: parsedDefinition.data },
    issues: [...warnings, ...definitionWarnings],
  };
}
