import type { Column } from "../../bundle/columns.js";
import { CONCEPT_KINDS, type ConceptKind, type UnresolvedRow } from "../../bundle/format.js";
import {
  CONCEPT,
  HIERARCHY_PATH,
  RELATION,
  TEXT_FIELDS,
  type TextField,
  collectionColumn,
  labelColumns,
  textColumn,
} from "../../bundle/names.js";
import { Normaliser } from "./clean-cells.js";
import type { ImportWarning } from "../../model/import-report.js";
import type { Table } from "./table.js";

/** Language-independent single-valued concept fields. */
export const SCALAR_FIELDS = [
  "status",
  "code",
  "skillType",
  "reuseLevel",
  "iscoGroup",
  "modifiedDate",
  "regulatedProfessionNote",
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
/** Language-independent multi-valued (URI list) concept fields. */
export const LIST_FIELDS = ["inScheme", "naceCode", "hasTopConcept"] as const;
export type ListField = (typeof LIST_FIELDS)[number];

interface LanguageData {
  pref: string[];
  alt: string[][];
  hidden: string[][];
  texts: Record<TextField, string[]>;
}

const EMPTY_LIST: string[] = [];
const WARNING_EXAMPLES = 2000;

/**
 * Mutable state while importing: the concepts found so far, their fields by language, relations,
 * collections, unresolved rows and warnings. `columns()` turns it into bundle columns.
 */
export class ImportState {
  readonly uris: string[] = [];
  readonly kinds: number[] = [];
  readonly index = new Map<string, number>();
  readonly scalars: Record<ScalarField, string[]> = Object.fromEntries(
    SCALAR_FIELDS.map((f) => [f, []]),
  ) as unknown as Record<ScalarField, string[]>;
  readonly lists: Record<ListField, string[][]> = Object.fromEntries(
    LIST_FIELDS.map((f) => [f, []]),
  ) as unknown as Record<ListField, string[][]>;
  readonly greenShare: number[] = [];
  readonly extra: (Record<string, string> | undefined)[] = [];
  readonly languages = new Map<string, LanguageData>();
  readonly relations = {
    broaderSkill: { child: [] as number[], parent: [] as number[] },
    broaderOcc: { child: [] as number[], parent: [] as number[] },
    occupationSkill: { occupation: [] as number[], skill: [] as number[], type: [] as number[] },
    skillSkill: { from: [] as number[], to: [] as number[], type: [] as number[] },
  };
  readonly collections = new Map<string, { label: string; files: string[]; members: Set<number> }>();
  readonly hierarchy: number[] = [];
  hierarchyDepth = 0;
  readonly unresolved: UnresolvedRow[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly warningCounts = new Map<string, number>();
  readonly normaliser = new Normaliser();
  readonly extensions: Record<string, unknown> = {};

  /** Adds a warning; past a few thousand of one code only the count grows (the report says so). */
  warn(code: string, table: Table | string, message: string, row?: number): void {
    const file = typeof table === "string" ? table : table.file;
    const seen = (this.warningCounts.get(code) ?? 0) + 1;
    this.warningCounts.set(code, seen);
    if (seen > WARNING_EXAMPLES) return;
    const warning: ImportWarning = { code, severity: "warning", path: [], file, message };
    if (row !== undefined && typeof table !== "string") warning.line = table.line(row);
    this.warnings.push(warning);
  }

  /** Keeps a row that could not be attached, with all its cells. */
  keepUnresolved(table: Table, row: number, relation: string, column: string, uri: string): void {
    const cells: Record<string, string> = {};
    table.header.forEach((name, c) => {
      const value = table.cell(row, c);
      if (value !== "") cells[name] = value;
    });
    this.unresolved.push({ file: table.file, line: table.line(row), relation, column, uri, row: cells });
  }

  language(lang: string): LanguageData {
    let data = this.languages.get(lang);
    if (!data) {
      data = {
        pref: [],
        alt: [],
        hidden: [],
        texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f, []])) as unknown as Record<TextField, string[]>,
      };
      this.languages.set(lang, data);
    }
    return data;
  }

  /** Adds a concept and returns its index. */
  add(uri: string, kind: ConceptKind): number {
    const i = this.uris.length;
    this.uris.push(uri);
    this.kinds.push(CONCEPT_KINDS.indexOf(kind));
    this.index.set(uri, i);
    return i;
  }

  kindOf(index: number): ConceptKind {
    return CONCEPT_KINDS[this.kinds[index]!]!;
  }

  prefLabel(index: number, lang: string): string {
    return this.languages.get(lang)?.pref[index] ?? "";
  }

  /** Bundle columns of everything imported. */
  columns(languages: readonly string[]): Record<string, Column> {
    const n = this.uris.length;
    const dense = (values: string[]) => Array.from({ length: n }, (_, i) => values[i] ?? "");
    const denseLists = (values: string[][]) => Array.from({ length: n }, (_, i) => values[i] ?? EMPTY_LIST);
    const columns: Record<string, Column> = {
      [CONCEPT.uri]: { type: "str", values: this.uris },
      [CONCEPT.kind]: { type: "u8", values: Uint8Array.from(this.kinds) },
    };
    for (const field of SCALAR_FIELDS) {
      if (this.scalars[field].length > 0) columns[CONCEPT[field]] = { type: "str", values: dense(this.scalars[field]) };
    }
    for (const field of LIST_FIELDS) {
      if (this.lists[field].length > 0)
        columns[CONCEPT[field]] = { type: "strList", values: denseLists(this.lists[field]) };
    }
    if (this.greenShare.length > 0) {
      columns[CONCEPT.greenShare] = {
        type: "f64",
        values: Float64Array.from({ length: n }, (_, i) => this.greenShare[i] ?? Number.NaN),
      };
    }
    if (this.extra.some(Boolean)) {
      columns[CONCEPT.extra] = {
        type: "str",
        values: Array.from({ length: n }, (_, i) => (this.extra[i] ? JSON.stringify(this.extra[i]) : "")),
      };
    }
    for (const lang of languages) {
      const data = this.languages.get(lang);
      if (!data) continue;
      const names = labelColumns(lang);
      columns[names.pref] = { type: "str", values: dense(data.pref) };
      if (data.alt.length > 0) columns[names.alt] = { type: "strList", values: denseLists(data.alt) };
      if (data.hidden.length > 0) columns[names.hidden] = { type: "strList", values: denseLists(data.hidden) };
      for (const field of TEXT_FIELDS) {
        if (data.texts[field].length > 0)
          columns[textColumn(lang, field)] = { type: "str", values: dense(data.texts[field]) };
      }
    }
    const i32 = (values: number[]): Column => ({ type: "i32", values: Int32Array.from(values) });
    const u8 = (values: number[]): Column => ({ type: "u8", values: Uint8Array.from(values) });
    const r = this.relations;
    Object.assign(columns, {
      [RELATION.broaderSkill.child]: i32(r.broaderSkill.child),
      [RELATION.broaderSkill.parent]: i32(r.broaderSkill.parent),
      [RELATION.broaderOcc.child]: i32(r.broaderOcc.child),
      [RELATION.broaderOcc.parent]: i32(r.broaderOcc.parent),
      [RELATION.occupationSkill.occupation]: i32(r.occupationSkill.occupation),
      [RELATION.occupationSkill.skill]: i32(r.occupationSkill.skill),
      [RELATION.occupationSkill.type]: u8(r.occupationSkill.type),
      [RELATION.skillSkill.from]: i32(r.skillSkill.from),
      [RELATION.skillSkill.to]: i32(r.skillSkill.to),
      [RELATION.skillSkill.type]: u8(r.skillSkill.type),
    });
    for (const [name, collection] of this.collections) {
      columns[collectionColumn(name)] = i32([...collection.members].sort((a, b) => a - b));
    }
    if (this.hierarchy.length > 0) columns[HIERARCHY_PATH] = i32(this.hierarchy);
    return columns;
  }
}
