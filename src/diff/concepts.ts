import type { StringListReader, StringReader } from "../bundle/columns.js";
import { CONCEPT, labelColumns } from "../bundle/names.js";
import type { ConceptRef } from "../model/concept.js";
import type { Store } from "../taxonomy/store.js";
import type { DiffContext } from "./context.js";
import type { ChangeOf, DiffChanges } from "./schema.js";

/**
 * Concept-level comparison: presence, kind, status, labels, skill type, reuse level, codes, NACE,
 * collections and broader concepts. One pass over the older store, one over the newer.
 *
 * @module
 */

type ScalarType = "status" | "skillType" | "reuseLevel" | "iscoGroup" | "code";
const SCALARS: readonly { type: ScalarType; column: string }[] = [
  { type: "status", column: CONCEPT.status },
  { type: "skillType", column: CONCEPT.skillType },
  { type: "reuseLevel", column: CONCEPT.reuseLevel },
  { type: "iscoGroup", column: CONCEPT.iscoGroup },
  { type: "code", column: CONCEPT.code },
];

/** A column pair, present only when both versions carry the column. */
function both<T>(ctx: DiffContext, get: (store: Store) => T | undefined): { older: T; newer: T } | undefined {
  const older = get(ctx.older);
  const newer = get(ctx.newer);
  return older !== undefined && newer !== undefined ? { older, newer } : undefined;
}

/** Items of `a` missing from `b`, in `a`'s order, without duplicates. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0) return [];
  const other = new Set(b);
  const out: string[] = [];
  for (const x of a) if (!other.has(x) && !out.includes(x)) out.push(x);
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** @internal Options of {@link compareConcepts}. */
export interface CompareConceptsOptions {
  languages: readonly string[];
  collections: readonly string[];
  nace: boolean;
}

/** @internal Fills the concept-level change lists of `changes`. */
export function compareConcepts(ctx: DiffContext, changes: DiffChanges, options: CompareConceptsOptions): void {
  const { older, newer, toNewer, toOlder } = ctx;
  const scalars = SCALARS.flatMap(({ type, column }) => {
    const pair = both<StringReader>(ctx, (s) => s.str(column));
    return pair ? [{ type, ...pair }] : [];
  });
  const labels = options.languages.flatMap((lang) => {
    const names = labelColumns(lang);
    const pref = both<StringReader>(ctx, (s) => s.str(names.pref));
    const alt = both<StringListReader>(ctx, (s) => s.strList(names.alt));
    return pref || alt ? [{ lang, pref, alt }] : [];
  });
  const nace = options.nace ? both<StringListReader>(ctx, (s) => s.strList(CONCEPT.naceCode)) : undefined;
  const collections = options.collections.flatMap((name) => {
    const pair = both<Uint8Array>(ctx, (s) => s.collection(name));
    return pair ? [{ name, ...pair }] : [];
  });
  const olderBroader = older.broader;
  const newerBroader = newer.broader;

  for (let i = 0; i < older.size; i++) {
    const j = toNewer[i]!;
    if (j < 0) {
      changes.removed.push({ type: "removed", concept: ctx.refOld(i) });
      continue;
    }
    let ref: ConceptRef | undefined;
    const concept = () => (ref ??= ctx.refNew(j));
    const fromKind = older.kind(i);
    const toKind = newer.kind(j);
    if (fromKind !== toKind) changes.kind.push({ type: "kind", concept: concept(), from: fromKind, to: toKind });

    for (const { type, older: a, newer: b } of scalars) {
      const from = a.get(i);
      const to = b.get(j);
      // The scalar change entries share one shape; only the `type` tag differs.
      if (from !== to)
        (changes[type] as ChangeOf<ScalarType>[]).push({
          type,
          concept: concept(),
          from: from || null,
          to: to || null,
        } as ChangeOf<ScalarType>);
    }

    for (const { lang, pref, alt } of labels) {
      if (pref) {
        const from = pref.older.get(i);
        const to = pref.newer.get(j);
        if (from !== to) changes.prefLabel.push({ type: "prefLabel", concept: concept(), lang, from, to });
      }
      if (alt) {
        const from = alt.older.get(i);
        const to = alt.newer.get(j);
        if (!sameList(from, to)) {
          const added = minus(to, from);
          const removed = minus(from, to);
          if (added.length > 0 || removed.length > 0)
            changes.altLabels.push({ type: "altLabels", concept: concept(), lang, added, removed });
        }
      }
    }

    if (nace) {
      const from = nace.older.get(i);
      const to = nace.newer.get(j);
      if (!sameList(from, to)) {
        const added = minus(to, from);
        const removed = minus(from, to);
        if (added.length > 0 || removed.length > 0)
          changes.nace.push({ type: "nace", concept: concept(), added, removed });
      }
    }

    for (const { name, older: a, newer: b } of collections) {
      if (a[i] !== b[j])
        changes.collection.push({
          type: "collection",
          concept: concept(),
          collection: name,
          change: b[j] ? "joined" : "left",
        });
    }

    // Broader concepts, compared by URI through the pairing.
    const oFrom = olderBroader.offsets[i]!;
    const oTo = olderBroader.offsets[i + 1]!;
    const nFrom = newerBroader.offsets[j]!;
    const nTo = newerBroader.offsets[j + 1]!;
    const removedParents: ConceptRef[] = [];
    const addedParents: ConceptRef[] = [];
    for (let a = oFrom; a < oTo; a++) {
      const parent = olderBroader.targets[a]!;
      const mapped = toNewer[parent]!;
      let kept = false;
      for (let b = nFrom; b < nTo && !kept; b++) kept = newerBroader.targets[b] === mapped;
      if (!kept && !removedParents.some((r) => r.uri === older.uris[parent])) removedParents.push(ctx.refOld(parent));
    }
    for (let b = nFrom; b < nTo; b++) {
      const parent = newerBroader.targets[b]!;
      const mapped = toOlder[parent]!;
      let kept = false;
      for (let a = oFrom; a < oTo && !kept; a++) kept = olderBroader.targets[a] === mapped;
      if (!kept && !addedParents.some((r) => r.uri === newer.uris[parent])) addedParents.push(ctx.refNew(parent));
    }
    if (addedParents.length > 0 || removedParents.length > 0) {
      changes.broader.push({ type: "broader", concept: concept(), added: addedParents, removed: removedParents });
    }
  }

  for (let j = 0; j < newer.size; j++)
    if (toOlder[j]! < 0) changes.added.push({ type: "added", concept: ctx.refNew(j) });
}
