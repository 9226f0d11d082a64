/**
 * Column names of the bundle format (documented in `docs/bundle-format.md`).
 *
 * @module
 */

import type { ColumnType } from "./columns.js";

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

const CONCEPT_TYPES: Readonly<Record<string, ColumnType>> = {
  [CONCEPT.uri]: "str",
  [CONCEPT.kind]: "u8",
  [CONCEPT.status]: "str",
  [CONCEPT.code]: "str",
  [CONCEPT.skillType]: "str",
  [CONCEPT.reuseLevel]: "str",
  [CONCEPT.iscoGroup]: "str",
  [CONCEPT.modifiedDate]: "str",
  [CONCEPT.regulatedProfessionNote]: "str",
  [CONCEPT.inScheme]: "strList",
  [CONCEPT.naceCode]: "strList",
  [CONCEPT.hasTopConcept]: "strList",
  [CONCEPT.greenShare]: "f64",
  [CONCEPT.extra]: "str",
};

const RELATION_TYPES_BY_COLUMN: Readonly<Record<string, ColumnType>> = Object.fromEntries(
  Object.values(RELATION).flatMap((table) =>
    Object.entries(table).map(([role, name]) => [name, role === "type" ? "u8" : "i32"]),
  ),
);

/**
 * The type a column of this name must have in the bundle format, or `undefined` when the name is not part
 * of the format (for `languages` of the bundle; collection names are free).
 */
export function expectedColumnType(name: string, languages: readonly string[]): ColumnType | undefined {
  if (Object.hasOwn(CONCEPT_TYPES, name)) return CONCEPT_TYPES[name];
  if (Object.hasOwn(RELATION_TYPES_BY_COLUMN, name)) return RELATION_TYPES_BY_COLUMN[name];
  if (name === HIERARCHY_PATH) return "i32";
  if (name.startsWith("collection.") && name.length > "collection.".length) return "i32";
  for (const lang of languages) {
    const labels = labelColumns(lang);
    if (name === labels.pref) return "str";
    if (name === labels.alt || name === labels.hidden) return "strList";
    for (const field of TEXT_FIELDS) if (name === textColumn(lang, field)) return "str";
  }
  return undefined;
}
