import { GreenSkillsError, InvalidArgumentError, InvalidOptionError } from "./errors.js";

/**
 * Argument guards for the public functions: each checks one argument at function entry and throws a
 * named {@link InvalidArgumentError} (wrong type) or {@link InvalidOptionError} (bad option value), so no
 * raw `TypeError` escapes from deeper in the library. None of them calls user code except through a
 * `try`, so a hostile Proxy becomes an argument error too.
 *
 * @module
 */

/** @internal True for a plain object or a class instance (not null, an array or a function). */
export function isObjectLike(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false;
  }
}

/** @internal A string argument (non-empty unless `allowEmpty`). */
export function argString(api: string, name: string, value: unknown, allowEmpty = false): string {
  if (typeof value !== "string" || (!allowEmpty && value.length === 0))
    throw new InvalidArgumentError(api, name, allowEmpty ? "a string" : "a non-empty string", value);
  return value;
}

/** @internal An options argument: `undefined` (→ `{}`) or an object. */
export function argOptions<T extends object>(api: string, value: T | undefined, name = "options"): T {
  if (value === undefined) return {} as T;
  if (!isObjectLike(value)) throw new InvalidArgumentError(api, name, "an options object (or undefined)", value);
  return value;
}

/** @internal An object argument (not null, not an array). */
export function argObject(api: string, name: string, value: unknown, expected = "an object"): Record<string, unknown> {
  if (!isObjectLike(value)) throw new InvalidArgumentError(api, name, expected, value);
  return value;
}

/** @internal An array argument, at most `max` long. */
export function argArray(api: string, name: string, value: unknown, max = 100_000, expected = "an array"): unknown[] {
  let ok = false;
  try {
    ok = Array.isArray(value) && (value as unknown[]).length <= max;
  } catch {
    ok = false;
  }
  if (!ok)
    throw new InvalidArgumentError(api, name, `${expected} of at most ${max.toLocaleString("en-US")} items`, value);
  return value as unknown[];
}

/** @internal Bytes: a Uint8Array (or any ArrayBuffer view). */
export function argBytes(api: string, name: string, value: unknown): Uint8Array {
  if (!ArrayBuffer.isView(value) || !(value instanceof Uint8Array))
    throw new InvalidArgumentError(api, name, "a Uint8Array", value);
  return value;
}

/**
 * @internal Reads an option property safely: a getter or Proxy that throws becomes an
 * {@link InvalidArgumentError}.
 */
export function readOption(api: string, options: object, key: string): unknown {
  try {
    return (options as Record<string, unknown>)[key];
  } catch (cause) {
    throw Object.assign(new InvalidArgumentError(api, "options", "an object whose fields can be read", options), {
      cause,
    });
  }
}

/** @internal An optional string option. */
export function optString(api: string, options: object, key: string): string | undefined {
  const value = readOption(api, options, key);
  if (value === undefined) return undefined;
  if (typeof value !== "string")
    throw new InvalidOptionError(api, key, `must be a string, got ${describeShort(value)}`);
  return value;
}

/** @internal An optional enum option: one of `allowed`. */
export function optEnum<T extends string>(
  api: string,
  options: object,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = readOption(api, options, key);
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidOptionError(
      api,
      key,
      `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describeShort(value)}`,
    );
  }
  return value as T;
}

/** @internal An optional boolean option. */
export function optBoolean(api: string, options: object, key: string): boolean | undefined {
  const value = readOption(api, options, key);
  if (value === undefined || typeof value === "boolean") return value;
  throw new InvalidOptionError(api, key, `must be true or false, got ${describeShort(value)}`);
}

/** @internal An optional finite number option within [min, max]. */
export function optNumber(
  api: string,
  options: object,
  key: string,
  min = -Infinity,
  max = Infinity,
  integer = false,
): number | undefined {
  const value = readOption(api, options, key);
  if (value === undefined) return undefined;
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidOptionError(
      api,
      key,
      `must be a${integer ? " whole" : " finite"} number${min > -Infinity ? ` from ${min}` : ""}${max < Infinity ? ` to ${max}` : ""}, got ${describeShort(value)}`,
    );
  }
  return value;
}

/** @internal An optional object option. */
export function optObject(api: string, options: object, key: string): Record<string, unknown> | undefined {
  const value = readOption(api, options, key);
  if (value === undefined) return undefined;
  if (!isObjectLike(value)) throw new InvalidOptionError(api, key, `must be an object, got ${describeShort(value)}`);
  return value;
}

function describeShort(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string")
    return value.length > 40 ? `a string of length ${value.length}` : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * @internal Runs `read` (which walks a value handed in by the caller) and turns a throw from user code
 * (a getter, a Proxy trap) into an {@link InvalidArgumentError}.
 */
export function readingArgument<T>(api: string, name: string, value: unknown, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    if (cause instanceof GreenSkillsError) throw cause;
    throw Object.assign(new InvalidArgumentError(api, name, "a plain value whose fields can be read", value), {
      cause,
    });
  }
}

/** @internal A value that must match a zod schema (a diff, a change, a source issue): returns the parsed value. */
export function argSchema<T>(
  api: string,
  name: string,
  value: unknown,
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
  expected: string,
): T {
  let result: { success: boolean; data?: T };
  try {
    result = schema.safeParse(value);
  } catch {
    result = { success: false };
  }
  if (!result.success) throw new InvalidArgumentError(api, name, expected, value);
  return result.data as T;
}

