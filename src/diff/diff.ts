import { CONCEPT } from "../bundle/names.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { compareConcepts } from "./concepts.js";
import { pairStores } from "./context.js";
import { compareGreenShares } from "./green-share.js";
import { OCCUPATION_SKILLS, SKILL_SKILLS, compareRelations } from "./relations.js";
import {
  CHANGE_TYPES,
  type DiffChanges,
  type DiffCompared,
  type DiffSide,
  type DiffSummary,
  type TaxonomyDiff,
} from "./schema.js";
import { checkOptions } from "../guard.js";

/**
 * Options of {@link diffTaxonomies}.
 *
 * @category Diff
 */
export interface DiffTaxonomiesOptions {
  /** Language of the labels in concept references (default: each taxonomy's default language). */
  lang?: string;
  /** Label languages to compare (default: every language both versions have). */
  languages?: readonly string[];
}

function side(taxonomy: Taxonomy): DiffSide {
  return {
    escoVersion: taxonomy.escoVersion,
    coverage: taxonomy.coverage,
    languages: [...taxonomy.languages],
    concepts: taxonomy.size,
  };
}

function compared(older: Store, newer: Store, languages: readonly string[] | undefined): DiffCompared {
  const names = (store: Store) => store.meta.collections.map((c) => c.name);
  const olderNames = names(older);
  const newerNames = names(newer);
  const newerLanguages = new Set(newer.meta.esco.languages);
  return {
    languages: (languages ?? older.meta.esco.languages).filter(
      (lang) => newerLanguages.has(lang) && older.meta.esco.languages.includes(lang),
    ),
    collections: olderNames.filter((n) => newerNames.includes(n)),
    collectionsOnlyInOlder: olderNames.filter((n) => !newerNames.includes(n)),
    collectionsOnlyInNewer: newerNames.filter((n) => !olderNames.includes(n)),
    nace: older.columns.has(CONCEPT.naceCode) && newer.columns.has(CONCEPT.naceCode),
    greenShareOfficial: older.columns.has(CONCEPT.greenShare) && newer.columns.has(CONCEPT.greenShare),
    relations: older.hasRelations && newer.hasRelations,
  };
}

function emptyChanges(): DiffChanges {
  return Object.fromEntries(CHANGE_TYPES.map((type) => [type, []])) as unknown as DiffChanges;
}

/** @internal Counts of a change set. */
export function summarise(changes: DiffChanges, collections: readonly string[]): DiffSummary {
  const counts = Object.fromEntries(CHANGE_TYPES.map((type) => [type, changes[type].length])) as DiffSummary["counts"];
  const byKind = (list: readonly { concept: { kind: string } }[]) => {
    const out: Record<string, number> = {};
    for (const { concept } of list) out[concept.kind] = (out[concept.kind] ?? 0) + 1;
    return out;
  };
  const collectionCounts: DiffSummary["collections"] = Object.fromEntries(
    collections.map((name) => [name, { joined: 0, left: 0 }]),
  );
  for (const c of changes.collection) (collectionCounts[c.collection] ??= { joined: 0, left: 0 })[c.change]++;
  const relationCounts = (list: DiffChanges["occupationSkills"] | DiffChanges["skillSkills"]) => {
    const out = { added: 0, removed: 0, switched: 0 };
    for (const d of list) {
      out.added += d.added.length;
      out.removed += d.removed.length;
      out.switched += d.switched.length;
    }
    return out;
  };
  const greenShare = { occupations: 0, iscoGroups: 0, computed: 0, official: 0 };
  for (const g of changes.greenShare) {
    if (g.concept.kind === "occupation") greenShare.occupations++;
    else greenShare.iscoGroups++;
    if (g.computed) greenShare.computed++;
    if (g.official) greenShare.official++;
  }
  return {
    total: CHANGE_TYPES.reduce((n, type) => n + counts[type], 0),
    counts,
    addedByKind: byKind(changes.added),
    removedByKind: byKind(changes.removed),
    collections: collectionCounts,
    occupationSkillRelations: relationCounts(changes.occupationSkills),
    skillSkillRelations: relationCounts(changes.skillSkills),
    greenShare,
  };
}

/**
 * Compares two versions of ESCO concept by concept (matched by URI) and returns the typed change set:
 * concepts added, removed, or changed in kind or status; preferred and alternative labels; skill type
 * and reuse level; collection membership (green, digital, transversal …); broader concepts; ISCO group,
 * notation code and NACE codes; occupation–skill relations added, removed or switched between essential
 * and optional; skill–skill relations; and green shares (computed and official). Runs in time linear in
 * the size of both taxonomies.
 *
 * Fields that only one version carries (NACE codes before v1.2.1, official green shares, a collection
 * one version lacks) are not compared; `compared` says what was.
 *
 * @category Diff
 * @param older - The version the mappings were made against.
 * @param newer - The version to move to.
 * @param options - Label languages to compare and the language of reported labels.
 * @returns The change set: `summary` counts first, `changes` with every entry by type.
 * @throws {@link GreenSkillsError} `E_NOT_A_TAXONOMY` when an argument is not a loaded `Taxonomy`.
 * @example
 * ```ts
 * import { diffTaxonomies } from "green-skills";
 * const diff = diffTaxonomies(older, newer);
 * diff.summary.collections.green //=> { joined: 58, left: 0 }
 * diff.changes.prefLabel[0] //=> { type: "prefLabel", concept: { uri, kind: "skill", label: "…" }, lang: "en", from: "…", to: "…" }
 * ```
 */
export function diffTaxonomies(older: Taxonomy, newer: Taxonomy, options: DiffTaxonomiesOptions = {}): TaxonomyDiff {
  options = checkOptions("diffTaxonomies", options, { lang: "string", languages: "strings" });
  if (typeof options.languages === "string") options = { ...options, languages: [options.languages] };
  const olderStore = storeOf(older);
  const newerStore = storeOf(newer);
  const what = compared(olderStore, newerStore, options.languages);
  const ctx = pairStores(olderStore, newerStore, options.lang);
  const changes = emptyChanges();
  compareConcepts(ctx, changes, { languages: what.languages, collections: what.collections, nace: what.nace });
  if (what.relations) {
    compareRelations(ctx, OCCUPATION_SKILLS, (_i, j, delta) =>
      changes.occupationSkills.push({ type: "occupationSkills", concept: ctx.refNew(j), ...delta }),
    );
    compareRelations(ctx, SKILL_SKILLS, (_i, j, delta) =>
      changes.skillSkills.push({ type: "skillSkills", concept: ctx.refNew(j), ...delta }),
    );
  }
  compareGreenShares(ctx, changes, { computed: what.relations, official: what.greenShareOfficial });
  return {
    older: side(older),
    newer: side(newer),
    compared: what,
    summary: summarise(changes, what.collections),
    changes,
  };
}
