import type { MultiDirectedGraph } from "graphology";
import type { ConceptKind, RelationType } from "../bundle/format.js";

/**
 * The types of {@link toGraph}'s graph: node and edge attributes and options.
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
export type TaxonomyGraph = MultiDirectedGraph<
  TaxonomyNodeAttributes,
  TaxonomyEdgeAttributes,
  { escoVersion: string | null }
>;

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
