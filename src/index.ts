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
  UnknownCollectionError,
  WrongConceptKindError,
  isGreenSkillsError,
} from "./errors.js";
export type { ExportErrorReason, GreenSkillsErrorCode } from "./errors.js";

// Issues and results: one shape for everything that checks user input
export { formatIssue } from "./issue.js";
export type { Failure, Issue, IssuePath, IssueSeverity, Result, Success } from "./issue.js";

// Identifiers and model
export { isEscoOccupationUri, isEscoSkillUri, isEscoUri } from "./uri.js";
export type { EscoOccupationUri, EscoSkillUri, EscoUri } from "./uri.js";
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
export type {
  BundleMeta,
  BundleObject,
  CollectionInfo,
  ConceptKind,
  RelationType,
  UnresolvedRow,
} from "./bundle/format.js";
export { Taxonomy } from "./taxonomy/taxonomy.js";
export { loadTaxonomy } from "./taxonomy/load.js";
export type { LoadTaxonomyOptions, TaxonomySource } from "./taxonomy/load.js";
export { toGraph } from "./graph/to-graph.js";
export type { TaxonomyEdgeAttributes, TaxonomyGraph, TaxonomyNodeAttributes, ToGraphOptions } from "./graph/types.js";

// Queries
export { conceptKind, getConcept, hasConcept, listConcepts, prefLabel, requireConcept } from "./query/concept.js";
export type { LabelOptions } from "./query/concept.js";
export { ancestors, broader, descendants, narrower, pathToRoot } from "./query/hierarchy.js";
export { occupationsForSkill, skillsOfOccupation } from "./query/occupation-skills.js";
export type {
  OccupationSkill,
  RelationFilter,
  SkillOccupation,
  SkillsOfOccupationOptions,
} from "./query/occupation-skills.js";
export { relatedSkills } from "./query/related-skills.js";
export type { RelatedSkill } from "./query/related-skills.js";
export { collectionMembers, collectionsOf, isGreen, isInCollection } from "./query/collections.js";
export { occupationsInIscoGroup } from "./query/isco.js";
export { greenShare } from "./query/green-share.js";
export type { GreenShare } from "./query/green-share.js";
export { similarOccupations } from "./query/similarity.js";
export type { SimilarOccupation, SimilarOccupationsOptions } from "./query/similarity.js";
export { stats } from "./query/stats.js";
export type { TaxonomyStats } from "./query/stats.js";

// Framework layer: sectors, GreenComp, curated references
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
export { parseEscoConceptsSource, parseGreenCompSource, parseSectorSource } from "./framework/source.js";
export type { Locate, SourceIssue, SourceResult } from "./framework/source.js";
export { attachFramework, frameworkOf, frameworkReport, hasFramework } from "./framework/attach.js";
export type { FrameworkMergeReport, MergeIssue } from "./framework/merge-report.js";
export { withSectors } from "./framework/extend.js";
export { listSectors, sectorOccupationUris, sectorSkillUris, sectorsOfOccupation } from "./framework/sectors.js";
export type { SectorInfo, SectorSummary } from "./framework/sectors.js";
export { sectorProfile } from "./framework/sector-profile.js";
export type {
  KeyReference,
  RankedGreenSkill,
  SectorOccupation,
  SectorProfile,
  SectorProfileOptions,
} from "./framework/sector-profile.js";
export { greenCompProfile } from "./framework/greencomp-profile.js";
export type { GreenCompProfile, GreenCompTouch, LearningOutcomesLike } from "./framework/greencomp-profile.js";
export { greenCompNodeKey, sectorNodeKey } from "./graph/framework-nodes.js";
export type { MembershipBasis } from "./framework/membership.js";

// Version diff and mapping migration
export { diffTaxonomies } from "./diff/diff.js";
export type { DiffTaxonomiesOptions } from "./diff/diff.js";
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
export { suggestReplacements } from "./diff/candidates.js";
export type { ReplacementCandidate, SuggestReplacementsOptions } from "./diff/candidates.js";
export { describeChange } from "./diff/describe.js";
export type { MappingOutcome, MappingSource } from "./diff/mapping-source.js";
export { migrateMappings } from "./diff/migrate.js";
export type { MigrateMappingsOptions } from "./diff/migrate.js";
export type {
  MappingChange,
  MappingResult,
  MappingStatus,
  MigrationEffect,
  MigrationReport,
  SkillOccupationsChange,
} from "./diff/migration-schema.js";
export { diffReportMarkdown } from "./diff/report.js";
export type { DiffReportCredential, DiffReportOptions } from "./diff/report.js";

