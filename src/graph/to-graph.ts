import { MultiDirectedGraph } from "graphology";
import { RELATION_TYPES } from "../bundle/format.js";
import { RELATION } from "../bundle/names.js";
import { addFrameworkToGraph } from "./framework-nodes.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { checkOptions } from "../guard.js";
import type { TaxonomyEdgeAttributes, TaxonomyGraph, ToGraphOptions } from "./types.js";

/**
 * The taxonomy as a graphology graph, for graph algorithms (graphology's standard library) and export.
 *
 * @module
 */

/**
 * Builds a graphology `MultiDirectedGraph` of the taxonomy: one node per concept (keyed by URI) and
 * broader, occupation–skill and skill–skill edges, and with `framework: true` the sectors and GreenComp
 * competences joined to them. The query functions do not need it (they read a
 * compact index that loads in milliseconds); build it when you want graphology's algorithms.
 *
 * @category Graph
 * @example
 * ```ts
 * const graph = toGraph(taxonomy, { edges: ["broader"] });
 * graph.getNodeAttributes("http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f").green //=> true
 * // …then use graphology's standard library, e.g. hasCycle(graph) from graphology-dag.
 * ```
 */
export function toGraph(taxonomy: Taxonomy, options: ToGraphOptions = {}): TaxonomyGraph {
  options = checkOptions("toGraph", options, { edges: "array", framework: "boolean", lang: "string" });
  const store = storeOf(taxonomy);
  const include = new Set(options.edges ?? ["broader", "occupationSkill", "skillSkill"]);
  const graph: TaxonomyGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ escoVersion: taxonomy.escoVersion });
  const green = store.collection("green");
  for (let i = 0; i < store.size; i++) {
    graph.addNode(store.uris[i]!, {
      kind: store.kind(i),
      label: store.label(i, options.lang),
      green: green?.[i] === 1,
    });
  }
  const add = (
    from: Int32Array | undefined,
    to: Int32Array | undefined,
    attributes: (e: number) => TaxonomyEdgeAttributes,
  ) => {
    if (!from || !to) return;
    for (let e = 0; e < from.length; e++) {
      const a = from[e]!;
      const b = to[e]!;
      if (a === b) continue;
      graph.addDirectedEdge(store.uris[a]!, store.uris[b]!, attributes(e));
    }
  };
  const c = store.columns;
  if (include.has("broader")) {
    const broader = (): TaxonomyEdgeAttributes => ({ type: "broader" });
    add(c.i32(RELATION.broaderSkill.child), c.i32(RELATION.broaderSkill.parent), broader);
    add(c.i32(RELATION.broaderOcc.child), c.i32(RELATION.broaderOcc.parent), broader);
  }
  if (include.has("occupationSkill")) {
    const types = store.occupationSkillTypes;
    add(c.i32(RELATION.occupationSkill.occupation), c.i32(RELATION.occupationSkill.skill), (e) => ({
      type: "occupationSkill",
      relation: RELATION_TYPES[types[e]!]!,
    }));
  }
  if (include.has("skillSkill")) {
    const types = store.skillSkillTypes;
    add(c.i32(RELATION.skillSkill.from), c.i32(RELATION.skillSkill.to), (e) => ({
      type: "skillSkill",
      relation: RELATION_TYPES[types[e]!]!,
    }));
  }
  if (options.framework) addFrameworkToGraph(graph, taxonomy, options.lang);
  return graph;
}
