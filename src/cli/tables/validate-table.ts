import { basename } from "node:path";
import type { ValidateCredentialOptions } from "../../credential/context.js";
import { type CredentialIssue, countIssues } from "../../credential/issues.js";
import { validateCredential } from "../../credential/validate.js";
import { searchSkills } from "../../search/search-skills.js";
import type { Taxonomy } from "../../taxonomy/taxonomy.js";
import { type ColumnMap, type ColumnRole, COLUMN_NAMES_HELP, columnLetter, findColumns, splitUris } from "./columns.js";
import type { Sheet, Table } from "./read.js";
import { CliError } from "../io.js";
import { lookup } from "../../lookup.js";

/**
 * Validating a mapping table (outcome text → ESCO URIs): rows are grouped into credentials (by a
 * credential or title column, else one per sheet), each group is checked with the same rules as a
 * definition's learning outcomes (unknown, obsolete, wrong type, green, duplicates …), and every issue is
 * located by sheet, row and column. Annex I elements other than the outcomes are not part of a mapping
 * table and are not asked for.
 *
 * @module
 */

/** An issue in a table, located by sheet, row and column. */
export interface TableIssue extends CredentialIssue {
  readonly sheet: string;
  /** 1-based row in the sheet (also in `line`). */
  readonly row?: number;
  /** Header of the column concerned (its 1-based index is in `column`). */
  readonly columnName?: string;
  /** Spreadsheet cell reference, e.g. `B4`. */
  readonly cell?: string;
  /** The credential (group of rows) the issue belongs to. */
  readonly credential?: string;
}

/** One group of rows checked as one credential. */
export interface TableGroup {
  readonly sheet: string;
  /** The credential id or title the rows share, or `null` for a whole sheet. */
  readonly credential: string | null;
  readonly outcomes: number;
  readonly firstRow: number;
}

/** The report of one table file. */
export interface TableReport {
  readonly file: string;
  readonly valid: boolean;
  readonly groups: TableGroup[];
  readonly issues: TableIssue[];
  readonly counts: { error: number; warning: number; info: number };
}

/** A row of a mapping table, read by role. */
export interface MappingRow {
  readonly sheet: string;
  readonly row: number;
  readonly outcome: string;
  readonly uris: string[];
  readonly id: string | undefined;
  readonly group: string | null;
}

/** The columns of a sheet, or a usage error when it has no outcome or no ESCO column. */
export function sheetColumns(
  sheet: Sheet,
  explicit: Partial<Record<ColumnRole, string>>,
  file: string,
  need: readonly ColumnRole[],
): ColumnMap {
  const columns = findColumns(
    sheet.header,
    explicit,
    `${file}${sheet.name !== basename(file) ? ` (sheet "${sheet.name}")` : ""}`,
  );
  const missing = need.filter((role) => columns[role] === undefined);
  if (missing.length > 0) {
    throw new CliError(
      `${file}${sheet.name !== basename(file) ? `, sheet "${sheet.name}"` : ""}: no ${missing.join(" or ")} column in the header row (${
        sheet.header
          .filter(Boolean)
          .map((h) => `"${h}"`)
          .join(", ") || "empty"
      })`,
      `name the columns ${COLUMN_NAMES_HELP}, or say which is which: --columns ${missing.map((m) => `${m}="…"`).join(",")}`,
    );
  }
  return columns;
}

/** The rows of a sheet by role; rows without outcome text and URIs are skipped. */
export function mappingRows(sheet: Sheet, columns: ColumnMap): MappingRow[] {
  const at = (cells: readonly string[], role: ColumnRole) =>
    columns[role] === undefined ? "" : (cells[columns[role]!] ?? "").trim();
  const out: MappingRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const outcome = at(cells, "outcome");
    const esco = at(cells, "esco");
    if (!outcome && !esco) continue;
    const group = at(cells, "credential") || at(cells, "title") || null;
    out.push({ sheet: sheet.name, row, outcome, uris: cellUris(esco), id: at(cells, "id") || undefined, group });
  }
  return out;
}

