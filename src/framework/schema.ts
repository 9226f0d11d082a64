import * as z from "zod";
import { ReuseLevelSchema, SkillTypeSchema } from "../model/concept.js";
import { ESCO_OCCUPATION_URI_PATTERN, ESCO_SKILL_URI_PATTERN } from "../uri.js";
import { type NaceRevision, naceCodeProblem } from "./nace.js";
import {
  CROSSWALK_COLLECTIONS,
  CROSSWALK_STATUSES,
  EMPTY_TEXT,
  FRAMEWORK_FORMAT_VERSION,
  GREENCOMP_AREA_IDS,
  GREENCOMP_COMPETENCE_IDS,
  ISCO_CODE,
  ISCO_CODE_MESSAGE,
  LANGUAGE_CODE,
  LANGUAGE_CODE_MESSAGE,
  NO_LANGUAGE,
  OCCUPATION_URI_MESSAGE,
  SECTOR_ID,
  SECTOR_ID_MESSAGE,
  SKILL_URI_MESSAGE,
  duplicateSectorProblems,
  greenCompProblems,
} from "./rules.js";

export { FRAMEWORK_FORMAT_VERSION, GREENCOMP_AREA_IDS, GREENCOMP_COMPETENCE_IDS } from "./rules.js";

/**
 * Schemas of the curated framework layer: sectors, GreenComp and the facts of the cited ESCO concepts.
 * They validate the reviewed YAML sources in `taxonomy/src/` (and sectors users add), and the framework
 * object carried by the embedded default. See `docs/sectors.md`.
 *
 * @module
 */

const skillUri = /* @__PURE__ */ (() => z.string().regex(ESCO_SKILL_URI_PATTERN, SKILL_URI_MESSAGE))();
const occupationUri = /* @__PURE__ */ (() => z.string().regex(ESCO_OCCUPATION_URI_PATTERN, OCCUPATION_URI_MESSAGE))();
const text = /* @__PURE__ */ (() => z.string().trim().min(1, EMPTY_TEXT))();

/**
 * Text in one or more languages, keyed by language code: `{ en: "Construction" }`.
 *
 * @category Framework
 */
export const LocalisedTextSchema = /* @__PURE__ */ (() =>
  z
    .record(z.string().regex(LANGUAGE_CODE, LANGUAGE_CODE_MESSAGE), text)
    .refine((value) => Object.keys(value).length > 0, NO_LANGUAGE))();
/** @category Framework */
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

const naceCode = (revision: NaceRevision) =>
  z.string().superRefine((value, ctx) => {
    const problem = naceCodeProblem(revision, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * A NACE code of a sector in both revisions: `{ rev2: "M71", rev21: "N71", label }`.
 *
 * @category Framework
 */
export const SectorNaceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** NACE Rev. 2 code: section letter and division (`M71`), group (`M71.1`) or class (`M71.12`). */
    rev2: naceCode("rev2"),
    /** The NACE Rev. 2.1 equivalent (`N71`); ESCO v1.2.1's `naceCode` uses Rev. 2.1. */
    rev21: naceCode("rev21"),
    /** The code's title. */
    label: text,
  }))();
/** @category Framework */
export type SectorNace = z.infer<typeof SectorNaceSchema>;

/**
 * An ISCO-08 group used to assign occupations to a sector when the ESCO version has no `naceCode`.
 *
 * @category Framework
 */
export const SectorIscoSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** ISCO-08 code, usually a 4-digit unit group (`7124`); shorter codes match every group below them. */
    code: z.string().regex(ISCO_CODE, ISCO_CODE_MESSAGE),
    /** The group's preferred label as in ESCO. */
    label: text,
  }))();
/** @category Framework */
export type SectorIsco = z.infer<typeof SectorIscoSchema>;

const reference = <T extends z.ZodType<string>>(uri: T) =>
  z.strictObject({
    uri,
    /** The ESCO preferred label, copied exactly. */
    label: text,
    /** Why a programme designer should start from it, in our own words. */
    rationale: text,
  });

/**
 * A curated reference to an ESCO skill.
 *
 * @category Framework
 */
export const SkillReferenceSchema = /* @__PURE__ */ (() => reference(skillUri))();
/** @category Framework */
export type SkillReference = z.infer<typeof SkillReferenceSchema>;

/**
 * A curated reference to an ESCO occupation.
 *
 * @category Framework
 */
export const OccupationReferenceSchema = /* @__PURE__ */ (() => reference(occupationUri))();
/** @category Framework */
export type OccupationReference = z.infer<typeof OccupationReferenceSchema>;

/**
 * A sector: what `taxonomy/src/sectors/<id>.yaml` holds, and what users write to add their own.
 *
 * @category Framework
 */
export const SectorSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Lower-case id used in the API, the CLI and credentials (`construction`). */
    id: z.string().regex(SECTOR_ID, SECTOR_ID_MESSAGE),
    label: LocalisedTextSchema,
    description: LocalisedTextSchema,
    /** NACE codes of the sector's economic activities; occupations whose ESCO `naceCode` falls under one belong to it. */
    nace: z.array(SectorNaceSchema).default([]),
    /** ISCO-08 groups: the fallback assignment for ESCO versions without `naceCode`. */
    isco: z.array(SectorIscoSchema).default([]),
    references: z
      .strictObject({
        /** Core green ESCO skills a programme designer should start from. */
        skills: z.array(SkillReferenceSchema).default([]),
        /** Key ESCO occupations; they belong to the sector whatever their NACE or ISCO codes. */
        occupations: z.array(OccupationReferenceSchema).default([]),
      })
      .default({ skills: [], occupations: [] }),
  }))();
/** @category Framework */
export type Sector = z.infer<typeof SectorSchema>;
/** What a sector file may leave out (defaults apply). @category Framework */
export type SectorInput = z.input<typeof SectorSchema>;

