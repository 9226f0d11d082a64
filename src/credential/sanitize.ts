import { type CredentialIssue, type IssuePath, issue } from "./issues.js";
import { argOptions, optNumber, readingArgument } from "../guard.js";

/**
 * The first stage of validation: a defensive copy of the input. Keys that could reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`) are dropped with an `unsafe_key` issue, nesting and
 * size are capped, and dates become ISO strings, so later stages only ever see plain JSON-like data.
 *
 * @module
 */

/** Keys that are dropped from every object. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Limits on the nesting and size of a document, checked before anything else. @category Validation */
export interface SanitizeLimits {
  /** Deepest nesting of objects and arrays (default 64; a definition needs about 6). */
  maxDepth?: number;
  /** Most values in the document (default 100,000; a 20-outcome definition has about 300). */
  maxNodes?: number;
}

/** A sanitized copy of `input`, with the issues found on the way. */
export function sanitize(
  input: unknown,
  limits: SanitizeLimits = {},
  api = "parseCredential",
): { value: unknown; issues: CredentialIssue[] } {
  argOptions(api, limits, "limits");
  const maxDepth = optNumber(api, limits, "maxDepth", 1, 10_000, true) ?? 64;
  const maxNodes = optNumber(api, limits, "maxNodes", 1, 100_000_000, true) ?? 100_000;
  const issues: CredentialIssue[] = [];
  let nodes = 0;
  let stopped = false;
  const stop = (path: IssuePath, message: string) => {
    if (!stopped) issues.push(issue("input_too_large", "error", path, message));
    stopped = true;
  };
  const copy = (value: unknown, path: IssuePath, depth: number): unknown => {
    if (stopped) return undefined;
    if (++nodes > maxNodes) {
      stop(
        path,
        `the document has more than ${maxNodes.toLocaleString("en-US")} values; a micro-credential needs far fewer`,
      );
      return undefined;
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (typeof value === "string") {
      checkText(value, path, issues);
      return value;
    }
    if (typeof value !== "object" || value === null) return value;
    if (depth >= maxDepth) {
      stop(path, `nesting deeper than ${maxDepth} levels; a micro-credential needs about 6`);
      return undefined;
    }
    if (Array.isArray(value)) {
      // Checked before the walk: a sparse array of length 2^28 would otherwise take seconds to visit.
      if (nodes + value.length > maxNodes) {
        stop(
          path,
          `a list of ${value.length.toLocaleString("en-US")} items; the document may hold at most ${maxNodes.toLocaleString("en-US")} values`,
        );
        return undefined;
      }
      // Holes become undefined, so a sparse list is judged item by item rather than skipped.
      const out: unknown[] = [];
      for (let index = 0; index < value.length; index++) out.push(copy(value[index], [...path, index], depth + 1));
      return out;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (UNSAFE_KEYS.has(key)) {
        issues.push(
          issue("unsafe_key", "error", [...path, key], `the key "${key}" is not allowed and was ignored`, {
            suggestion: "remove it; keys that name object internals are never part of a credential",
          }),
        );
        continue;
      }
      out[key] = copy((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
    return out;
  };
  const value = readingArgument(api, "input", input, () => copy(input, [], 0));
  return { value, issues };
}

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (text: string, pattern: RegExp) => {
  const found = pattern.exec(text);
  return found
    ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at character ${found.index + 1}`
    : "";
};

/**
 * Characters no credential text needs, which would otherwise be copied into the exports: control
 * characters (NUL, bell, escape …; tab and line breaks are fine), bidirectional overrides and isolates
 * (they make text display differently from what it says), and lone UTF-16 surrogates (not text at all;
 * e.g. a JSON "\\ud800" escape) are errors. The replacement character U+FFFD is a warning: it is what
 * text decoded with the wrong encoding turns into.
 */
function checkText(value: string, path: IssuePath, issues: CredentialIssue[]): void {
  if (CONTROL.test(value)) {
    issues.push(
      issue("invalid_value", "error", path, `the text contains a control character (${codePoint(value, CONTROL)})`, {
        suggestion: "remove it; only tab and line breaks are allowed in text",
      }),
    );
  }
  if (BIDI.test(value)) {
    issues.push(
      issue(
        "invalid_value",
        "error",
        path,
        `the text contains a bidirectional override or isolate character (${codePoint(value, BIDI)}), which can make it display differently from what it says`,
        { suggestion: "remove it; write the text in its natural order (U+200E/U+200F direction marks are allowed)" },
      ),
    );
  }
  if (LONE_SURROGATE.test(value)) {
    issues.push(
      issue(
        "invalid_value",
        "error",
        path,
        `the text contains a lone UTF-16 surrogate (${codePoint(value, LONE_SURROGATE)}), which is not a character`,
        { suggestion: "check the \\u escapes: a surrogate must come in a pair" },
      ),
    );
  }
  if (value.includes("\ufffd")) {
    issues.push(
      issue(
        "invalid_value",
        "warning",
        path,
        `the text contains the replacement character U+FFFD (at character ${value.indexOf("\ufffd") + 1}), a sign that it was decoded with the wrong encoding`,
        { suggestion: "re-save the file as UTF-8 and retype the damaged characters" },
      ),
    );
  }
}
