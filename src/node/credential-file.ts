import { extname } from "node:path";
import { type CredentialIssue, type IssuePath, issue } from "../credential/issues.js";
import { CredentialFileError } from "../errors.js";
import { parseJsonSource, pathKey } from "./json-source.js";
import { readRegularFile } from "./read-file.js";
import { parseYamlSource } from "../text/yaml-source.js";
import { argOptions, argString, optNumber } from "../guard.js";
import { controlCharacterIssue, decodeCredentialBytes } from "./credential-text.js";

/**
 * Reading credential files: YAML or JSON, with the line and column of every path, and limits for
 * hostile input. Problems in the file's content become issues; only an unreadable path throws.
 *
 * @module
 */

/**
 * Options of {@link readCredentialFile} and {@link parseCredentialText}.
 *
 * @category Credential files
 */
export interface ReadCredentialFileOptions {
  /** Largest file accepted, in bytes (default 1 MiB; a 20-outcome definition is about 10 KB). */
  maxBytes?: number;
  /** Most nodes YAML aliases may expand to (default 100). */
  maxAliasCount?: number;
  /** Deepest nesting accepted (default 64). */
  maxDepth?: number;
}

/**
 * A credential document read from a file or text.
 *
 * @category Credential files
 */
export interface CredentialSource {
  /** The file path, or a name given to the text. */
  readonly path: string;
  readonly format: "yaml" | "json";
  /** The parsed document; `undefined` when the text could not be parsed (see `issues`). */
  readonly value: unknown;
  /** Syntax errors and exceeded limits, with line and column. */
  readonly issues: CredentialIssue[];
  /** 1-based line and column of a document path (of its deepest existing part), if known. */
  locate(path: IssuePath): { line: number; column: number } | undefined;
}

const DEFAULTS = { maxBytes: 1024 * 1024, maxAliasCount: 100, maxDepth: 64 };

