import { EscoImportError } from "../../errors.js";
import type { ImportedFile } from "../../model/import-report.js";
import type { ImportState } from "./state.js";
import type { Table } from "./table.js";

/**
 * Imports `skillsHierarchy_<lang>.csv`: one row per path from a pillar root down to a skill group. The
 * real file has ragged rows (fewer cells than header columns); they are padded and counted. Paths are
 * kept in the bundle; codes and terms are checked against the skill-group file.
 *
 * @module
 */

export function importHierarchyFile(state: ImportState, table: Table, lang: string): ImportedFile {
  const levels: { uri: number; term: number; code: number }[] = [];
  for (let level = 0; ; level++) {
    const uri = table.header.indexOf(`Level ${level} URI`);
    if (uri < 0) break;
    levels.push({
      uri,
      term: table.header.indexOf(`Level ${level} preferred term`),
      code: table.header.indexOf(`Level ${level} code`),
    });
  }
  if (levels.length === 0) {
    throw new EscoImportError(
      "bad_header",
      `wrong or missing header for an ESCO skills hierarchy file: no column "Level 0 URI"`,
      { file: table.file, line: 1 },
    );
  }
  if (table.wide) {
    throw new EscoImportError(
      "csv_syntax",
      `record has ${table.wide.width} cells but the header has ${table.header.length}`,
      { file: table.file, line: table.line(table.wide.row) },
    );
  }
  const known = new Set(levels.flatMap((_, l) => [`Level ${l} URI`, `Level ${l} preferred term`, `Level ${l} code`]));
  const ignoredColumns = table.header
    .filter((h) => !known.has(h))
    .map((column) =>
      column === "Description" || column === "Scope note"
        ? { column, why: "copy of the deepest group's description or scope note, read from the skill groups file" }
        : { column, why: "unknown column in the hierarchy file" },
    );
  if (state.hierarchyDepth === 0) state.hierarchyDepth = levels.length;
  const depth = state.hierarchyDepth;
  let imported = 0;
  let unresolved = 0;
  let ragged = 0;
  for (let row = 0; row < table.rows; row++) {
    if (table.width(row) < table.header.length) ragged++;
    const path: number[] = [];
    let broken = false;
    for (const level of levels) {
      const uri = table.cell(row, level.uri).trim();
      if (uri === "") break;
      const index = state.index.get(uri);
      if (index === undefined) {
        state.warn(
          "dangling_reference",
          table,
          `hierarchy concept ${uri} is not defined by the concept files; row kept aside`,
          row,
        );
        state.keepUnresolved(table, row, "skillsHierarchy", `Level ${path.length} URI`, uri);
        broken = true;
        break;
      }
      const code = level.code >= 0 ? table.cell(row, level.code).trim() : "";
      const own = state.scalars.code[index];
      if (code && own && code !== own)
        state.warn(
          "code_mismatch",
          table,
          `code "${code}" of ${uri} differs from the skill groups file's "${own}"`,
          row,
        );
      path.push(index);
    }
    if (broken) {
      unresolved++;
      continue;
    }
    if (path.length === 0) {
      state.warn("empty_row", table, "hierarchy row names no concept; skipped", row);
      state.keepUnresolved(table, row, "skillsHierarchy", "Level 0 URI", "");
      unresolved++;
      continue;
    }
    for (let l = 0; l < depth; l++) state.hierarchy.push(path[l] ?? -1);
    imported++;
  }
  if (ragged > 0) state.normaliser.count("raggedRowsPadded", ragged);
  return {
    file: table.file,
    kind: "skillsHierarchy",
    language: lang,
    rows: table.rows,
    imported,
    unresolved,
    keptColumns: [],
    ignoredColumns,
  };
}

/** Imports `dictionary_<lang>.csv` (ESCO v1.2.1+), the official field glossary, into the bundle header. */
export function importDictionaryFile(state: ImportState, table: Table, lang: string): ImportedFile {
  const rows: Record<string, string>[] = [];
  for (let row = 0; row < table.rows; row++) {
    const entry: Record<string, string> = {};
    table.header.forEach((name, c) => {
      entry[name] = table.cell(row, c);
    });
    rows.push(entry);
  }
  const dictionaries = (state.extensions["escoDictionary"] ??= {}) as Record<string, unknown>;
  dictionaries[lang] = rows;
  return {
    file: table.file,
    kind: "dictionary",
    language: lang,
    rows: table.rows,
    imported: rows.length,
    unresolved: 0,
    keptColumns: [],
    ignoredColumns: [],
  };
}
