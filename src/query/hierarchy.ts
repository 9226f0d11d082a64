import type { ConceptRef } from "../model/concept.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type LabelOptions, refAt, requireIndex } from "./concept.js";
import { argString, checkOptions } from "../guard.js";

/**
 * Broader/narrower navigation in both pillars: skills → skill groups → pillar roots, and occupations →
 * occupations → ISCO groups. ESCO's skills pillar is not a strict tree (a skill can have several broader
 * concepts), so ancestors are a set ordered by distance, and `pathToRoot` picks the shortest path.
 *
 * @module
 */

/**
 * The direct broader concepts of a concept.
 *
 * @category Hierarchy
 * @throws {@link ConceptNotFoundError} when the URI is not in the taxonomy.
 */
export function broader(taxonomy: Taxonomy, uri: string, options: LabelOptions = {}): ConceptRef[] {
  argString("broader", "uri", uri);
  options = checkOptions("broader", options, { lang: "string" });
  const store = storeOf(taxonomy);
  const index = requireIndex(store, "broader", uri);
  const out: ConceptRef[] = [];
  forEachNeighbour(store.broader, index, (parent) => out.push(refAt(store, parent, options.lang)));
  return out;
}

/**
 * The direct narrower concepts of a concept.
 *
 * @category Hierarchy
 * @throws {@link ConceptNotFoundError} when the URI is not in the taxonomy.
 */
export function narrower(taxonomy: Taxonomy, uri: string, options: LabelOptions = {}): ConceptRef[] {
  argString("narrower", "uri", uri);
  options = checkOptions("narrower", options, { lang: "string" });
  const store = storeOf(taxonomy);
  const index = requireIndex(store, "narrower", uri);
  const out: ConceptRef[] = [];
  forEachNeighbour(store.narrower, index, (child) => out.push(refAt(store, child, options.lang)));
  return out;
}

function walk(
  taxonomy: Taxonomy,
  api: string,
  uri: string,
  up: boolean,
  options: LabelOptions & { maxDepth?: number },
): (ConceptRef & { depth: number })[] {
  const store = storeOf(taxonomy);
  const start = requireIndex(store, api, uri);
  const adjacency = up ? store.broader : store.narrower;
  const seen = new Uint8Array(store.size);
  seen[start] = 1;
  let frontier = [start];
  const out: (ConceptRef & { depth: number })[] = [];
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  for (let depth = 1; frontier.length > 0 && depth <= maxDepth; depth++) {
    const next: number[] = [];
    for (const node of frontier) {
      forEachNeighbour(adjacency, node, (other) => {
        if (seen[other]) return;
        seen[other] = 1;
        next.push(other);
        out.push({ ...refAt(store, other, options.lang), depth });
      });
    }
    frontier = next;
  }
  return out;
}

/**
 * Every broader concept up to the pillar roots, nearest first, each with its distance.
 *
 * @category Hierarchy
 * @throws {@link ConceptNotFoundError} when the URI is not in the taxonomy.
 */
export function ancestors(
  taxonomy: Taxonomy,
  uri: string,
  options: LabelOptions & { maxDepth?: number } = {},
): (ConceptRef & { depth: number })[] {
  argString("ancestors", "uri", uri);
  options = checkOptions("ancestors", options, { lang: "string", maxDepth: "count" });
  return walk(taxonomy, "ancestors", uri, true, options);
}

/**
 * Every narrower concept, nearest first, each with its distance.
 *
 * @category Hierarchy
 * @throws {@link ConceptNotFoundError} when the URI is not in the taxonomy.
 */
export function descendants(
  taxonomy: Taxonomy,
  uri: string,
  options: LabelOptions & { maxDepth?: number } = {},
): (ConceptRef & { depth: number })[] {
  argString("descendants", "uri", uri);
  options = checkOptions("descendants", options, { lang: "string", maxDepth: "count" });
  return walk(taxonomy, "descendants", uri, false, options);
}

/**
 * The shortest path from a concept up to a root of its pillar (a concept with no broader concept),
 * starting with the concept itself. Ties go to the broader concept listed first in the data.
 *
 * @category Hierarchy
 * @throws {@link ConceptNotFoundError} when the URI is not in the taxonomy.
 * @example
 * ```ts
 * pathToRoot(taxonomy, installHeatPumpUri).map((c) => c.label)
 * //=> ["install heat pump", "installing heating, ventilation and air conditioning equipment", …, "skills"]
 * ```
 */
export function pathToRoot(taxonomy: Taxonomy, uri: string, options: LabelOptions = {}): ConceptRef[] {
  argString("pathToRoot", "uri", uri);
  options = checkOptions("pathToRoot", options, { lang: "string" });
  const store = storeOf(taxonomy);
  const start = requireIndex(store, "pathToRoot", uri);
  const previous = new Int32Array(store.size).fill(-2);
  previous[start] = -1;
  const queue = [start];
  let root = start;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const from = store.broader.offsets[node]!;
    const to = store.broader.offsets[node + 1]!;
    if (from === to) {
      root = node;
      break;
    }
    for (let at = from; at < to; at++) {
      const parent = store.broader.targets[at]!;
      if (previous[parent] !== -2) continue;
      previous[parent] = node;
      queue.push(parent);
    }
  }
  const path: ConceptRef[] = [];
  for (let node = root; node !== -1; node = previous[node]!) path.push(refAt(store, node, options.lang));
  return path.reverse();
}
