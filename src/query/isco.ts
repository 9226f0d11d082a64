import type { ConceptRef } from "../model/concept.js";
import { ConceptNotFoundError } from "../errors.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type LabelOptions, refAt, requireIndex } from "./concept.js";
import { argString, checkOptions } from "../guard.js";

/** @internal Resolves an ISCO group given by URI or by code (`2143`, `C2143`). */
export function iscoIndex(store: Store, api: string, group: string): number {
  if (/^C?\d{1,4}$/.test(group)) {
    const uri = `http://data.europa.eu/esco/isco/C${group.replace(/^C/, "")}`;
    const index = store.indexOf(uri);
    if (index < 0) throw new ConceptNotFoundError(api, uri);
    return index;
  }
  return requireIndex(store, api, group, ["iscoGroup"]);
}

/** @internal Occupations under an ISCO group (any depth), as indexes. */
export function occupationIndexesUnder(store: Store, group: number, recursive: boolean): number[] {
  const out: number[] = [];
  const seen = new Uint8Array(store.size);
  const stack = [group];
  while (stack.length > 0) {
    forEachNeighbour(store.narrower, stack.pop()!, (child) => {
      if (seen[child]) return;
      seen[child] = 1;
      const kind = store.kind(child);
      if (kind === "occupation") out.push(child);
      if (recursive || kind === "occupation") stack.push(child);
    });
  }
  return out;
}

/**
 * The occupations under an ISCO group: its unit groups' occupations and their narrower occupations.
 *
 * @category Query
 * @param group - An ISCO group URI or code (`2143` or `C2143`; any level).
 * @throws {@link ConceptNotFoundError} when the group is not in the taxonomy.
 * @example
 * ```ts
 * occupationsInIscoGroup(taxonomy, "2143").map((o) => o.label) //=> ["environmental engineer", …]
 * ```
 */
export function occupationsInIscoGroup(
  taxonomy: Taxonomy,
  group: string,
  options: LabelOptions & { recursive?: boolean } = {},
): ConceptRef[] {
  argString("occupationsInIscoGroup", "group", group);
  options = checkOptions("occupationsInIscoGroup", options, { lang: "string", recursive: "boolean" });
  const store = storeOf(taxonomy);
  const index = iscoIndex(store, "occupationsInIscoGroup", group);
  return occupationIndexesUnder(store, index, options.recursive ?? true).map((i) => refAt(store, i, options.lang));
}
