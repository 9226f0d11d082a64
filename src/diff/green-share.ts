import { CONCEPT } from "../bundle/names.js";
import { greenShareOf } from "../query/green-share.js";
import { occupationIndexesUnder } from "../query/isco.js";
import type { Store } from "../taxonomy/store.js";
import type { DiffContext } from "./context.js";
import type { DiffChanges, ShareFigure } from "./schema.js";

/**
 * Green share changes of occupations and ISCO groups: our computed share (the `greenShare` query) and
 * ESCO's official `greenShareOcc` value, where both versions carry it.
 *
 * @module
 */

function figure(store: Store, index: number): ShareFigure {
  const occupations = store.kind(index) === "occupation" ? [index] : occupationIndexesUnder(store, index, true);
  const { share, greenSkills, totalSkills } = greenShareOf(store, occupations);
  return { share, greenSkills, totalSkills };
}

const sameShare = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-12;

/** @internal Fills `changes.greenShare`. */
export function compareGreenShares(
  ctx: DiffContext,
  changes: DiffChanges,
  options: { computed: boolean; official: boolean },
): void {
  const { older, newer, toNewer } = ctx;
  const officialOld = options.official ? older.columns.f64(CONCEPT.greenShare) : undefined;
  const officialNew = options.official ? newer.columns.f64(CONCEPT.greenShare) : undefined;
  const value = (column: Float64Array | undefined, index: number) => {
    const v = column?.[index];
    return v === undefined || Number.isNaN(v) ? null : v;
  };
  for (let i = 0; i < older.size; i++) {
    const j = toNewer[i]!;
    if (j < 0) continue;
    const kind = older.kind(i);
    if ((kind !== "occupation" && kind !== "iscoGroup") || newer.kind(j) !== kind) continue;
    let computed: { from: ShareFigure; to: ShareFigure } | null = null;
    if (options.computed) {
      const from = figure(older, i);
      const to = figure(newer, j);
      if (!sameShare(from.share, to.share)) computed = { from, to };
    }
    let official: { from: number | null; to: number | null } | null = null;
    if (officialOld && officialNew) {
      const from = value(officialOld, i);
      const to = value(officialNew, j);
      if (!sameShare(from, to)) official = { from, to };
    }
    if (computed || official)
      changes.greenShare.push({ type: "greenShare", concept: ctx.refNew(j), computed, official });
  }
}
