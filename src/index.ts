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
  ExportError,
  FrameworkNotAttachedError,
  FullEscoRequiredError,
  GreenSkillsError,
  InvalidArgumentError,
  InvalidBundleError,
  InvalidFrameworkError,
  UnknownSectorError,
  InvalidMappingSourceError,
  InvalidOptionError,
  NotATaxonomyError,
  OutputPathError,
  WrongConceptKindError,
  isGreenSkillsError,
} from "./errors.js";
export type { EscoImportErrorReason, ExportErrorReason, OutputPathErrorReason } from "./errors.js";

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

// Framework layer: sectors, GreenComp, curated references
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
export type {
  CrosswalkEntry,
  EscoConceptFact,
  EscoConceptsFile,
  Framework,
  GreenComp,
  GreenCompArea,
  GreenCompAreaId,
  GreenCompCompetence,
  GreenCompCompetenceId,
  LocalisedText,
  OccupationReference,
  Sector,
  SectorInput,
  SectorIsco,
  SectorNace,
  SkillReference,
} from "./framework/schema.js";
export { SourceIssueSchema, formatSourceIssue, parseEscoConceptsSource, parseGreenCompSource, parseSectorSource } from "./framework/source.js";
export type { Locate, SourceIssue, SourceResult } from "./framework/source.js";
export { compileFramework } from "./framework/compile.js";
export type { CompiledFramework, FrameworkSources, LocatedValue } from "./framework/compile.js";
export { buildCuratedBundle } from "./framework/build.js";
export type { BuildCuratedBundleOptions } from "./framework/build.js";
export { attachFramework, frameworkOf, frameworkReport, hasFramework } from "./framework/attach.js";
export { FrameworkMergeReportSchema, MergeIssueSchema } from "./framework/merge-report.js";
export type { FrameworkMergeReport, MergeIssue } from "./framework/merge-report.js";
export { withSectors } from "./framework/extend.js";
export { SectorInfoSchema, SectorSummarySchema, listSectors, sectorOccupationUris, sectorSkillUris, sectorsOfOccupation } from "./framework/sectors.js";
export type { SectorInfo, SectorSummary } from "./framework/sectors.js";
export { KeyReferenceSchema, RankedGreenSkillSchema, SectorOccupationSchema, SectorProfileSchema, sectorProfile } from "./framework/sector-profile.js";
export type { KeyReference, RankedGreenSkill, SectorOccupation, SectorProfile, SectorProfileOptions } from "./framework/sector-profile.js";
export { GreenCompProfileSchema, GreenCompTouchSchema, greenCompProfile } from "./framework/greencomp-profile.js";
export type { GreenCompProfile, GreenCompTouch, LearningOutcomesLike } from "./framework/greencomp-profile.js";
export { greenCompNodeKey, sectorNodeKey } from "./framework/graph.js";
export type { MembershipBasis } from "./framework/membership.js";
// Version diff and mapping migration
export { diffTaxonomies } from "./diff/diff.js";
export type { DiffTaxonomiesOptions } from "./diff/diff.js";
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
export type {
  ChangeOf,
  ChangeType,
  ConceptChange,
  DiffChanges,
  DiffCompared,
  DiffSide,
  DiffSummary,
  RelationDelta,
  ShareFigure,
  TaxonomyDiff,
} from "./diff/schema.js";
export { ReplacementCandidateSchema, suggestReplacements } from "./diff/candidates.js";
export type { ReplacementCandidate, SuggestReplacementsOptions } from "./diff/candidates.js";
export { describeChange } from "./diff/describe.js";
export { MappingOutcomeSchema, MappingSourceSchema } from "./diff/mapping-source.js";
export type { MappingOutcome, MappingSource } from "./diff/mapping-source.js";
export { migrateMappings } from "./diff/migrate.js";
export type { MigrateMappingsOptions } from "./diff/migrate.js";
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
export type { MappingChange, MappingResult, MappingStatus, MigrationEffect, MigrationReport, SkillOccupationsChange } from "./diff/migration-schema.js";
export { diffReportMarkdown } from "./diff/report.js";
export type { DiffReportCredential, DiffReportOptions } from "./diff/report.js";
// Search
export { foldText, tokenise } from "./search/normalise.js";
export { prepareSearch } from "./search/cache.js";
export type { SearchIndexStats } from "./search/cache.js";
export type { BaseSearchOptions, SearchSkillsOptions } from "./search/options.js";
export { MatchedLabelSchema, OccupationHitSchema, SkillHitSchema, TermMatchSchema } from "./search/results.js";
export type { MatchedLabel, OccupationHit, SkillHit, TermMatch } from "./search/results.js";
export { searchSkills } from "./search/search-skills.js";
export { searchOccupations } from "./search/search-occupations.js";
export type { SearchOccupationsOptions } from "./search/search-occupations.js";
export { SUGGEST_THRESHOLD, SkillSuggestionSchema, SuggestResultSchema, suggestSkills } from "./search/suggest.js";
export type { SkillSuggestion, SuggestResult, SuggestSkillsOptions } from "./search/suggest.js";
export { QueryLanguageSchema, queryLanguage } from "./search/lang/query-language.js";
export type { QueryLanguage } from "./search/lang/query-language.js";
export { LanguageWarningSchema } from "./search/lang/warnings.js";
export type { LanguageWarning } from "./search/lang/warnings.js";


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
  MappingEvidenceSchema,
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
  MappingEvidence,
} from "./credential/issues.js";
export type { SanitizeLimits } from "./credential/sanitize.js";
export { validateCredential } from "./credential/validate.js";
export type { SuggestSkills, ValidateCredentialOptions } from "./credential/context.js";
export { parseCredential, parseIssuedCredential } from "./credential/parse-credential.js";
export type { ParseCredentialResult } from "./credential/parse-credential.js";
export { CoverageSchema, CoveredSkillSchema, coverage } from "./credential/coverage.js";
export type { Coverage, CoverageInput, CoveredSkill } from "./credential/coverage.js";

