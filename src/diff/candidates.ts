import * as z from "zod";
import type { Same } from "../schema-type.js";
import { ConceptRefSchema } from "../model/concept.js";
import { requireIndex } from "../query/concept.js";
import type { Adjacency } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type DiffContext, pairStores } from "./context.js";
import { isLive, labelIndex, labelsOf, searchLabels } from "./label-index.js";
import { bestLabelMatch, prepareLabels } from "./label-similarity.js";
import { argString, checkOptions } from "../guard.js";

/**
 * Replacement candidates for a concept that is gone (or retired) in a newer ESCO version, ranked by label
 * similarity and graph neighbourhood, each with the evidence behind its score.
 *
 * @module
 */

const share = /* @__PURE__ */ (() =>
  z.object({ shared: z.number().int().nonnegative(), of: z.number().int().nonnegative() }))();

const ReplacementCandidateSchemaBase = /* @__PURE__ */ (() =>
  z.object({
    /** The candidate in the newer version. */
    concept: ConceptRefSchema,
    /** Combined score in [0, 1]: 60 % label similarity, 40 % graph neighbourhood. */
    score: z.number().min(0).max(1),
    /** Best trigram similarity between a label of the old concept and a label of the candidate. */
    labelSimilarity: z.number().min(0).max(1),
    /** The two labels that matched best. */
    matchedLabels: z.object({ older: z.string(), newer: z.string() }).nullable(),
    /** Broader concepts the candidate shares with the old concept. */
    sameBroader: z.array(ConceptRefSchema),
    /** True when the candidate was the old concept's broader concept. */
    formerBroader: z.boolean(),
    /** Skills: occupations that needed the old concept and link to the candidate (`newlyLinked` of them only in the newer version). */
    occupations: share.extend({ newlyLinked: z.number().int().nonnegative() }).nullable(),
    /** Skills: related skills (skill–skill relations) of the old concept that the candidate is related to. */
    relatedSkills: share.nullable(),
    /** Occupations: skills of the old occupation the candidate also has (`of` = size of the union). */
    skills: share.nullable(),
    /** One sentence per piece of evidence. */
    explanation: z.array(z.string()),
  }))();
/**
 * The type of {@link ReplacementCandidateSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Diff
 */
export interface ReplacementCandidateSchemaType extends Same<typeof ReplacementCandidateSchemaBase> {}
/**
 * A ranked replacement for a removed or retired concept.
 *
 * @category Diff
 */
export const ReplacementCandidateSchema: ReplacementCandidateSchemaType = ReplacementCandidateSchemaBase;
/** @category Diff */
export type ReplacementCandidate = z.infer<typeof ReplacementCandidateSchema>;

/**
 * Options of {@link suggestReplacements}.
 *
 * @category Diff
 */
export interface SuggestReplacementsOptions {
  /** Most candidates to return (default 5). */
  limit?: number;
  /** Lowest score to keep (default 0.2). */
  minScore?: number;
  /** Language of labels to compare and report (default: each taxonomy's default language). */
  lang?: string;
}

const LABEL_POOL = 30;
const NEIGHBOUR_POOL = 300;

function targetsOf(adjacency: Adjacency, node: number): Int32Array {
  return adjacency.targets.subarray(adjacency.offsets[node]!, adjacency.offsets[node + 1]!);
}

/** Newer indexes of the older targets of `node`, dropping those gone from the newer version. */
function mappedTargets(ctx: DiffContext, adjacency: Adjacency, node: number): Set<number> {
  const out = new Set<number>();
  for (const t of targetsOf(adjacency, node)) {
    const mapped = ctx.toNewer[t]!;
    if (mapped >= 0) out.add(mapped);
  }
  return out;
}

function relatedOf(store: Store, node: number): Int32Array[] {
  return [targetsOf(store.relatedOut, node), targetsOf(store.relatedIn, node)];
}

const pct = (x: number) => x.toFixed(2);

