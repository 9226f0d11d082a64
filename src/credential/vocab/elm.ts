import { InvalidArgumentError } from "../../errors.js";
/**
 * Closed value sets of a micro-credential definition, as readable slugs, each mapped to its ELM
 * controlled-vocabulary URI (European Learning Model v3, `xsd/loq/cv/*.xsd`) where one is known, so the
 * ELM and Open Badges exports can emit the official concept. See docs/writing-credentials.md.
 *
 * @module
 */

const SNB = "http://data.europa.eu/snb";

/**
 * Assessment types (ELM assessment-type list), slug → ELM concept URI.
 *
 * @category Credential
 */
export const ASSESSMENT_TYPES = {
  "peer-assessment": `${SNB}/assessment/19a2e5e671`,
  "marked-assignment": `${SNB}/assessment/2939dae15f`,
  "continuous-evaluation": `${SNB}/assessment/3484bd7e51`,
  portfolio: `${SNB}/assessment/4f03b91c0e`,
  "group-performance": `${SNB}/assessment/56539a6507`,
  "practical-assessment": `${SNB}/assessment/6a4db9f11d`,
  "written-examination": `${SNB}/assessment/6e6cb2cc78`,
  "level-of-attendance": `${SNB}/assessment/7331eb4762`,
  "project-work": `${SNB}/assessment/795dac4096`,
  "peer-review": `${SNB}/assessment/812e3b0ae1`,
  quiz: `${SNB}/assessment/b1b68f6735`,
  "problem-based-learning": `${SNB}/assessment/c4256a2726`,
  "oral-examination": `${SNB}/assessment/d30284d7df`,
  "artefact-assessment": `${SNB}/assessment/de4d165a6c`,
} as const;
/** An assessment type slug. @category Credential */
export type AssessmentType = keyof typeof ASSESSMENT_TYPES;

/**
 * Modes of learning and assessment (ELM "modes" list), slug → ELM concept URI. `onsite` is ELM's
 * "Presential".
 *
 * @category Credential
 */
export const LEARNING_MODES = {
  "work-based": `${SNB}/learning-assessment/729f3bed4b`,
  "project-based": `${SNB}/learning-assessment/7813801c77`,
  onsite: `${SNB}/learning-assessment/9191af2ed9`,
  online: `${SNB}/learning-assessment/920fbb3cbe`,
  blended: `${SNB}/learning-assessment/e92d221e4d`,
  "research-lab-based": `${SNB}/learning-assessment/ed4c557045`,
} as const;
/** A mode-of-learning slug. @category Credential */
export type LearningMode = keyof typeof LEARNING_MODES;

/**
 * Learning settings (ELM learning-setting list), slug → ELM concept URI.
 *
 * @category Credential
 */
export const LEARNING_SETTINGS = {
  formal: `${SNB}/learning-setting/6fd4685715`,
  "non-formal": `${SNB}/learning-setting/e207a81fc7`,
} as const;
/** A learning-setting slug. @category Credential */
export type LearningSetting = keyof typeof LEARNING_SETTINGS;

/**
 * The three Annex I values of "supervision and identity verification during assessment", slug → ELM
 * concept URI. The ELM URI of `supervised-no-id-verification` was not found in the published samples,
 * so it is `null` here (exports fall back to a text note).
 *
 * @category Credential
 */
export const SUPERVISION_TYPES = {
  "unsupervised-no-id-verification": `${SNB}/supervision-verification/c598449d64`,
  "supervised-no-id-verification": null,
  "supervised-with-id-verification": `${SNB}/supervision-verification/70be69aaf9`,
} as const satisfies Record<string, string | null>;
/** A supervision and identity-verification slug. @category Credential */
export type SupervisionType = keyof typeof SUPERVISION_TYPES;

/**
 * Types of quality assurance underpinning a micro-credential (Annex I element 11). ELM carries quality
 * assurance as an `Accreditation` whose type comes from a list this project has not verified, so these
 * slugs are green-skills' own and carry no ELM URI.
 *
 * @category Credential
 */
export const QUALITY_ASSURANCE_TYPES = {
  /** The provider's own quality assurance procedures. */
  internal: null,
  /** Reviewed by an external quality assurance body or agency. */
  "external-review": null,
  /** The programme or provider is accredited by a competent authority. */
  accreditation: null,
  /** The provider is certified against a management standard (for example ISO 21001). */
  certification: null,
} as const satisfies Record<string, string | null>;
/** A quality-assurance type slug. @category Credential */
export type QualityAssuranceType = keyof typeof QUALITY_ASSURANCE_TYPES;

/**
 * QF-EHEA cycles (Annex I element 8) and the EQF level each usually corresponds to.
 *
 * @category Credential
 */
export const QF_EHEA_CYCLES = { "short-cycle": 5, first: 6, second: 7, third: 8 } as const;
/** A QF-EHEA cycle. @category Credential */
export type QfEheaCycle = keyof typeof QF_EHEA_CYCLES;

/** EQF level concept URI in ELM (`http://data.europa.eu/snb/eqf/1` … `/8`). @category Credential */
export function eqfLevelUri(level: number): string {
  if (typeof level !== "number" || !Number.isInteger(level) || level < 1 || level > 8)
    throw new InvalidArgumentError("eqfLevelUri", "level", "an EQF level, a whole number from 1 to 8", level);
  return `${SNB}/eqf/${level}`;
}

/** The ELM concept URI of the ECTS credit framework. @category Credential */
export const ECTS_FRAMEWORK_URI = `${SNB}/education-credit/6fcec5c5af`;

/** The ECTS workload convention: one credit is 25 to 30 hours of learning (ECTS Users' Guide 2015). @category Credential */
export const HOURS_PER_ECTS: readonly [min: number, max: number] = [25, 30];

/** Stackability options (Annex I optional element "integration/stackability options"). @category Credential */
export const STACKABILITY_TYPES = ["stand-alone", "stackable"] as const;
/** A stackability option. @category Credential */
export type StackabilityType = (typeof STACKABILITY_TYPES)[number];