/** URIs in a cell; a cell with text but no URI (a label typed instead) is kept whole, so it is reported. */
function cellUris(cell: string): string[] {
  if (!cell) return [];
  const tokens = splitUris(cell);
  const uris = tokens.filter((t) => /^https?:\/\//i.test(t)).map((t) => t.replace(/[)\].]+$/, ""));
  return uris.length > 0 ? uris : [cell];
}

/** Validates every sheet of a mapping table. */
export function validateTable(
  table: Table,
  taxonomy: Taxonomy,
  explicit: Partial<Record<ColumnRole, string>>,
  options: ValidateCredentialOptions = {},
): TableReport {
  const issues: TableIssue[] = [];
  const groups: TableGroup[] = [];
  let firstError: unknown;
  let read = 0;
  for (const sheet of table.sheets) {
    if (sheet.header.length === 0 && sheet.rows.length === 0) continue;
    let columns: ColumnMap;
    try {
      columns = sheetColumns(sheet, explicit, table.path, ["outcome", "esco"]);
    } catch (error) {
      // A workbook may hold other sheets (notes, lists): only sheets with both columns are mapping tables.
      firstError ??= error;
      continue;
    }
    read++;
    const rows = mappingRows(sheet, columns);
    const byGroup = new Map<string | null, MappingRow[]>();
    for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
    for (const [group, members] of byGroup) {
      groups.push({ sheet: sheet.name, credential: group, outcomes: members.length, firstRow: members[0]!.row });
      const found = validateGroup(sheet, columns, group, members, taxonomy, options);
      issues.push(...found.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
    }
  }
  if (read === 0 && firstError) throw firstError;
  const counts = countIssues(issues);
  return { file: table.path, valid: counts.error === 0, groups, issues, counts };
}

function validateGroup(
  sheet: Sheet,
  columns: ColumnMap,
  group: string | null,
  rows: readonly MappingRow[],
  taxonomy: Taxonomy,
  options: ValidateCredentialOptions,
): TableIssue[] {
  const definition = {
    ...(group ? { title: { en: group } } : {}),
    learningOutcomes: rows.map((r) => ({ id: r.id ?? `row-${r.row}`, statement: { en: r.outcome }, esco: r.uris })),
  };
  const result = validateCredential(taxonomy, definition, options);
  const out: TableIssue[] = [];
  for (const i of result.issues) {
    // Only what a mapping table states: its outcomes, and the whole group's green / unchecked notes.
    if (i.path[0] !== "learningOutcomes" && i.path.length > 0) continue;
    if (
      i.path.length === 0 &&
      i.code !== "no_green_outcome" &&
      i.code !== "full_esco_required" &&
      i.code !== "too_many_issues"
    )
      continue;
    out.push(labelHint(locate(i, sheet, columns, group, rows), i, rows, taxonomy));
  }
  return out;
}

const ROLE_OF_FIELD: Record<string, ColumnRole> = { esco: "esco", statement: "outcome", id: "id" };

function locate(
  i: CredentialIssue,
  sheet: Sheet,
  columns: ColumnMap,
  group: string | null,
  rows: readonly MappingRow[],
): TableIssue {
  const base = { ...i, path: i.path, sheet: sheet.name, ...(group ? { credential: group } : {}) };
  const index = typeof i.path[1] === "number" ? i.path[1] : undefined;
  const row = index === undefined ? undefined : rows[index];
  if (!row) return { ...base, path: [] } as TableIssue;
  const role = lookup(ROLE_OF_FIELD, String(i.path[2]));
  const col = role === undefined ? undefined : columns[role];
  const place = {
    row: row.row,
    line: row.row,
    ...(col === undefined
      ? {}
      : { column: col + 1, columnName: sheet.header[col] ?? "", cell: `${columnLetter(col)}${row.row}` }),
  };
  const value = role === "esco" && typeof i.path[3] === "number" ? row.uris[i.path[3]] : undefined;
  const message = value && !i.message.includes(value) ? `${i.message} (${value})` : i.message;
  return {
    ...base,
    ...place,
    message,
    path: ["row", row.row, ...(col === undefined ? [] : [sheet.header[col] ?? columnLetter(col)])],
  };
}

/** A skill's name typed where its URI belongs: the hint gives the URI of the skill with that label. */
function labelHint(
  located: TableIssue,
  original: CredentialIssue,
  rows: readonly MappingRow[],
  taxonomy: Taxonomy,
): TableIssue {
  if (
    original.code !== "invalid_value" ||
    original.path[2] !== "esco" ||
    typeof original.path[1] !== "number" ||
    typeof original.path[3] !== "number"
  )
    return located;
  const text = rows[original.path[1]]?.uris[original.path[3]];
  if (!text || /^https?:/i.test(text)) return located;
  const hit = searchSkills(taxonomy, text, { limit: 1, mode: "label" })[0];
  if (!hit || hit.score < 0.5) return located;
  const exact = hit.label.toLowerCase() === text.trim().toLowerCase();
  return {
    ...located,
    suggestion: `${exact ? "the ESCO skill with this name is" : "the closest ESCO skill is"} "${hit.label}": ${hit.uri}`,
  };
}