/** @internal Ranked replacement candidates in the newer version for older concept `index`. */
export function replacementCandidates(
  ctx: DiffContext,
  index: number,
  options: SuggestReplacementsOptions = {},
): ReplacementCandidate[] {
  const { older, newer, toNewer, toOlder } = ctx;
  const kind = older.kind(index);
  const self = toNewer[index]!;
  const lang = ctx.lang;
  const oldLabels = labelsOf(older, index, lang);
  const oldPrepared = prepareLabels(oldLabels);
  const relations = older.hasRelations && newer.hasRelations;

  const parents = mappedTargets(ctx, older.broader, index);
  const occupationsBefore =
    kind === "skill" && relations ? mappedTargets(ctx, older.occupationsOfSkill, index) : new Set<number>();
  const relatedBefore = new Set<number>();
  const skillsBefore =
    kind === "occupation" && relations ? mappedTargets(ctx, older.skillsOfOccupation, index) : new Set<number>();
  if (kind === "skill" && relations) {
    for (const list of relatedOf(older, index))
      for (const t of list) if (toNewer[t]! >= 0) relatedBefore.add(toNewer[t]!);
  }

  // The pool: label matches plus graph neighbours, all of the same kind, live, and not the concept itself.
  const pool = new Set<number>();
  const add = (c: number) => {
    if (c !== self && newer.kind(c) === kind && isLive(newer, c)) pool.add(c);
  };
  for (const hit of searchLabels(labelIndex(newer, kind, lang), oldLabels, LABEL_POOL)) add(hit.index);
  for (const p of parents) {
    add(p);
    const siblings = targetsOf(newer.narrower, p);
    for (let k = 0; k < siblings.length && k < NEIGHBOUR_POOL; k++) add(siblings[k]!);
  }
  if (kind === "skill") {
    // Skills newly linked to the occupations that needed the old one are the likeliest successors.
    for (const o of occupationsBefore) {
      const before = toOlder[o]! >= 0 ? new Set(targetsOf(older.skillsOfOccupation, toOlder[o]!)) : new Set<number>();
      for (const s of targetsOf(newer.skillsOfOccupation, o)) if (toOlder[s]! < 0 || !before.has(toOlder[s]!)) add(s);
    }
    let added = 0;
    for (const r of relatedBefore)
      for (const list of relatedOf(newer, r)) for (const s of list) if (added++ < NEIGHBOUR_POOL) add(s);
  }
  if (kind === "occupation" && skillsBefore.size > 0) {
    const counts = new Map<number, number>();
    for (const s of skillsBefore)
      for (const o of targetsOf(newer.occupationsOfSkill, s)) counts.set(o, (counts.get(o) ?? 0) + 1);
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, LABEL_POOL)
      .forEach(([o]) => add(o));
  }

  const candidates: ReplacementCandidate[] = [];
  for (const c of pool) {
    const explanation: string[] = [];
    const match = bestLabelMatch(oldPrepared, prepareLabels(labelsOf(newer, c, lang)));
    const labelSimilarity = match?.similarity ?? 0;
    if (match && labelSimilarity >= 0.3) {
      explanation.push(
        labelSimilarity === 1
          ? `same label "${match.newer}"`
          : `label "${match.newer}" is close to "${match.older}" (${pct(labelSimilarity)})`,
      );
    }
    const sameBroader = [...targetsOf(newer.broader, c)].filter((p) => parents.has(p)).map((p) => ctx.refNew(p));
    const formerBroader = parents.has(c);
    if (sameBroader.length > 0)
      explanation.push(`same broader concept ${sameBroader.map((p) => `"${p.label}"`).join(", ")}`);
    if (formerBroader) explanation.push("was its broader concept");
    let graph = 0.4 * (sameBroader.length > 0 ? 1 : formerBroader ? 0.6 : 0);

    let occupations: ReplacementCandidate["occupations"] = null;
    let relatedSkills: ReplacementCandidate["relatedSkills"] = null;
    let skills: ReplacementCandidate["skills"] = null;
    if (kind === "skill" && relations) {
      const before = toOlder[c]! >= 0 ? new Set(targetsOf(older.occupationsOfSkill, toOlder[c]!)) : new Set<number>();
      let shared = 0;
      let newlyLinked = 0;
      for (const o of new Set(targetsOf(newer.occupationsOfSkill, c))) {
        if (!occupationsBefore.has(o)) continue;
        shared++;
        if (toOlder[o]! < 0 || !before.has(toOlder[o]!)) newlyLinked++;
      }
      occupations = { shared, of: occupationsBefore.size, newlyLinked };
      if (shared > 0)
        explanation.push(
          `linked to ${shared} of the ${occupationsBefore.size} occupation(s) that had it${newlyLinked > 0 ? ` (${newlyLinked} newly)` : ""}`,
        );
      if (occupationsBefore.size > 0) graph += (0.45 * (shared + newlyLinked)) / (2 * occupationsBefore.size);
      const relatedNow = new Set<number>();
      for (const list of relatedOf(newer, c)) for (const s of list) if (relatedBefore.has(s)) relatedNow.add(s);
      const relatedShared = relatedNow.size;
      relatedSkills = { shared: relatedShared, of: relatedBefore.size };
      if (relatedShared > 0)
        explanation.push(`related to ${relatedShared} of its ${relatedBefore.size} related skill(s)`);
      if (relatedBefore.size > 0) graph += (0.15 * relatedShared) / relatedBefore.size;
    }
    if (kind === "occupation" && relations) {
      const mine = new Set(targetsOf(newer.skillsOfOccupation, c));
      let shared = 0;
      for (const s of mine) if (skillsBefore.has(s)) shared++;
      const union = skillsBefore.size + mine.size - shared;
      skills = { shared, of: union };
      if (shared > 0) explanation.push(`shares ${shared} of ${union} skills`);
      if (union > 0) graph += (0.6 * shared) / union;
    }
    const score = Math.min(1, 0.6 * labelSimilarity + 0.4 * graph);
    candidates.push({
      concept: ctx.refNew(c),
      score,
      labelSimilarity,
      matchedLabels: match ? { older: match.older, newer: match.newer } : null,
      sameBroader,
      formerBroader,
      occupations,
      relatedSkills,
      skills,
      explanation,
    });
  }
  const minScore = options.minScore ?? 0.2;
  return candidates
    .filter((c) => c.score >= minScore)
    .sort((a, b) => b.score - a.score || a.concept.uri.localeCompare(b.concept.uri))
    .slice(0, options.limit ?? 5);
}

