import type { MicroCredential, MicroCredentialInput } from "../../credential/schema.js";
import { ECTS_FRAMEWORK_URI, eqfLevelUri } from "../../credential/vocab/elm.js";
import { storeOf, type Taxonomy } from "../../taxonomy/taxonomy.js";
import { escoConcept, escoFramework } from "../esco.js";
import { definitionInput, exportOptions } from "../input.js";
import { defaultLanguage, pick } from "../text.js";
import {
  SCHEMES,
  assessmentConcept,
  modeConcept,
  qualityAssuranceLabel,
  settingConcept,
  supervisionConcept,
} from "../vocab.js";
import { type ExportResult, Warnings } from "../warnings.js";
import { type ElmNote, concept, hoursDuration, languageConcept, note, vocab, withEnglish } from "./concept.js";
import type { ElmOptions } from "./options.js";
import { type ElmOrganisation, awardingBodies, location } from "./organisation.js";
import { learningOutcomes } from "./outcome.js";
import { ELM_SPECIFICATION_CONTEXT, type ElmSpecification } from "./schema.js";

/**
 * ELM: a micro-credential definition as a learning-achievement specification (`Qualification` when an
 * EQF level is given, as ELM keeps `eqfLevel` on qualifications only).
 *
 * @module
 */

const SHORT_LEARNING_PROGRAMME = "http://data.europa.eu/snb/learning-opportunity/74a4a268e8";

/** @internal What the EDC export reuses from the specification. */
export interface BuiltSpecification {
  readonly node: ElmSpecification;
  readonly organisations: ElmOrganisation[];
  readonly assessmentIds: string[];
  readonly langs: string[];
}

function gradingScheme(definition: MicroCredential): Record<string, unknown> | undefined {
  const g = definition.gradeScheme;
  if (!g) return undefined;
  const parts: string[] = [];
  if (g.values) parts.push(`Grades, lowest first: ${g.values.join(", ")}.`);
  if (g.min !== undefined || g.max !== undefined) parts.push(`Grades from ${g.min ?? "?"} to ${g.max ?? "?"}.`);
  if (g.pass !== undefined) parts.push(`Lowest passing grade: ${g.pass}.`);
  const description = parts.length > 0 ? withEnglish(parts.join(" "), g.description) : g.description;
  return { type: "GradingScheme", title: { en: "Grading scheme" }, ...(description ? { description } : {}) };
}

function notes(definition: MicroCredential, concepts: Map<string, { label: string }>): ElmNote[] {
  const out: ElmNote[] = [];
  const qa = definition.qualityAssurance;
  const qaText = [`Type of quality assurance: ${qa.types.map(qualityAssuranceLabel).join("; ")}.`];
  if (qa.body)
    qaText.push(
      `Quality assurance body: ${typeof qa.body.name === "string" ? qa.body.name : Object.values(qa.body.name)[0]}${qa.body.id ? ` (${qa.body.id})` : ""}.`,
    );
  if (qa.url) qaText.push(`Report: ${qa.url}`);
  out.push(note(withEnglish(qaText.join(" "), qa.description)));
  const level = definition.level;
  if (level.eqf === "not-applicable") out.push(note({ en: "Level: EQF not applicable." }));
  if (level.qfEhea) out.push(note({ en: `QF-EHEA cycle: ${level.qfEhea}.` }));
  if (level.nqf) out.push(note({ en: `National qualifications framework level: ${level.nqf}.` }));
  if (definition.participation.description)
    out.push(
      note(
        withEnglish(
          `Form of participation: ${modeConcept(definition.participation.mode).label}, ${settingConcept(definition.participation.setting).label}.`,
          definition.participation.description,
        ),
      ),
    );
  const stack = definition.stackability;
  if (stack) {
    const towards = (stack.towards ?? []).map((t) =>
      [t.title ? (Object.values(t.title)[0] ?? "") : "", t.id ?? "", t.ects !== undefined ? `${t.ects} ECTS` : ""]
        .filter(Boolean)
        .join(", "),
    );
    out.push(
      note({
        en:
          stack.type === "stand-alone"
            ? "Integration/stackability: stand-alone, independent micro-credential."
            : `Integration/stackability: stackable towards ${towards.length > 0 ? towards.join("; ") : "another credential"}.`,
      }),
    );
  }
  for (const uri of definition.targetOccupations ?? []) {
    const label = concepts.get(uri)?.label ?? uri;
    out.push(note({ en: `Target occupation: ${label}.` }, concept(uri, SCHEMES.escoOccupations, { en: label })));
  }
  if (definition.furtherInformation?.note) out.push(note(definition.furtherInformation.note));
  return out;
}

