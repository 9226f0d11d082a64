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
export function sanitize(input: unknown, limits: SanitizeLimits = {}, api = "parseCredential"): { value: unknown; issues: CredentialIssue[] } {
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
      stop(path, `the document has more than ${maxNodes.toLocaleString("en-US")} values; a micro-credential needs far fewer`);
      return undefined;
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (typeof value !== "object" || value === null) return value;
    if (depth >= maxDepth) {
      stop(path, `nesting deeper than ${maxDepth} levels; a micro-credential needs about 6`);
      return undefined;
    }
    if (Array.isArray(value)) {
      // Checked before the walk: a sparse array of length 2^28 would otherwise take seconds to visit.
      if (nodes + value.length > maxNodes) {
        stop(path, `a list of ${value.length.toLocaleString("en-US")} items; the document may hold at most ${maxNodes.toLocaleString("en-US")} values`);
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
        issues.push(issue("unsafe_key", "error", [...path, key], `the key "${key}" is not allowed and was ignored`, { suggestion: "remove it; keys that name object internals are never part of a credential" }));
        continue;
      }
      out[key] = copy((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
    return out;
  };
  const value = readingArgument(api, "input", input, () => copy(input, [], 0));
  return { value, issues };
}
