import * as z from "zod";
import { CONCEPT } from "../bundle/names.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { EscoUriSchema } from "../uri.js";
import { requireIndex } from "./concept.js";
import { iscoIndex, occupationIndexesUnder } from "./isco.js";
import { requireRelations } from "./occupation-skills.js";
import { argString } from "../guard.js";

/**
 * The green share of an occupation or ISCO group.
 *
 * @category Query
 */
export const GreenShareSchema = /* @__PURE__ */ (() =>
  z.object({
    uri: EscoUriSchema,
    kind: z.enum(["occupation", "iscoGroup"]),
    /** Green skills ÷ linked skills (essential + optional, distinct); `null` when nothing is linked. */
    share: z.number().min(0).max(1).nullable(),
    /** Distinct linked skills in the green collection. */
    greenSkills: z.number().int().nonnegative(),
    /** Distinct linked skills (essential + optional). */
    totalSkills: z.number().int().nonnegative(),
    essential: z.object({ green: z.number().int(), total: z.number().int() }),
    optional: z.object({ green: z.number().int(), total: z.number().int() }),
    /** Occupations counted (1 for an occupation, all occupations under an ISCO group). */
    occupations: z.number().int().nonnegative(),
    /** ESCO's official `greenShareOcc` value when the imported version has one (v1.2.1+), reported beside ours. */
    official: z.number().nullable(),
  }))();
/** @category Query */
export type GreenShare = z.infer<typeof GreenShareSchema>;

/** @internal Green share over the skills of a set of occupations. */
export function greenShareOf(
  store: Store,
  occupations: readonly number[],
): Omit<GreenShare, "uri" | "kind" | "official"> {
  const green = store.collection("green");
  const types = store.occupationSkillTypes;
  // 1 = essential, 2 = optional only.
  const linked = new Map<number, number>();
  for (const occupation of occupations) {
    forEachNeighbour(store.skillsOfOccupation, occupation, (skill, edge) => {
      const essential = types[edge] === 0;
      const current = linked.get(skill);
      if (essential || current === undefined) linked.set(skill, essential ? 1 : (current ?? 2));
    });
  }
  const essential = { green: 0, total: 0 };
  const optional = { green: 0, total: 0 };
  for (const [skill, relation] of linked) {
    const bucket = relation === 1 ? essential : optional;
    bucket.total++;
    if (green?.[skill]) bucket.green++;
  }
  const totalSkills = essential.total + optional.total;
  const greenSkills = essential.green + optional.green;
  return {
    share: totalSkills === 0 ? null : greenSkills / totalSkills,
    greenSkills,
    totalSkills,
    essential,
    optional,
    occupations: occupations.length,
  };
}

/**
 * The green share of an occupation or an ISCO group (any level): the share of its distinct essential and
 * optional skills that are in ESCO's green skills collection. For a group, the skills of all occupations
 * under it count once each. ESCO's official value, where the data has it, is reported beside it in
 * `official` (its method is task-based and differs).
 *
 * @category Query
 * @param uri - An occupation URI, an ISCO group URI, or an ISCO code (`2143`).
 * @throws {@link ConceptNotFoundError} / {@link WrongConceptKindError} for an unknown URI or another kind.
 * @throws {@link FullEscoRequiredError} on the embedded default.
 */
export function greenShare(taxonomy: Taxonomy, uri: string): GreenShare {
  argString("greenShare", "uri", uri);
  const store = storeOf(taxonomy);
  requireRelations(store, "greenShare");
  const index = /^C?\d{1,4}$/.test(uri)
    ? iscoIndex(store, "greenShare", uri)
    : requireIndex(store, "greenShare", uri, ["occupation", "iscoGroup"]);
  const kind = store.kind(index) as "occupation" | "iscoGroup";
  const occupations = kind === "occupation" ? [index] : occupationIndexesUnder(store, index, true);
  const official = store.columns.f64(CONCEPT.greenShare)?.[index];
  return {
    uri: store.uris[index] as GreenShare["uri"],
    kind,
    ...greenShareOf(store, occupations),
    official: official === undefined || Number.isNaN(official) ? null : official,
  };
}
