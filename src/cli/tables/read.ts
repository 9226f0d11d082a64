import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parse } from "csv-parse/sync";
import { CliError } from "../io.js";

/**
 * Reading mapping tables: CSV (comma, semicolon or tab separated, quoted cells with commas and line
 * breaks, a byte-order mark) and XLSX workbooks (every sheet, cell text as Excel shows it).
 *
 * @module
 */

/** File extensions read as tables. */
export const TABLE_EXTENSIONS: ReadonlySet<string> = new Set([".csv", ".tsv", ".xlsx"]);

/** Whether a path names a table (by its extension). */
export const isTablePath = (path: string): boolean => TABLE_EXTENSIONS.has(extname(path).toLowerCase());

/** One sheet: the header row and the data rows, with their 1-based row numbers in the file. */
export interface Sheet {
  /** The sheet name (XLSX), or the file name for a CSV file. */
  readonly name: string;
  readonly header: readonly string[];
  /** 1-based row number of the header (the first non-empty row). */
  readonly headerRow: number;
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** A table file. */
export interface Table {
  readonly path: string;
  readonly format: "csv" | "xlsx";
  /** For CSV: the separator it used. */
  readonly delimiter?: string;
  readonly sheets: readonly Sheet[];
}

/** Largest table accepted (a mapping table of a thousand outcomes is well under 1 MB). */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024;

/** The separator of a CSV text: the one of `,`, `;` and tab most frequent in its first line outside quotes. */
export function sniffDelimiter(text: string): string {
  let quoted = false;
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts].sort((a, b) => b[1] - a[1])[0]![0] : ",";
}

/** Parses CSV text into one sheet; a malformed file is a usage error naming the line. */
export function parseCsvTable(text: string, path: string, name = basename(path)): Table {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = extname(path).toLowerCase() === ".tsv" ? "\t" : sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CliError(
      `${path}${line ? `:${line}` : ""}: not a well-formed CSV file (${(error as Error).message.replace(/^Invalid [^:]*: /, "")})`,
      'a cell that holds a quote must be quoted itself, with the quote doubled: "He said ""yes"""',
    );
  }
  // info.lines is the line where a record ends; a record with line breaks in a cell starts earlier.
  let next = 1;
  const all = records.map(({ record, info }) => {
    const row = next;
    next = info.lines + 1;
    return { row, cells: record.map((c) => c.trim()) };
  });
  return { path, format: "csv", delimiter, sheets: [toSheet(name, all)] };
}

function toSheet(name: string, rows: { row: number; cells: string[] }[]): Sheet {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ""));
  const [header, ...data] = nonEmpty;
  return { name, header: header?.cells ?? [], headerRow: header?.row ?? 1, rows: data };
}

/** Reads an XLSX workbook: every sheet's cell text. */
export async function parseXlsxTable(data: Uint8Array, path: string): Promise<Table> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new CliError(
      `${path}: not a readable XLSX workbook (${(error as Error).message})`,
      "save the spreadsheet as .xlsx (Excel 2007 or later), or export it as CSV",
    );
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: { row: number; cells: string[] }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= "";
      rows.push({ row: rowNumber, cells });
    });
    sheets.push(toSheet(worksheet.name, rows));
  });
  return { path, format: "xlsx", sheets };
}

function cellText(cell: { text?: string; value?: unknown }): string {
  let text: string;
  try {
    text = cell.text ?? "";
  } catch {
    text = cell.value === null || cell.value === undefined ? "" : String(cell.value);
  }
  return String(text).trim();
}

/** Reads a CSV or XLSX mapping table. Unreadable or malformed files are usage errors (exit 2). */
export async function readTable(path: string): Promise<Table> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path}: not a file`, "pass a .csv or .xlsx file");
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`no such file: ${path}`, "check the path");
  }
  if (size > MAX_TABLE_BYTES)
    throw new CliError(
      `${path}: ${size.toLocaleString("en-US")} bytes is more than a mapping table needs (limit ${MAX_TABLE_BYTES.toLocaleString("en-US")})`,
      "check that this is the right file",
    );
  const data = await readFile(path);
  if (extname(path).toLowerCase() === ".xlsx") return parseXlsxTable(data, path);
  return parseCsvTable(data.toString("utf8"), path);
}
