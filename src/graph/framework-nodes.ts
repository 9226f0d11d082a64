import type { TaxonomyGraph } from "./types.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { attachmentOf } from "../framework/attach.js";
import { membershipOf } from "../framework/membership.js";
import { localised } from "../framework/sectors.js";
import { argString } from "../guard.js";

/**
 * The framework layer as graph nodes and edges: sectors, GreenComp areas and competences, occupation →
 * sector, skill → competence (crosswalk), sector → key skill / key occupation, competence → area.
 *
 * @module
 */

/** Node key of a sector in {@link toGraph}'s graph. @category Graph */
export const sectorNodeKey = (id: string): string => `urn:green-skills:sector:${argString("sectorNodeKey", "id", id)}`;
/** Node key of a GreenComp area (`1`…`4`) or competence (`1.1`…`4.3`). @category Graph */
export const greenCompNodeKey = (id: string): string =>
  `urn:green-skills:greencomp:${argString("greenCompNodeKey", "id", id)}`;

/** @internal Adds the framework's nodes and edges to a graph of the taxonomy's concepts. */
export function addFrameworkToGraph(graph: TaxonomyGraph, taxonomy: Taxonomy, lang?: string): void {
  const store = storeOf(taxonomy);
  const attachment = attachmentOf(taxonomy, "toGraph");
  const { framework } = attachment;
  const membership = membershipOf(store, attachment);
  for (const sector of framework.sectors) {
    const key = sectorNodeKey(sector.id);
    graph.addNode(key, { kind: "sector", label: localised(sector.label, lang), green: false });
    for (const [occupation, basis] of membership.bySector.get(sector.id)?.occupations ?? []) {
      graph.addDirectedEdge(store.uris[occupation]!, key, { type: "inSector", basis: [...basis] });
    }
    for (const ref of sector.references.skills)
      if (graph.hasNode(ref.uri)) graph.addDirectedEdge(key, ref.uri, { type: "keySkill" });
    for (const ref of sector.references.occupations)
      if (graph.hasNode(ref.uri)) graph.addDirectedEdge(key, ref.uri, { type: "keyOccupation" });
  }
  for (const area of framework.greenComp.areas) {
    const areaKey = greenCompNodeKey(area.id);
    graph.addNode(areaKey, { kind: "greenCompArea", label: area.label, green: false });
    for (const competence of area.competences) {
      const key = greenCompNodeKey(competence.id);
      graph.addNode(key, { kind: "greenCompCompetence", label: competence.label, green: false });
      graph.addDirectedEdge(key, areaKey, { type: "broader" });
      for (const entry of competence.crosswalk)
        if (graph.hasNode(entry.uri)) graph.addDirectedEdge(entry.uri, key, { type: "greenComp" });
    }
  }
}
