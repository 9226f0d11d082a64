import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { type MappingSource, MappingSourceSchema } from "../diff/mapping-source.js";
import { formatPath } from "../diff/report.js";
import { CliError } from "./io.js";

/**
 * Reads the credential definitions given to `--credentials`: YAML or JSON files, or folders of them.
 * Every problem is reported with its file and line; any problem fails the command with exit code 2.
 *
 * @module
 */

const EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** A credential definition read from a file. */
export interface CredentialFile {
  /** The path as the user would recognise it (relative to the working directory when inside it). */
  readonly file: string;
  readonly source: MappingSource;
}

/** Where a zod issue's path lands in the YAML document: the deepest node that exists on it. */
function lineOf(doc: YAML.Document, counter: YAML.LineCounter, path: readonly PropertyKey[]): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return counter.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${formatPath(issue.path.map((p) => (typeof p === "number" ? p : String(p))))}: ` : "";
  return `${where}${issue.message}`;
}

async function parseFile(path: string, display: string): Promise<{ source?: MappingSource; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    return { problems: [`${display}: cannot read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`] };
  }
  const counter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.slice(0, 5).map((error) => {
        const pos = counter.linePos(error.pos[0]);
        const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        return `${display}:${pos.line}:${pos.col}: ${extname(path).toLowerCase() === ".json" ? "malformed JSON" : "malformed YAML"}: ${message}`;
      }),
    };
  }
  const parsed = MappingSourceSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 5).map((issue) => {
        const { line } = lineOf(doc, counter, issue.path);
        return `${display}:${line}: ${describeIssue(issue)}`;
      }),
    };
  }
  return { source: parsed.data, problems: [] };
}

/**
 * Reads every credential file under `paths` (files, or folders whose `*.yaml`, `*.yml` and `*.json`
 * files are read, not recursing). Throws a `CliError` (exit 2) naming every unreadable or malformed file
 * with its line.
 */
export async function readCredentialFiles(paths: readonly string[], cwd: string): Promise<CredentialFile[]> {
  const problems: string[] = [];
  const files: { path: string; display: string }[] = [];
  const show = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith("..") ? rel : path;
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      problems.push(`${given}: ${code === "ENOENT" ? "no such file or folder" : `cannot read (${code ?? String(cause)})`}`);
      continue;
    }
    if (info.isDirectory()) {
      const found = (await readdir(path, { withFileTypes: true }))
        .filter((e) => e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase()))
        .map((e) => e.name)
        .sort();
      if (found.length === 0) problems.push(`${given}: no *.yaml, *.yml or *.json file in this folder`);
      for (const name of found) files.push({ path: join(path, name), display: show(join(path, name)) });
    } else files.push({ path, display: show(path) });
  }
  const out: CredentialFile[] = [];
  for (const { path, display } of files) {
    const { source, problems: found } = await parseFile(path, display);
    problems.push(...found);
    if (source) out.push({ file: display, source });
  }
  if (problems.length > 0) {
    throw new CliError(
      problems.join("\nerror: "),
      "each credential needs learningOutcomes: [{ id, esco: [skill URIs] }] (and optionally targetOccupations, escoVersion, title); fix the file at the line shown",
    );
  }
  return out;
}
