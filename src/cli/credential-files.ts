import { relative, resolve } from "node:path";
import { type MappingSource, MappingSourceSchema } from "../diff/mapping-source.js";
import { formatPath } from "../diff/report.js";
import { readCredentialFile } from "../node/credential-file.js";
import { credentialFiles } from "./files.js";
import { CliError } from "./io.js";

/**
 * Reads the credential definitions given to `diff --credentials` with the same reader and folder expansion
 * as `validate` (YAML or JSON, size and alias limits, line and column), keeping only what a migration needs
 * (`MappingSourceSchema`). Every problem is reported with its file and line; any problem fails the command
 * with exit code 2.
 *
 * @module
 */

/** A credential definition read from a file. */
export interface CredentialFile {
  /** The path as the user would recognise it (relative to the working directory when inside it). */
  readonly file: string;
  readonly source: MappingSource;
}

/**
 * Reads every credential file under `paths` (files, or folders searched for `*.yaml`, `*.yml` and
 * `*.json` files). Throws a `CliError` (exit 2) naming every unreadable or malformed file with its line.
 */
export async function readCredentialFiles(paths: readonly string[], cwd: string): Promise<CredentialFile[]> {
  const show = (path: string) => {
    const rel = relative(cwd, resolve(cwd, path));
    return rel && !rel.startsWith("..") ? rel : path;
  };
  const problems: string[] = [];
  const out: CredentialFile[] = [];
  const files: string[] = [];
  for (const given of paths) {
    try {
      files.push(...(await credentialFiles([resolve(cwd, given)])));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
    }
  }
  for (const path of files) {
    const display = show(path);
    const file = await readCredentialFile(path);
    const errors = file.issues.filter((i) => i.severity === "error");
    if (errors.length > 0 || file.value === undefined) {
      for (const i of errors.slice(0, 5)) problems.push(`${display}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ""}` : ""}: ${i.message}`);
      continue;
    }
    const parsed = MappingSourceSchema.safeParse(file.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
        // A missing field has no position of its own: point at its nearest existing parent, else line 1.
        const at = file.locate(path) ?? { line: 1 };
        problems.push(`${display}:${at.line}: ${path.length > 0 ? `${formatPath(path)}: ` : ""}${issue.message}`);
      }
      continue;
    }
    out.push({ file: display, source: parsed.data });
  }
  if (problems.length > 0) {
    throw new CliError(
      problems.join("\nerror: "),
      "each credential needs learningOutcomes: [{ id, esco: [skill URIs] }] (and optionally targetOccupations, escoVersion, title); fix the file at the line shown",
    );
  }
  return out;
}
