import * as z from "zod";

/**
 * Branded URI types and their zod schemas. A plain string becomes an `EscoUri` only by passing a schema
 * or a guard, so a skill URI cannot be handed where an occupation URI is expected by accident.
 *
 * @module
 */

const ESCO = "http://data.europa.eu/esco/";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Pattern of an ESCO skill, knowledge or skill-group URI in the `skill/` namespace. */
export const ESCO_SKILL_URI_PATTERN: RegExp = new RegExp(`^http://data\\.europa\\.eu/esco/skill/${UUID}$`);
/** Pattern of an ESCO occupation URI. */
export const ESCO_OCCUPATION_URI_PATTERN: RegExp = new RegExp(`^http://data\\.europa\\.eu/esco/occupation/${UUID}$`);
/** Pattern of any concept URI in the ESCO namespace (skills, occupations, ISCO groups, ISCED-F groups, schemes). */
export const ESCO_URI_PATTERN: RegExp = /^http:\/\/data\.europa\.eu\/esco\/[a-z-]+\/[A-Za-z0-9._-]+$/;

/**
 * Any ESCO concept URI.
 *
 * @category Identifiers
 */
export const EscoUriSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(ESCO_URI_PATTERN, { message: `expected an ESCO URI (${ESCO}…)` })
    .brand<"EscoUri">())();
/** @category Identifiers */
export type EscoUri = z.infer<typeof EscoUriSchema>;

/**
 * An ESCO skill URI (`http://data.europa.eu/esco/skill/<uuid>`). Skill groups in the skills pillar share
 * this namespace; whether a URI is a skill or a group is a fact of the data, not of the URI.
 *
 * @category Identifiers
 */
export const EscoSkillUriSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(ESCO_SKILL_URI_PATTERN, { message: `expected an ESCO skill URI (${ESCO}skill/<uuid>)` })
    .brand<"EscoUri">()
    .brand<"EscoSkillUri">())();
/** @category Identifiers */
export type EscoSkillUri = z.infer<typeof EscoSkillUriSchema>;

/**
 * An ESCO occupation URI (`http://data.europa.eu/esco/occupation/<uuid>`).
 *
 * @category Identifiers
 */
export const EscoOccupationUriSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(ESCO_OCCUPATION_URI_PATTERN, { message: `expected an ESCO occupation URI (${ESCO}occupation/<uuid>)` })
    .brand<"EscoUri">()
    .brand<"EscoOccupationUri">())();
/** @category Identifiers */
export type EscoOccupationUri = z.infer<typeof EscoOccupationUriSchema>;

/**
 * True when `value` looks like an ESCO concept URI.
 *
 * @category Identifiers
 * @example
 * ```ts
 * isEscoUri("http://data.europa.eu/esco/isco/C2143") //=> true
 * isEscoUri("https://example.org/x") //=> false
 * ```
 */
export function isEscoUri(value: unknown): value is EscoUri {
  return typeof value === "string" && ESCO_URI_PATTERN.test(value);
}

/**
 * True when `value` is shaped like an ESCO skill URI.
 *
 * @category Identifiers
 */
export function isEscoSkillUri(value: unknown): value is EscoSkillUri {
  return typeof value === "string" && ESCO_SKILL_URI_PATTERN.test(value);
}

/**
 * True when `value` is shaped like an ESCO occupation URI.
 *
 * @category Identifiers
 */
export function isEscoOccupationUri(value: unknown): value is EscoOccupationUri {
  return typeof value === "string" && ESCO_OCCUPATION_URI_PATTERN.test(value);
}
