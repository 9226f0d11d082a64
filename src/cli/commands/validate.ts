import { Command } from "commander";
import type { CredentialIssue, ElementStatus } from "../../credential/issues.js";
import { CredentialFileError } from "../../errors.js";
import { validateCredentialFile } from "../../node/validate-credential-file.js";
import { formatCounts, formatIssue } from "../credential-report.js";
import { CREDENTIAL_EXTENSIONS, credentialFiles } from "../files.js";
import { type CliIo, type Colors, colorsFor, setExitCode, writeJson } from "../io.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { readCredentialFile } from "../../node/credential-file.js";
import { credentialReportData } from "../report/credential-data.js";
import { emitReport, reportFormat } from "../report/output.js";
import { validationHtml, validationMarkdown } from "../report/validation-report.js";
import { COLUMN_NAMES_HELP, parseColumnsOption } from "../tables/columns.js";
import { formatTableReport } from "../tables/format.js";
import { TABLE_EXTENSIONS, isTablePath, readTable } from "../tables/read.js";
import { type TableReport, validateTable } from "../tables/validate-table.js";
import { escoOption, jsonOption, langOption } from "../options.js";

interface ValidateOptions {
  esco?: string;
  json?: boolean;
  strict?: boolean;
  lang?: string;
  elements?: boolean;
  columns?: string;
  format?: string;
  out?: string;
}

interface FileReport {
  file: string;
  valid: boolean;
  issues: CredentialIssue[];
  counts: { error: number; warning: number; info: number };
  elements: ElementStatus[];
}

const STATUS_MARK: Record<ElementStatus["status"], string> = {
  present: "✔",
  missing: "✖",
  invalid: "✖",
  "not-applicable": "–",
  "at-issuing": "…",
  unchecked: "?",
};

/** The Annex I checklist of one file, two columns: definition-level and instance-level elements. */
function checklist(elements: readonly ElementStatus[], c: Colors): string[] {
  const line = (e: ElementStatus) => {
    const colour =
      e.status === "present"
        ? c.green
        : e.status === "missing" || e.status === "invalid"
          ? e.obligation === "mandatory"
            ? c.red
            : c.dim
          : c.dim;
    const mark = e.status === "missing" && e.obligation === "optional" ? "○" : STATUS_MARK[e.status];
    return `      ${colour(mark)} ${e.label.split(" (")[0]} ${c.dim(`(${e.obligation}, ${e.status})`)}`;
  };
  return [
    `    ${c.bold("Annex I, stated by the definition")}`,
    ...elements.filter((e) => e.level === "definition").map(line),
    `    ${c.bold("Annex I, stated when a credential is issued")}`,
    ...elements.filter((e) => e.level === "instance").map(line),
  ];
}

