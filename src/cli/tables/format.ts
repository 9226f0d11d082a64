import type { Colors } from "../io.js";
import { formatCounts } from "../credential-report.js";
import type { TableIssue, TableReport } from "./validate-table.js";

/**
 * The human report of a mapping table: per file, its credentials (groups of rows), then each issue
 * with its sheet and cell.
 *
 * @module
 */

const MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

/** Where an issue is: `Sheet1!C4 (ESCO URI)`, `row 4`, or the credential it concerns. */
export function tableLocation(i: TableIssue): string {
  if (i.cell) return `${i.sheet}!${i.cell}${i.columnName ? ` (${i.columnName})` : ""}`;
  if (i.row !== undefined) return `${i.sheet} row ${i.row}`;
  return `${i.sheet}${i.credential ? ` · ${i.credential}` : ""}`;
}

/** Lines of one table's report. */
export function formatTableReport(t: TableReport, c: Colors): string[] {
  const mark = t.valid ? c.green("✔") : c.red("✖");
  const outcomes = t.groups.reduce((n, g) => n + g.outcomes, 0);
  const groups = t.groups.filter((g) => g.credential !== null).length;
  const what = `${outcomes} outcome row${outcomes === 1 ? "" : "s"}${groups > 0 ? ` in ${groups} credential${groups === 1 ? "" : "s"}` : ""}`;
  const out = [
    `${mark} ${c.bold(t.file)}  ${c.dim(`mapping table, ${what}${t.issues.length > 0 ? ` · ${formatCounts(t.counts)}` : ""}`)}`,
  ];
  for (const i of t.issues) {
    const colour = i.severity === "error" ? c.red : i.severity === "warning" ? c.yellow : c.blue;
    out.push(`  ${colour(MARK[i.severity])} ${c.dim(tableLocation(i))}  ${i.message} ${c.dim(`[${i.code}]`)}`);
    if (i.suggestion) out.push(`      ${c.dim("→")} ${i.suggestion}`);
  }
  return out;
}
