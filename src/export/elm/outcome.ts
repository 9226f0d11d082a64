import type { MicroCredential } from "../../credential/schema.js";
import type { Store } from "../../taxonomy/store.js";
import type { Taxonomy } from "../../taxonomy/taxonomy.js";
import { type EscoConceptInfo, escoConcept } from "../esco.js";
import { GREENCOMP_URL, greenCompCompetence } from "../greencomp.js";
import { SCHEMES } from "../vocab.js";
import type { Warnings } from "../warnings.js";
import { eqfLevelUri } from "../../credential/vocab/elm.js";
import { type ElmConcept, concept, note } from "./concept.js";
import type { ElmLearningOutcome } from "./schema.js";

/**
 * ELM `LearningOutcome`s: the statement, the ESCO skills as `relatedESCOSkill` (ESCO skills scheme, with
 * labels), GreenComp competences as `relatedSkill`, and the skill type and reuse level mapped to ELM's
 * lists where the mapped skills agree on them.
 *
 * @module
 */

const SKILL_TYPE: Record<string, { uri: string; label: string }> = {
  "skill/competence": { uri: "http://data.europa.eu/snb/skill-type/skill", label: "skill" },
  knowledge: { uri: "http://data.europa.eu/snb/skill-type/knowledge", label: "knowledge" },
};

const reuseLevel = (level: string) => ({
  uri: `http://data.europa.eu/snb/skill-reuse-level/${level}`,
  label: `${level} skills and competences`,
});

/** The one value every mapped concept has, if they agree (and all have one). */
function shared<T>(values: readonly (T | undefined)[]): T | undefined {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : undefined;
}

/** @internal The learning outcomes, with every ESCO concept looked up in the credential's languages. */
export function learningOutcomes(
  definition: MicroCredential,
  taxonomy: Taxonomy,
  store: Store,
  base: string,
  langs: readonly string[],
  warnings: Warnings,
): { outcomes: ElmLearningOutcome[]; concepts: Map<string, EscoConceptInfo> } {
  const concepts = new Map<string, EscoConceptInfo>();
  const outcomes = definition.learningOutcomes.map((outcome, o) => {
    const infos = outcome.esco.map((uri, u) => {
      const info = concepts.get(uri) ?? escoConcept(store, uri, langs, ["learningOutcomes", o, "esco", u], warnings);
      concepts.set(uri, info);
      return info;
    });
    const node: ElmLearningOutcome = {
      id: `${base}#outcome-${outcome.id}`,
      type: "LearningOutcome",
      title: outcome.statement,
    };
    if (infos.length > 0) {
      node.relatedESCOSkill = infos.map(
        (info): ElmConcept =>
          concept(
            info.uri,
            SCHEMES.escoSkills,
            Object.keys(info.labels).length > 0 ? { ...info.labels } : { [langs[0]!]: info.label },
          ),
      );
      const type = shared(infos.map((i) => i.skillType));
      if (type) node.dcType = concept(SKILL_TYPE[type]!.uri, SCHEMES.skillType, { en: SKILL_TYPE[type]!.label });
      const reuse = shared(infos.map((i) => i.reuseLevel));
      if (reuse)
        node.reusabilityLevel = concept(reuseLevel(reuse).uri, SCHEMES.reuseLevel, { en: reuseLevel(reuse).label });
    }
    if (outcome.greenComp && outcome.greenComp.length > 0) {
      // GreenComp publishes no URI per competence: blank concepts in a scheme identified by its DOI.
      node.relatedSkill = outcome.greenComp.map((id) =>
        concept(undefined, GREENCOMP_URL, { en: `${id} ${greenCompCompetence(taxonomy, id).name}` }, id),
      );
    }
    // ELM learning outcomes have no level property: the outcome's own EQF level becomes a note.
    if (outcome.level !== undefined)
      node["additionalNote"] = [
        note(
          { en: `EQF level of this learning outcome: ${outcome.level}` },
          concept(eqfLevelUri(outcome.level), SCHEMES.eqf, { en: `Level ${outcome.level}` }),
        ),
      ];
    return node;
  });
  return { outcomes, concepts };
}
