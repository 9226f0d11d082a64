import { type Result, failure } from "../issue.js";
import type { CredentialIssue } from "./issues.js";
import { type SanitizeLimits, sanitize } from "./sanitize.js";
import {
  type IssuedMicroCredential,
  IssuedMicroCredentialSchema,
  type MicroCredential,
  MicroCredentialSchema,
} from "./schema.js";
import { fromZodIssues } from "./zod-issues.js";

/**
 * Typed parsing without a taxonomy: the shape checks of validation, returning the typed document.
 *
 * @module
 */

/**
 * The result of {@link parseCredential}: the typed definition (with any warnings), or the issues that
 * prevent it (at least one).
 *
 * @category Credential
 */
export type ParseCredentialResult<T> = Result<T, CredentialIssue>;

function parseWith<T>(
  schema: typeof MicroCredentialSchema | typeof IssuedMicroCredentialSchema,
  input: unknown,
  limits: SanitizeLimits,
  api: string,
): ParseCredentialResult<T> {
  const sanitized = sanitize(input, limits, api);
  if (sanitized.issues.some((i) => i.code === "input_too_large")) return failure(sanitized.issues);
  const result = schema.safeParse(sanitized.value);
  // Warnings of the sanitizer (an ignored `__proto__` key) stay with the value: nothing is dropped silently.
  if (result.success && sanitized.issues.every((i) => i.severity !== "error"))
    return { success: true, data: result.data as T, issues: sanitized.issues };
  return failure([
    ...sanitized.issues,
    ...(result.success ? [] : fromZodIssues(result.error.issues, [], sanitized.value, schema)),
  ]);
}

/**
 * Parses a micro-credential definition into its typed form (shape only: no ESCO checks; use
 * `validateCredential` for those). Never throws on user input.
 *
 * @category Credential
 * @param input - The parsed JSON or YAML document.
 * @param limits - Nesting and size limits.
 * @returns `{ success: true, data, issues }` (issues: warnings only), or `{ success: false, issues }` with the
 *   same codes as validation.
 * @example
 * ```ts
 * import { parseCredential } from "green-skills";
 * const result = parseCredential({ title: { en: "Heat pumps" } });
 * result.success //=> false
 * result.issues.map((i) => i.code).includes("missing_element") //=> true
 * ```
 */
export function parseCredential(input: unknown, limits: SanitizeLimits = {}): ParseCredentialResult<MicroCredential> {
  return parseWith<MicroCredential>(MicroCredentialSchema, input, limits, "parseCredential");
}

/**
 * Parses an issued micro-credential (definition inline or referenced by path, learner, date, grade).
 *
 * @category Credential
 * @param input - The parsed JSON or YAML document.
 * @param limits - Nesting and size limits.
 * @returns `{ success: true, data, issues }`, or `{ success: false, issues }`.
 */
export function parseIssuedCredential(
  input: unknown,
  limits: SanitizeLimits = {},
): ParseCredentialResult<IssuedMicroCredential> {
  return parseWith<IssuedMicroCredential>(IssuedMicroCredentialSchema, input, limits, "parseIssuedCredential");
}
