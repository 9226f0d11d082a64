import { RELATION_TYPES, type ConceptKind } from "../bundle/format.js";
import type { Adjacency } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import type { DiffContext } from "./context.js";
import type { RelationDelta } from "./schema.js";

/**
 * Typed relations (occupation → skill, skill → skill) compared per source concept: added, removed, and
 * switched between essential and optional. Linear in concepts plus edges: two scratch arrays over the
 * newer store hold the relation type seen on each side and are reset through a touched list.
 *
 * @module
 */

/** @internal Which typed relation to compare. */
export interface RelationView {
  /** Kind of the source concepts (occupation for occupation → skill). */
  readonly sourceKind: ConceptKind;
  adjacency(store: Store): Adjacency;
  types(store: Store): Uint8Array;
}

/** @internal Occupation → skill relations. */
export const OCCUPATION_SKILLS: RelationView = {
  sourceKind: "occupation",
  adjacency: (store) => store.skillsOfOccupation,
  types: (store) => store.occupationSkillTypes,
};

/** @internal Skill → related skill relations (outgoing, so each relation is seen once). */
export const SKILL_SKILLS: RelationView = {
  sourceKind: "skill",
  adjacency: (store) => store.relatedOut,
  types: (store) => store.skillSkillTypes,
};

const relationName = (code: number) => RELATION_TYPES[code] ?? "optional";

/**
 * @internal Calls `emit(olderIndex, newerIndex, delta)` for every source concept in both versions whose
 * relations differ. Duplicate rows collapse, essential winning over optional.
 */
export function compareRelations(
  ctx: DiffContext,
  view: RelationView,
  emit: (i: number, j: number, delta: RelationDelta) => void,
): void {
  const { older, newer, toNewer } = ctx;
  const olderAdj = view.adjacency(older);
  const newerAdj = view.adjacency(newer);
  const olderTypes = view.types(older);
  const newerTypes = view.types(newer);
  // Relation code per newer target (-1 none) on each side; `gone` stamps older targets absent from newer.
  const oldType = new Int8Array(newer.size).fill(-1);
  const newType = new Int8Array(newer.size).fill(-1);
  const gone = new Int32Array(older.size);
  const touched: number[] = [];

  for (let i = 0; i < older.size; i++) {
    const j = toNewer[i]!;
    if (j < 0 || older.kind(i) !== view.sourceKind || newer.kind(j) !== view.sourceKind) continue;
    const delta: RelationDelta = { added: [], removed: [], switched: [] };
    for (let at = olderAdj.offsets[i]!; at < olderAdj.offsets[i + 1]!; at++) {
      const target = olderAdj.targets[at]!;
      const code = olderTypes[olderAdj.edges[at]!] ?? 1;
      const mapped = toNewer[target]!;
      if (mapped < 0) {
        if (gone[target] === i + 1) continue;
        gone[target] = i + 1;
        delta.removed.push({
          skill: ctx.refOld(target),
          relation: relationName(minCode(olderAdj, olderTypes, i, target, code)),
        });
        continue;
      }
      const seen = oldType[mapped]!;
      if (seen === -1) touched.push(mapped);
      oldType[mapped] = seen === -1 ? code : Math.min(seen, code);
    }
    for (let at = newerAdj.offsets[j]!; at < newerAdj.offsets[j + 1]!; at++) {
      const target = newerAdj.targets[at]!;
      const code = newerTypes[newerAdj.edges[at]!] ?? 1;
      const seen = newType[target]!;
      if (seen === -1 && oldType[target] === -1) touched.push(target);
      newType[target] = seen === -1 ? code : Math.min(seen, code);
    }
    for (const target of touched) {
      const from = oldType[target]!;
      const to = newType[target]!;
      if (from === -1) delta.added.push({ skill: ctx.refNew(target), relation: relationName(to) });
      else if (to === -1) delta.removed.push({ skill: ctx.refNew(target), relation: relationName(from) });
      else if (from !== to)
        delta.switched.push({ skill: ctx.refNew(target), from: relationName(from), to: relationName(to) });
      oldType[target] = -1;
      newType[target] = -1;
    }
    touched.length = 0;
    if (delta.added.length > 0 || delta.removed.length > 0 || delta.switched.length > 0) emit(i, j, delta);
  }
}

/** The strongest relation code from `source` to `target` (duplicates of a dropped target). */
function minCode(adjacency: Adjacency, types: Uint8Array, source: number, target: number, first: number): number {
  let code = first;
  for (let at = adjacency.offsets[source]!; at < adjacency.offsets[source + 1]!; at++) {
    if (adjacency.targets[at] === target) code = Math.min(code, types[adjacency.edges[at]!] ?? 1);
  }
  return code;
}
