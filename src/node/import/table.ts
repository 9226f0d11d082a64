import { isUtf8 } from "node:buffer";
import { parse } from "csv-parse/sync";
import { EscoImportError } from "../../errors.js";

/**
 * A parsed CSV file: header plus cells, read by header name. Line numbers are worked out only when a
 * message needs one, from the line breaks inside earlier records, so parsing pays nothing for them.
 *
 * @module
 */

/** A parsed CSV file. */
export interface Table {
  /** The file, as named in messages. */
  readonly file: string;
  readonly header: readonly string[];
  /** Number of data records (header excluded). */
  readonly rows: number;
  /** Cell `column` of data record `row`; `""` when the record is shorter. */
  cell(row: number, column: number): string;
  /** Number of cells the record actually has. */
  width(row: number): number;
  /** 1-based line on which data record `row` starts. */
  line(row: number): number;
  /**
   * For dictionary-encoded tables: the distinct cell strings and a row/column → dictionary id lookup
   * (`-1` for a missing cell), so callers can resolve each distinct value once.
   */
  readonly dictionary?: { readonly values: readonly string[]; id(row: number, column: number): number };
  /** The first record with more cells than the header, if any (its cells past the header would be lost). */
  readonly wide: { readonly row: number; readonly width: number } | null;
}

/** Records dictionary-encoded by the parse worker: every distinct cell string once. */
export interface EncodedRecords {
  readonly header: string[];
  readonly dict: string[];
  /** Line breaks inside each dictionary string. */
  readonly dictBreaks: Uint32Array;
  /** `rows × width` dictionary ids, `-1` for a missing cell. */
  readonly cells: Int32Array;
  readonly width: number;
  readonly rows: number;
  /** Line breaks inside the header record. */
  readonly headerBreaks: number;
  /** Empty lines skipped before each data record. */
  readonly blankBefore: Uint32Array;
  /** First record wider than the header (`-1` when none) and its width. */
  readonly wideRow: number;
  readonly wideWidth: number;
}

const breaks = (value: string): number => {
  let n = 0;
  for (let at = value.indexOf("\n"); at !== -1; at = value.indexOf("\n", at + 1)) n++;
  return n;
};

/**
 * Checks that bytes are UTF-8 (Node's native validator) without NUL characters, and strips a byte-order
 * mark. csv-parse works on bytes internally, so handing it a Buffer saves decoding the file into a string
 * and encoding it back.
 *
 * @throws {@link EscoImportError} with the line (and column) of the first offending byte.
 */
