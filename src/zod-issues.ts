import type * as z from "zod";
import type { IssuePath } from "./issue.js";

/**
 * The one reading of zod's issues, shared by the credential adapter (`credential/zod-issues.ts`: Annex I
 * elements, slugs) and the framework-source adapter (`framework/source.ts`: located YAML issues): paths
 * made plain and prefixed, an unrecognised-keys issue split into one finding per key with the keys the
 * schema knows there, and a missing value told apart from a wrong one. Each adapter only words them.
 *
 * @module
 */

/** One zod issue as the adapters see it. `path` is the full path into the document. */
export type ZodFinding =
  | {
      readonly kind: "unknown_key";
      readonly path: IssuePath;
      readonly key: string;
      readonly known: string[];
      readonly zod: z.core.$ZodIssue;
    }
  | { readonly kind: "missing"; readonly path: IssuePath; readonly zod: z.core.$ZodIssue }
  | { readonly kind: "invalid"; readonly path: IssuePath; readonly value: unknown; readonly zod: z.core.$ZodIssue };

/**
 * Reads zod's issues for a value found at `prefix` in a document.
 *
 * @param data - The value that was parsed, to tell a missing key from a wrong value.
 * @param schema - Its schema, to list the known keys for an unknown one (omit to skip).
 */
export function readZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  prefix: IssuePath,
  data: unknown,
  schema?: AnySchema,
): ZodFinding[] {
  const out: ZodFinding[] = [];
  for (const zi of zodIssues) {
    const rel = zi.path.map((p) => (typeof p === "number" ? p : String(p)));
    const path = [...prefix, ...rel];
    if (zi.code === "unrecognized_keys") {
      const known = schema ? knownKeys(schema, zi.path) : [];
      for (const key of zi.keys) out.push({ kind: "unknown_key", path: [...path, key], key, known, zod: zi });
      continue;
    }
    const { found, value } = valueAt(data, zi.path);
    out.push(
      !found || value === undefined ? { kind: "missing", path, zod: zi } : { kind: "invalid", path, value, zod: zi },
    );
  }
  return out;
}

/** Any zod schema (v4 core). */
export type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (
      def.innerType &&
      ["optional", "default", "nullable", "readonly", "nonoptional", "prefault", "catch"].includes(def.type)
    )
      current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** The object keys the schema allows at `path` (through arrays, wrappers and unions). */
export function knownKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let candidates = [unwrap(schema)];
  for (const part of path) {
    const next: AnySchema[] = [];
    for (const candidate of candidates) {
      const def = candidate._zod.def as {
        type: string;
        shape?: Record<string, AnySchema>;
        element?: AnySchema;
        options?: AnySchema[];
      };
      const options = def.type === "union" ? (def.options ?? []).map(unwrap) : [candidate];
      for (const option of options) {
        const d = option._zod.def as typeof def;
        if (d.type === "object" && typeof part === "string" && d.shape?.[part]) next.push(unwrap(d.shape[part]));
        if (d.type === "array" && typeof part === "number" && d.element) next.push(unwrap(d.element));
      }
    }
    candidates = next;
  }
  const keys: string[] = [];
  for (const candidate of candidates) {
    const def = candidate._zod.def as { type: string; shape?: Record<string, AnySchema>; options?: AnySchema[] };
    const options = def.type === "union" ? (def.options ?? []).map(unwrap) : [candidate];
    for (const option of options) {
      const d = option._zod.def as typeof def;
      if (d.type === "object" && d.shape) keys.push(...Object.keys(d.shape));
    }
  }
  return keys;
}

/** The value at `path` in `root`, and whether the path exists (own keys only). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current = root;
  for (const part of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, part))
      return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: current };
}
