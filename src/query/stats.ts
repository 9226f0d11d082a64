import * as z from "zod";
import { CONCEPT_KINDS } from "../bundle/format.js";
import { RELATION } from "../bundle/names.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";

/**
 * Headline figures of a taxonomy.
 *
 * @category Query
 */
export const TaxonomyStatsSchema = /* @__PURE__ */ (() =>
  z.object({
    escoVersion: z.string().nullable(),
    coverage: z.enum(["full", "curated"]),
    languages: z.array(z.string()),
    concepts: z.record(z.string(), z.number().int()),
    relations: z.object({
      occupationSkill: z.number().int(),
      occupationSkillEssential: z.number().int(),
      skillSkill: z.number().int(),
      broaderSkill: z.number().int(),
      broaderOcc: z.number().int(),
    }),
    collections: z.record(z.string(), z.number().int()),
    /** Rows the importer kept aside (dangling references and bad values). */
    unresolvedRows: z.number().int(),
  }))();
/** @category Query */
export type TaxonomyStats = z.infer<typeof TaxonomyStatsSchema>;

/**
 * Counts of concepts by kind, relations by kind and collection sizes.
 *
 * @category Query
 * @example
 * ```ts
 * stats(taxonomy).concepts.skill //=> 13896
 * ```
 */
export function stats(taxonomy: Taxonomy): TaxonomyStats {
  const store = storeOf(taxonomy);
  const concepts: Record<string, number> = Object.fromEntries(CONCEPT_KINDS.map((k) => [k, 0]));
  for (let i = 0; i < store.size; i++) concepts[store.kind(i)]!++;
  const length = (name: string) => store.columns.i32(name)?.length ?? 0;
  const types = store.occupationSkillTypes;
  let essential = 0;
  for (const t of types) if (t === 0) essential++;
  return {
    escoVersion: taxonomy.escoVersion,
    coverage: taxonomy.coverage,
    languages: [...taxonomy.languages],
    concepts,
    relations: {
      occupationSkill: length(RELATION.occupationSkill.occupation),
      occupationSkillEssential: essential,
      skillSkill: length(RELATION.skillSkill.from),
      broaderSkill: length(RELATION.broaderSkill.child),
      broaderOcc: length(RELATION.broaderOcc.child),
    },
    collections: Object.fromEntries(taxonomy.collections.map((c) => [c.name, c.size])),
    unresolvedRows: taxonomy.meta.unresolved.length,
  };
}
