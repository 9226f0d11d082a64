/**
 * Column names of the bundle format (documented in `docs/bundle-format.md`).
 *
 * @module
 */

/** Per-concept columns. */
export const CONCEPT = {
  uri: "concept.uri",
  kind: "concept.kind",
  status: "concept.status",
  code: "concept.code",
  skillType: "concept.skillType",
  reuseLevel: "concept.reuseLevel",
  iscoGroup: "concept.iscoGroup",
  modifiedDate: "concept.modifiedDate",
  regulatedProfessionNote: "concept.regulatedProfessionNote",
  inScheme: "concept.inScheme",
  naceCode: "concept.naceCode",
  hasTopConcept: "concept.hasTopConcept",
  greenShare: "concept.greenShare",
  extra: "concept.extra",
} as const;

/** Text fields stored per language. */
export const TEXT_FIELDS = ["description", "definition", "scopeNote", "title"] as const;
/** A per-language text field. */
export type TextField = (typeof TEXT_FIELDS)[number];

/** Label column names for a language. */
export const labelColumns = (lang: string) =>
  ({ pref: `label.${lang}.pref`, alt: `label.${lang}.alt`, hidden: `label.${lang}.hidden` }) as const;

/** Text column name for a language and field. */
export const textColumn = (lang: string, field: TextField): string => `text.${lang}.${field}`;

/** Relation tables: each is a set of parallel columns. */
export const RELATION = {
  broaderSkill: { child: "rel.broaderSkill.child", parent: "rel.broaderSkill.parent" },
  broaderOcc: { child: "rel.broaderOcc.child", parent: "rel.broaderOcc.parent" },
  occupationSkill: {
    occupation: "rel.occupationSkill.occupation",
    skill: "rel.occupationSkill.skill",
    type: "rel.occupationSkill.type",
  },
  skillSkill: { from: "rel.skillSkill.from", to: "rel.skillSkill.to", type: "rel.skillSkill.type" },
} as const;

/** Member column of a collection. */
export const collectionColumn = (name: string): string => `collection.${name}`;

/** Rows of `skillsHierarchy`: four concept indexes per row (level 0–3, `-1` when the row stops earlier). */
export const HIERARCHY_PATH = "hierarchy.path";
