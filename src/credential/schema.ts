import * as z from "zod";
import type { Same } from "../schema-type.js";
import { GREENCOMP_COMPETENCE_IDS } from "../framework/schema.js";
import { ESCO_URI_PATTERN } from "../uri.js";
import { COUNTRY_CODES } from "./vocab/countries.js";
import {
  ASSESSMENT_TYPES,
  LEARNING_MODES,
  LEARNING_SETTINGS,
  QF_EHEA_CYCLES,
  QUALITY_ASSURANCE_TYPES,
  STACKABILITY_TYPES,
  SUPERVISION_TYPES,
} from "./vocab/elm.js";
import {
  ID_SCHEMES,
  LEARNER_ID_SCHEMES,
  type UriScheme,
  WEB_SCHEMES,
  describeSchemes,
  uriProblem,
} from "./uri-schemes.js";

/**
 * The micro-credential definition format: the EU Annex I elements (Council Recommendation 2022/C 243/02)
 * plus the ESCO mapping of each learning outcome, and the issued credential that adds learner, date and
 * grade. The JSON Schema in `schema/` is generated from these schemas (`npm run schema:build`); the
 * `.meta()` descriptions become the hover help of editors.
 *
 * This file is over the 80-line median on purpose: one schema, read top to bottom, is easier to review
 * against Annex I than a folder of fragments.
 *
 * @module
 */

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Pattern of a language code in a language map (`en`, `de`, `pt-BR`). */
export const LANGUAGE_CODE_PATTERN: RegExp = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Text in one or more languages: `{ en: "…", de: "…" }`, keyed by language code. At least one language.
 *
 * @category Credential
 */
export const LanguageMapSchema = /* @__PURE__ */ (() =>
  z
    .record(
      z.string().regex(LANGUAGE_CODE_PATTERN, { error: "expected a language code such as en, de or pt-BR" }),
      z.string().trim().min(1, { error: "expected non-empty text" }),
    )
    .refine((value) => Object.keys(value).length > 0, {
      error: 'expected text in at least one language, e.g. { en: "…" }',
    })
    .meta({ description: 'Text per language code, e.g. { en: "…", de: "…" }.', minProperties: 1 }))();
/** Text per language code. @category Credential */
export type LanguageMap = z.infer<typeof LanguageMapSchema>;

/** A URI field limited to `schemes` (see uri-schemes.ts), with the reason as the message. */
const uriOf = (schemes: readonly UriScheme[]) =>
  z
    .string({ error: `expected ${describeSchemes(schemes)}` })
    .check((ctx) => {
      const problem = uriProblem(ctx.value, schemes);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    })
    .meta({ format: "uri", pattern: `^(${schemes.join("|")}):` });
const uri = uriOf(ID_SCHEMES);
const webUrl = uriOf(WEB_SCHEMES);
const escoUri = /* @__PURE__ */ (() =>
  z.string().regex(ESCO_URI_PATTERN, { error: "expected an ESCO concept URI (http://data.europa.eu/esco/…)" }))();

/** ISO 3166-1 alpha-2 country code (plus `XK`). @category Credential */
export const CountryCodeSchema = /* @__PURE__ */ (() =>
  z
    .enum(COUNTRY_CODES as [string, ...string[]], {
      error: "expected an ISO 3166-1 alpha-2 country code such as DE, FR or IT",
    })
    .meta({
      description: "ISO 3166-1 alpha-2 country code, upper case (GR for Greece, GB for the United Kingdom).",
    }))();

/** An EQF level, 1 to 8. @category Credential */
export const EqfLevelSchema = /* @__PURE__ */ (() =>
  z
    .int({ error: "expected an EQF level, a whole number from 1 to 8" })
    .min(1, { error: "EQF levels run from 1 to 8" })
    .max(8, { error: "EQF levels run from 1 to 8" }))();

/**
 * One learning outcome with its mapping to ESCO skills.
 *
 * @category Credential
 */
