import {
  ASSESSMENT_TYPES,
  type AssessmentType,
  LEARNING_MODES,
  LEARNING_SETTINGS,
  type LearningMode,
  type LearningSetting,
  type QualityAssuranceType,
  SUPERVISION_TYPES,
  type SupervisionType,
} from "../credential/vocab/elm.js";

/**
 * English labels of the ELM controlled-vocabulary values a definition uses (ELM v3 `xsd/loq/cv/*.xsd`,
 * see docs/export-elm.md), so that exports can name each concept as well as link it.
 *
 * @module
 */

/** A value of an ELM controlled vocabulary: its URI (when known) and English label. */
export interface VocabConcept {
  readonly uri: string | null;
  readonly label: string;
}

const ASSESSMENT_LABELS: Record<AssessmentType, string> = {
  "peer-assessment": "peer assessment",
  "marked-assignment": "marked assignment",
  "continuous-evaluation": "continuous evaluation",
  portfolio: "portfolio",
  "group-performance": "group performance",
  "practical-assessment": "practical assessment",
  "written-examination": "written examination",
  "level-of-attendance": "level of attendance",
  "project-work": "project work",
  "peer-review": "peer review",
  quiz: "quiz",
  "problem-based-learning": "problem based learning",
  "oral-examination": "oral examination",
  "artefact-assessment": "artefact assessment",
};

const MODE_LABELS: Record<LearningMode, string> = {
  "work-based": "Workbased",
  "project-based": "Project based",
  onsite: "Presential",
  online: "Online",
  blended: "Blended",
  "research-lab-based": "Research-Lab based",
};

const SETTING_LABELS: Record<LearningSetting, string> = {
  formal: "formal learning",
  "non-formal": "non-formal learning",
};

// The first and last are the ELM prefLabels seen in the official samples; the middle one is the Annex I wording.
const SUPERVISION_LABELS: Record<SupervisionType, string> = {
  "unsupervised-no-id-verification": "Unsupervised without ID Verification",
  "supervised-no-id-verification": "Supervised without ID Verification",
  "supervised-with-id-verification": "Supervised with ID Verification",
};

const QA_LABELS: Record<QualityAssuranceType, string> = {
  internal: "internal quality assurance of the provider",
  "external-review": "external review by a quality assurance body",
  accreditation: "accreditation by a competent authority",
  certification: "certification against a management standard",
};

/** @internal */
export const assessmentConcept = (slug: AssessmentType): VocabConcept => ({
  uri: ASSESSMENT_TYPES[slug],
  label: ASSESSMENT_LABELS[slug],
});
/** @internal */
export const modeConcept = (slug: LearningMode): VocabConcept => ({
  uri: LEARNING_MODES[slug],
  label: MODE_LABELS[slug],
});
/** @internal */
export const settingConcept = (slug: LearningSetting): VocabConcept => ({
  uri: LEARNING_SETTINGS[slug],
  label: SETTING_LABELS[slug],
});
/** @internal */
export const supervisionConcept = (slug: SupervisionType): VocabConcept => ({
  uri: SUPERVISION_TYPES[slug],
  label: SUPERVISION_LABELS[slug],
});
/** @internal */
export const qualityAssuranceLabel = (slug: QualityAssuranceType): string => QA_LABELS[slug];

/** @internal ELM concept schemes (`…/25831c2`) of the vocabularies above. */
export const SCHEMES = {
  assessment: "http://data.europa.eu/snb/assessment/25831c2",
  mode: "http://data.europa.eu/snb/learning-assessment/25831c2",
  setting: "http://data.europa.eu/snb/learning-setting/25831c2",
  supervision: "http://data.europa.eu/snb/supervision-verification/25831c2",
  eqf: "http://data.europa.eu/snb/eqf/25831c2",
  credit: "http://data.europa.eu/snb/education-credit/25831c2",
  skillType: "http://data.europa.eu/snb/skill-type/25831c2",
  reuseLevel: "http://data.europa.eu/snb/skill-reuse-level/25831c2",
  learningOpportunity: "http://data.europa.eu/snb/learning-opportunity/25831c2",
  credential: "http://data.europa.eu/snb/credential/25831c2",
  encoding: "http://data.europa.eu/snb/encoding/25831c2",
  escoSkills: "http://data.europa.eu/esco/concept-scheme/skills",
  escoOccupations: "http://data.europa.eu/esco/concept-scheme/occupations",
  language: "http://publications.europa.eu/resource/authority/language",
  country: "http://publications.europa.eu/resource/authority/country",
  fileType: "http://publications.europa.eu/resource/authority/file-type",
} as const;
