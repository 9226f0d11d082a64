import type { IssuePath } from "../credential/issues.js";

/**
 * Small helpers to walk untrusted JSON without throwing.
 *
 * @module
 */

/** @internal A plain object (not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** @internal The value at `path`, or `undefined`. */
export function at(root: unknown, path: IssuePath): unknown {
  let v: unknown = root;
  for (const part of path) {
    if (typeof part === "number") v = Array.isArray(v) ? v[part] : undefined;
    else v = isObject(v) && Object.hasOwn(v, part) ? v[part] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** @internal A value and its path, or each item of an array with its own path. */
export function items(root: unknown, path: IssuePath): { value: unknown; path: IssuePath }[] {
  const v = at(root, path);
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map((value, i) => ({ value, path: [...path, i] })) : [{ value: v, path }];
}

/** @internal The `type` of a node as a list of strings. */
export function types(node: unknown): string[] {
  if (!isObject(node)) return [];
  const t = node["type"] ?? node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/**
 * @internal Text as a language map: a string (in `lang`), a JSON-LD language map (values may be arrays),
 * or a list of `{ "@language", "@value" }`.
 */
export function languageText(value: unknown, lang: string): Record<string, string> | undefined {
  if (typeof value === "string") return value.trim() ? { [lang]: value } : undefined;
  if (Array.isArray(value)) {
    const out: Record<string, string> = {};
    for (const item of value) {
      if (typeof item === "string" && item.trim() && !out[lang]) out[lang] = item;
      else if (isObject(item) && typeof item["@value"] === "string")
        out[typeof item["@language"] === "string" ? item["@language"] : lang] ??= item["@value"];
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (!isObject(value)) return undefined;
  if (typeof value["@value"] === "string")
    return { [typeof value["@language"] === "string" ? value["@language"] : lang]: value["@value"] };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    const text =
      typeof v === "string" ? v : Array.isArray(v) ? v.filter((x) => typeof x === "string").join(" ") : undefined;
    if (text?.trim() && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(k)) out[k] = text;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** @internal A number from a number or numeric string. */
export function numeric(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** @internal The path of `keys` from `base`, stepping into the first item wherever a value is a list; `undefined` when absent. */
export function pathThrough(root: unknown, base: IssuePath, keys: readonly string[]): IssuePath | undefined {
  let path: IssuePath = [...base];
  let v = at(root, path);
  if (Array.isArray(v)) {
    path = [...path, 0];
    v = v[0];
  }
  for (const key of keys) {
    if (!isObject(v) || v[key] === undefined) return undefined;
    path = [...path, key];
    v = v[key];
    if (Array.isArray(v)) {
      path = [...path, 0];
      v = v[0];
    }
  }
  return v === undefined ? undefined : path;
}
