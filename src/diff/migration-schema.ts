import * as z from "zod";
import type { Same } from "../schema-type.js";
import { RELATION_TYPES } from "../bundle/format.js";
import { ConceptRefSchema } from "../model/concept.js";
import { ReplacementCandidateSchema } from "./candidates.js";
import { ConceptChangeSchema } from "./schema.js";

/**
 * The result shapes of `migrateMappings`.
 *
 * @module
 */

const relation = /* @__PURE__ */ (() => z.enum(RELATION_TYPES))();

/**
 * For a mapped skill: occupations that added, dropped, or re-typed their link to it.
 *
 * @category Diff
 */
export const SkillOccupationsChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("skillOccupations"),
    concept: ConceptRefSchema,
    added: z.array(z.object({ occupation: ConceptRefSchema, relation })),
    removed: z.array(z.object({ occupation: ConceptRefSchema, relation })),
    switched: z.array(z.object({ occupation: ConceptRefSchema, from: relation, to: relation })),
  }))();
/** @category Diff */
export type SkillOccupationsChange = z.infer<typeof SkillOccupationsChangeSchema>;

/**
 * A change that concerns one mapped URI: a change-set entry about it, or (for skills) the occupations
 * whose link to it changed.
 *
 * @category Diff
 */
export const MappingChangeSchema = /* @__PURE__ */ (() =>
  z.union([ConceptChangeSchema, SkillOccupationsChangeSchema]))();
/** @category Diff */
export type MappingChange = z.infer<typeof MappingChangeSchema>;

/**
 * Where a URI sits in the credential, as a path: `["learningOutcomes", 0, "esco", 2]` or
 * `["targetOccupations", 1]`.
 *
 * @category Diff
 */
export const DocumentPathSchema = /* @__PURE__ */ (() => z.array(z.union([z.string(), z.number().int()])))();

/**
 * What happened to one mapped URI between the versions.
 *
 * - `unchanged`: in both, nothing compared changed.
 * - `changed`: in both, with `changes` saying what.
 * - `removed`: in the older version only; `candidates` ranks replacements.
 * - `unknown`: not in the older version (the mapping may target another ESCO version).
 *
 * @category Diff
 */
export const MappingStatusSchema = /* @__PURE__ */ (() => z.enum(["unchanged", "changed", "removed", "unknown"]))();
/** @category Diff */
export type MappingStatus = z.infer<typeof MappingStatusSchema>;

const MappingResultSchemaBase = /* @__PURE__ */ (() =>
  z.object({
    path: DocumentPathSchema,
    uri: z.string(),
    /** A learning outcome's ESCO skill, or a target occupation. */
    role: z.enum(["outcomeSkill", "targetOccupation"]),
    /** Id of the learning outcome, for `outcomeSkill`. */
    outcomeId: z.string().nullable(),
    status: MappingStatusSchema,
    /**
     * True when the mapping no longer works in the newer version: the concept is gone, retired (no longer
     * `released`), of the wrong kind, or unknown to both versions.
     */
    broken: z.boolean(),
    /** The concept in the older version (`null` when unknown to it). */
    before: ConceptRefSchema.nullable(),
    /** The concept in the newer version (`null` when gone). */
    after: ConceptRefSchema.nullable(),
    changes: z.array(MappingChangeSchema),
    /** Ranked replacements, for broken mappings. */
    candidates: z.array(ReplacementCandidateSchema),
    /** One line for humans. */
    message: z.string(),
  }))();
/**
 * The type of {@link MappingResultSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Diff
 */
export interface MappingResultSchemaType extends Same<typeof MappingResultSchemaBase> {}
/**
 * The migration result of one mapped URI.
 *
 * @category Diff
 */
export const MappingResultSchema: MappingResultSchemaType = MappingResultSchemaBase;
/** @category Diff */
export type MappingResult = z.infer<typeof MappingResultSchema>;

/**
 * Codes of credential-level effects.
 *
 * @category Diff
 */
export const MigrationEffectCodeSchema = /* @__PURE__ */ (() =>
  z.enum([
    "esco_version_mismatch",
    "outcome_stops_green",
    "outcome_becomes_green",
    "target_essential_skills_changed",
  ]))();

/**
 * An effect of the new version on the credential as a whole, in the shape of a validation issue.
 *
 * @category Diff
 */
export const MigrationEffectSchema = /* @__PURE__ */ (() =>
  z.object({
    code: MigrationEffectCodeSchema,
    severity: z.enum(["error", "warning", "info"]),
    path: DocumentPathSchema,
    message: z.string(),
    suggestion: z.string().optional(),
    /** The concepts the effect is about (skills that stopped being green, essential skills added or dropped …). */
    concepts: z.array(ConceptRefSchema),
  }))();
/** @category Diff */
export type MigrationEffect = z.infer<typeof MigrationEffectSchema>;

const count = /* @__PURE__ */ (() => z.number().int().nonnegative())();

/**
 * What moving a credential's ESCO mappings from one version to another breaks or changes.
 *
 * @category Diff
 */
export const MigrationReportSchema = /* @__PURE__ */ (() =>
  z.object({
    credential: z.object({ title: z.string().nullable(), escoVersion: z.string().nullable() }),
    older: z.object({ escoVersion: z.string().nullable() }),
    newer: z.object({ escoVersion: z.string().nullable() }),
    /** True when at least one mapping is broken. */
    broken: z.boolean(),
    summary: z.object({
      mappings: count,
      unchanged: count,
      changed: count,
      removed: count,
      unknown: count,
      broken: count,
      effects: z.object({ error: count, warning: count, info: count }),
    }),
    mappings: z.array(MappingResultSchema),
    effects: z.array(MigrationEffectSchema),
  }))();
/** @category Diff */
export type MigrationReport = z.infer<typeof MigrationReportSchema>;
