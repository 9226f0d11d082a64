import * as z from "zod";
import { RELATION_TYPES, type RelationType } from "../bundle/format.js";
import { ConceptRefSchema } from "../model/concept.js";
import { refAt, requireIndex } from "../query/concept.js";
import { requireRelations } from "../query/occupation-skills.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import type { LearningOutcome } from "./schema.js";
import { argOutcomes, argString } from "../guard.js";

/**
 * Coverage and gap analysis: how well a credential's learning outcomes cover the skills of a target
 * occupation.
 *
 * @module
 */

const ShareSchema = /* @__PURE__ */ (() =>
  z.object({
    green: z.number().int(),
    total: z.number().int(),
    share: z.number().min(0).max(1).nullable(),
  }))();

/**
 * One skill of the occupation and how the credential covers it.
 *
 * @category Coverage
 */
export const CoveredSkillSchema = /* @__PURE__ */ (() =>
  z.object({
    skill: ConceptRefSchema,
    relation: z.enum(RELATION_TYPES),
    green: z.boolean(),
    /** `direct`: mapped as is; `narrower`: a narrower skill is mapped; `broader`: a broader skill is mapped; `null`: not covered. */
    match: z.enum(["direct", "narrower", "broader"]).nullable(),
    /** The credential's skills that cover it (the skill itself for a direct match). */
    via: z.array(ConceptRefSchema),
    /** Ids of the learning outcomes that cover it. */
    outcomes: z.array(z.string()),
  }))();
/** One skill of the occupation and how a credential covers it. @category Coverage */
export type CoveredSkill = z.infer<typeof CoveredSkillSchema>;

const CountsSchema = /* @__PURE__ */ (() =>
  z.object({
    total: z.number().int(),
    covered: z.number().int(),
    direct: z.number().int(),
    related: z.number().int(),
  }))();

/**
 * The result of {@link coverage}.
 *
 * @category Coverage
 */
export const CoverageSchema = /* @__PURE__ */ (() =>
  z.object({
    occupation: ConceptRefSchema,
    /** The credential's mapped skills that the taxonomy holds, and the URIs it does not. */
    credential: z.object({ skills: z.number().int(), unknownSkills: z.array(z.string()) }),
    essential: CountsSchema,
    optional: CountsSchema,
    /** Every skill of the occupation, essential first, covered ones first within each. */
    skills: z.array(CoveredSkillSchema),
    /** Essential skills the credential does not cover at all. */
    missingEssential: z.array(ConceptRefSchema),
    /** The credential's skills that the occupation does not list (directly or through the hierarchy). */
    extra: z.array(z.object({ skill: ConceptRefSchema, outcomes: z.array(z.string()) })),
    /** Green share (ESCO green skills collection) of the covered skills, of the occupation's skills and of the credential's skills. */
    greenShare: z.object({ covered: ShareSchema, occupation: ShareSchema, credential: ShareSchema }),
    /**
     * Summary in [0, 1]: essential skills weigh 2 and optional 1; a direct match counts 1 and a match
     * through a broader or narrower skill 0.5. `null` when the occupation lists no skills.
     */
    score: z.number().min(0).max(1).nullable(),
  }))();
/** How well a credential covers an occupation's skills (see {@link coverage}). @category Coverage */
export type Coverage = z.infer<typeof CoverageSchema>;

/** What {@link coverage} reads from a credential: its learning outcomes. @category Coverage */
export interface CoverageInput {
  learningOutcomes: readonly Pick<LearningOutcome, "id" | "esco">[];
}

// Visit marks per store, reused across calls: a generation counter instead of a fresh Set per walk.
const marks = new WeakMap<Store, { seen: Uint32Array; generation: number }>();

/** Skills reachable from `start` through skill-to-skill broader (up) or narrower (down) links, skill groups excluded. */
function skillClosure(store: Store, start: number, up: boolean, visit: (skill: number) => void): void {
  let mark = marks.get(store);
  if (!mark) marks.set(store, (mark = { seen: new Uint32Array(store.size), generation: 0 }));
  if (++mark.generation === 0xffffffff) {
    mark.seen.fill(0);
    mark.generation = 1;
  }
  const { seen, generation } = mark;
  const adjacency = up ? store.broader : store.narrower;
  seen[start] = generation;
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const end = adjacency.offsets[node + 1]!;
    for (let at = adjacency.offsets[node]!; at < end; at++) {
      const next = adjacency.targets[at]!;
      if (seen[next] === generation || store.kind(next) !== "skill") continue;
      seen[next] = generation;
      visit(next);
      stack.push(next);
    }
  }
}

const share = (green: number, total: number) => ({ green, total, share: total === 0 ? null : green / total });