export function checkText(bytes: Uint8Array, file: string): Buffer {
  checkNoNul(bytes, file);
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = locate(bytes, at);
    throw new EscoImportError(
      "not_esco",
      `not UTF-8 text: byte 0x${bytes[at]!.toString(16).padStart(2, "0")} at line ${line}, column ${column} is not valid UTF-8 (ESCO CSV files are UTF-8)`,
      { file, line },
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
}

/**
 * Refuses a NUL character anywhere in a CSV file (one native `memchr` over the bytes). No ESCO cell holds
 * one, the bundle cannot store one, and it is a common sign of a damaged or binary file.
 *
 * @throws {@link EscoImportError} (`bad_value`) with the line and column of the first NUL.
 */
export function checkNoNul(bytes: Uint8Array, file: string): void {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
  if (at < 0) return;
  const { line, column } = locate(bytes, at);
  throw new EscoImportError(
    "bad_value",
    `a NUL character (byte 0x00) at line ${line}, column ${column}: ESCO CSV files hold no NUL characters; the file is damaged or not an ESCO CSV file`,
    { file, line },
  );
}

/** 1-based line and column (in characters) of byte `at`; error path only. */
function locate(bytes: Uint8Array, at: number): { line: number; column: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let line = 1;
  let start = 0;
  for (let nl = buffer.indexOf(10); nl !== -1 && nl < at; nl = buffer.indexOf(10, nl + 1)) {
    line++;
    start = nl + 1;
  }
  return { line, column: buffer.toString("utf8", start, at).length + 1 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence; error path only. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length - 1;
}

/** Turns a csv-parse error (or its fields, sent back by the worker) into a located import error. */
export function csvSyntaxError(
  file: string,
  error: { code?: string | undefined; lines?: number | undefined; message?: string | undefined },
  cause?: unknown,
): EscoImportError {
  const message = (error.message ?? "unreadable CSV").replace(/,? ?at line \d+/, "");
  const hint = error.code === "CSV_QUOTE_NOT_CLOSED" ? " (unterminated quoted cell; the file may be truncated)" : "";
  return new EscoImportError(
    "csv_syntax",
    `CSV syntax error: ${message}${hint}`,
    error.lines ? { file, line: error.lines } : { file },
    { cause },
  );
}

/** Parses CSV bytes (checked by {@link checkText}) into records, turning csv-parse errors into located import errors. */
export function parseRecords(data: Buffer, file: string): string[][] {
  try {
    return parse(data, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (cause) {
    const error = cause as { code?: string; lines?: number; message?: string };
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      // csv-parse reports where the text ended; the user needs the line where the quote opened.
      const line = openingQuoteLine(data.toString("utf8"));
      throw csvSyntaxError(
        file,
        { ...error, message: `a quoted cell opened on line ${line} is never closed`, lines: line },
        cause,
      );
    }
    throw csvSyntaxError(file, error, cause);
  }
}

/** Line of the quote that opens the last, unclosed quoted cell (quote parity: `""` escapes toggle twice). */
function openingQuoteLine(text: string): number {
  let inside = false;
  let opened = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) {
    inside = !inside;
    if (inside) opened = at;
  }
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < opened; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

const isBlank = (record: readonly string[]) => record.length === 1 && record[0] === "";

/** Builds a table from records parsed in this thread. */
export function tableFromRecords(file: string, records: string[][]): Table {
  if (records.length === 0 || isBlank(records[0]!)) {
    throw new EscoImportError("bad_header", "empty file: expected a header row", { file, line: 1 });
  }
  const header = records[0]!.map((h) => h.trim());
  const data: string[][] = [];
  const blankBefore: number[] = [];
  let blanks = 0;
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (isBlank(record)) {
      blanks++;
      continue;
    }
    data.push(record);
    blankBefore.push(blanks);
    blanks = 0;
  }
  let lines: Uint32Array | undefined;
  const lineOf = (row: number): number => {
    if (!lines) {
      lines = new Uint32Array(data.length);
      let next = 2 + records[0]!.reduce((n, c) => n + breaks(c), 0);
      for (let r = 0; r < data.length; r++) {
        next += blankBefore[r]!;
        lines[r] = next;
        let spanned = 1;
        for (const cell of data[r]!) spanned += breaks(cell);
        next += spanned;
      }
    }
    return lines[row] ?? 0;
  };
  const wideRow = data.findIndex((record) => record.length > header.length);
  return {
    file,
    header,
    rows: data.length,
    wide: wideRow < 0 ? null : { row: wideRow, width: data[wideRow]!.length },
    cell: (row, column) => data[row]?.[column] ?? "",
    width: (row) => data[row]?.length ?? 0,
    line: lineOf,
  };
}

/** Builds a table over records that the parse worker dictionary-encoded. */
export function tableFromEncoded(file: string, encoded: EncodedRecords): Table {
  const { dict, dictBreaks, cells, width, rows } = encoded;
  let lines: Uint32Array | undefined;
  return {
    file,
    header: encoded.header.map((h) => h.trim()),
    rows,
    wide: encoded.wideRow < 0 ? null : { row: encoded.wideRow, width: encoded.wideWidth },
    dictionary: { values: dict, id: (row, column) => (column < width ? (cells[row * width + column] ?? -1) : -1) },
    cell(row, column) {
      if (column >= width) return "";
      const id = cells[row * width + column] ?? -1;
      return id < 0 ? "" : dict[id]!;
    },
    width(row) {
      let w = width;
      while (w > 0 && (cells[row * width + w - 1] ?? -1) < 0) w--;
      return w;
    },
    line(row) {
      if (!lines) {
        lines = new Uint32Array(rows);
        let next = 2 + encoded.headerBreaks;
        for (let r = 0; r < rows; r++) {
          next += encoded.blankBefore[r]!;
          lines[r] = next;
          let spanned = 1;
          for (let c = 0; c < width; c++) {
            const id = cells[r * width + c]!;
            if (id >= 0) spanned += dictBreaks[id]!;
          }
          next += spanned;
        }
      }
      return lines[row] ?? 0;
    },
  };
}
