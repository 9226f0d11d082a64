/**
 * Small plain shape checkers for the runtime paths a browser page reaches (loading a bundle), so that
 * those paths do not pull zod (~93 KB minified) into the page. Each checker describes the same shape as
 * a zod schema exported from `green-skills/schemas` and reports the first problem with the same path and
 * the same English message zod gives (tests compare the two on valid and invalid samples). A checker
 * returns a copy of the value (objects, arrays and records are copied, as zod's parse does) or the first
 * issue; it never throws.
 *
 * @module
 * @internal
 */

/** The first problem a checker found: where, and zod's English message for it. */
export interface PlainIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const FAIL: unique symbol = Symbol("fail");
/** A checker's answer: the (copied) value, or the failure marker with the issue in `at.issue`. */
type Out = unknown;
/** A checker: the value at `path`, and the slot where it leaves its issue on failure. */
export type Checker = (value: unknown, path: PropertyKey[], at: { issue?: PlainIssue }) => Out;

/** zod's name of a value's type in "received …". */
function received(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isFinite(value) ? "number" : String(value);
  return typeof value;
}

function fail(at: { issue?: PlainIssue }, path: PropertyKey[], message: string): typeof FAIL {
  at.issue = { path: [...path], message };
  return FAIL;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const quoted = (v: string | number) => JSON.stringify(v);

/** `z.string()`, with `.min(min)` when given. */
export function str(min?: number): Checker {
  return (v, path, at) => {
    if (typeof v !== "string") return fail(at, path, `Invalid input: expected string, received ${received(v)}`);
    if (min !== undefined && v.length < min)
      return fail(at, path, `Too small: expected string to have >=${min} characters`);
    return v;
  };
}

/** `z.number()`, with `.int()`, `.min(min)` (or `.positive()`: `gt0`) and `.max(max)` when given. */
export function num(opts: { int?: true; min?: number; positive?: true; max?: number } = {}): Checker {
  return (v, path, at) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      return fail(at, path, `Invalid input: expected number, received ${received(v)}`);
    if (opts.int) {
      if (!Number.isInteger(v)) return fail(at, path, "Invalid input: expected int, received number");
      if (v > Number.MAX_SAFE_INTEGER)
        return fail(at, path, `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
      if (v < Number.MIN_SAFE_INTEGER)
        return fail(at, path, `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
    }
    if (opts.positive && !(v > 0)) return fail(at, path, "Too small: expected number to be >0");
    if (opts.min !== undefined && v < opts.min) return fail(at, path, `Too small: expected number to be >=${opts.min}`);
    if (opts.max !== undefined && v > opts.max) return fail(at, path, `Too big: expected number to be <=${opts.max}`);
    return v;
  };
}

/** `z.literal(value)` for a string or a number. */
export function literal(value: string | number): Checker {
  return (v, path, at) => (v === value ? v : fail(at, path, `Invalid input: expected ${quoted(value)}`));
}

/** `z.enum(values)`. */
export function oneOf(values: readonly string[]): Checker {
  return (v, path, at) =>
    typeof v === "string" && values.includes(v)
      ? v
      : fail(at, path, `Invalid option: expected one of ${values.map(quoted).join("|")}`);
}

/** `z.string().regex(pattern, message)`. */
export function matching(pattern: RegExp, message: string): Checker {
  return (v, path, at) => {
    if (typeof v !== "string") return fail(at, path, `Invalid input: expected string, received ${received(v)}`);
    return pattern.test(v) ? v : fail(at, path, message);
  };
}

/** `z.string().trim().min(1, message)`: the copy holds the trimmed string. */
export function trimmed(message: string): Checker {
  return (v, path, at) => {
    if (typeof v !== "string") return fail(at, path, `Invalid input: expected string, received ${received(v)}`);
    const t = v.trim();
    return t.length >= 1 ? t : fail(at, path, message);
  };
}

/** `z.string().superRefine(…)` with one custom check: `problem` returns the message, or `undefined` when fine. */
export function stringWhere(problem: (value: string) => string | undefined): Checker {
  return (v, path, at) => {
    if (typeof v !== "string") return fail(at, path, `Invalid input: expected string, received ${received(v)}`);
    const message = problem(v);
    return message === undefined ? v : fail(at, path, message);
  };
}

/** `inner.default(make())`: an absent value becomes a fresh default, unchecked (as zod does). */
export function withDefault(inner: Checker, make: () => unknown): Checker {
  return (v, path, at) => (v === undefined ? make() : inner(v, path, at));
}

/**
 * `inner.superRefine(…)`: once `inner` accepted the value, `problem` looks at the (copied) value and
 * returns the first problem (a path relative to the value, and a message), or `undefined`.
 */
export function refined(
  inner: Checker,
  problem: (value: never) => { path: readonly PropertyKey[]; message: string } | undefined,
): Checker {
  return (v, path, at) => {
    const out = inner(v, path, at);
    if (out === FAIL) return FAIL;
    const found = problem(out as never);
    return found ? fail(at, [...path, ...found.path], found.message) : out;
  };
}

/** `z.unknown()`. */
export const anything: Checker = (v) => v;

/** `inner.nullable()`. */
export function nullable(inner: Checker): Checker {
  return (v, path, at) => (v === null ? null : inner(v, path, at));
}

/** `z.array(item)`, with `.min(min)` when given. */
export function list(item: Checker, min?: number): Checker {
  return (v, path, at) => {
    if (!Array.isArray(v)) return fail(at, path, `Invalid input: expected array, received ${received(v)}`);
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const r = item(v[i], path, at);
      path.pop();
      if (r === FAIL) return FAIL;
      out[i] = r;
    }
    if (min !== undefined && v.length < min) return fail(at, path, `Too small: expected array to have >=${min} items`);
    return out;
  };
}