/** @internal An array of non-empty strings (paths), at most `max` long. */
export function argStringArray(api: string, name: string, value: unknown, max = 10_000): string[] {
  const list = argArray(api, name, value, max, "an array of non-empty strings");
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== "string" || (list[i] as string).length === 0)
      throw new InvalidArgumentError(api, `${name}[${i}]`, "a non-empty string", list[i]);
  }
  return list as string[];
}

/** @internal What an option may be: a type, or a list of allowed strings. */
export type OptionSpec =
  | "string"
  | "boolean"
  | "number"
  | "count"
  | "object"
  | "array"
  | "function"
  | "strings"
  | readonly string[];

/**
 * @internal Checks an options argument against `spec` and returns a shallow copy of the known fields
 * (unknown fields are ignored, as before). `count` is a whole number ≥ 0 (or Infinity).
 */
export function checkOptions<T extends object>(api: string, value: T | undefined, spec: Record<string, OptionSpec>): T {
  const options = argOptions<T>(api, value);
  const out: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(spec)) {
    const v = readOption(api, options, key);
    if (v === undefined) continue;
    if (Array.isArray(kind)) out[key] = optEnum(api, options, key, kind as readonly string[]);
    else if (kind === "string") out[key] = optString(api, options, key);
    else if (kind === "boolean") out[key] = optBoolean(api, options, key);
    else if (kind === "number") out[key] = optNumber(api, options, key);
    else if (kind === "count") {
      if (typeof v !== "number" || Number.isNaN(v) || v < 0 || (!Number.isInteger(v) && v !== Infinity))
        throw new InvalidOptionError(api, key, `must be a whole number ≥ 0, got ${describeShort(v)}`);
      out[key] = v;
    } else if (kind === "object") out[key] = optObject(api, options, key);
    else if (kind === "function") {
      if (typeof v !== "function")
        throw new InvalidOptionError(api, key, `must be a function, got ${describeShort(v)}`);
      out[key] = v;
    } else if (kind === "strings") {
      if (typeof v === "string") out[key] = v;
      else {
        let ok = false;
        try {
          ok = Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === "string");
        } catch {
          ok = false;
        }
        if (!ok)
          throw new InvalidOptionError(api, key, `must be a string or an array of strings, got ${describeShort(v)}`);
        out[key] = [...(v as string[])];
      }
    } else {
      let ok = false;
      try {
        ok = Array.isArray(v) && v.length <= 10_000;
      } catch {
        ok = false;
      }
      if (!ok) throw new InvalidOptionError(api, key, `must be an array, got ${describeShort(v)}`);
      out[key] = [...(v as unknown[])];
    }
  }
  return out as T;
}

/** @internal An iterable of strings (a Set or array of URIs), copied, at most `max` items. */
export function argStrings(api: string, name: string, value: unknown, max = 100_000): string[] {
  return readingArgument(api, name, value, () => {
    if (
      typeof value === "string" ||
      value === null ||
      typeof value !== "object" ||
      typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function"
    ) {
      throw new InvalidArgumentError(api, name, "an iterable of strings", value);
    }
    if (Array.isArray(value) && value.length > max)
      throw new InvalidArgumentError(api, name, `at most ${max.toLocaleString("en-US")} strings`, value);
    const out: string[] = [];
    for (const item of value as Iterable<unknown>) {
      if (typeof item !== "string") throw new InvalidArgumentError(api, `${name}[${out.length}]`, "a string", item);
      if (out.push(item) > max)
        throw new InvalidArgumentError(api, name, `at most ${max.toLocaleString("en-US")} strings`, value);
    }
    return out;
  });
}

/**
 * @internal Learning outcomes as the profile and coverage functions read them (`{ learningOutcomes: [{ id,
 * esco, greenComp }] }`), checked and copied.
 */
export function argOutcomes(
  api: string,
  name: string,
  value: unknown,
): { learningOutcomes: { id: string; esco: string[]; greenComp?: string[] }[] } {
  return readingArgument(api, name, value, () => {
    const record = argObject(api, name, value, "a credential (an object with learningOutcomes)");
    const list = argArray(
      api,
      `${name}.learningOutcomes`,
      record["learningOutcomes"],
      10_000,
      "an array of learning outcomes",
    );
    const learningOutcomes = list.map((item, i) => {
      const outcome = argObject(api, `${name}.learningOutcomes[${i}]`, item, "a learning outcome (an object)");
      const id = outcome["id"];
      if (id !== undefined && typeof id !== "string")
        throw new InvalidArgumentError(api, `${name}.learningOutcomes[${i}].id`, "a string", id);
      const esco =
        outcome["esco"] === undefined
          ? []
          : argStrings(api, `${name}.learningOutcomes[${i}].esco`, outcome["esco"], 10_000);
      const greenComp =
        outcome["greenComp"] === undefined
          ? undefined
          : argStrings(api, `${name}.learningOutcomes[${i}].greenComp`, outcome["greenComp"], 1_000);
      return { id: id ?? "", esco, ...(greenComp ? { greenComp } : {}) };
    });
    return { learningOutcomes };
  });
}
