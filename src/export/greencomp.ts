import { hasFramework, frameworkOf } from "../framework/attach.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { lookup } from "../lookup.js";

/**
 * GreenComp (JRC, 2022) as an alignment target: its competence names and the publication's DOI, which
 * stands for the framework (GreenComp publishes no URI per competence).
 *
 * @module
 */

/** The DOI of GreenComp (EUR 30955 EN), used as the framework's URL. @internal */
export const GREENCOMP_URL = "https://doi.org/10.2760/13286";
/** @internal */
export const GREENCOMP_NAME = "GreenComp – The European sustainability competence framework";

// The names as published (standards.md §5); used when the taxonomy has no framework layer attached.
const NAMES: Record<string, string> = {
  "1.1": "Valuing sustainability",
  "1.2": "Supporting fairness",
  "1.3": "Promoting nature",
  "2.1": "Systems thinking",
  "2.2": "Critical thinking",
  "2.3": "Problem framing",
  "3.1": "Futures literacy",
  "3.2": "Adaptability",
  "3.3": "Exploratory thinking",
  "4.1": "Political agency",
  "4.2": "Collective action",
  "4.3": "Individual initiative",
};

/** @internal A GreenComp competence: name and description (from the framework layer when attached). */
export function greenCompCompetence(taxonomy: Taxonomy, id: string): { name: string; description: string | undefined } {
  if (hasFramework(taxonomy)) {
    for (const area of frameworkOf(taxonomy).greenComp.areas) {
      const found = area.competences.find((c) => c.id === id);
      if (found) return { name: found.label, description: found.description };
    }
  }
  return { name: lookup(NAMES, id) ?? id, description: undefined };
}
