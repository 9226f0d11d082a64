import { MultiDirectedGraph } from "graphology";
import { sectorNodeKey } from "../../graph/framework-nodes.js";
import type { TaxonomyEdgeAttributes, TaxonomyGraph, TaxonomyNodeAttributes } from "../../graph/types.js";

/**
 * Neighbourhoods of the taxonomy graph for visual tools: a sector with its occupations and their (green)
 * skills; an occupation with its skills and sectors; a credential with its outcomes, mapped skills and
 * target occupations.
 *
 * @module
 */

/** Node attributes of an exported neighbourhood (the taxonomy's, plus credential and outcome nodes). */
export interface ExportNode {
  kind: TaxonomyNodeAttributes["kind"] | "credential" | "learningOutcome";
  label: string;
  green: boolean;
}

/** Edge attributes of an exported neighbourhood. */
export interface ExportEdge {
  type: TaxonomyEdgeAttributes["type"] | "hasOutcome" | "mapsTo" | "targets";
  relation?: string;
}

/** The exported graph type. */
export type ExportGraph = MultiDirectedGraph<ExportNode, ExportEdge>;

const empty = (): ExportGraph => new MultiDirectedGraph<ExportNode, ExportEdge>({ allowSelfLoops: false });

function copyNode(from: TaxonomyGraph, to: ExportGraph, key: string): void {
  if (!to.hasNode(key) && from.hasNode(key)) {
    const a = from.getNodeAttributes(key);
    to.addNode(key, { kind: a.kind, label: a.label, green: a.green });
  }
}

function copyEdge(from: TaxonomyGraph, to: ExportGraph, edge: string): void {
  const a = from.getEdgeAttributes(edge);
  to.addDirectedEdge(from.source(edge), from.target(edge), {
    type: a.type,
    ...(a.relation ? { relation: a.relation } : {}),
  });
}

/** A sector, its occupations and their skills (green ones only unless `allSkills`). */
export function sectorNeighbourhood(graph: TaxonomyGraph, sectorId: string, allSkills: boolean): ExportGraph {
  const out = empty();
  const key = sectorNodeKey(sectorId);
  copyNode(graph, out, key);
  graph.forEachInEdge(key, (edge, attributes, occupation) => {
    if (attributes.type !== "inSector") return;
    copyNode(graph, out, occupation);
    copyEdge(graph, out, edge);
    graph.forEachOutEdge(occupation, (skillEdge, a, _s, skill) => {
      if (a.type !== "occupationSkill" || (!allSkills && !graph.getNodeAttribute(skill, "green"))) return;
      copyNode(graph, out, skill);
      copyEdge(graph, out, skillEdge);
    });
  });
  return out;
}

/** An occupation, its skills and the sectors it belongs to. */
export function occupationNeighbourhood(graph: TaxonomyGraph, uri: string): ExportGraph {
  const out = empty();
  copyNode(graph, out, uri);
  graph.forEachOutEdge(uri, (edge, a, _s, target) => {
    if (a.type !== "occupationSkill" && a.type !== "inSector") return;
    copyNode(graph, out, target);
    copyEdge(graph, out, edge);
  });
  return out;
}

/** A credential: its outcomes, the skills they map, the target occupations and which of those skills they need. */
export function credentialNeighbourhood(
  graph: TaxonomyGraph,
  credential: {
    id: string;
    title: string;
    outcomes: readonly { id: string; statement: string; esco: readonly string[] }[];
    targets: readonly string[];
  },
): ExportGraph {
  const out = empty();
  const root = credential.id;
  out.addNode(root, { kind: "credential", label: credential.title, green: false });
  const skills = new Set<string>();
  for (const o of credential.outcomes) {
    const key = `${root}#${o.id}`;
    out.mergeNode(key, { kind: "learningOutcome", label: o.statement, green: false });
    out.addDirectedEdge(root, key, { type: "hasOutcome" });
    for (const uri of o.esco) {
      if (!graph.hasNode(uri)) continue;
      copyNode(graph, out, uri);
      out.addDirectedEdge(key, uri, { type: "mapsTo" });
      skills.add(uri);
    }
  }
  for (const target of credential.targets) {
    if (!graph.hasNode(target)) continue;
    copyNode(graph, out, target);
    out.addDirectedEdge(root, target, { type: "targets" });
    graph.forEachOutEdge(target, (edge, a, _s, skill) => {
      if (a.type === "occupationSkill" && skills.has(skill)) copyEdge(graph, out, edge);
    });
  }
  return out;
}
