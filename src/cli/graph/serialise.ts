import { write as writeGexf } from "graphology-gexf";
import type { ExportGraph } from "./neighbourhood.js";

/**
 * Writing a neighbourhood for visual tools: GEXF (Gephi) with graphology-gexf, GraphML (yEd, Cytoscape,
 * Gephi) with a small writer of our own (graphology-graphml reads GraphML but does not write it), and
 * graphology's JSON serialisation.
 *
 * @module
 */

/** The graph formats. */
export const GRAPH_FORMATS = ["gexf", "graphml", "json"] as const;
/** A graph format. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

const xml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** GraphML with typed keys for the node and edge attributes. */
export function toGraphml(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="green" for="node" attr.name="green" attr.type="boolean"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <graph id="G" edgedefault="directed">',
  ];
  graph.forEachNode((key, a) => {
    lines.push(
      `    <node id="${xml(key)}"><data key="label">${xml(a.label)}</data><data key="kind">${xml(a.kind)}</data><data key="green">${a.green}</data></node>`,
    );
  });
  graph.forEachEdge((key, a, source, target) => {
    lines.push(
      `    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}"><data key="type">${xml(a.type)}</data>${a.relation ? `<data key="relation">${xml(a.relation)}</data>` : ""}</edge>`,
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

/** The graph in `format`. */
export function serialiseGraph(graph: ExportGraph, format: GraphFormat): string {
  if (format === "gexf") return writeGexf(graph);
  if (format === "graphml") return toGraphml(graph);
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}
