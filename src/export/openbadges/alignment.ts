import type { MicroCredential } from "../../credential/schema.js";
import { eqfLevelUri } from "../../credential/vocab/elm.js";
import type { Store } from "../../taxonomy/store.js";
import type { Taxonomy } from "../../taxonomy/taxonomy.js";
import { type EscoConceptInfo, escoConcept } from "../esco.js";
import { GREENCOMP_NAME, GREENCOMP_URL, greenCompCompetence } from "../greencomp.js";
import type { Warnings } from "../warnings.js";
import type { OpenBadgeAlignment } from "./schema.js";

/**
 * The alignments of an exported achievement: one per mapped ESCO skill (outcome order, each once), per
 * target ESCO occupation, per GreenComp competence, and the EQF level.
 *
 * @module
 */

const TARGET_TYPE: Record<string, string> = {
  skill: "ext:ESCOSkill",
  skillGroup: "ext:ESCOSkillGroup",
  occupation: "ext:ESCOOccupation",
};

function escoAlignment(concept: EscoConceptInfo, framework: string, fallbackType: string): OpenBadgeAlignment {
  const alignment: OpenBadgeAlignment = {
    type: ["Alignment"],
    targetName: concept.label,
    targetUrl: concept.uri,
    targetCode: concept.code,
    targetFramework: framework,
    targetType: TARGET_TYPE[concept.kind ?? ""] ?? fallbackType,
  };
  if (concept.description) alignment.targetDescription = concept.description;
  return alignment;
}

/** @internal All alignments of a definition, with the ESCO concepts looked up once. */
export function alignments(
  definition: MicroCredential,
  taxonomy: Taxonomy,
  store: Store,
  lang: string,
  framework: string,
  warnings: Warnings,
): { list: OpenBadgeAlignment[]; concepts: Map<string, EscoConceptInfo> } {
  const list: OpenBadgeAlignment[] = [];
  const concepts = new Map<string, EscoConceptInfo>();
  definition.learningOutcomes.forEach((outcome, o) =>
    outcome.esco.forEach((uri, u) => {
      if (concepts.has(uri)) return;
      const concept = escoConcept(store, uri, [lang], ["learningOutcomes", o, "esco", u], warnings);
      concepts.set(uri, concept);
      list.push(escoAlignment(concept, framework, "ext:ESCOSkill"));
    }),
  );
  (definition.targetOccupations ?? []).forEach((uri, i) => {
    if (concepts.has(uri)) return;
    const concept = escoConcept(store, uri, [lang], ["targetOccupations", i], warnings);
    concepts.set(uri, concept);
    list.push(escoAlignment(concept, framework, "ext:ESCOOccupation"));
  });
  const greenComp = new Set(definition.learningOutcomes.flatMap((o) => o.greenComp ?? []));
  for (const id of [...greenComp].sort()) {
    const competence = greenCompCompetence(taxonomy, id);
    const alignment: OpenBadgeAlignment = {
      type: ["Alignment"],
      targetName: competence.name,
      targetUrl: GREENCOMP_URL,
      targetCode: id,
      targetFramework: GREENCOMP_NAME,
      targetType: "ext:GreenCompCompetence",
    };
    if (competence.description) alignment.targetDescription = competence.description;
    list.push(alignment);
  }
  const eqf = definition.level.eqf;
  if (eqf !== "not-applicable") {
    list.push({
      type: ["Alignment"],
      targetName: `EQF level ${eqf}`,
      targetUrl: eqfLevelUri(eqf),
      targetCode: String(eqf),
      targetFramework: "European Qualifications Framework (EQF)",
      targetType: "ext:EQFLevel",
    });
  }
  return { list, concepts };
}
