import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { SuggestResult } from "../../search/suggest.js";
import { CliError } from "../io.js";
import type { ColumnRole } from "./columns.js";
import type { Table } from "./read.js";
import { sheetColumns } from "./validate-table.js";

/**
 * `suggest --table`: the outcome column of a mapping table in, a copy of the table out with four columns
 * added (suggested ESCO URI, label, score, green), one line per suggestion within a cell, so the URI
 * column can be pasted into an `esco` column and read back by `validate`.
 *
 * @module
 */

/** Headers of the added columns. */
export const SUGGESTION_HEADERS = [
  "suggested ESCO URI",
  "suggested label",
  "suggestion score",
  "suggestion green",
] as const;

/** The added cells for one outcome (empty when nothing reaches the threshold). */
export function suggestionCells(result: SuggestResult | undefined): string[] {
  if (!result || result.suggestions.length === 0)
    return ["", result && result.status !== "ok" ? `(${result.status.replace(/_/g, " ")})` : "", "", ""];
  const s = result.suggestions;
  return [
    s.map((x) => x.uri).join("\n"),
    s.map((x) => x.label).join("\n"),
    s.map((x) => x.score.toFixed(2)).join("\n"),
    s.map((x) => (x.green ? "green" : "")).join("\n"),
  ];
}

/** One CSV cell, quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** Outcome texts of every sheet, keyed by sheet name and row. */
export function tableOutcomes(
  table: Table,
  explicit: Partial<Record<ColumnRole, string>>,
): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  let firstError: unknown;
  for (const sheet of table.sheets) {
    if (sheet.header.length === 0) continue;
    let columns;
    try {
      columns = sheetColumns(sheet, explicit, table.path, ["outcome"]);
    } catch (error) {
      // A workbook may hold other sheets (notes, lists): only sheets with an outcome column are read.
      firstError ??= error;
      continue;
    }
    const rows = new Map<number, string>();
    for (const { row, cells } of sheet.rows) {
      const text = (cells[columns.outcome!] ?? "").trim();
      if (text) rows.set(row, text);
    }
    out.set(sheet.name, rows);
  }
  if (out.size === 0 && firstError) throw firstError;
  return out;
}

/**
 * The output file's bytes: the input table with the suggestion columns appended. XLSX in and out keeps
 * the workbook (formatting, other sheets); CSV out needs a single sheet.
 */
export async function tableWithSuggestions(
  table: Table,
  results: Map<string, Map<number, SuggestResult>>,
  out: string,
): Promise<Uint8Array | string> {
  const format = extname(out).toLowerCase();
  if (format === ".csv" || format === ".tsv") {
    const sheets = table.sheets.filter((s) => s.header.length > 0);
    if (sheets.length !== 1)
      throw new CliError(
        `${table.path} has ${sheets.length} sheets; a CSV file holds one`,
        "write to an .xlsx file instead (--out suggestions.xlsx)",
      );
    const sheet = sheets[0]!;
    const delimiter = format === ".tsv" ? "\t" : (table.delimiter ?? ",");
    const width = Math.max(sheet.header.length, ...sheet.rows.map((r) => r.cells.length));
    const pad = (cells: readonly string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")];
    const lines = [[...pad(sheet.header), ...SUGGESTION_HEADERS]];
    for (const r of sheet.rows)
      lines.push([
        ...pad(r.cells),
        ...(results.get(sheet.name)?.has(r.row)
          ? suggestionCells(results.get(sheet.name)!.get(r.row))
          : ["", "", "", ""]),
      ]);
    return `${lines.map((cells) => cells.map((c) => csvCell(c, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
  }
  if (format !== ".xlsx")
    throw new CliError(`--out ${out}: write .csv, .tsv or .xlsx`, "the extension of --out picks the format");
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  if (table.format === "xlsx") await workbook.xlsx.load((await readFile(table.path)) as unknown as ArrayBuffer);
  for (const sheet of table.sheets) {
    if (sheet.header.length === 0) continue;
    const worksheet =
      table.format === "xlsx"
        ? workbook.getWorksheet(sheet.name)!
        : workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, "_").slice(0, 31));
    if (table.format !== "xlsx") {
      worksheet.getRow(sheet.headerRow).values = [...sheet.header];
      for (const r of sheet.rows) worksheet.getRow(r.row).values = [...r.cells];
    }
    if (!results.has(sheet.name)) continue;
    const first = Math.max(sheet.header.length, worksheet.columnCount) + 1;
    const header = worksheet.getRow(sheet.headerRow);
    SUGGESTION_HEADERS.forEach((h, i) => (header.getCell(first + i).value = h));
    header.commit();
    for (const r of sheet.rows) {
      const result = results.get(sheet.name)?.get(r.row);
      if (!result) continue;
      const row = worksheet.getRow(r.row);
      suggestionCells(result).forEach((value, i) => {
        const cell = row.getCell(first + i);
        cell.value = value;
        if (value.includes("\n")) cell.alignment = { wrapText: true, vertical: "top" };
      });
      row.commit();
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
