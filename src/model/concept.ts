import * as z from "zod";
import type { Same } from "../schema-type.js";
import { EscoUriSchema } from "../uri.js";
import { REUSE_LEVELS, SKILL_TYPES } from "./vocabulary.js";

/**
 * The public shapes of ESCO concepts as the query API returns them. Every type is inferred from its zod
 * schema, so the schemas double as runtime validators for data crossing a process boundary.
 *
 * @module
 */

/**
 * Labels of a concept in one language.
 *
 * @category Model
 */
export const LabelSetSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Preferred label. */
    pref: z.string(),
    /** Alternative labels (synonyms). */
    alt: z.array(z.string()),
    /** Hidden labels (misspellings, obsolete terms): searchable, never displayed. */
    hidden: z.array(z.string()),
  }))();
/** @category Model */
export type LabelSet = z.infer<typeof LabelSetSchema>;

/** Text per language code. @category Model */
export const LangTextSchema = /* @__PURE__ */ (() => z.record(z.string(), z.string()))();
/** @category Model */
export type LangText = z.infer<typeof LangTextSchema>;

const base = /* @__PURE__ */ (() => ({
  uri: EscoUriSchema,
  /** Preferred label in the taxonomy's default language (or the first language that has one). */
  prefLabel: z.string(),
  /** Labels per language code. */
  labels: z.record(z.string(), LabelSetSchema),
  /** Descriptions per language code (only languages that have one). */
  description: LangTextSchema,
  /** ESCO `status`, e.g. `released`; `null` when the source had none. */
  status: z.string().nullable(),
  /** ESCO notation code where the data has one (occupations, skill groups, ISCO groups). */
  code: z.string().nullable(),
  /** Concept schemes the concept belongs to. */
  inScheme: z.array(z.string()),
  /** Names of the collections (green, digital, transversal …) that list this concept. */
  collections: z.array(z.string()),
  /** Values of source columns this version of green-skills does not interpret, by header name. */
  extra: z.record(z.string(), z.string()),
}))();

/**
 * The skill type as ESCO's CSV writes it.
 *
 * @category Model
 */
export const SkillTypeSchema = /* @__PURE__ */ (() => z.enum(SKILL_TYPES))();
/** @category Model */
export type SkillType = z.infer<typeof SkillTypeSchema>;

/**
 * ESCO's reuse level.
 *
 * @category Model
 */
export const ReuseLevelSchema = /* @__PURE__ */ (() => z.enum(REUSE_LEVELS))();
/** @category Model */
export type ReuseLevel = z.infer<typeof ReuseLevelSchema>;

/**
 * An ESCO skill, competence or knowledge concept.
 *
 * @category Model
 */
export const SkillSchema = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    kind: z.literal("skill"),
    /** `null` for the few concepts the data leaves untyped. */
    skillType: SkillTypeSchema.nullable(),
    reuseLevel: ReuseLevelSchema.nullable(),
    /** True when the concept is in the green skills collection. */
    green: z.boolean(),
    scopeNote: LangTextSchema,
    definition: LangTextSchema,
    modifiedDate: z.string().nullable(),
  }))();
/** @category Model */
export type Skill = z.infer<typeof SkillSchema>;

/**
 * A skill group in the skills pillar hierarchy (including the four pillar roots).
 *
 * @category Model
 */
export const SkillGroupSchema = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    kind: z.literal("skillGroup"),
    scopeNote: LangTextSchema,
    modifiedDate: z.string().nullable(),
  }))();
/** @category Model */
export type SkillGroup = z.infer<typeof SkillGroupSchema>;

/**
 * An ESCO occupation.
 *
 * @category Model
 */
export const OccupationSchema = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    kind: z.literal("occupation"),
    /** The ISCO-08 unit group code (4 digits), e.g. `2143`. */
    iscoGroup: z.string().nullable(),
    /** NACE Rev. 2.1 URIs (ESCO v1.2.1 and later). */
    naceCodes: z.array(z.string()),
    /** The official green share from `greenShareOcc` when the data has it. */
    greenShareOfficial: z.number().nullable(),
    regulatedProfessionNote: z.string().nullable(),
    scopeNote: LangTextSchema,
    definition: LangTextSchema,
    modifiedDate: z.string().nullable(),
  }))();
/** @category Model */
export type Occupation = z.infer<typeof OccupationSchema>;

/**
 * An ISCO-08 group (any level) in the occupations pillar.
 *
 * @category Model
 */
export const IscoGroupSchema = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    kind: z.literal("iscoGroup"),
    /** Official green share where the data has it (ISCO levels 3 and 4 in ESCO v1.2.1). */
    greenShareOfficial: z.number().nullable(),
  }))();
/** @category Model */
export type IscoGroup = z.infer<typeof IscoGroupSchema>;

/**
 * An ESCO concept scheme (skills, occupations, ISCO, collections …).
 *
 * @category Model
 */
export const ConceptSchemeSchema = /* @__PURE__ */ (() =>
  z.object({
    ...base,
    kind: z.literal("conceptScheme"),
    title: LangTextSchema,
    /** Top concepts of the scheme. */
    hasTopConcept: z.array(z.string()),
  }))();
/** @category Model */
export type ConceptScheme = z.infer<typeof ConceptSchemeSchema>;

/**
 * Any ESCO concept, discriminated by `kind`.
 *
 * @category Model
 */
export const ConceptSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    SkillSchema,
    SkillGroupSchema,
    OccupationSchema,
    IscoGroupSchema,
    ConceptSchemeSchema,
  ]))();
/** @category Model */
export type Concept = z.infer<typeof ConceptSchema>;

const ConceptRefSchemaBase = /* @__PURE__ */ (() =>
  z.object({
    uri: EscoUriSchema,
    kind: z.enum(["skill", "skillGroup", "occupation", "iscoGroup", "conceptScheme"]),
    label: z.string(),
  }))();
/**
 * The type of {@link ConceptRefSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Model
 */
export interface ConceptRefSchemaType extends Same<typeof ConceptRefSchemaBase> {}
/**
 * A concept in a result list: URI, kind and preferred label.
 *
 * @category Model
 */
export const ConceptRefSchema: ConceptRefSchemaType = ConceptRefSchemaBase;
/** @category Model */
export type ConceptRef = z.infer<typeof ConceptRefSchema>;