/** @internal The specification of a parsed definition. */
export function buildSpecification(
  definition: MicroCredential,
  taxonomy: Taxonomy,
  options: ElmOptions,
  warnings: Warnings,
): BuiltSpecification {
  const store = storeOf(taxonomy);
  const base = definition.id;
  const primary = options.lang ?? defaultLanguage(definition.title);
  const langs = [primary, ...Object.keys(definition.title).filter((l) => l !== primary)];
  pick(definition.title, primary, ["title"], warnings);
  escoFramework(taxonomy.escoVersion, definition.escoVersion, warnings);
  const { outcomes, concepts } = learningOutcomes(definition, taxonomy, store, base, langs, warnings);
  for (const [i, uri] of (definition.targetOccupations ?? []).entries()) {
    if (!concepts.has(uri)) concepts.set(uri, escoConcept(store, uri, langs, ["targetOccupations", i], warnings));
  }
  const qualification = definition.level.eqf !== "not-applicable";
  const organisations = awardingBodies(definition, base, primary, warnings);

  const assessmentIds: string[] = [];
  const grading = gradingScheme(definition);
  const provenBy = definition.assessment.types.map((slug) => {
    const value = assessmentConcept(slug);
    const id = `${base}#assessment-${slug}`;
    assessmentIds.push(id);
    return {
      id,
      type: "LearningAssessmentSpecification",
      title: { en: value.label.charAt(0).toUpperCase() + value.label.slice(1) },
      dcType: vocab(value, SCHEMES.assessment),
      ...(definition.assessment.description ? { description: definition.assessment.description } : {}),
      ...(grading ? { gradingScheme: grading } : {}),
      ...(definition.supervision
        ? {
            additionalNote: [
              note(
                { en: `Supervision and identity verification: ${supervisionConcept(definition.supervision).label}.` },
                supervisionConcept(definition.supervision).uri
                  ? vocab(supervisionConcept(definition.supervision), SCHEMES.supervision)
                  : undefined,
              ),
            ],
          }
        : {}),
    };
  });

  const node: ElmSpecification = {
    "@context": [...ELM_SPECIFICATION_CONTEXT],
    id: base,
    type: qualification ? "Qualification" : "LearningAchievementSpecification",
    title: definition.title,
    ...(definition.description ? { description: definition.description } : {}),
    dcType: concept(SHORT_LEARNING_PROGRAMME, SCHEMES.learningOpportunity, { en: "Short learning programme" }),
    language: langs.flatMap((l) => languageConcept(l, ["title", l], warnings) ?? []),
    mode: [vocab(modeConcept(definition.participation.mode), SCHEMES.mode)],
    learningSetting: vocab(settingConcept(definition.participation.setting), SCHEMES.setting),
    learningOutcome: outcomes,
    provenBy,
    awardingOpportunity: [
      {
        type: "AwardingOpportunity",
        awardingBody: organisations,
        location: location(definition.issuer.country, definition.issuer.region),
      },
    ],
    additionalNote: notes(definition, concepts),
  };
  const { ects, hours } = definition.workload;
  if (ects !== undefined)
    node.creditPoint = [
      {
        type: "CreditPoint",
        framework: concept(ECTS_FRAMEWORK_URI, SCHEMES.credit, { en: "European Credit Transfer System" }),
        point: String(ects),
      },
    ];
  if (hours !== undefined) node.volumeOfLearning = hoursDuration(hours);
  if (qualification)
    node.eqfLevel = concept(eqfLevelUri(definition.level.eqf as number), SCHEMES.eqf, {
      en: `Level ${definition.level.eqf}`,
    });
  if (definition.prerequisites) node.entryRequirement = note(definition.prerequisites);
  if (definition.sectors && definition.sectors.length > 0) node.category = { en: definition.sectors };
  if (definition.furtherInformation?.url)
    node.homepage = [{ type: "WebResource", contentURL: definition.furtherInformation.url }];
  if (definition.qualityAssurance.url)
    node.supplementaryDocument = [
      { type: "WebResource", contentURL: definition.qualityAssurance.url, title: { en: "Quality assurance" } },
    ];
  const stack = definition.stackability;
  if (stack && qualification) node.isPartialQualification = stack.type === "stackable";
  const parents = (stack?.towards ?? []).filter((t) => t.id && t.title);
  if (parents.length > 0) node.isPartOf = parents.map((t) => ({ id: t.id!, type: node.type, title: t.title! }));
  return { node, organisations, assessmentIds, langs };
}

/**
 * Exports a micro-credential definition as ELM v3 JSON-LD: the learning-achievement specification that
 * European Digital Credentials reference (`Qualification` when an EQF level is given, else
 * `LearningAchievementSpecification`). Learning outcomes carry their ESCO skills as `relatedESCOSkill`
 * (ESCO skills scheme, preferred labels in the credential's languages), the workload becomes
 * `creditPoint` (ECTS) and `volumeOfLearning` (`PT…H`), and assessment, participation, level and quality
 * assurance use the ELM controlled-vocabulary URIs (docs/export-elm.md maps every element).
 *
 * @category Export
 * @param credential - A parsed micro-credential definition (validate it first: this checks the shape only).
 * @param taxonomy - The ESCO taxonomy the labels, skill types and reuse levels come from.
 * @param options - The primary language.
 * @returns The JSON-LD document (contexts: VC 1.1 and `http://data.europa.eu/snb/model/context/edc-ap`) and the warnings.
 * @throws {@link ExportError} `E_EXPORT_INVALID_INPUT` when `credential` is not a valid definition.
 * @example
 * ```ts
 * import { toElm } from "green-skills";
 * const { document } = toElm(taxonomy, definition);
 * document.type //=> "Qualification"
 * document.volumeOfLearning //=> "PT140H"
 * document.learningOutcome[0]?.relatedESCOSkill?.[0]?.inScheme.id //=> "http://data.europa.eu/esco/concept-scheme/skills"
 * ```
 */
export function toElm(
  taxonomy: Taxonomy,
  credential: MicroCredentialInput,
  options: ElmOptions = {},
): ExportResult<ElmSpecification> {
  storeOf(taxonomy, "toElm");
  options = exportOptions("toElm", options);
  const definition = definitionInput("toElm", credential);
  const warnings = new Warnings();
  const { node } = buildSpecification(definition, taxonomy, options, warnings);
  return { document: node, warnings: warnings.list };
}