export const LearningOutcomeSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
          error: "expected an id of letters, digits, '.', '_' or '-', e.g. lo-1",
        })
        .meta({ description: "Identifier of the outcome, unique in the credential (e.g. lo-1)." }),
      statement: LanguageMapSchema.meta({
        description: "What the learner knows or can do after the learning, per language.",
      }),
      esco: z.array(escoUri).default([]).meta({
        description: "ESCO skill or knowledge URIs this outcome maps to (http://data.europa.eu/esco/skill/<uuid>).",
      }),
      greenComp: z
        .array(z.enum(GREENCOMP_COMPETENCE_IDS, { error: "expected a GreenComp competence id from 1.1 to 4.3" }))
        .optional()
        .meta({ description: "GreenComp competences (ids 1.1 … 4.3) the outcome develops." }),
      level: EqfLevelSchema.optional().meta({
        description: "EQF level (1–8) of this outcome, when it differs from the credential's.",
      }),
    })
    .meta({ description: "A learning outcome: a statement and the ESCO skills it maps to." }))();
/** A learning outcome with its ESCO mapping. @category Credential */
export type LearningOutcome = z.infer<typeof LearningOutcomeSchema>;

/**
 * An organisation that awards the credential.
 *
 * @category Credential
 */
export const AwardingBodySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z
      .union([LanguageMapSchema, z.string().trim().min(1)], { error: "expected a name, as text or as a language map" })
      .meta({ description: "Legal name, as text or per language." }),
    id: uri.optional().meta({ description: "URI identifying the organisation (website, registry entry, DID)." }),
    country: CountryCodeSchema.optional(),
    legalIdentifier: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ description: "Registration or VAT number, or an eIDAS legal identifier." }),
    homepage: webUrl.optional(),
  }))();
/** An organisation that awards the credential. @category Credential */
export type AwardingBody = z.infer<typeof AwardingBodySchema>;

/**
 * Notional workload: ECTS credits wherever possible, and/or hours.
 *
 * @category Credential
 */
export const WorkloadSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ects: z
        .number({ error: "expected a number of ECTS credits" })
        .positive({ error: "ECTS credits must be more than 0" })
        .max(180)
        .optional()
        .meta({ description: "ECTS credits (1 credit = 25–30 hours)." }),
      hours: z
        .number({ error: "expected a number of hours" })
        .positive({ error: "hours must be more than 0" })
        .max(5400)
        .optional()
        .meta({ description: "Notional hours of learning, all activities included." }),
    })
    .meta({ description: "Notional workload needed to achieve the learning outcomes: ects and/or hours." }))();
/** Notional workload in ECTS credits and/or hours. @category Credential */
export type Workload = z.infer<typeof WorkloadSchema>;

/**
 * Level of the learning experience: EQF level (or `not-applicable`, stated explicitly) and QF-EHEA cycle.
 *
 * @category Credential
 */
export const LevelSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    eqf: z
      .union([EqfLevelSchema, z.literal("not-applicable")], { error: 'expected an EQF level 1–8, or "not-applicable"' })
      .meta({
        description: 'EQF level 1–8, or "not-applicable" (Annex I: the level must be stated where applicable).',
      }),
    qfEhea: z
      .enum(keys(QF_EHEA_CYCLES))
      .optional()
      .meta({ description: "QF-EHEA cycle, for higher-education credentials." }),
    nqf: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ description: "National qualifications framework level, as written nationally." }),
  }))();
/** EQF level and QF-EHEA cycle. @category Credential */
export type Level = z.infer<typeof LevelSchema>;

/**
 * Type of assessment.
 *
 * @category Credential
 */
export const AssessmentSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    types: z
      .array(z.enum(keys(ASSESSMENT_TYPES)))
      .min(1, { error: "name at least one assessment type" })
      .meta({ description: "Assessment types (ELM assessment-type list)." }),
    description: LanguageMapSchema.optional().meta({ description: "How the outcomes are assessed, per language." }),
  }))();
/** Type of assessment. @category Credential */
export type Assessment = z.infer<typeof AssessmentSchema>;

/**
 * Form of participation in the learning activity.
 *
 * @category Credential
 */
export const ParticipationSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    mode: z.enum(keys(LEARNING_MODES)).meta({ description: "Mode of learning (ELM modes list; onsite = presential)." }),
    setting: z.enum(keys(LEARNING_SETTINGS)).meta({ description: "Learning setting: formal or non-formal." }),
    description: LanguageMapSchema.optional(),
  }))();
