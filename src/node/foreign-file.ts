import { issue } from "../credential/issues.js";
import { CredentialFileError } from "../errors.js";
import { argOptions, argString, optNumber } from "../guard.js";
import { readRegularFile } from "./read-file.js";
import { foreignElements } from "../foreign/elements.js";
import { readForeignCredential } from "../foreign/read.js";
import type { ForeignCredential } from "../foreign/types.js";
import { parseJsonSource, pathKey } from "./json-source.js";

/**
 * Reading a received credential file (JSON, JWT, SVG, PNG or XML) and locating its issues and ESCO
 * references by line and column where the file is plain JSON.
 *
 * @module
 */

const API = "readForeignCredentialFile";
const MAX_BYTES = 20 * 1024 * 1024;

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/**
 * Reads a credential someone else issued from a file, with {@link readForeignCredential}; for plain
 * JSON files, issues and ESCO references get the line and column of their path.
 *
 * @category Foreign credentials
 * @param path - The file: `.json`, `.jsonld`, `.jwt`, `.svg`, `.png`, `.xml` (the content decides, not the name).
 * @param options - `maxBytes`: refuse larger files with an `input_too_large` issue (default 20 MiB).
 * @returns The read credential.
 * @throws {@link CredentialFileError} when the file does not exist, is a folder or cannot be read;
 *   (also when it is not a regular file: a device or FIFO is refused before a byte is read);
 *   {@link InvalidArgumentError} when `path` is not a string or `options` is malformed.
 * @example
 * ```ts
 * import { readForeignCredentialFile } from "green-skills/node";
 * const read = await readForeignCredentialFile("badge.png");
 * read.format //=> "openbadges-3.0-png"
 * ```
 */
export async function readForeignCredentialFile(
  path: string,
  options: { maxBytes?: number } = {},
): Promise<ForeignCredential> {
  argString(API, "path", path);
  const max = optNumber(API, argOptions(API, options), "maxBytes", 1, Number.MAX_SAFE_INTEGER, true) ?? MAX_BYTES;
  const file = await readRegularFile(path, { maxBytes: max });
  if (!file.ok && file.reason === "too_large") {
    return {
      format: "unknown",
      kind: "unknown",
      document: undefined,
      learningOutcomes: [],
      escoReferences: [],
      elements: foreignElements({}, false),
      issues: [issue("input_too_large", "error", [], file.message)],
    };
  }
  if (!file.ok)
    throw new CredentialFileError(
      path,
      file.reason === "missing"
        ? "no such file"
        : file.reason === "not_regular"
          ? file.message
          : `cannot read: ${file.message}`,
      { cause: file.cause },
    );
  const bytes = new Uint8Array(file.bytes);
  const read = readForeignCredential(bytes);
  if (!["openbadges-3.0", "elm-edc", "unknown"].includes(read.format) || read.document === undefined) return read;
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const source = parseJsonSource(text);
  if (!source.ok) return read;
  const locate = <T extends { path: readonly (string | number)[]; line?: number | undefined }>(x: T): T => {
    if (x.line !== undefined) return x;
    for (let n = x.path.length; n >= 0; n--) {
      const position = source.positions.get(pathKey(x.path.slice(0, n)));
      if (position) return { ...x, ...lineColumn(text, position.key ?? position.value) };
    }
    return x;
  };
  return { ...read, issues: read.issues.map(locate), escoReferences: read.escoReferences.map(locate) };
}