/**
 * Ranks concepts of a newer ESCO version that could replace a concept of an older version (one that was
 * removed, or became obsolete): by label similarity (word stems to find them, character trigrams to
 * score them, over preferred and alternative labels) and graph neighbourhood (same broader concept;
 * for skills, occupations that needed the old skill and link to the candidate, and shared related
 * skills; for occupations, shared skills). Each candidate carries its score and the evidence.
 *
 * @category Diff
 * @param older - The version that has `uri`.
 * @param newer - The version to find replacements in.
 * @param uri - A concept URI of the older version.
 * @param options - Limit, minimum score and label language.
 * @returns Candidates, best first (possibly none).
 * @throws {@link ConceptNotFoundError} when `uri` is not in the older version.
 * @example
 * ```ts
 * const removed = "http://data.europa.eu/esco/skill/aaaaaaaa-0000-4000-8000-00000000006f"; // "maintain heat pump"
 * const [best] = suggestReplacements(older, newer, removed);
 * best?.concept.label //=> "maintain heat pumps"
 * best?.explanation //=> ['same label "service heat pumps"', 'same broader concept "install heat pump"', 'linked to 1 of the 1 occupation(s) that had it (1 newly)']
 * ```
 */
export function suggestReplacements(
  older: Taxonomy,
  newer: Taxonomy,
  uri: string,
  options: SuggestReplacementsOptions = {},
): ReplacementCandidate[] {
  argString("suggestReplacements", "uri", uri);
  options = checkOptions("suggestReplacements", options, { limit: "number", minScore: "number", lang: "string" });
  const olderStore = storeOf(older);
  const index = requireIndex(olderStore, "suggestReplacements", uri);
  return replacementCandidates(pairStores(olderStore, storeOf(newer), options.lang), index, options);
}
