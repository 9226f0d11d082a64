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
  EscoImportError,
  FullEscoRequiredError,
  GreenSkillsError,
  InvalidBundleError,
  InvalidOptionError,
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
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleMetaSchema, CONCEPT_KINDS, RELATION_TYPES } from "./bundle/format.js";
export type { BundleMeta, BundleObject, CollectionInfo, ConceptKind, RelationType, UnresolvedRow } from "./bundle/format.js";
export { decodeBundle, encodeBundle } from "./bundle/binary.js";
export { toBundleObject } from "./bundle/object.js";
export type { Column } from "./bundle/columns.js";
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

// Search
export { foldText, tokenise } from "./search/normalise.js";
export { prepareSearch } from "./search/cache.js";
export type { SearchIndexStats } from "./search/cache.js";
export type { BaseSearchOptions, SearchSkillsOptions } from "./search/options.js";
export { MatchedLabelSchema, OccupationHitSchema, SkillHitSchema } from "./search/results.js";
export type { MatchedLabel, OccupationHit, SkillHit } from "./search/results.js";
export { searchSkills } from "./search/search-skills.js";
export { searchOccupations } from "./search/search-occupations.js";
export type { SearchOccupationsOptions } from "./search/search-occupations.js";
export { SUGGEST_THRESHOLD, SkillSuggestionSchema, SuggestResultSchema, suggestSkills } from "./search/suggest.js";
export type { SkillSuggestion, SuggestResult, SuggestSkillsOptions } from "./search/suggest.js";
