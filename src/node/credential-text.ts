import { type CredentialIssue, issue } from "../credential/issues.js";

/**
 * The encoding rules of credential files: UTF-8 only (a UTF-8 byte-order mark is accepted and dropped).
 * Invalid UTF-8 (a Latin-1 or Windows-1252 file, a truncated sequence), UTF-16 and UTF-32 files, NUL bytes
 * and control characters other than tab and line breaks are errors located at their line and column,
 * never silently replaced (a replacement would travel into the exports as `W�rmepumpen`).
 *
 * @module
 */

/** 1-based line and column (in characters) of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  // Columns count code points, as editors do: a surrogate pair is one character.
  return { line, column: [...text.slice(start, offset)].length + 1 };
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates encoded in UTF-8, and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Decodes a credential file's bytes as UTF-8, or returns the error issue that says where and why it is
 * not UTF-8.
 *
 * @internal
 */
export function decodeCredentialBytes(bytes: Uint8Array): { text: string } | { issue: CredentialIssue } {
  const fail = (
    message: string,
    suggestion: string,
    at?: { line: number; column: number },
  ): { issue: CredentialIssue } => ({
    issue: { ...issue("syntax_error", "error", [], message, { suggestion }), ...(at ?? {}) },
  });
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return fail(
      "the file is UTF-32 encoded (it starts with a UTF-32 byte-order mark); credential files must be UTF-8",
      "save the file as UTF-8",
      { line: 1, column: 1 },
    );
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return fail(
      "the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark); credential files must be UTF-8",
      "save the file as UTF-8 (in most editors: File › Save with encoding › UTF-8)",
      { line: 1, column: 1 },
    );
  }
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const before = new TextDecoder("utf-8").decode(body.subarray(0, bad));
    // A NUL byte before the bad one says more (a binary file, or UTF-16 text without a byte-order mark).
    const control = controlCharacterIssue(before);
    if (control) return { issue: control };
    const at = lineColumn(before, before.length);
    const latin = body[bad]! >= 0xa0 ? "; the file looks Latin-1 or Windows-1252 encoded" : "";
    return fail(
      `the file is not valid UTF-8: byte ${hex(body[bad]!)} at line ${at.line}, column ${at.column} does not start a UTF-8 character${latin}`,
      "save the file as UTF-8; green-skills does not guess encodings, so no character is silently replaced",
      at,
    );
  }
  return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body) };
}

// NUL, other C0 controls but tab, line feed and carriage return, DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * The first control character in a credential text (file content), as an error issue with its line and
 * column; `undefined` when there is none. Tab and line breaks are fine. A NUL byte usually means a binary
 * file or UTF-16 text.
 *
 * @internal
 */
export function controlCharacterIssue(text: string): CredentialIssue | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0);
  const name =
    code === 0 ? "a NUL character" : `the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const at = lineColumn(text, found.index);
  return {
    ...issue("syntax_error", "error", [], `the file contains ${name} at line ${at.line}, column ${at.column}`, {
      suggestion:
        code === 0
          ? "this looks like a binary or UTF-16 file; save the credential as UTF-8 text"
          : "remove it; only tab and line breaks are allowed in a credential file",
    }),
    ...at,
  };
}
