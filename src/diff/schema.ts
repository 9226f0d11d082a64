import * as z from "zod";
import { CONCEPT_KINDS, RELATION_TYPES } from "../bundle/format.js";
import { ConceptRefSchema } from "../model/concept.js";

/**
 * The typed change set `diffTaxonomies` returns: every change is an entry with a `type` discriminant and
 * the concept it concerns, grouped by type under `changes`, with counts under `summary`.
 *
 * @module
 */

const concept = /* @__PURE__ */ (() =>
  ConceptRefSchema.describe("The concept (label from the newer version; from the older one for a removed concept)."))();
const nullableText = /* @__PURE__ */ (() => z.string().nullable())();

/**
 * A concept that is in the newer version only.
 *
 * @category Diff
 */
export const ConceptAddedSchema = /* @__PURE__ */ (() => z.object({ type: z.literal("added"), concept }))();
/**
 * A concept that is in the older version only.
 *
 * @category Diff
 */
export const ConceptRemovedSchema = /* @__PURE__ */ (() => z.object({ type: z.literal("removed"), concept }))();
/**
 * A URI whose concept kind changed (for example a skill that became a skill group).
 *
 * @category Diff
 */
export const KindChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("kind"),
    concept,
    from: z.enum(CONCEPT_KINDS),
    to: z.enum(CONCEPT_KINDS),
  }))();
/**
 * A changed ESCO `status` (`released`, `obsolete` …; `null` when empty).
 *
 * @category Diff
 */
export const StatusChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("status"),
    concept,
    from: nullableText,
    to: nullableText,
  }))();
/**
 * A changed preferred label in one language.
 *
 * @category Diff
 */
export const PrefLabelChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("prefLabel"),
    concept,
    lang: z.string(),
    from: z.string(),
    to: z.string(),
  }))();
/**
 * Alternative labels added or removed in one language (order is ignored).
 *
 * @category Diff
 */
export const AltLabelsChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("altLabels"),
    concept,
    lang: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }))();
/**
 * A changed skill type (`skill/competence`, `knowledge`; `null` when empty).
 *
 * @category Diff
 */
export const SkillTypeChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("skillType"),
    concept,
    from: nullableText,
    to: nullableText,
  }))();
/**
 * A changed reuse level (`transversal`, `cross-sector`, `sector-specific`, `occupation-specific`).
 *
 * @category Diff
 */
export const ReuseLevelChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("reuseLevel"),
    concept,
    from: nullableText,
    to: nullableText,
  }))();
/**
 * A concept that joined or left a collection (green, digital, transversal …). Only collections both
 * versions have are compared.
 *
 * @category Diff
 */
export const CollectionChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("collection"),
    concept,
    collection: z.string(),
    change: z.enum(["joined", "left"]),
  }))();
/**
 * Broader concepts (parents in either pillar) added or removed.
 *
 * @category Diff
 */
export const BroaderChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("broader"),
    concept,
    added: z.array(ConceptRefSchema),
    removed: z.array(ConceptRefSchema),
  }))();
/**
 * A changed ISCO-08 unit group of an occupation.
 *
 * @category Diff
 */
export const IscoGroupChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("iscoGroup"),
    concept,
    from: nullableText,
    to: nullableText,
  }))();
/**
 * A changed ESCO notation code (occupations, skill groups, ISCO groups).
 *
 * @category Diff
 */
export const CodeChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("code"),
    concept,
    from: nullableText,
    to: nullableText,
  }))();
/**
 * NACE codes of an occupation added or removed (compared only when both versions carry NACE codes).
 *
 * @category Diff
 */
export const NaceChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("nace"),
    concept,
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }))();

const relation = /* @__PURE__ */ (() => z.enum(RELATION_TYPES))();
/**
 * Relations of one concept added, removed, or switched between essential and optional.
 *
 * @category Diff
 */
export const RelationDeltaSchema = /* @__PURE__ */ (() =>
  z.object({
    added: z.array(z.object({ skill: ConceptRefSchema, relation })),
    removed: z.array(z.object({ skill: ConceptRefSchema, relation })),
    switched: z.array(z.object({ skill: ConceptRefSchema, from: relation, to: relation })),
  }))();
/** @category Diff */
export type RelationDelta = z.infer<typeof RelationDeltaSchema>;

/**
 * The skills of an occupation that changed. Listed for occupations in both versions; a skill that was
 * removed from ESCO shows here as a removed relation of each occupation that had it.
 *
 * @category Diff
 */
export const OccupationSkillsChangeSchema = /* @__PURE__ */ (() =>
  RelationDeltaSchema.extend({
    type: z.literal("occupationSkills"),
    concept,
  }))();
/**
 * The related skills (ESCO's skill–skill relations, outgoing) of a skill that changed.
 *
 * @category Diff
 */
export const SkillSkillsChangeSchema = /* @__PURE__ */ (() =>
  RelationDeltaSchema.extend({
    type: z.literal("skillSkills"),
    concept,
  }))();

/**
 * A green share with the counts behind it (see `greenShare`).
 *
 * @category Diff
 */
export const ShareFigureSchema = /* @__PURE__ */ (() =>
  z.object({
    share: z.number().min(0).max(1).nullable(),
    greenSkills: z.number().int().nonnegative(),
    totalSkills: z.number().int().nonnegative(),
  }))();
/** @category Diff */
export type ShareFigure = z.infer<typeof ShareFigureSchema>;

/**
 * A changed green share of an occupation or ISCO group: our computed share (`greenShare`) and ESCO's
 * official `greenShareOcc` value, each `null` when that one did not change.
 *
 * @category Diff
 */