/** A GreenComp competence id (`1.1` … `4.3`). @category Framework */
export type GreenCompCompetenceId = (typeof GREENCOMP_COMPETENCE_IDS)[number];
/** A GreenComp area id. @category Framework */
export type GreenCompAreaId = (typeof GREENCOMP_AREA_IDS)[number];

/**
 * One provisional crosswalk entry: an ESCO skill that expresses part of a GreenComp competence.
 *
 * @category Framework
 */
export const CrosswalkEntrySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    uri: skillUri,
    label: text,
    /** The ESCO collection the skill is cited from. */
    collection: z.enum(CROSSWALK_COLLECTIONS),
    rationale: text,
  }))();
/** @category Framework */
export type CrosswalkEntry = z.infer<typeof CrosswalkEntrySchema>;

/**
 * A GreenComp competence with our paraphrase and its provisional crosswalk.
 *
 * @category Framework
 */
export const GreenCompCompetenceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.enum(GREENCOMP_COMPETENCE_IDS),
    label: text,
    description: text,
    crosswalk: z.array(CrosswalkEntrySchema).default([]),
  }))();
/** @category Framework */
export type GreenCompCompetence = z.infer<typeof GreenCompCompetenceSchema>;

/**
 * A GreenComp area with its three competences.
 *
 * @category Framework
 */
export const GreenCompAreaSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.enum(GREENCOMP_AREA_IDS),
    label: text,
    description: text,
    competences: z.array(GreenCompCompetenceSchema),
  }))();
/** @category Framework */
export type GreenCompArea = z.infer<typeof GreenCompAreaSchema>;

/**
 * GreenComp (JRC, 2022) as `taxonomy/src/greencomp.yaml` holds it: 4 areas × 3 competences, each area and
 * competence exactly once and in its own area.
 *
 * @category Framework
 */
export const GreenCompSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      framework: z.strictObject({
        id: z.literal("greencomp"),
        label: text,
        citation: text,
        /** The crosswalk is our editorial judgement, not an official EU mapping. */
        crosswalkStatus: z.enum(CROSSWALK_STATUSES),
      }),
      areas: z.array(GreenCompAreaSchema),
    })
    .superRefine((value, ctx) => {
      for (const { path, message } of greenCompProblems(value))
        ctx.addIssue({ code: "custom", path: [...path], message });
    }))();
/** @category Framework */
export type GreenComp = z.infer<typeof GreenCompSchema>;

const status = /* @__PURE__ */ (() => z.string().min(1))();
const collections = /* @__PURE__ */ (() => z.array(z.string().min(1)).default([]))();

/**
 * The offline facts of one cited ESCO concept, one line each in `taxonomy/src/esco-concepts.yaml`.
 *
 * @category Framework
 */
export const EscoConceptFactSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      uri: skillUri,
      kind: z.literal("skill"),
      label: text,
      skillType: SkillTypeSchema.nullable(),
      reuseLevel: ReuseLevelSchema.nullable(),
      collections,
      status,
    }),
    z.strictObject({
      uri: occupationUri,
      kind: z.literal("occupation"),
      label: text,
      /** ISCO-08 unit group. */
      iscoGroup: z.string().regex(/^\d{4}$/, "expected a 4-digit ISCO-08 unit group"),
      /** ESCO notation code. */
      code: z.string().optional(),
      /** NACE Rev. 2.1 codes without dots (ESCO v1.2.1 and later). */
      nace: z.array(z.string().regex(/^(?:[A-V]|\d{2,4})$/, "expected a NACE Rev. 2.1 code without dots")).optional(),
      collections,
      status,
    }),
    z.strictObject({
      uri: z
        .string()
        .regex(
          /^http:\/\/data\.europa\.eu\/esco\/isco\/C\d{1,4}$/,
          "expected an ESCO ISCO group URI (http://data.europa.eu/esco/isco/C<code>)",
        ),
      kind: z.literal("iscoGroup"),
      label: text,
      code: z.string().regex(/^\d{1,4}$/),
      status: status.optional(),
    }),
  ]))();
/** @category Framework */
export type EscoConceptFact = z.infer<typeof EscoConceptFactSchema>;

/**
 * `taxonomy/src/esco-concepts.yaml`: the facts of every cited ESCO concept, written by
 * `scripts/refresh-esco-concepts.ts` from a full import.
 *
 * @category Framework
 */
export const EscoConceptsFileSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The ESCO version the facts were read from. */
    escoVersion: z.string().regex(/^v\d+\.\d+(?:\.\d+)?$/, "expected an ESCO version such as v1.1.1"),
    /** ISO date of the last refresh. */
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date (YYYY-MM-DD)"),
    concepts: z.array(EscoConceptFactSchema),
  }))();
/** @category Framework */
export type EscoConceptsFile = z.infer<typeof EscoConceptsFileSchema>;

/**
 * The framework layer as one object: sectors and GreenComp, plus the ESCO version their references were
 * checked against. The embedded default carries one; users extend it with their own sectors.
 *
 * @category Framework
 */
export const FrameworkSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      formatVersion: z.literal(FRAMEWORK_FORMAT_VERSION),
      /** ESCO version the cited URIs and labels were checked against (`v1.1.1`). */
      escoVersion: z.string(),
      /** ISO date of that check. */
      checkedOn: z.string(),
      sectors: z.array(SectorSchema),
      greenComp: GreenCompSchema,
    })
    .superRefine((value, ctx) => {
      for (const { path, message } of duplicateSectorProblems(value))
        ctx.addIssue({ code: "custom", path: [...path], message });
    }))();
/** @category Framework */
export type Framework = z.infer<typeof FrameworkSchema>;