/** Form of participation. @category Credential */
export type Participation = z.infer<typeof ParticipationSchema>;

/**
 * Type of quality assurance underpinning the credential.
 *
 * @category Credential
 */
export const QualityAssuranceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    types: z
      .array(z.enum(keys(QUALITY_ASSURANCE_TYPES)))
      .min(1, { error: "name at least one type of quality assurance" })
      .meta({ description: "internal, external-review, accreditation and/or certification." }),
    body: z
      .strictObject({ name: z.union([LanguageMapSchema, z.string().trim().min(1)]), id: uri.optional() })
      .optional()
      .meta({ description: "The quality assurance or accrediting body." }),
    description: LanguageMapSchema.optional(),
    url: webUrl.optional().meta({ description: "Public page of the quality assurance decision or report." }),
  }))();
/** Type of quality assurance. @category Credential */
export type QualityAssurance = z.infer<typeof QualityAssuranceSchema>;

// Grades are small numbers: a bound keeps 1e308 out of the exports.
const gradeNumber = /* @__PURE__ */ (() =>
  z
    .number()
    .min(-1_000_000, { error: "a grade must lie between -1,000,000 and 1,000,000" })
    .max(1_000_000, { error: "a grade must lie between -1,000,000 and 1,000,000" }))();

// Dates are checked for the calendar (no 2026-02-30) by zod; the year must be plausible too.
const plausibleYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999;
};

/**
 * The grading scheme of the assessment (the definition-level side of "grade achieved").
 *
 * @category Credential
 */
export const GradeSchemeSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    description: LanguageMapSchema.optional(),
    values: z
      .array(z.string().trim().min(1))
      .min(1)
      .optional()
      .meta({ description: "Allowed grades, lowest first (e.g. [fail, pass, merit, distinction])." }),
    min: gradeNumber.optional().meta({ description: "Lowest numeric grade." }),
    max: gradeNumber.optional().meta({ description: "Highest numeric grade." }),
    pass: z
      .union([z.string().trim().min(1), gradeNumber])
      .optional()
      .meta({ description: "The lowest passing grade." }),
  }))();
/** The grading scheme of the assessment. @category Credential */
export type GradeScheme = z.infer<typeof GradeSchemeSchema>;

/**
 * Integration and stackability options.
 *
 * @category Credential
 */
export const StackabilitySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.enum(STACKABILITY_TYPES).meta({ description: "stand-alone, or stackable towards another credential." }),
    towards: z
      .array(
        z.strictObject({
          id: uri.optional(),
          title: LanguageMapSchema.optional(),
          ects: z
            .number()
            .positive()
            .max(1000, { error: "ECTS credits of a qualification are at most 1,000" })
            .optional(),
        }),
      )
      .optional()
      .meta({ description: "The credentials this one stacks towards." }),
  }))();
/** Integration and stackability options. @category Credential */
export type Stackability = z.infer<typeof StackabilitySchema>;

const MicroCredentialSchemaBase = /* @__PURE__ */ (() =>
  z
    .strictObject({
      $schema: z.string().optional().meta({ description: "Path or URL of this JSON Schema, for editors." }),
      id: uri.meta({ description: "URI identifying this definition." }),
      escoVersion: z
        .string()
        .regex(/^v\d+\.\d+(\.\d+)?$/, { error: "expected an ESCO version such as v1.1.1" })
        .meta({ description: "The ESCO version the skill mapping was made against, e.g. v1.1.1." }),
      title: LanguageMapSchema.meta({ description: "Title of the micro-credential, per language." }),
      description: LanguageMapSchema.optional(),
      issuer: z
        .strictObject({
          country: CountryCodeSchema,
          region: z.string().trim().min(1).optional().meta({ description: "Region within the country, as text." }),
        })
        .meta({ description: "Country (and region) of the issuer." }),
      awardingBodies: z
        .array(AwardingBodySchema)
        .min(1, { error: "name at least one awarding body" })
        .meta({ description: "The awarding body or bodies." }),
      learningOutcomes: z.array(LearningOutcomeSchema).min(1, { error: "state at least one learning outcome" }),
      workload: WorkloadSchema,
      level: LevelSchema,
      assessment: AssessmentSchema,
      participation: ParticipationSchema,
      qualityAssurance: QualityAssuranceSchema,
      prerequisites: LanguageMapSchema.optional().meta({ description: "Prerequisites needed to enrol, per language." }),
      supervision: z
        .enum(keys(SUPERVISION_TYPES))
        .optional()
        .meta({ description: "Supervision and identity verification during assessment." }),
      gradeScheme: GradeSchemeSchema.optional(),
      stackability: StackabilitySchema.optional(),
      furtherInformation: z
        .strictObject({ url: webUrl.optional(), note: LanguageMapSchema.optional() })
        .optional()
        .meta({ description: "Further information: a web page and/or a note.", minProperties: 1 }),
      targetOccupations: z
        .array(escoUri)
        .optional()
        .meta({ description: "ESCO occupation URIs the credential prepares for." }),
      sectors: z
        .array(
          z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: "expected a sector id such as construction" }),
        )
        .optional()
        .meta({ description: "Sector ids, e.g. construction, agrifood, public-sector." }),
    })
    .meta({
      title: "green-skills micro-credential definition",
      description:
        "An EU micro-credential definition (Council Recommendation 2022/C 243/02, Annex I) mapped to ESCO skills.",
    }))();
