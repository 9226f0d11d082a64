/**
 * ESCO's closed vocabularies as plain values, for runtime checks on paths that must not carry zod (a
 * browser page with `searchSkills`). The zod enums in `concept.ts` are built from these lists.
 *
 * @module
 * @internal
 */

/** ESCO's skill types. */
export const SKILL_TYPES = ["skill/competence", "knowledge"] as const;

/** ESCO's reuse levels. */
export const REUSE_LEVELS = ["transversal", "cross-sector", "sector-specific", "occupation-specific"] as const;

/** True when `value` is one of `values`. */
export function isOneOf<const T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}
