import { MultiDirectedGraph } from "graphology";
import { RELATION_TYPES, type ConceptKind, type RelationType } from "../bundle/format.js";
import { RELATION } from "../bundle/names.js";
import { addFrameworkToGraph } from "../framework/graph.js";
import { type Taxonomy, storeOf } from "./taxonomy.js";
import { checkOptions } from "../guard.js";

/**
 * The taxonomy as a graphology graph, for graph algorithms (graphology's standard library) and export.
 *
 * @module
 */

/**
 * Attributes of a node of {@link toGraph}'s graph (node keys are concept URIs).
 *
 * @category Graph
 */
export interface TaxonomyNodeAttributes {
  /** The concept kind, or a framework node: `sector`, `greenCompArea`, `greenCompCompetence`. */
  kind: ConceptKind | "sector" | "greenCompArea" | "greenCompCompetence";
  label: string;
  /** True for skills in the green collection. */
  green: boolean;
}

/**
 * Attributes of an edge of {@link toGraph}'s graph.
 *
 * @category Graph
 */
export interface TaxonomyEdgeAttributes {
  /**
   * `broader`: child → parent (also GreenComp competence → area); `occupationSkill`: occupation → skill;
   * `skillSkill`: original → related skill. With `framework: true`: `inSector`: occupation → sector;
   * `keySkill` / `keyOccupation`: sector → curated reference; `greenComp`: skill → competence (crosswalk).
   */
  type: "broader" | "occupationSkill" | "skillSkill" | "inSector" | "keySkill" | "keyOccupation" | "greenComp";
  /** Essential or optional, for occupation–skill and skill–skill edges. */
  relation?: RelationType;
  /** For `inSector` edges: why the occupation belongs to the sector. */
  basis?: ("nace" | "isco" | "curated")[];
}

/** The graph type {@link toGraph} returns. @category Graph */
export type TaxonomyGraph = MultiDirectedGraph<TaxonomyNodeAttributes, TaxonomyEdgeAttributes, { escoVersion: string | null }>;

/**
 * Options of {@link toGraph}.
 *
 * @category Graph
 */
export interface ToGraphOptions {
  /** Concept edge types to include (default: all). */
  edges?: readonly ("broader" | "occupationSkill" | "skillSkill")[];
  /**
   * Add the framework layer: sector and GreenComp nodes (keys from `sectorNodeKey` / `greenCompNodeKey`)
   * and their edges. Needs a framework layer (throws `FrameworkNotAttachedError` without one).
   */
  framework?: boolean;
  /** Label language. */
  lang?: string;
}

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
    graph.addNode(store.uris[i]!, { kind: store.kind(i), label: store.label(i, options.lang), green: green?.[i] === 1 });
  }
  const add = (from: Int32Array | undefined, to: Int32Array | undefined, attributes: (e: number) => TaxonomyEdgeAttributes) => {
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
    add(c.i32(RELATION.occupationSkill.occupation), c.i32(RELATION.occupationSkill.skill), (e) => ({ type: "occupationSkill", relation: RELATION_TYPES[types[e]!]! }));
  }
  if (include.has("skillSkill")) {
    const types = store.skillSkillTypes;
    add(c.i32(RELATION.skillSkill.from), c.i32(RELATION.skillSkill.to), (e) => ({ type: "skillSkill", relation: RELATION_TYPES[types[e]!]! }));
  }
  if (options.framework) addFrameworkToGraph(graph, taxonomy, options.lang);
  return graph;
}
