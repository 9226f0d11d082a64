import { type CredentialIssue, type IssuePath, issue } from "./issues.js";

/**
 * TODO markers: a string value that starts with `TODO` (as `green-skills init` writes them) is a field not
 * written yet. It is taken out before the other checks and reported as one `todo` error at its path, and
 * the issues the other checks find at that path or above it (a missing element, a wrong type) are dropped,
 * so an unfinished template gives one clear line per gap rather than syntax or type errors.
 *
 * @module
 */

/** A TODO marker found in a document. */
export interface TodoMarker {
  readonly path: IssuePath;
  readonly text: string;
}

const TODO = /^\s*TODO\b/;

/** Nesting beyond which markers are not looked for (sanitize caps such documents anyway). */
const MAX_DEPTH = 64;

/** Values looked at before giving up (sanitize refuses larger documents anyway, with its own issue). */
const MAX_NODES = 100_000;

/**
 * Whether a TODO marker occurs in a value: no copy, each object once, at most {@link MAX_NODES} values and
 * {@link MAX_DEPTH} levels, and `false` for anything that is not plain data (a Proxy whose traps throw, a
 * huge sparse list): such inputs go on to sanitize, which reports them.
 */
function hasTodo(input: unknown): boolean {
  const seen = new Set<object>();
  let budget = MAX_NODES;
  const visit = (value: unknown, depth: number): boolean => {
    if (--budget < 0) throw new RangeError("too large to look for TODO markers");
    if (isTodo(value)) return true;
    if (typeof value !== "object" || value === null || depth > MAX_DEPTH || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      if (value.length > budget) throw new RangeError("too large to look for TODO markers");
      for (let i = 0; i < value.length; i++) if (visit(value[i], depth + 1)) return true;
      return false;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const item of Object.values(value)) if (visit(item, depth + 1)) return true;
    return false;
  };
  try {
    return visit(input, 0);
  } catch {
    return false;
  }
}

/** Whether a value is a TODO marker. */
export const isTodo = (value: unknown): value is string => typeof value === "string" && TODO.test(value);

/** A copy of `input` without its TODO values, and where they were. Inputs other than plain data are returned as they are. */
export function stripTodos(input: unknown): { value: unknown; todos: TodoMarker[] } {
  if (!hasTodo(input)) return { value: input, todos: [] };
  const todos: TodoMarker[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, path: IssuePath): unknown => {
    if (typeof value !== "object" || value === null || seen.has(value) || path.length > MAX_DEPTH) return value;
    seen.add(value);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((item, index) => {
        if (isTodo(item)) todos.push({ path: [...path, index], text: item.trim() });
        else out.push(walk(item, [...path, index]));
      });
      return out;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    // No prototype: a "__proto__" key stays an own key, for sanitize to drop and report.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      if (isTodo(item)) todos.push({ path: [...path, key], text: item.trim() });
      else out[key] = walk(item, [...path, key]);
    }
    return out;
  };
  const value = isTodo(input) ? undefined : walk(input, []);
  if (isTodo(input)) todos.push({ path: [], text: input.trim() });
  return { value, todos };
}

const startsWith = (path: IssuePath, prefix: IssuePath) =>
  prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

/** The issues with the TODO markers in: one `todo` error per marker; issues at or above a marker dropped. */
export function applyTodos(issues: readonly CredentialIssue[], todos: readonly TodoMarker[]): CredentialIssue[] {
  if (todos.length === 0) return [...issues];
  const kept = issues.filter(
    (i) => !todos.some((t) => startsWith(i.path, t.path) || (i.path.length > 0 && startsWith(t.path, i.path))),
  );
  const marks = todos.map((t) =>
    issue("todo", "error", t.path, `not written yet: ${t.text}`, {
      suggestion: "replace the TODO text with the value (the comment above it says what goes here)",
    }),
  );
  return [...marks, ...kept];
}
