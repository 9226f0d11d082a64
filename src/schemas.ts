/**
 * `green-skills/schemas`: the zod schemas of every shape green-skills reads or returns (concepts, bundle
 * metadata, framework sources, credentials, issues, query and search results, diffs, exports, reports),
 * and the code lists and vocabularies they are built from (issue codes, ELM vocabularies, country codes,
 * Annex I elements, JSON-LD contexts, URI patterns).
 *
 * Kept out of the root entry so that a page that only queries or searches does not ship the schemas. The
 * JSON Schema files of the credential formats are published separately
 * (`green-skills/micro-credential.schema.json`, `green-skills/issued-micro-credential.schema.json`).
 *
 * @example
 * ```ts
 * import { MicroCredentialSchema } from "green-skills/schemas";
 * MicroCredentialSchema.safeParse({}).success //=> false
 * ```
 *
 * @packageDocumentation
 */

export {
  ESCO_OCCUPATION_URI_PATTERN,
  ESCO_SKILL_URI_PATTERN,
  ESCO_URI_PATTERN,
  EscoOccupationUriSchema,
  EscoSkillUriSchema,
  EscoUriSchema,
} from "./uri.js";
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
export { CONCEPT_KINDS, RELATION_TYPES } from "./bundle/format.js";
export { BundleMetaSchema, CollectionInfoSchema, UnresolvedRowSchema } from "./bundle/schema.js";
export { OccupationSkillSchema, SkillOccupationSchema } from "./query/occupation-skills.js";
export { RelatedSkillSchema } from "./query/related-skills.js";
export { GreenShareSchema } from "./query/green-share.js";
export { SimilarOccupationSchema } from "./query/similarity.js";
export { TaxonomyStatsSchema } from "./query/stats.js";
export {
  CrosswalkEntrySchema,
  EscoConceptFactSchema,
  EscoConceptsFileSchema,
  FRAMEWORK_FORMAT_VERSION,
  FrameworkSchema,
  GREENCOMP_AREA_IDS,
  GREENCOMP_COMPETENCE_IDS,
  GreenCompAreaSchema,
  GreenCompCompetenceSchema,
  GreenCompSchema,
  LocalisedTextSchema,
  OccupationReferenceSchema,
  SectorIscoSchema,
  SectorNaceSchema,
  SectorSchema,
  SkillReferenceSchema,
} from "./framework/schema.js";
export { SourceIssueSchema } from "./framework/source.js";
export { FrameworkMergeReportSchema, MergeIssueSchema } from "./framework/merge-report.js";
export { SectorInfoSchema, SectorSummarySchema } from "./framework/sectors.js";
export {
  KeyReferenceSchema,
  RankedGreenSkillSchema,
  SectorOccupationSchema,
  SectorProfileSchema,
} from "./framework/sector-profile.js";
export { GreenCompProfileSchema, GreenCompTouchSchema } from "./framework/greencomp-profile.js";
export {
  AltLabelsChangeSchema,
  BroaderChangeSchema,
  CHANGE_TYPES,
  CodeChangeSchema,
  CollectionChangeSchema,
  ConceptAddedSchema,
  ConceptChangeSchema,
  ConceptRemovedSchema,
  DiffComparedSchema,
  DiffSideSchema,
  DiffSummarySchema,
  GreenShareChangeSchema,
  IscoGroupChangeSchema,
  KindChangeSchema,
  NaceChangeSchema,
  OccupationSkillsChangeSchema,
  PrefLabelChangeSchema,
  RelationDeltaSchema,
  ReuseLevelChangeSchema,
  ShareFigureSchema,
  SkillSkillsChangeSchema,
  SkillTypeChangeSchema,
  StatusChangeSchema,
  TaxonomyDiffSchema,
} from "./diff/schema.js";
export { ReplacementCandidateSchema } from "./diff/candidates.js";
export { MappingOutcomeSchema, MappingSourceSchema } from "./diff/mapping-source.js";
export {
  DocumentPathSchema,
  MappingChangeSchema,
  MappingResultSchema,
  MappingStatusSchema,
  MigrationEffectCodeSchema,
  MigrationEffectSchema,
  MigrationReportSchema,
  SkillOccupationsChangeSchema,
} from "./diff/migration-schema.js";
export { MatchedLabelSchema, OccupationHitSchema, SkillHitSchema, TermMatchSchema } from "./search/results.js";
export { SkillSuggestionSchema, SuggestResultSchema } from "./search/suggest.js";
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
export { COUNTRY_CODES } from "./credential/vocab/countries.js";
export { ANNEX_ELEMENTS, ANNEX_ELEMENT_IDS } from "./credential/vocab/annex.js";
export { DEFAULT_SECTOR_IDS } from "./credential/sector-ids.js";
export {
  CandidateSchema,
  CredentialFileResultSchema,
  CredentialIssueSchema,
  CredentialValidationResultSchema,
  ElementStatusSchema,
  ISSUE_CODES,
  ISSUE_CODE_LIST,
  IssueCountsSchema,
  IssuePathSchema,
  IssueSeveritySchema,
  MappingEvidenceSchema,
} from "./credential/issues.js";
export { CoverageSchema, CoveredSkillSchema } from "./credential/coverage.js";
export { EXPORT_WARNING_CODES, ExportWarningSchema } from "./export/warnings.js";
export { GREEN_SKILLS_CONTEXT, GREEN_SKILLS_CONTEXT_URL, GREEN_SKILLS_NAMESPACE } from "./export/openbadges/context.js";
export {
  OPEN_BADGES_CONTEXT,
  OPEN_BADGES_SCHEMA_URL,
  OpenBadgeAchievementSchema,
  OpenBadgeAddressSchema,
  OpenBadgeAlignmentSchema,
  OpenBadgeCredentialSchema,
  OpenBadgeIdentityObjectSchema,
  OpenBadgeProfileSchema,
  OpenBadgeResultDescriptionSchema,
  OpenBadgeResultSchema,
} from "./export/openbadges/schema.js";
export {
  EDC_CONTEXT,
  EDC_SHAPES_URI,
  ELM_SPECIFICATION_CONTEXT,
  ElmConceptSchema,
  ElmLearningOutcomeSchema,
  ElmSpecificationSchema,
  EuropeanDigitalCredentialSchema,
} from "./export/elm/schema.js";
export {
  DanglingSummarySchema,
  ImportReportSchema,
  ImportWarningSchema,
  ImportedFileSchema,
} from "./model/import-report.js";
export { IssueSchema } from "./issue.js";
// The named types of the schemas that many others embed (see their TSDoc): declaration files refer to them
// by name instead of repeating their shapes.
export type { ConceptRefSchemaType } from "./model/concept.js";
export type { CredentialIssueSchemaType, CredentialValidationResultSchemaType } from "./credential/issues.js";
export type { MicroCredentialSchemaType } from "./credential/schema.js";
export type { ElmConceptSchemaType, ElmLearningOutcomeSchemaType } from "./export/elm/schema.js";
export type { MappingResultSchemaType } from "./diff/migration-schema.js";
export type { ReplacementCandidateSchemaType } from "./diff/candidates.js";
export type { SkillHitSchemaType } from "./search/results.js";
export type { SkillSuggestionSchemaType } from "./search/suggest.js";
export type { SkillOccupationSchemaType } from "./query/occupation-skills.js";
