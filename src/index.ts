/**
 * green-skills: ESCO skills, occupations and green skills as a typed, queryable graph, with
 * micro-credential validation. This entry is browser-safe (no Node built-ins); reading files and importing
 * ESCO downloads live in `green-skills/node`.
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";

// Errors
export {
  ConceptNotFoundError,
  CredentialFileError,
  EscoImportError,
  FullEscoRequiredError,
  GreenSkillsError,
  InvalidBundleError,
  WrongConceptKindError,
  isGreenSkillsError,
} from "./errors.js";
export type { EscoImportErrorReason } from "./errors.js";

// Identifiers and model
export {
  ESCO_OCCUPATION_URI_PATTERN,
  ESCO_SKILL_URI_PATTERN,
  ESCO_URI_PATTERN,
  EscoOccupationUriSchema,
  EscoSkillUriSchema,
  EscoUriSchema,
  isEscoOccupationUri,
  isEscoSkillUri,
  isEscoUri,
} from "./uri.js";
export type { EscoOccupationUri, EscoSkillUri, EscoUri } from "./uri.js";
export {
  ConceptRefSchema,
  ConceptSchema,
  ConceptSchemeSchema,
  IscoGroupSchema,
  LabelSetSchema,
  LangTextSchema,
  OccupationSchema,
  ReuseLevelSchema,
  SkillGroupSchema,
  SkillSchema,
  SkillTypeSchema,
} from "./model/concept.js";
export type {
  Concept,
  ConceptRef,
  ConceptScheme,
  IscoGroup,
  LabelSet,
  LangText,
  Occupation,
  ReuseLevel,
  Skill,
  SkillGroup,
  SkillType,
} from "./model/concept.js";

// Bundle and taxonomy
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_MAGIC, BundleMetaSchema, CONCEPT_KINDS, CollectionInfoSchema, RELATION_TYPES, UnresolvedRowSchema } from "./bundle/format.js";
export type { BundleMeta, BundleObject, CollectionInfo, ConceptKind, RelationType, UnresolvedRow } from "./bundle/format.js";
export { decodeBundle, encodeBundle } from "./bundle/binary.js";
export { toBundleObject } from "./bundle/object.js";
export type { Column, ColumnSource, ColumnType, F64Column, I32Column, StrColumn, StrListColumn, StringListReader, StringReader, U8Column } from "./bundle/columns.js";
export { Taxonomy } from "./taxonomy/taxonomy.js";
export { loadTaxonomy } from "./taxonomy/load.js";
export type { LoadTaxonomyOptions, TaxonomySource } from "./taxonomy/load.js";
export { toGraph } from "./taxonomy/graph.js";
export type { TaxonomyEdgeAttributes, TaxonomyGraph, TaxonomyNodeAttributes, ToGraphOptions } from "./taxonomy/graph.js";

// Queries
export { conceptKind, getConcept, hasConcept, listConcepts, prefLabel, requireConcept } from "./query/concept.js";
export type { LabelOptions } from "./query/concept.js";
export { ancestors, broader, descendants, narrower, pathToRoot } from "./query/hierarchy.js";
export { OccupationSkillSchema, SkillOccupationSchema, occupationsForSkill, skillsOfOccupation } from "./query/occupation-skills.js";
export type { OccupationSkill, RelationFilter, SkillOccupation, SkillsOfOccupationOptions } from "./query/occupation-skills.js";
export { RelatedSkillSchema, relatedSkills } from "./query/related-skills.js";
export type { RelatedSkill } from "./query/related-skills.js";
export { collectionMembers, collectionsOf, isGreen, isInCollection } from "./query/collections.js";
export { occupationsInIscoGroup } from "./query/isco.js";
export { GreenShareSchema, greenShare } from "./query/green-share.js";
export type { GreenShare } from "./query/green-share.js";
export { SimilarOccupationSchema, similarOccupations } from "./query/similarity.js";
export type { SimilarOccupation, SimilarOccupationsOptions } from "./query/similarity.js";
export { TaxonomyStatsSchema, stats } from "./query/stats.js";
export type { TaxonomyStats } from "./query/stats.js";

// Micro-credentials: format, vocabularies, validation, coverage
export {
  AssessmentSchema,
  AwardingBodySchema,
  CountryCodeSchema,
  EqfLevelSchema,
  GradeSchemeSchema,
  IssuedMicroCredentialSchema,
  LANGUAGE_CODE_PATTERN,
  LanguageMapSchema,
  LearnerSchema,
  LearningOutcomeSchema,
  LevelSchema,
  MicroCredentialSchema,
  ParticipationSchema,
  QualityAssuranceSchema,
  StackabilitySchema,
  WorkloadSchema,
} from "./credential/schema.js";
export type {
  Assessment,
  AwardingBody,
  GradeScheme,
  IssuedMicroCredential,
  LanguageMap,
  Learner,
  LearningOutcome,
  Level,
  MicroCredential,
  MicroCredentialInput,
  Participation,
  QualityAssurance,
  Stackability,
  Workload,
} from "./credential/schema.js";
export {
  ASSESSMENT_TYPES,
  ECTS_FRAMEWORK_URI,
  HOURS_PER_ECTS,
  LEARNING_MODES,
  LEARNING_SETTINGS,
  QF_EHEA_CYCLES,
  QUALITY_ASSURANCE_TYPES,
  STACKABILITY_TYPES,
  SUPERVISION_TYPES,
  eqfLevelUri,
} from "./credential/vocab/elm.js";
export type {
  AssessmentType,
  LearningMode,
  LearningSetting,
  QfEheaCycle,
  QualityAssuranceType,
  StackabilityType,
  SupervisionType,
} from "./credential/vocab/elm.js";
export { COUNTRY_CODES } from "./credential/vocab/countries.js";
export { GREENCOMP_IDS } from "./credential/vocab/greencomp.js";
export type { GreenCompId } from "./credential/vocab/greencomp.js";
export { ANNEX_ELEMENTS, ANNEX_ELEMENT_IDS } from "./credential/vocab/annex.js";
export type { AnnexElement, AnnexElementId } from "./credential/vocab/annex.js";
export { DEFAULT_SECTOR_IDS } from "./credential/sector-ids.js";
export {
  CandidateSchema,
  CredentialIssueSchema,
  CredentialValidationResultSchema,
  ElementStatusSchema,
  ISSUE_CODES,
  ISSUE_CODE_LIST,
  IssueCountsSchema,
  IssuePathSchema,
  IssueSeveritySchema,
  formatPath,
} from "./credential/issues.js";
export type {
  Candidate,
  CredentialIssue,
  CredentialValidationResult,
  ElementStatus,
  IssueCode,
  IssuePath,
  IssueSeverity,
} from "./credential/issues.js";
export type { SanitizeLimits } from "./credential/sanitize.js";
export { validateCredential } from "./credential/validate.js";
export type { SuggestSkills, ValidateCredentialOptions } from "./credential/context.js";
export { parseCredential, parseIssuedCredential } from "./credential/parse-credential.js";
export type { ParseCredentialResult } from "./credential/parse-credential.js";
export { CoverageSchema, CoveredSkillSchema, coverage } from "./credential/coverage.js";
export type { Coverage, CoverageInput, CoveredSkill } from "./credential/coverage.js";
