import { frameworkOf, frameworkReport, attachFramework } from "../framework/attach.js";
import { withSectors } from "../framework/extend.js";
import type { FrameworkMergeReport } from "../framework/merge-report.js";
import { formatIssue } from "../issue.js";
import { readSectorFiles } from "../node/framework-files.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { type Colors, CliError } from "./io.js";

/**
 * Shared pieces of the `sectors` and `sector` commands: user sector files, the merge-report line, tables.
 *
 * @module
 */

/**
 * Reads `--sectors` files and attaches the extended framework. Bad files stop the command: exit 2 when a
 * path cannot be read, 1 when the files were read and are malformed (the README's rule).
 */
export async function applySectorFiles(taxonomy: Taxonomy, paths: readonly string[] | undefined): Promise<void> {
  if (!paths || paths.length === 0) return;
  const { sectors, issues } = await readSectorFiles(paths);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
    const unreadable = errors.some((i) => i.code === "unreadable_file" || i.code === "no_sector_files");
    throw new CliError(
      `${formatIssue(errors[0]!)}${more}`,
      unreadable
        ? "check the path: --sectors takes sector files or folders of them"
        : "fix the sector file; docs/sectors.md describes the fields",
      unreadable ? 2 : 1,
    );
  }
  attachFramework(taxonomy, withSectors(frameworkOf(taxonomy), sectors));
}

/** One line summing up the merge report, or `undefined` when every citation matches. */
export function mergeSummary(report: FrameworkMergeReport): string | undefined {
  if (report.issues.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const issue of report.issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  const parts = [...counts].map(([code, n]) => `${n} ${code.replace(/_/g, " ")}`);
  return `${report.issues.length} curated reference(s) do not match ESCO ${report.escoVersion ?? "(unknown version)"} (checked against ${report.checkedAgainst}): ${parts.join(", ")}; --json lists them`;
}

/** The merge report of the taxonomy's framework layer. */
export function mergeReportOf(taxonomy: Taxonomy): FrameworkMergeReport {
  return frameworkReport(taxonomy);
}

/** Left- or right-aligned columns; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], align: readonly ("l" | "r")[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1 && align[i] !== "r") return cell;
        const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
        return align[i] === "r" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

/** A percentage with one decimal, or an em dash. */
export const percent = (value: number | null): string => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);

/** Wraps text to `width` columns with an indent. */
export function wrapText(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** The dim line that says the output comes from the embedded default. */
export function embeddedNote(c: Colors): string {
  return c.dim(
    "embedded default: curated references only. Pass --esco <your ESCO import> (or set GREEN_SKILLS_ESCO) for all occupations and ranked green skills.",
  );
}
