import { EscoImportError } from "../../errors.js";
import type { Table } from "./table.js";

/**
 * Header handling shared by every ESCO file: find columns by name, insist on the required ones, and
 * sort the rest into interpreted, deliberately ignored, and kept-verbatim columns.
 *
 * @module
 */

/** Resolved column positions of a table. */
export interface HeaderMap {
  /** Position of `name`, or `-1`. */
  at(name: string): number;
  /** Position of a required column. */
  need(name: string): number;
}

/**
 * Checks that `required` columns exist and returns a position lookup.
 *
 * @throws {@link EscoImportError} `bad_header` naming the missing columns and what the header holds.
 */
export function readHeader(table: Table, required: readonly string[], what: string): HeaderMap {
  const positions = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!positions.has(name)) positions.set(name, i);
  });
  const missing = required.filter((name) => !positions.has(name));
  if (missing.length > 0) {
    const shown = table.header
      .slice(0, 6)
      .map((h) => JSON.stringify(h))
      .join(", ");
    throw new EscoImportError(
      "bad_header",
      `wrong or missing header for ${what}: no column ${missing.map((m) => `"${m}"`).join(", ")} (header starts ${shown || "empty"})`,
      { file: table.file, line: 1 },
    );
  }
  if (table.wide) {
    throw new EscoImportError(
      "csv_syntax",
      `record has ${table.wide.width} cells but the header has ${table.header.length}; cells past the header would be lost (is a comma unquoted?)`,
      { file: table.file, line: table.line(table.wide.row) },
    );
  }
  return {
    at: (name) => positions.get(name) ?? -1,
    need: (name) => positions.get(name)!,
  };
}

/** Columns of a file that green-skills does not read, split into deliberately ignored and unknown. */
export function unusedColumns(
  table: Table,
  used: ReadonlySet<string>,
  ignored: Readonly<Record<string, string>>,
): { ignored: { column: string; why: string }[]; unknown: string[] } {
  const out = { ignored: [] as { column: string; why: string }[], unknown: [] as string[] };
  for (const name of table.header) {
    if (used.has(name)) continue;
    if (Object.hasOwn(ignored, name)) out.ignored.push({ column: name, why: ignored[name]! });
    else out.unknown.push(name);
  }
  return out;
}
