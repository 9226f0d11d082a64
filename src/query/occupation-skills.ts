import * as z from "zod";
import type { Same } from "../schema-type.js";
import { RELATION_TYPES, type RelationType } from "../bundle/format.js";
import { FullEscoRequiredError } from "../errors.js";
import { ConceptRefSchema } from "../model/concept.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type LabelOptions, refAt, requireIndex } from "./concept.js";
import { argString, checkOptions } from "../guard.js";

/**
 * Occupation–skill relations in both directions.
 *
 * @module
 */

/**
 * A skill linked to an occupation.
 *
 * @category Query
 */
export const OccupationSkillSchema = /* @__PURE__ */ (() =>
  z.object({
    skill: ConceptRefSchema,
    relation: z.enum(RELATION_TYPES),
    /** Set when the skill is included because it is narrower than a linked skill: the linked skill. */
    via: ConceptRefSchema.optional(),
  }))();
/** @category Query */
export type OccupationSkill = z.infer<typeof OccupationSkillSchema>;

const SkillOccupationSchemaBase = /* @__PURE__ */ (() =>
  z.object({
    occupation: ConceptRefSchema,
    relation: z.enum(RELATION_TYPES),
  }))();
/**
 * The type of {@link SkillOccupationSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Query
 */
export interface SkillOccupationSchemaType extends Same<typeof SkillOccupationSchemaBase> {}
/**
 * An occupation linked to a skill.
 *
 * @category Query
 */
export const SkillOccupationSchema: SkillOccupationSchemaType = SkillOccupationSchemaBase;
/** @category Query */
export type SkillOccupation = z.infer<typeof SkillOccupationSchema>;

/** Which relations to return. */
export type RelationFilter = RelationType | "all";

/** @internal */
export function requireRelations(store: Store, api: string): void {
  if (!store.hasRelations) throw new FullEscoRequiredError(api, "occupation–skill relations");
}

/**
 * Options of {@link skillsOfOccupation}.
 *
 * @category Query
 */
export interface SkillsOfOccupationOptions extends LabelOptions {
  /** `essential`, `optional` or `all` (default). */
  relation?: RelationFilter;
  /** Also list skills narrower than each linked skill (marked with `via`). */
  includeNarrower?: boolean;
}

/**
 * The skills an occupation needs, essential first.
 *
 * @category Query
 * @throws {@link ConceptNotFoundError} / {@link WrongConceptKindError} for an unknown URI or a non-occupation.
 * @throws {@link FullEscoRequiredError} on the embedded default, which has no relations.
 * @example
 * ```ts
 * skillsOfOccupation(taxonomy, heatPumpInstallerUri, { relation: "essential" }).length //=> 17
 * ```
 */
export function skillsOfOccupation(
  taxonomy: Taxonomy,
  occupationUri: string,
  options: SkillsOfOccupationOptions = {},
): OccupationSkill[] {
  argString("skillsOfOccupation", "occupationUri", occupationUri);
  options = checkOptions("skillsOfOccupation", options, {
    lang: "string",
    relation: ["essential", "optional", "all"],
    includeNarrower: "boolean",
  });
  const store = storeOf(taxonomy);
  requireRelations(store, "skillsOfOccupation");
  const occupation = requireIndex(store, "skillsOfOccupation", occupationUri, ["occupation"]);
  const filter = options.relation ?? "all";
  const types = store.occupationSkillTypes;
  const direct: { index: number; relation: RelationType }[] = [];
  forEachNeighbour(store.skillsOfOccupation, occupation, (skill, edge) => {
    const relation = RELATION_TYPES[types[edge]!]!;
    if (filter === "all" || filter === relation) direct.push({ index: skill, relation });
  });
  direct.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === "essential" ? -1 : 1));
  const out: OccupationSkill[] = direct.map(({ index, relation }) => ({
    skill: refAt(store, index, options.lang),
    relation,
  }));
  if (options.includeNarrower) {
    const seen = new Set(direct.map((d) => d.index));
    for (const { index, relation } of direct) {
      const via = refAt(store, index, options.lang);
      const stack = [index];
      while (stack.length > 0) {
        forEachNeighbour(store.narrower, stack.pop()!, (child) => {
          if (seen.has(child) || store.kind(child) !== "skill") return;
          seen.add(child);
          stack.push(child);
          out.push({ skill: refAt(store, child, options.lang), relation, via });
        });
      }
    }
  }
  return out;
}

/**
 * The occupations that need a skill, essential first.
 *
 * @category Query
 * @throws {@link ConceptNotFoundError} / {@link WrongConceptKindError} for an unknown URI or a non-skill.
 * @throws {@link FullEscoRequiredError} on the embedded default.
 */
export function occupationsForSkill(
  taxonomy: Taxonomy,
  skillUri: string,
  options: LabelOptions & { relation?: RelationFilter } = {},
): SkillOccupation[] {
  argString("occupationsForSkill", "skillUri", skillUri);
  options = checkOptions("occupationsForSkill", options, {
    lang: "string",
    relation: ["essential", "optional", "all"],
  });
  const store = storeOf(taxonomy);
  requireRelations(store, "occupationsForSkill");
  const skill = requireIndex(store, "occupationsForSkill", skillUri, ["skill"]);
  const filter = options.relation ?? "all";
  const types = store.occupationSkillTypes;
  const out: SkillOccupation[] = [];
  forEachNeighbour(store.occupationsOfSkill, skill, (occupation, edge) => {
    const relation = RELATION_TYPES[types[edge]!]!;
    if (filter === "all" || filter === relation)
      out.push({ occupation: refAt(store, occupation, options.lang), relation });
  });
  return out.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === "essential" ? -1 : 1));
}