/** `green-skills validate <files or folders...>`: validate micro-credential files against ESCO. */
export function validateCommand(io: CliIo): Command {
  return new Command("validate")
    .description("validate micro-credential definitions (YAML or JSON) against the EU Annex I elements and ESCO")
    .argument(
      "<paths...>",
      "credential files (.yaml, .yml, .json), mapping tables (.csv, .xlsx), or folders to search for them",
    )
    .addOption(escoOption())
    .addOption(jsonOption('print JSON: [{ "file", "valid", "issues" }]'))
    .option("--strict", "treat warnings as errors (exit code and valid)")
    .addOption(langOption("language of labels and suggestions"))
    .option(
      "--elements",
      "also list the Annex I elements of each file, and whether the definition or the issued credential states them",
    )
    .option("--format <format>", "text (default), json, md or html: a report for people (--out writes it to a file)")
    .option("--out <file>", "write the report to this file (atomically) instead of standard output")
    .option(
      "--columns <role=header,...>",
      'mapping tables: which header holds what, e.g. outcome="Learning outcome",esco="ESCO skills"',
    )
    .addHelpText(
      "after",
      `
Exit codes: 0 no errors · 1 errors found (with --strict: errors or warnings) · 2 usage error or unreadable file.

Mapping tables (.csv, .xlsx): one outcome per row, with its ESCO URIs (several per cell allowed). Columns are
found by their header: ${COLUMN_NAMES_HELP}; rows with the same credential (or title) are checked together.
Each issue is located by sheet, row and column.

Example:
  $ green-skills validate taxonomy/examples
  $ green-skills validate my-credential.yaml --esco esco-v1.1.1.gsb --strict --json
  $ green-skills validate outcomes.xlsx --columns outcome="Lernergebnis",esco="ESCO"`,
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const found = await credentialFiles(paths, new Set([...CREDENTIAL_EXTENSIONS, ...TABLE_EXTENSIONS]));
      const files = found.filter((f) => !isTablePath(f));
      const explicitColumns = parseColumnsOption(options.columns);
      const { taxonomy, source, embedded } = await resolveTaxonomy(io, options.esco);
      const reports: FileReport[] = [];
      const tables: TableReport[] = [];
      const validateOptions = options.lang ? { lang: options.lang } : {};
      for (const file of found.filter(isTablePath)) {
        const report = validateTable(await readTable(file), taxonomy, explicitColumns, validateOptions);
        tables.push(options.strict ? { ...report, valid: report.counts.error + report.counts.warning === 0 } : report);
      }
      let unreadable = false;
      for (const file of files) {
        try {
          const result = await validateCredentialFile(taxonomy, file, options.lang ? { lang: options.lang } : {});
          const valid = options.strict ? result.counts.error + result.counts.warning === 0 : result.success;
          reports.push({ file, valid, issues: result.issues, counts: result.counts, elements: result.elements });
        } catch (error) {
          if (!(error instanceof CredentialFileError)) throw error;
          unreadable = true;
          reports.push({
            file,
            valid: false,
            issues: [{ code: "unreadable_file", severity: "error", path: [], message: error.message }],
            counts: { error: 1, warning: 0, info: 0 },
            elements: [],
          });
        }
      }
      const invalid = reports.filter((r) => !r.valid).length + tables.filter((t) => !t.valid).length;
      setExitCode(io, unreadable ? 2 : invalid > 0 ? 1 : 0);
      const format = reportFormat(options.format, options.json, options.out);
      if (format === "md" || format === "html") {
        const data = [];
        for (const r of reports) {
          const value =
            r.elements.length === 0
              ? undefined
              : await readCredentialFile(r.file).then(
                  (s) => s.value,
                  () => undefined,
                );
          data.push(credentialReportData(r.file, value, r, taxonomy, options.lang));
        }
        const against = `ESCO ${taxonomy.escoVersion ?? "(version unknown)"} (${embedded ? "embedded default, curated concepts only" : taxonomy.coverage === "full" ? "full import" : "curated layer"})`;
        const text =
          format === "html" ? validationHtml(data, tables, against) : validationMarkdown(data, tables, against);
        await emitReport(io, text, options.out, paths);
        return;
      }
      if (options.json || options.out) {
        const json = [
          ...reports.map(({ file, valid, issues, elements }) => ({
            file,
            valid,
            issues,
            ...(options.elements ? { elements } : {}),
          })),
          ...tables.map(({ file, valid, issues, groups }) => ({ file, valid, kind: "mapping-table", groups, issues })),
        ];
        if (options.out) await emitReport(io, `${JSON.stringify(json, null, 2)}\n`, options.out, paths);
        else writeJson(io, json);
        return;
      }
      const c = colorsFor(io, "stdout", false);
      const out: string[] = [];
      for (const r of reports) {
        const mark = r.valid ? c.green("✔") : c.red("✖");
        out.push(`${mark} ${c.bold(r.file)}${r.issues.length > 0 ? `  ${c.dim(formatCounts(r.counts))}` : ""}`);
        for (const i of r.issues) out.push(...formatIssue(i, c));
        if (options.elements && r.elements.length > 0) out.push(...checklist(r.elements, c));
      }
      for (const t of tables) out.push(...formatTableReport(t, c));
      const total = { error: 0, warning: 0, info: 0 };
      for (const r of [...reports, ...tables])
        for (const k of ["error", "warning", "info"] as const) total[k] += r.counts[k];
      const fileCount = reports.length + tables.length;
      const against = `ESCO ${taxonomy.escoVersion ?? "(version unknown)"}, ${embedded ? source : `${taxonomy.coverage === "full" ? "full import" : "curated layer"} (${source})`}`;
      out.push(
        "",
        `${fileCount} file${fileCount === 1 ? "" : "s"}: ${c.green(`${fileCount - invalid} valid`)}, ${invalid > 0 ? c.red(`${invalid} invalid`) : "0 invalid"} · ${formatCounts(total)} · checked against ${against}${options.strict ? " · --strict" : ""}`,
      );
      if (taxonomy.coverage === "curated") {
        const unchecked = [...reports, ...tables].some((r) => r.issues.some((i) => i.code === "full_esco_required"));
        out.push(
          c.dim(
            `Needs a full ESCO import (--esco <bundle, zip or folder>): existence, concept type, status and green membership of ESCO URIs outside the curated set, and whether mapped skills fit their outcome statements (implausible_mapping needs ESCO's descriptions and relations)${unchecked ? " (see the full_esco_required notes above)" : "; every URI here is in the curated set"}.`,
          ),
        );
      }
      io.stdout.write(`${out.join("\n")}\n`);
    });
}
