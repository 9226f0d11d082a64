import * as z from "zod";
import { ConceptRefSchema } from "../model/concept.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type LabelOptions, refAt, requireIndex } from "./concept.js";
import { requireRelations } from "./occupation-skills.js";
import { argString, checkOptions } from "../guard.js";

/**
 * An occupation similar to another, by shared skills.
 *
 * @category Query
 */
export const SimilarOccupationSchema = /* @__PURE__ */ (() =>
  z.object({
    occupation: ConceptRefSchema,
    /** Weighted Jaccard similarity in [0, 1]. */
    similarity: z.number().min(0).max(1),
    /** Number of skills both occupations link to. */
    sharedSkills: z.number().int().nonnegative(),
  }))();
/** @category Query */
export type SimilarOccupation = z.infer<typeof SimilarOccupationSchema>;

/**
 * Options of {@link similarOccupations}.
 *
 * @category Query
 */
export interface SimilarOccupationsOptions extends LabelOptions {
  /** How many to return (default 10). */
  k?: number;
  /** Weight of an essential link (default 1). */
  essentialWeight?: number;
  /** Weight of an optional link (default 0.5). */
  optionalWeight?: number;
}

const totals = new WeakMap<Store, Map<string, Float64Array>>();

function totalWeights(store: Store, essential: number, optional: number): Float64Array {
  let byWeights = totals.get(store);
  if (!byWeights) totals.set(store, (byWeights = new Map()));
  const key = `${essential}/${optional}`;
  let out = byWeights.get(key);
  if (!out) {
    out = new Float64Array(store.size);
    const { offsets, edges } = store.skillsOfOccupation;
    const types = store.occupationSkillTypes;
    for (let o = 0; o < store.size; o++) {
      let sum = 0;
      for (let at = offsets[o]!; at < offsets[o + 1]!; at++) sum += types[edges[at]!] === 0 ? essential : optional;
      out[o] = sum;
    }
    byWeights.set(key, out);
  }
  return out;
}

/**
 * The `k` occupations most similar to an occupation by weighted Jaccard similarity over their skills
 * (Σ min(wA, wB) / Σ max(wA, wB), an essential link weighing more than an optional one).
 *
 * @category Query
 * @throws {@link ConceptNotFoundError} / {@link WrongConceptKindError} for an unknown URI or a non-occupation.
 * @throws {@link FullEscoRequiredError} on the embedded default.
 */
export function similarOccupations(
  taxonomy: Taxonomy,
  occupationUri: string,
  options: SimilarOccupationsOptions = {},
): SimilarOccupation[] {
  argString("similarOccupations", "occupationUri", occupationUri);
  options = checkOptions("similarOccupations", options, {
    lang: "string",
    k: "count",
    essentialWeight: "number",
    optionalWeight: "number",
  });
  const store = storeOf(taxonomy);
  requireRelations(store, "similarOccupations");
  const target = requireIndex(store, "similarOccupations", occupationUri, ["occupation"]);
  const essential = options.essentialWeight ?? 1;
  const optional = options.optionalWeight ?? 0.5;
  const k = options.k ?? 10;
  const total = totalWeights(store, essential, optional);
  const { offsets, targets, edges } = store.skillsOfOccupation;
  const back = store.occupationsOfSkill;
  const types = store.occupationSkillTypes;
  const minSum = new Map<number, number>();
  const shared = new Map<number, number>();
  for (let at = offsets[target]!; at < offsets[target + 1]!; at++) {
    const skill = targets[at]!;
    const wa = types[edges[at]!] === 0 ? essential : optional;
    for (let bt = back.offsets[skill]!; bt < back.offsets[skill + 1]!; bt++) {
      const other = back.targets[bt]!;
      if (other === target) continue;
      const wb = types[back.edges[bt]!] === 0 ? essential : optional;
      minSum.set(other, (minSum.get(other) ?? 0) + Math.min(wa, wb));
      shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const scored: { index: number; similarity: number }[] = [];
  for (const [other, min] of minSum) {
    const max = total[target]! + total[other]! - min;
    scored.push({ index: other, similarity: max > 0 ? min / max : 0 });
  }
  scored.sort((a, b) => b.similarity - a.similarity || store.uris[a.index]!.localeCompare(store.uris[b.index]!));
  return scored.slice(0, k).map(({ index, similarity }) => ({
    occupation: refAt(store, index, options.lang),
    similarity,
    sharedSkills: shared.get(index) ?? 0,
  }));
}
