import { formatPath } from "../credential/issues.js";
import { parseCredential, parseIssuedCredential } from "../credential/parse-credential.js";
import type { IssuedMicroCredential, MicroCredential } from "../credential/schema.js";
import { ExportError } from "../errors.js";
import { argObject, readingArgument } from "../guard.js";

/**
 * The exports take a parsed definition (or issued credential). A value of another shape is misuse: they
 * throw {@link ExportError} with the first problems instead of exporting half a credential.
 *
 * @module
 */

function fail(api: string, issues: readonly { path: (string | number)[]; message: string }[], what: string): never {
  const first = issues[0];
  const shown = issues.slice(0, 3).map((i) => `${i.path.length > 0 ? `${formatPath(i.path)}: ` : ""}${i.message}`).join("; ");
  throw new ExportError(api, "invalid_input", `not a valid ${what} (${shown}${issues.length > 3 ? `; +${issues.length - 3} more` : ""}); check it with validateCredential first`, first?.path ?? []);
}

/** @internal The definition, parsed (defaults applied), or an {@link ExportError}. */
export function definitionInput(api: string, value: unknown): MicroCredential {
  argObject(api, "credential", value, "a micro-credential definition (an object; read files with readCredentialFile)");
  const parsed = readingArgument(api, "credential", value, () => parseCredential(value));
  if (!parsed.success) fail(api, parsed.issues, "micro-credential definition");
  return parsed.data;
}

/** @internal An issued credential with its definition inline, or an {@link ExportError}. */
export function issuedInput(api: string, value: unknown): IssuedMicroCredential & { definition: MicroCredential } {
  argObject(api, "issued", value, "an issued micro-credential (an object; read files with readIssuedCredentialFile)");
  const parsed = readingArgument(api, "issued", value, () => parseIssuedCredential(value));
  if (!parsed.success) fail(api, parsed.issues, "issued micro-credential");
  const { definition } = parsed.data;
  if (typeof definition === "string") {
    throw new ExportError(api, "unresolved_definition", `the definition is a file reference ("${definition}"); put the parsed definition inline (readIssuedCredentialFile in green-skills/node resolves it)`, ["definition"]);
  }
  return { ...parsed.data, definition };
}
