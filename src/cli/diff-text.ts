import type { DiffReportCredential } from "../diff/report.js";
import {
  changeSections,
  comparedNotes,
  countRows,
  formatPath,
  mappingCounts,
  notableMappings,
  reportTitle,
} from "../diff/report.js";
import type { TaxonomyDiff } from "../diff/schema.js";
import type { Colors } from "./io.js";

/**
 * The terminal form of the diff report (`green-skills diff` without `--format`): the same rows and
 * sections as the Markdown report, with colours and a default line limit.
 *
 * @module
 */

/** Renders the report for a terminal. */
export function diffReportText(
  diff: TaxonomyDiff,
  c: Colors,
  options: { credentials: readonly DiffReportCredential[]; limit: number; sources: { older: string; newer: string } },
): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const out: string[] = [];
  out.push(
    `${c.bold(reportTitle(diff))}: ${n(diff.summary.total)} changes  ${c.dim(`${options.sources.older} → ${options.sources.newer}`)}`,
    "",
  );
  const rows = countRows(diff);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) out.push(`  ${label.padEnd(width)}  ${value}`);
  for (const note of comparedNotes(diff)) out.push(c.dim(`  ${note}`));

  const credentials = options.credentials;
  if (credentials.length > 0) {
    const broken = credentials.filter((x) => x.report.broken).length;
    out.push("", c.bold(`Credentials: ${broken} of ${credentials.length} with broken mappings`));
    for (const { name, report } of credentials) {
      const mark = report.broken ? c.red("✖") : c.green("✔");
      out.push(
        `  ${mark} ${name}${report.credential.title ? ` ${c.dim(`"${report.credential.title}"`)}` : ""}: ${mappingCounts(report)}`,
      );
    }
    for (const { name, report } of credentials) {
      const mappings = notableMappings(report);
      if (mappings.length === 0 && report.effects.length === 0) continue;
      out.push("", c.bold(`${name}${report.credential.title ? ` — ${report.credential.title}` : ""}`));
      for (const m of mappings) {
        const label = m.before?.label ?? m.after?.label ?? m.uri;
        out.push(
          `  ${m.broken ? c.red("✖") : c.yellow("•")} ${c.dim(formatPath(m.path))} ${c.bold(label)}: ${m.message}`,
        );
        m.candidates.forEach((k, i) =>
          out.push(
            `      ${i + 1}. ${k.concept.label} ${c.dim(`(${k.score.toFixed(2)}) ${k.concept.uri}`)}${k.explanation.length > 0 ? `: ${k.explanation.join("; ")}` : ""}`,
          ),
        );
      }
      for (const e of report.effects) {
        const mark = e.severity === "error" ? c.red("✖") : e.severity === "warning" ? c.yellow("⚠") : c.cyan("ℹ");
        out.push(`  ${mark} ${c.dim(formatPath(e.path))} ${e.message}`);
        if (e.suggestion) out.push(c.dim(`      hint: ${e.suggestion}`));
      }
    }
  }

  const sections = changeSections(diff, options.limit);
  if (sections.length > 0) {
    out.push(
      "",
      c.bold(
        options.limit > 0
          ? `Changes (up to ${options.limit} per kind; --limit 0 lists all, --json gives everything)`
          : "Changes",
      ),
    );
    for (const section of sections) {
      out.push("", `${c.bold(section.title)} (${n(section.total)})`);
      for (const line of section.lines) {
        const what = section.type === "added" || section.type === "removed" ? c.dim(line.kind) : line.text;
        out.push(`  ${line.label} ${c.dim(line.uri)}  ${what}`);
      }
      if (section.lines.length < section.total) out.push(c.dim(`  … ${n(section.total - section.lines.length)} more`));
    }
  } else out.push("", "No changes in anything compared.");
  return `${out.join("\n")}\n`;
}
