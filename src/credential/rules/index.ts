import type { CredentialRule } from "../context.js";
import { annexElements } from "./annex-elements.js";
import { duplicateSkill } from "./duplicate-skill.js";
import { ectsRecommended } from "./ects-recommended.js";
import { eqfLevel } from "./eqf-level.js";
import { escoVersion } from "./esco-version.js";
import { grade } from "./grade.js";
import { implausibleMapping } from "./implausible-mapping.js";
import { issuedDefinition } from "./issued-definition.js";
import { levelConsistency } from "./level-consistency.js";
import { noGreenOutcome } from "./no-green-outcome.js";
import { obsoleteEscoConcept } from "./obsolete-esco-concept.js";
import { outcomeIds } from "./outcome-ids.js";
import { requiredFields } from "./required-fields.js";
import { sectors } from "./sectors.js";
import { stackability } from "./stackability.js";
import { unknownEscoUri } from "./unknown-esco-uri.js";
import { unmappedOutcome } from "./unmapped-outcome.js";
import { workload } from "./workload.js";
import { wrongConceptType } from "./wrong-concept-type.js";

/** The semantic rules, in reporting order. @internal */
export const RULES: readonly CredentialRule[] = [
  annexElements,
  requiredFields,
  eqfLevel,
  levelConsistency,
  workload,
  ectsRecommended,
  outcomeIds,
  unknownEscoUri,
  wrongConceptType,
  obsoleteEscoConcept,
  unmappedOutcome,
  implausibleMapping,
  duplicateSkill,
  noGreenOutcome,
  escoVersion,
  sectors,
  stackability,
  grade,
  issuedDefinition,
];
