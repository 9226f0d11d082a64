import * as z from "zod";
import { RELATION_TYPES } from "../bundle/format.js";
import { ConceptRefSchema } from "../model/concept.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type LabelOptions, refAt, requireIndex } from "./concept.js";
import { requireRelations } from "./occupation-skills.js";
import { argString, checkOptions } from "../guard.js";

/**
 * A skill related to another by ESCO's skill–skill relations.
 *
 * @category Query
 */
export const RelatedSkillSchema = /* @__PURE__ */ (() =>
  z.object({
    skill: ConceptRefSchema,
    relation: z.enum(RELATION_TYPES),
    /** `outgoing`: the given skill needs this one; `incoming`: this one needs the given skill. */
    direction: z.enum(["outgoing", "incoming"]),
  }))();
/** @category Query */
export type RelatedSkill = z.infer<typeof RelatedSkillSchema>;

/**
 * Skills related to a skill in either direction (ESCO's `skillSkillRelations`).
 *
 * @category Query
 * @throws {@link ConceptNotFoundError} / {@link WrongConceptKindError} for an unknown URI or a non-skill.
 * @throws {@link FullEscoRequiredError} on the embedded default.
 */
export function relatedSkills(taxonomy: Taxonomy, skillUri: string, options: LabelOptions = {}): RelatedSkill[] {
  argString("relatedSkills", "skillUri", skillUri);
  options = checkOptions("relatedSkills", options, { lang: "string" });
  const store = storeOf(taxonomy);
  requireRelations(store, "relatedSkills");
  const skill = requireIndex(store, "relatedSkills", skillUri, ["skill"]);
  const types = store.skillSkillTypes;
  const out: RelatedSkill[] = [];
  forEachNeighbour(store.relatedOut, skill, (other, edge) =>
    out.push({
      skill: refAt(store, other, options.lang),
      relation: RELATION_TYPES[types[edge]!]!,
      direction: "outgoing",
    }),
  );
  forEachNeighbour(store.relatedIn, skill, (other, edge) =>
    out.push({
      skill: refAt(store, other, options.lang),
      relation: RELATION_TYPES[types[edge]!]!,
      direction: "incoming",
    }),
  );
  return out;
}