// Search
export { foldText, tokenise } from "./search/fold-text.js";
export { prepareSearch } from "./search/cache.js";
export type { SearchIndexStats } from "./search/cache.js";
export type { BaseSearchOptions, SearchSkillsOptions } from "./search/options.js";
export type { MatchedLabel, OccupationHit, SkillHit, TermMatch } from "./search/results.js";
export { searchSkills } from "./search/search-skills.js";
export { searchOccupations } from "./search/search-occupations.js";
export type { SearchOccupationsOptions } from "./search/search-occupations.js";
export { SUGGEST_THRESHOLD, suggestSkills } from "./search/suggest.js";
export type { SkillSuggestion, SuggestResult, SuggestSkillsOptions } from "./search/suggest.js";
export { QueryLanguageSchema, queryLanguage } from "./search/lang/query-language.js";
export { useLanguageSupport } from "./search/lang/support.js";
export type { LanguageSupport } from "./search/lang/support.js";
export type { QueryLanguage } from "./search/lang/query-language.js";
export { LanguageWarningSchema } from "./search/lang/warnings.js";
export type { LanguageWarning } from "./search/lang/warnings.js";

// Micro-credentials: format, vocabularies, validation, coverage
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
export type {
  AssessmentType,
  LearningMode,
  LearningSetting,
  QfEheaCycle,
  QualityAssuranceType,
  StackabilityType,
  SupervisionType,
} from "./credential/vocab/elm.js";
export type { AnnexElement, AnnexElementId } from "./credential/vocab/annex.js";
export { formatPath } from "./credential/issues.js";
export type {
  Candidate,
  CredentialIssue,
  CredentialValidationResult,
  ElementStatus,
  IssueCode,
  IssueCounts,
  MappingEvidence,
  ValidationReport,
} from "./credential/issues.js";
export type { SanitizeLimits } from "./credential/sanitize.js";
export { validateCredential } from "./credential/validate.js";
export type { IssueLocation, IssueLocator, SuggestSkills, ValidateCredentialOptions } from "./credential/context.js";
export { parseCredential, parseIssuedCredential } from "./credential/parse-credential.js";
export type { ParseCredentialResult } from "./credential/parse-credential.js";
export { coverage } from "./credential/coverage.js";
export type { Coverage, CoverageInput, CoveredSkill } from "./credential/coverage.js";

// Exports: Open Badges 3.0 and ELM / European Digital Credentials
export type { ExportResult, ExportWarning, ExportWarningCode } from "./export/warnings.js";
export type { ExportIssuer } from "./export/issuer.js";
export { toOpenBadgeAchievement } from "./export/openbadges/achievement.js";
export { toOpenBadgeCredential } from "./export/openbadges/credential.js";
export type { OpenBadgeAchievementOptions, OpenBadgeCredentialOptions } from "./export/openbadges/options.js";
export type {
  OpenBadgeAchievement,
  OpenBadgeAlignment,
  OpenBadgeCredential,
  OpenBadgeProfile,
} from "./export/openbadges/schema.js";
export { toElm } from "./export/elm/specification.js";
export { toEuropeanDigitalCredential } from "./export/elm/credential.js";
export type { EdcDisplayImage, EdcOptions, ElmOptions } from "./export/elm/options.js";
export type { ElmLearningOutcome, ElmSpecification, EuropeanDigitalCredential } from "./export/elm/schema.js";

// Foreign credentials: read, check and convert Open Badges 3.0 and ELM / EDC documents others issued
export { readForeignCredential } from "./foreign/read.js";
export { checkForeignCredential } from "./foreign/check.js";
export type {
  CheckedEscoReference,
  CheckForeignCredentialOptions,
  ForeignCheckReport,
  ForeignCheckResult,
} from "./foreign/check.js";
export { foreignToDefinition } from "./foreign/convert.js";
export type { ForeignConversion, ForeignToDefinitionOptions } from "./foreign/convert.js";
export type {
  ForeignCredential,
  ForeignElement,
  ForeignEscoReference,
  ForeignFormat,
  ForeignOutcome,
  Located,
} from "./foreign/types.js";