// Exports: Open Badges 3.0 and ELM / European Digital Credentials
export { EXPORT_WARNING_CODES, ExportWarningSchema } from "./export/warnings.js";
export type { ExportResult, ExportWarning, ExportWarningCode } from "./export/warnings.js";
export type { ExportIssuer } from "./export/issuer.js";
export { toOpenBadgeAchievement } from "./export/openbadges/achievement.js";
export { GREEN_SKILLS_CONTEXT, GREEN_SKILLS_CONTEXT_URL, GREEN_SKILLS_NAMESPACE } from "./export/openbadges/context.js";
export { toOpenBadgeCredential } from "./export/openbadges/credential.js";
export type { OpenBadgeAchievementOptions, OpenBadgeCredentialOptions } from "./export/openbadges/options.js";
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
export type { OpenBadgeAchievement, OpenBadgeAlignment, OpenBadgeCredential, OpenBadgeProfile } from "./export/openbadges/schema.js";
export { toElm } from "./export/elm/specification.js";
export { toEuropeanDigitalCredential } from "./export/elm/credential.js";
export type { EdcDisplayImage, EdcOptions, ElmOptions } from "./export/elm/options.js";
export {
  EDC_CONTEXT,
  EDC_SHAPES_URI,
  ELM_SPECIFICATION_CONTEXT,
  ElmConceptSchema,
  ElmLearningOutcomeSchema,
  ElmSpecificationSchema,
  EuropeanDigitalCredentialSchema,
} from "./export/elm/schema.js";
export type { ElmLearningOutcome, ElmSpecification, EuropeanDigitalCredential } from "./export/elm/schema.js";

// Foreign credentials: read, check and convert Open Badges 3.0 and ELM / EDC documents others issued
export { readForeignCredential } from "./foreign/read.js";
export { checkForeignCredential } from "./foreign/check.js";
export type { CheckedEscoReference, CheckForeignCredentialOptions, ForeignCheckResult } from "./foreign/check.js";
export { foreignToDefinition } from "./foreign/convert.js";
export type { ForeignConversion, ForeignToDefinitionOptions } from "./foreign/convert.js";
export type { ForeignCredential, ForeignElement, ForeignEscoReference, ForeignFormat, ForeignOutcome, Located } from "./foreign/types.js";