export const GreenShareChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("greenShare"),
    concept,
    computed: z.object({ from: ShareFigureSchema, to: ShareFigureSchema }).nullable(),
    official: z.object({ from: z.number().nullable(), to: z.number().nullable() }).nullable(),
  }))();

/**
 * Any entry of a change set, discriminated by `type`.
 *
 * @category Diff
 */
export const ConceptChangeSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    ConceptAddedSchema,
    ConceptRemovedSchema,
    KindChangeSchema,
    StatusChangeSchema,
    PrefLabelChangeSchema,
    AltLabelsChangeSchema,
    SkillTypeChangeSchema,
    ReuseLevelChangeSchema,
    CollectionChangeSchema,
    BroaderChangeSchema,
    IscoGroupChangeSchema,
    CodeChangeSchema,
    NaceChangeSchema,
    OccupationSkillsChangeSchema,
    SkillSkillsChangeSchema,
    GreenShareChangeSchema,
  ]))();
/** @category Diff */
export type ConceptChange = z.infer<typeof ConceptChangeSchema>;
/** @category Diff */
export type ChangeType = ConceptChange["type"];
/** The entry type of change `T`. @category Diff */
export type ChangeOf<T extends ChangeType> = Extract<ConceptChange, { type: T }>;

/**
 * Every change type, in report order.
 *
 * @category Diff
 */
export const CHANGE_TYPES = [
  "added",
  "removed",
  "kind",
  "status",
  "prefLabel",
  "altLabels",
  "skillType",
  "reuseLevel",
  "collection",
  "broader",
  "iscoGroup",
  "code",
  "nace",
  "occupationSkills",
  "skillSkills",
  "greenShare",
] as const satisfies readonly ChangeType[];

const count = /* @__PURE__ */ (() => z.number().int().nonnegative())();
const relationCounts = /* @__PURE__ */ (() => z.object({ added: count, removed: count, switched: count }))();

/**
 * Which version a side of the diff is.
 *
 * @category Diff
 */
export const DiffSideSchema = /* @__PURE__ */ (() =>
  z.object({
    escoVersion: z.string().nullable(),
    coverage: z.enum(["full", "curated"]),
    languages: z.array(z.string()),
    concepts: count,
  }))();
/** @category Diff */
export type DiffSide = z.infer<typeof DiffSideSchema>;

/**
 * Counts of a change set: entries per change type, and the finer counts a report starts with.
 *
 * @category Diff
 */
export const DiffSummarySchema = /* @__PURE__ */ (() =>
  z.object({
    /** Number of entries in all of `changes`; 0 means the versions are the same for everything compared. */
    total: count,
    /** Number of entries per change type. */
    counts: z.record(z.enum(CHANGE_TYPES), count),
    addedByKind: z.record(z.string(), count),
    removedByKind: z.record(z.string(), count),
    /** Concepts that joined or left each compared collection. */
    collections: z.record(z.string(), z.object({ joined: count, left: count })),
    /** Occupation–skill relations (of occupations in both versions) added, removed, switched. */
    occupationSkillRelations: relationCounts,
    /** Skill–skill relations (of skills in both versions) added, removed, switched. */
    skillSkillRelations: relationCounts,
    /** Green share changes of occupations and ISCO groups: computed by us, and official. */
    greenShare: z.object({ occupations: count, iscoGroups: count, computed: count, official: count }),
  }))();
/** @category Diff */
export type DiffSummary = z.infer<typeof DiffSummarySchema>;

/**
 * What a diff compared: fields that only one version carries are left out rather than reported as
 * mass additions or removals.
 *
 * @category Diff
 */
export const DiffComparedSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Label languages compared (those both versions have). */
    languages: z.array(z.string()),
    /** Collections compared (those both versions have). */
    collections: z.array(z.string()),
    collectionsOnlyInOlder: z.array(z.string()),
    collectionsOnlyInNewer: z.array(z.string()),
    /** Whether NACE codes were compared (both versions carry them: ESCO v1.2.1 and later). */
    nace: z.boolean(),
    /** Whether official green shares were compared (both versions carry `greenShareOcc`). */
    greenShareOfficial: z.boolean(),
    /** Whether relations were compared (both versions are full imports with relations). */
    relations: z.boolean(),
  }))();
/** @category Diff */
export type DiffCompared = z.infer<typeof DiffComparedSchema>;

/**
 * The change set between two versions of ESCO.
 *
 * @category Diff
 */
export const TaxonomyDiffSchema = /* @__PURE__ */ (() =>
  z.object({
    older: DiffSideSchema,
    newer: DiffSideSchema,
    compared: DiffComparedSchema,
    summary: DiffSummarySchema,
    changes: z.object({
      added: z.array(ConceptAddedSchema),
      removed: z.array(ConceptRemovedSchema),
      kind: z.array(KindChangeSchema),
      status: z.array(StatusChangeSchema),
      prefLabel: z.array(PrefLabelChangeSchema),
      altLabels: z.array(AltLabelsChangeSchema),
      skillType: z.array(SkillTypeChangeSchema),
      reuseLevel: z.array(ReuseLevelChangeSchema),
      collection: z.array(CollectionChangeSchema),
      broader: z.array(BroaderChangeSchema),
      iscoGroup: z.array(IscoGroupChangeSchema),
      code: z.array(CodeChangeSchema),
      nace: z.array(NaceChangeSchema),
      occupationSkills: z.array(OccupationSkillsChangeSchema),
      skillSkills: z.array(SkillSkillsChangeSchema),
      greenShare: z.array(GreenShareChangeSchema),
    }),
  }))();
/** @category Diff */
export type TaxonomyDiff = z.infer<typeof TaxonomyDiffSchema>;
/** The `changes` of a {@link TaxonomyDiff}, keyed by change type. @category Diff */
export type DiffChanges = TaxonomyDiff["changes"];
