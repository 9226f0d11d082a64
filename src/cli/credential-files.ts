import { dirname, relative, resolve } from "node:path";
import { type MappingSource, MappingSourceSchema } from "../diff/mapping-source.js";
import { formatPath } from "../diff/report.js";
import { CredentialFileError } from "../errors.js";
import { type CredentialSource, readCredentialFile } from "../node/credential-file.js";
import { credentialFiles } from "./files.js";
import { CliError } from "./io.js";

/**
 * Reads the credential definitions given to `diff --credentials` with the same reader and folder expansion
 * as `validate` (YAML or JSON, size and alias limits, line and column), keeping only what a migration needs
 * (`MappingSourceSchema`). Issued credentials count by their definition (inline, or the file they name).
 * Every problem is reported with its file and line; a path that cannot be read fails the command with exit
 * code 2, a file that was read and is malformed with exit code 1.
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
 * `*.json` files). Throws a `CliError` naming every unreadable (exit 2) or malformed (exit 1) file with its line.
 */
export async function readCredentialFiles(paths: readonly string[], cwd: string): Promise<CredentialFile[]> {
  const show = (path: string) => {
    const rel = relative(cwd, resolve(cwd, path));
    return rel && !rel.startsWith("..") ? rel : path;
  };
  // Unreadable paths make the exit code 2; files that were read and are malformed, 1.
  const unreadable: string[] = [];
  const problems: string[] = [];
  const out: CredentialFile[] = [];
  const files: string[] = [];
  for (const given of paths) {
    try {
      files.push(...(await credentialFiles([resolve(cwd, given)])));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      unreadable.push(error.message);
    }
  }
  const listed = new Set(files.map((f) => resolve(f)));
  const read = async (path: string, display: string) => {
    try {
      return await readCredentialFile(path);
    } catch (error) {
      if (!(error instanceof CredentialFileError)) throw error;
      unreadable.push(
        `${display}: ${error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message}`,
      );
      return undefined;
    }
  };
  const mappings = (
    display: string,
    file: CredentialSource,
    value: unknown,
    prefix: readonly (string | number)[] = [],
  ) => {
    const parsed = MappingSourceSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
      // A missing field has no position of its own: point at its nearest existing parent, else line 1.
      const at = file.locate(path) ?? { line: 1 };
      problems.push(`${display}:${at.line}: ${path.length > 0 ? `${formatPath(path)}: ` : ""}${issue.message}`);
    }
    return undefined;
  };
  const syntax = (display: string, file: CredentialSource) => {
    const errors = file.issues.filter((i) => i.severity === "error");
    for (const i of errors.slice(0, 5))
      problems.push(`${display}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ""}` : ""}: ${i.message}`);
    return errors.length > 0 || file.value === undefined;
  };
  for (const path of files) {
    const display = show(path);
    const file = await read(path, display);
    if (!file || syntax(display, file)) continue;
    const value = file.value;
    if (!isIssued(value)) {
      const source = mappings(display, file, value);
      if (source) out.push({ file: display, source });
      continue;
    }
    // An issued credential: its mappings are those of its definition, inline or in the file it names.
    const definition = value["definition"];
    if (typeof definition !== "string") {
      const source = mappings(display, file, definition, ["definition"]);
      if (source) out.push({ file: display, source });
      continue;
    }
    const ref = resolve(dirname(path), definition.trim());
    if (listed.has(ref)) continue; // the definition file is checked itself
    listed.add(ref);
    const refDisplay = show(ref);
    const referenced = await read(ref, `${display} → definition ${refDisplay}`);
    if (!referenced || syntax(refDisplay, referenced)) continue;
    const source = mappings(refDisplay, referenced, referenced.value);
    if (source) out.push({ file: refDisplay, source });
  }
  if (unreadable.length > 0 || problems.length > 0) {
    throw new CliError(
      [...unreadable, ...problems].join("\nerror: "),
      problems.length > 0
        ? "each credential needs learningOutcomes: [{ id, esco: [skill URIs] }] (and optionally targetOccupations, escoVersion, title); fix the file at the line shown"
        : "check the paths; folders are searched for .yaml, .yml and .json files",
      unreadable.length > 0 ? 2 : 1,
    );
  }
  return out;
}

/** True for an issued credential (it has a definition, a learner or an issuing date), as `validate` decides. */
function isIssued(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    ["definition", "learner", "issued"].some((key) => key in value)
  );
}