/**
 * `z.record(z.string(), value)`; with `key`, `z.record(key, value)`, where `key` tells whether a key is
 * valid (zod reports an invalid key as "Invalid key in record" at the key).
 */
export function record(value: Checker, key?: (key: string) => boolean): Checker {
  return (v, path, at) => {
    if (!isPlainObject(v)) return fail(at, path, `Invalid input: expected record, received ${received(v)}`);
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(v)) {
      // An own `__proto__` key (JSON.parse makes one) is skipped, as zod does: copying it would set the
      // copy's prototype.
      if (name === "__proto__") continue;
      if (key && !key(name)) return fail(at, [...path, name], "Invalid key in record");
      path.push(name);
      const r = value(v[name], path, at);
      path.pop();
      if (r === FAIL) return FAIL;
      out[name] = r;
    }
    return out;
  };
}

/** `z.strictObject(shape)`; the keys listed in `optional` may be absent (`.optional()`). */
export function strict(shape: Readonly<Record<string, Checker>>, optional: readonly string[] = []): Checker {
  const keys = Object.keys(shape);
  return (v, path, at) => {
    if (!isPlainObject(v)) return fail(at, path, `Invalid input: expected object, received ${received(v)}`);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const item = v[key];
      if (item === undefined && optional.includes(key)) continue;
      path.push(key);
      const r = (shape[key] as Checker)(item, path, at);
      path.pop();
      if (r === FAIL) return FAIL;
      out[key] = r;
    }
    const extra = Object.keys(v).filter((k) => !Object.hasOwn(shape, k));
    if (extra.length > 0)
      return fail(at, path, `Unrecognized key${extra.length > 1 ? "s" : ""}: ${extra.map(quoted).join(", ")}`);
    return out;
  };
}

/** `z.discriminatedUnion(key, …)`: `options` maps each discriminator value to its object checker. */
export function union(key: string, options: ReadonlyArray<readonly [readonly string[], Checker]>): Checker {
  const all = options.flatMap(([values]) => values);
  return (v, path, at) => {
    if (!isPlainObject(v)) return fail(at, path, `Invalid input: expected object, received ${received(v)}`);
    const tag = v[key];
    const option = options.find(([values]) => typeof tag === "string" && values.includes(tag));
    if (!option) {
      path.push(key);
      const r = fail(at, path, `Invalid discriminator value. Expected ${all.map((x) => `'${x}'`).join(" | ")}`);
      path.pop();
      return r;
    }
    return option[1](v, path, at);
  };
}

/** Runs a checker: the copied value, or the first issue. */
export function check<T>(checker: Checker, value: unknown): { ok: true; value: T } | { ok: false; issue: PlainIssue } {
  const at: { issue?: PlainIssue } = {};
  const out = checker(value, [], at);
  if (out === FAIL) return { ok: false, issue: at.issue ?? { path: [], message: "Invalid input" } };
  return { ok: true, value: out as T };
}
