import type { ConceptKind } from "../../bundle/format.js";
import type { TextField } from "../../bundle/names.js";
import type { ImportedFile } from "../../model/import-report.js";
import { readHeader, unusedColumns } from "./columns-spec.js";
import type { EscoFileKind } from "./detect.js";
import { uriList } from "./clean-cells.js";
import { type ImportState, LIST_FIELDS, type ListField, SCALAR_FIELDS, type ScalarField } from "./state.js";
import type { Table } from "./table.js";

/**
 * Imports the concept files (skills, skill groups, occupations, ISCO groups, concept schemes) of one
 * language. The first file to name a URI creates the concept; files in further languages add labels.
 *
 * @module
 */

interface ConceptFileSpec {
  kind: ConceptKind;
  uriColumn: string;
  conceptType: string;
  what: string;
}

export const CONCEPT_FILES: Partial<Record<EscoFileKind, ConceptFileSpec>> = {
  skills: {
    kind: "skill",
    uriColumn: "conceptUri",
    conceptType: "KnowledgeSkillCompetence",
    what: "an ESCO skills file",
  },
  skillGroups: {
    kind: "skillGroup",
    uriColumn: "conceptUri",
    conceptType: "SkillGroup",
    what: "an ESCO skill groups file",
  },
  occupations: {
    kind: "occupation",
    uriColumn: "conceptUri",
    conceptType: "Occupation",
    what: "an ESCO occupations file",
  },
  iscoGroups: {
    kind: "iscoGroup",
    uriColumn: "conceptUri",
    conceptType: "ISCOGroup",
    what: "an ESCO ISCO groups file",
  },
  conceptSchemes: {
    kind: "conceptScheme",
    uriColumn: "conceptSchemeUri",
    conceptType: "ConceptScheme",
    what: "an ESCO concept schemes file",
  },
};

const TEXT_COLUMNS: Record<string, TextField> = {
  description: "description",
  definition: "definition",
  scopeNote: "scopeNote",
  title: "title",
};

/** Imports one concept file; returns its accounting entry for the report. */
export function importConceptFile(
  state: ImportState,
  table: Table,
  fileKind: EscoFileKind,
  lang: string,
  isFirstLanguage: boolean,
): ImportedFile {
  const spec = CONCEPT_FILES[fileKind]!;
  const header = readHeader(table, [spec.uriColumn, "preferredLabel"], spec.what);
  const uriAt = header.need(spec.uriColumn);
  const prefAt = header.need("preferredLabel");
  const typeAt = header.at("conceptType");
  const altAt = header.at("altLabels");
  const hiddenAt = header.at("hiddenLabels");
  const used = new Set([spec.uriColumn, "preferredLabel", "conceptType", "altLabels", "hiddenLabels"]);
  const texts: [number, TextField][] = [];
  for (const [column, field] of Object.entries(TEXT_COLUMNS)) {
    const at = header.at(column);
    if (at >= 0) {
      texts.push([at, field]);
      used.add(column);
    }
  }
  const scalars: [number, ScalarField][] = [];
  for (const field of SCALAR_FIELDS) {
    const at = header.at(field);
    if (at >= 0) {
      scalars.push([at, field]);
      used.add(field);
    }
  }
  const lists: [number, ListField][] = [];
  for (const field of LIST_FIELDS) {
    const at = header.at(field);
    if (at >= 0) {
      lists.push([at, field]);
      used.add(field);
    }
  }
  const { ignored, unknown } = unusedColumns(table, used, {});
  const unknownAt = unknown.map((name) => [table.header.indexOf(name), name] as const);

  const data = state.language(lang);
  const n = state.normaliser;
  let imported = 0;
  let unresolved = 0;
  let wrongType = 0;
  for (let row = 0; row < table.rows; row++) {
    const uri = table.cell(row, uriAt).trim();
    if (uri === "") {
      state.warn("missing_uri", table, `row has no ${spec.uriColumn}; kept aside`, row);
      state.keepUnresolved(table, row, spec.kind, spec.uriColumn, "");
      unresolved++;
      continue;
    }
    if (typeAt >= 0 && table.cell(row, typeAt) !== spec.conceptType && table.cell(row, typeAt) !== "") {
      wrongType++;
      if (wrongType <= 20) {
        state.warn(
          "unexpected_concept_type",
          table,
          `conceptType "${table.cell(row, typeAt)}" in ${spec.what} (expected ${spec.conceptType}); imported as a ${spec.kind}`,
          row,
        );
      }
    }
    let index = state.index.get(uri);
    if (index !== undefined) {
      const existing = state.kindOf(index);
      if (existing !== spec.kind) {
        state.warn(
          "conflicting_concept",
          table,
          `${uri} is already a ${existing}; this ${spec.kind} row is kept aside`,
          row,
        );
        state.keepUnresolved(table, row, spec.kind, spec.uriColumn, uri);
        unresolved++;
        continue;
      }
      if (data.pref[index] !== undefined) {
        state.warn("duplicate_concept", table, `${uri} appears twice in this file; the later row is kept aside`, row);
        state.keepUnresolved(table, row, spec.kind, spec.uriColumn, uri);
        unresolved++;
        continue;
      }
    } else {
      index = state.add(uri, spec.kind);
    }
    const pref = n.label(table.cell(row, prefAt));
    data.pref[index] = pref;
    if (pref === "") state.warn("missing_label", table, `${uri} has no preferredLabel`, row);
    const exclude = new Set([pref]);
    if (altAt >= 0) {
      const alt = n.labelList(table.cell(row, altAt), exclude);
      if (alt.length > 0) data.alt[index] = alt;
      for (const a of alt) exclude.add(a);
    }
    if (hiddenAt >= 0) {
      const hidden = n.labelList(table.cell(row, hiddenAt), exclude);
      if (hidden.length > 0) data.hidden[index] = hidden;
    }
    for (const [at, field] of texts) {
      const value = n.text(table.cell(row, at));
      if (value !== "") data.texts[field][index] = value;
    }
    for (const [at, field] of scalars) {
      const value = table.cell(row, at).trim();
      if (value === "") continue;
      const current = state.scalars[field][index];
      if (current === undefined) state.scalars[field][index] = value;
      else if (current !== value && !isFirstLanguage) {
        state.warn(
          "language_mismatch",
          table,
          `${field} of ${uri} is "${value}" here but "${current}" in the first language's file; kept the first`,
          row,
        );
      }
    }
    for (const [at, field] of lists) {
      const values = uriList(table.cell(row, at));
      if (values.length > 0 && state.lists[field][index] === undefined) state.lists[field][index] = values;
    }
    if (unknownAt.length > 0) {
      for (const [at, name] of unknownAt) {
        const value = table.cell(row, at);
        if (value === "") continue;
        const extra = (state.extra[index] ??= {});
        extra[lang === "" || isFirstLanguage ? name : `${name}@${lang}`] = value;
      }
    }
    imported++;
  }
  if (wrongType > 20)
    state.warn("unexpected_concept_type", table, `${wrongType - 20} more rows with an unexpected conceptType`);
  return {
    file: table.file,
    kind: fileKind,
    language: lang,
    rows: table.rows,
    imported,
    unresolved,
    keptColumns: unknown,
    ignoredColumns: ignored,
  };
}