/**
 * The type of {@link MicroCredentialSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Credential
 */
export interface MicroCredentialSchemaType extends Same<typeof MicroCredentialSchemaBase> {}
/**
 * A micro-credential **definition**: what every issued credential of this kind certifies.
 *
 * @category Credential
 * @example
 * ```ts
 * import { MicroCredentialSchema } from "green-skills/schemas";
 * MicroCredentialSchema.safeParse(definition).success //=> true
 * ```
 */
export const MicroCredentialSchema: MicroCredentialSchemaType = MicroCredentialSchemaBase;
/** A micro-credential definition (parsed: defaults applied). @category Credential */
export type MicroCredential = z.infer<typeof MicroCredentialSchema>;
/** The input form of a definition (before defaults such as `esco: []` are applied). @category Credential */
export type MicroCredentialInput = z.input<typeof MicroCredentialSchema>;

/**
 * The learner an issued credential names.
 *
 * @category Credential
 */
export const LearnerSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: uriOf(LEARNER_ID_SCHEMES)
      .optional()
      .meta({ description: "URI identifying the learner (DID, mailto:, urn:…)." }),
    givenName: z.string().trim().min(1).optional(),
    familyName: z.string().trim().min(1).optional(),
    fullName: z.string().trim().min(1).optional(),
    dateOfBirth: z.iso
      .date({ error: "expected a date as YYYY-MM-DD" })
      .refine(plausibleYear, { error: "expected a year from 1900 to 2999" })
      .optional(),
    nationalId: z.string().trim().min(1).optional(),
    email: z.email({ error: "expected an e-mail address" }).optional(),
  }))();
/** The learner of an issued credential. @category Credential */
export type Learner = z.infer<typeof LearnerSchema>;

/**
 * An **issued** micro-credential: a definition (inline, or a relative file reference) plus the
 * instance-level Annex I elements: learner, date of issuing and grade.
 *
 * @category Credential
 */
export const IssuedMicroCredentialSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      $schema: z.string().optional(),
      id: uri.optional().meta({ description: "URI identifying this issued credential." }),
      definition: z
        .union([MicroCredentialSchema, z.string().trim().min(1)], {
          error: "expected an inline definition or a relative path to a definition file",
        })
        .meta({ description: "The definition: inline, or a path relative to this file." }),
      learner: LearnerSchema,
      issued: z
        .union([z.iso.date(), z.iso.datetime({ offset: true })], {
          error: "expected an ISO date (YYYY-MM-DD) or date-time",
        })
        .refine(plausibleYear, { error: "expected a year from 1900 to 2999" })
        .meta({ description: "Date of issuing (ISO 8601)." }),
      grade: z
        .union([z.string().trim().min(1), gradeNumber])
        .optional()
        .meta({ description: "Grade achieved." }),
    })
    .meta({
      title: "green-skills issued micro-credential",
      description: "An issued EU micro-credential: definition, learner, date of issuing and grade.",
    }))();
/** An issued micro-credential. @category Credential */
export type IssuedMicroCredential = z.infer<typeof IssuedMicroCredentialSchema>;