/** The limits with defaults applied, each checked. */
function readLimits(api: string, value: ReadCredentialFileOptions): typeof DEFAULTS {
  const options = argOptions(api, value);
  return {
    maxBytes: optNumber(api, options, "maxBytes", 1, Number.MAX_SAFE_INTEGER, true) ?? DEFAULTS.maxBytes,
    maxAliasCount: optNumber(api, options, "maxAliasCount", 0, 1_000_000, true) ?? DEFAULTS.maxAliasCount,
    maxDepth: optNumber(api, options, "maxDepth", 1, 10_000, true) ?? DEFAULTS.maxDepth,
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Picks the format from the extension, else from the first character. */
function formatOf(path: string, text: string): "yaml" | "json" {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  return /^\s*[[{]/.test(text) ? "json" : "yaml";
}

/**
 * Parses credential text (YAML or JSON) with positions. Never throws on malformed text.
 *
 * @category Credential files
 * @param text - The file's content.
 * @param path - A file name (its extension picks the format: `.json`, else YAML).
 * @param options - Limits.
 * @returns The parsed document, syntax issues, and a locator for issue paths.
 */
export function parseCredentialText(
  text: string,
  path: string,
  options: ReadCredentialFileOptions = {},
): CredentialSource {
  argString("parseCredentialText", "text", text, true);
  argString("parseCredentialText", "path", path, true);
  const limits = readLimits("parseCredentialText", options);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const control = controlCharacterIssue(text);
  if (control)
    return { path, format: formatOf(path, text), value: undefined, issues: [control], locate: () => undefined };
  const starts = lineStarts(text);
  const at = (offset: number | undefined) => (offset === undefined ? {} : position(starts, offset));
  const format = formatOf(path, text);
  const located = (i: CredentialIssue, offset: number | undefined): CredentialIssue => ({ ...i, ...at(offset) });
  if (format === "json") {
    const result = parseJsonSource(text, limits.maxDepth);
    if (!result.ok) {
      const code = result.tooDeep ? "input_too_large" : "syntax_error";
      return {
        path,
        format,
        value: undefined,
        issues: [located(issue(code, "error", [], `invalid JSON: ${result.message}`), result.offset)],
        locate: () => undefined,
      };
    }
    const issues = result.duplicates.map((d) =>
      located(
        issue(
          "syntax_error",
          "error",
          d.path,
          `duplicate key "${String(d.path.at(-1))}": JSON keeps only the last value`,
          { suggestion: "merge the two entries into one" },
        ),
        d.offset,
      ),
    );
    const locate = (p: IssuePath) => {
      for (let n = p.length; n > 0; n--) {
        const found = result.positions.get(pathKey(p.slice(0, n)));
        if (found) return position(starts, found.key ?? found.value);
      }
      return undefined;
    };
    return { path, format, value: issues.length > 0 ? undefined : result.value, issues, locate };
  }
  const result = parseYamlSource(text, { maxAliasCount: limits.maxAliasCount, maxFlowDepth: limits.maxDepth });
  const issues = result.problems.map((p) =>
    located(
      p.kind === "alias"
        ? issue("alias_limit_exceeded", "error", [], `YAML ${p.message}: the file looks like an alias bomb`, {
            suggestion: "write the repeated content out instead of using anchors and aliases",
          })
        : p.kind === "depth"
          ? issue("input_too_large", "error", [], `YAML ${p.message}`)
          : issue(
              "syntax_error",
              p.kind === "warning" ? "warning" : "error",
              [],
              `invalid YAML: ${p.message}`,
              p.hint ? { suggestion: p.hint } : {},
            ),
      p.kind === "syntax" || p.kind === "warning" ? p.offset : undefined,
    ),
  );
  const locate = (p: IssuePath) => {
    const offset = result.offsetOf(p);
    return offset === undefined ? undefined : position(starts, offset);
  };
  return { path, format, value: result.value, issues: [...issues, ...todoComments(text)], locate };
}

/**
 * Reads a credential file (YAML or JSON). Content problems (syntax, size, alias bombs) are returned as
 * issues with line and column; only a path that cannot be read throws.
 *
 * @category Credential files
 * @param path - Path of a `.yaml`, `.yml` or `.json` file.
 * @param options - Limits.
 * @returns The parsed document with its issues and a locator.
 * @throws {@link CredentialFileError} when the path does not exist, is not a regular file (a folder,
 *   device, FIFO or socket; symbolic links are followed) or cannot be read.
 * @example
 * ```ts
 * import { readCredentialFile, validateCredential } from "green-skills/node";
 * const file = await readCredentialFile("taxonomy/examples/construction-heat-pump-installation.yaml");
 * file.locate(["learningOutcomes", 0, "esco", 0]) //=> { line: 29, column: 9 }
 * ```
 */
export async function readCredentialFile(
  path: string,
  options: ReadCredentialFileOptions = {},
): Promise<CredentialSource> {
  argString("readCredentialFile", "path", path);
  const { maxBytes } = readLimits("readCredentialFile", options);
  // Only regular files, the size checked on the opened handle before reading: a device such as /dev/zero
  // fails at once, and a FIFO cannot block the reader.
  const read = await readRegularFile(path, { maxBytes });
  const format = extname(path).toLowerCase() === ".json" ? "json" : "yaml";
  if (!read.ok && read.reason === "too_large") {
    const issues = [
      issue("input_too_large", "error", [], read.message, {
        suggestion: "a micro-credential definition is a few kilobytes; check that this is the right file",
      }),
    ];
    return { path, format, value: undefined, issues, locate: () => undefined };
  }
  if (!read.ok)
    throw new CredentialFileError(
      path,
      read.reason === "missing"
        ? "no such file"
        : read.reason === "not_regular"
          ? read.message
          : `cannot read: ${read.message}`,
      { cause: read.cause },
    );
  const decoded = decodeCredentialBytes(read.bytes);
  if ("issue" in decoded) return { path, format, value: undefined, issues: [decoded.issue], locate: () => undefined };
  return parseCredentialText(decoded.text, path, options);
}

/**
 * `# TODO …` comments (as `green-skills init` writes above suggested mappings): `todo` warnings with
 * their line, so an unreviewed template does not pass `validate --strict`.
 */
function todoComments(text: string): CredentialIssue[] {
  const out: CredentialIssue[] = [];
  text.split("\n").forEach((line, index) => {
    const match = /(^|\s)#\s*TODO\b:?\s*(.*)$/.exec(line);
    if (!match) return;
    const before = line.slice(0, match.index);
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/'/g)?.length ?? 0) % 2 === 1) return;
    const what = match[2]!.trim();
    out.push({
      ...issue("todo", "warning", [], `TODO comment: ${what || "(no text)"}`, {
        suggestion: "do what the comment asks, then delete the comment",
      }),
      line: index + 1,
      column: match.index + match[1]!.length + 1,
    });
  });
  return out;
}
