import { Command, Option } from "commander";
import { diffTaxonomies } from "../../diff/diff.js";
import { migrateMappings } from "../../diff/migrate.js";
import { type DiffReportCredential, diffReportMarkdown } from "../../diff/report.js";
import { loadTaxonomyFile } from "../../node/load.js";
import { readCredentialFiles } from "../credential-files.js";
import { diffReportText } from "../diff-text.js";
import { type CliIo, CliError, colorsFor } from "../io.js";
import { diffHtml } from "../report/diff-report.js";
import { emitReport, REPORT_FORMATS, reportFormat } from "../report/output.js";
import { jsonOption, langOption } from "../options.js";

interface DiffOptions {
  credentials?: string[];
  json?: boolean;
  format?: string;
  out?: string;
  lang?: string;
  limit?: string;
}

/** `green-skills diff <older> <newer>`: what changed between two ESCO versions, and what it breaks. */
export function diffCommand(io: CliIo): Command {
  return new Command("diff")
    .description("compare two ESCO versions, and check credential mappings against the newer one")
    .argument(
      "<older>",
      "the ESCO version mappings were made against: a bundle (green-skills import), or a folder of ESCO CSV files",
    )
    .argument("<newer>", "the ESCO version to move to: a bundle, or a folder of ESCO CSV files")
    .option(
      "--credentials <paths...>",
      "credential definitions (YAML or JSON files, or folders of them) to check against the newer version",
    )
    .addOption(
      new Option(
        "--format <format>",
        "text (default), json, md or html: a report for people (--out writes it to a file)",
      ).choices(REPORT_FORMATS),
    )
    .addOption(jsonOption("print JSON (same as --format json)"))
    .option(
      "--out <file>",
      "write the report to this file (atomically, never over an input) instead of standard output; .md or .html picks the format",
    )
    .addOption(langOption("language of the labels in the report"))
    .option("--limit <n>", "detail lines per kind of change (default: 20 for text, all for md and html; 0 = all)")
    .addHelpText(
      "after",
      `
Counts come first, then each credential's broken and changed mappings (with ranked replacement
candidates) and effects (outcomes that stop being green, target occupations whose essential skills
changed), then every change. Exit code 1 when a credential has a broken mapping (the report is
still written).

--format md and --format html are reports for people, written to standard output or, with --out,
atomically to a file (never over one of the bundles or credential files). The HTML report is one
self-contained file (no script, no network; prints to PDF): a summary with the versions and the counts
per change type; the concepts removed, obsoleted, relabelled, or out of or into the green collection,
with their URIs; and per credential its affected mappings with the suggested migration.

Example:
  $ green-skills diff esco-v1.1.1.gsb esco-v1.2.1.gsb --credentials credentials/ --format md --out esco-migration.md
  $ green-skills diff esco-v1.1.1.gsb esco-v1.2.1.gsb --credentials credentials/ --out esco-migration.html`,
    )
    .action(async (olderPath: string, newerPath: string, options: DiffOptions) => {
      const format = reportFormat(options.format, options.json, options.out);
      const limit = parseLimit(options.limit, format === "text" ? 20 : 0);
      const credentials = options.credentials ? await readCredentialFiles(options.credentials, io.cwd) : [];
      const [older, newer] = await Promise.all([loadTaxonomyFile(olderPath), loadTaxonomyFile(newerPath)]);
      const lang = options.lang;
      const diff = diffTaxonomies(older, newer, lang ? { lang } : {});
      const reports: DiffReportCredential[] = credentials.map(({ file, source }) => ({
        name: file,
        report: migrateMappings(older, newer, source, { diff, ...(lang ? { lang } : {}) }),
      }));
      const sources = { older: olderPath, newer: newerPath };
      const inputs = [olderPath, newerPath, ...(options.credentials ?? [])];
      const report = { credentials: reports, limit, sources };
      if (format === "json")
        await emitReport(
          io,
          `${JSON.stringify({ sources, diff, credentials: reports.map(({ name, report }) => ({ file: name, ...report })) }, null, 2)}\n`,
          options.out,
          inputs,
        );
      else if (format === "md") await emitReport(io, diffReportMarkdown(diff, report), options.out, inputs);
      else if (format === "html") await emitReport(io, diffHtml(diff, report), options.out, inputs);
      else
        await emitReport(
          io,
          diffReportText(diff, colorsFor(io, "stdout", Boolean(options.out)), report),
          options.out,
          inputs,
        );

      const broken = reports.filter((r) => r.report.broken);
      if (broken.length > 0) {
        throw new CliError(
          `${broken.length} of ${reports.length} credential${reports.length === 1 ? " has" : "s have"} broken mappings: ${broken.map((r) => r.name).join(", ")}`,
          `map the broken URIs to a replacement candidate listed in the report, or stay on ${older.escoVersion ? `ESCO ${older.escoVersion}` : "the older version"}`,
          1,
        );
      }
    });
}

function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0)
    throw new CliError(`--limit must be a whole number ≥ 0, got "${value}"`, "use --limit 0 to list every change");
  return limit;
}