/**
 * How well a credential covers the skills of a target occupation: each essential and optional skill of
 * the occupation is covered directly, through a narrower or broader skill of the credential, or not at
 * all; plus the missing essential skills, the credential's extra skills, green shares and a score.
 *
 * @category Coverage
 * @param credential - A definition (only `learningOutcomes[].id` and `.esco` are read).
 * @param occupationUri - The ESCO occupation to compare with.
 * @param taxonomy - A full ESCO import (occupation–skill relations are needed).
 * @returns The coverage report.
 * @throws {@link FullEscoRequiredError} on the embedded default, which has no occupation–skill relations.
 * @throws {@link ConceptNotFoundError} / {@link WrongConceptKindError} when `occupationUri` is unknown or not an occupation.
 * @example
 * ```ts
 * import { coverage } from "green-skills";
 * const report = coverage(taxonomy, definition, "http://data.europa.eu/esco/occupation/7259dc48-004a-4ceb-aa4e-5bbd548c2397");
 * `${report.essential.covered}/${report.essential.total}` //=> "8/26"
 * ```
 */
export function coverage(taxonomy: Taxonomy, credential: CoverageInput, occupationUri: string): Coverage {
  storeOf(taxonomy, "coverage");
  argString("coverage", "occupationUri", occupationUri);
  credential = argOutcomes("coverage", "credential", credential);
  const store = storeOf(taxonomy);
  requireRelations(store, "coverage");
  const occupation = requireIndex(store, "coverage", occupationUri, ["occupation"]);
  const green = store.collection("green");
  const isGreen = (i: number) => green?.[i] === 1;

  // The credential's skills, with the outcomes that map them.
  const mapped = new Map<number, string[]>();
  const unknownSkills: string[] = [];
  for (const outcome of credential.learningOutcomes) {
    for (const uri of outcome.esco) {
      const index = store.indexOf(uri);
      if (index < 0 || store.kind(index) !== "skill") {
        if (!unknownSkills.includes(uri)) unknownSkills.push(uri);
        continue;
      }
      const outcomes = mapped.get(index) ?? [];
      if (!outcomes.includes(outcome.id)) outcomes.push(outcome.id);
      mapped.set(index, outcomes);
    }
  }
  // Occupation skill → credential skills that cover it through the hierarchy.
  const viaNarrower = new Map<number, number[]>();
  const viaBroader = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, value: number) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const skill of mapped.keys()) {
    skillClosure(store, skill, true, (ancestor) => add(viaNarrower, ancestor, skill));
    skillClosure(store, skill, false, (descendant) => add(viaBroader, descendant, skill));
  }

  const linked = new Map<number, RelationType>();
  const types = store.occupationSkillTypes;
  forEachNeighbour(store.skillsOfOccupation, occupation, (skill, edge) => {
    const relation = RELATION_TYPES[types[edge]!]!;
    if (relation === "essential" || !linked.has(skill)) linked.set(skill, relation);
  });

  const skills: CoveredSkill[] = [];
  const used = new Set<number>();
  const counts = {
    essential: { total: 0, covered: 0, direct: 0, related: 0 },
    optional: { total: 0, covered: 0, direct: 0, related: 0 },
  };
  let coveredGreen = 0;
  let occupationGreen = 0;
  let weighted = 0;
  let weights = 0;
  for (const [skill, relation] of linked) {
    const via = mapped.has(skill) ? [skill] : (viaNarrower.get(skill) ?? viaBroader.get(skill) ?? []);
    const match = mapped.has(skill)
      ? "direct"
      : viaNarrower.has(skill)
        ? "narrower"
        : viaBroader.has(skill)
          ? "broader"
          : null;
    const bucket = counts[relation];
    bucket.total++;
    if (isGreen(skill)) occupationGreen++;
    const weight = relation === "essential" ? 2 : 1;
    weights += weight;
    if (match) {
      bucket.covered++;
      if (match === "direct") bucket.direct++;
      else bucket.related++;
      if (isGreen(skill)) coveredGreen++;
      weighted += weight * (match === "direct" ? 1 : 0.5);
      for (const v of via) used.add(v);
    }
    const outcomes = [...new Set(via.flatMap((v) => mapped.get(v) ?? []))];
    skills.push({
      skill: refAt(store, skill),
      relation,
      green: isGreen(skill),
      match,
      via: via.map((v) => refAt(store, v)),
      outcomes,
    });
  }
  const rank = (s: CoveredSkill) => (s.relation === "essential" ? 0 : 2) + (s.match ? 0 : 1);
  skills.sort((a, b) => rank(a) - rank(b));

  const extra = [...mapped]
    .filter(([skill]) => !used.has(skill))
    .map(([skill, outcomes]) => ({ skill: refAt(store, skill), outcomes }));
  const credentialGreen = [...mapped.keys()].filter(isGreen).length;
  return {
    occupation: refAt(store, occupation),
    credential: { skills: mapped.size, unknownSkills },
    essential: counts.essential,
    optional: counts.optional,
    skills,
    missingEssential: skills.filter((s) => s.relation === "essential" && !s.match).map((s) => s.skill),
    extra,
    greenShare: {
      covered: share(coveredGreen, counts.essential.covered + counts.optional.covered),
      occupation: share(occupationGreen, linked.size),
      credential: share(credentialGreen, mapped.size),
    },
    score: weights === 0 ? null : weighted / weights,
  };
}
