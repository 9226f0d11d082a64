import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { Command } from "commander";
import { formatPath } from "../../credential/issues.js";
import { CredentialFileError } from "../../errors.js";
import { type ForeignCheckReport, type ForeignCheckResult, checkForeignCredential } from "../../foreign/check.js";
import { readForeignCredentialFile } from "../../node/foreign-file.js";
import { formatCounts, formatIssue } from "../credential-report.js";
import { CliError, type CliIo, type Colors, colorsFor, setExitCode, writeJson } from "../io.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption, jsonOption, langOption } from "../options.js";

/**
 * `green-skills check`: credentials that others issued (Open Badges 3.0, ELM / EDC), against ESCO and
 * Annex I. A command of its own, not a mode of `validate`: those documents are not our format, their
 * report differs (format, every ESCO reference with its status) and a badge that lacks Annex I elements
 * is a finding, not a malformed file (docs/design-choices.md).
 *
 * @module
 */

/** File name endings `check` picks up in a folder. */
export const FOREIGN_EXTENSIONS = [".json", ".jsonld", ".jwt", ".svg", ".png", ".xml"];

interface CheckOptions {
  esco?: string;
  json?: boolean;
  strict?: boolean;
  lang?: string;
  elements?: boolean;
}

/** The files to check: files as given, folders searched (recursively) for the extensions above. */
export async function foreignFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (FOREIGN_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      out.push(path); // reported as unreadable below
      continue;
    }
    if (isDir) await walk(path);
    else out.push(path);
  }
  if (out.length === 0)
    throw new CliError(
      `no credential files (${FOREIGN_EXTENSIONS.join(", ")}) in ${paths.join(", ")}`,
      "pass credential files or a folder holding them",
      2,
    );
  return out;
}

const STATUS_COLOUR = (c: Colors, status: string) =>
  status === "ok" ? c.green : status === "unchecked" ? c.dim : c.red;

function human(
  file: string,
  r: ForeignCheckReport & { issues: ForeignCheckResult["issues"] },
  valid: boolean,
  c: Colors,
  elements: boolean,
): string[] {
  const mark = valid ? c.green("✔") : c.red("✖");
  const out = [
    `${mark} ${c.bold(file)}  ${c.dim(`${r.format}${r.kind !== "unknown" ? `, ${r.kind}` : ""} · ${formatCounts(r.counts)}`)}`,
  ];
  for (const i of r.issues) out.push(...formatIssue(i, c));
  if (r.escoReferences.length > 0) {
    out.push(`    ${c.bold(`ESCO references (${r.escoReferences.length})`)}`);
    for (const ref of r.escoReferences) {
      const label = ref.escoLabel ?? ref.label ?? "";
      out.push(
        `      ${STATUS_COLOUR(c, ref.status)(ref.status.padEnd(10))} ${ref.uri}${label ? ` ${c.dim(`"${label}"`)}` : ""}${ref.green ? ` ${c.green("green")}` : ""} ${c.dim(`at ${formatPath(ref.path)}`)}`,
      );
    }
  }
  const mandatory = r.elements.filter((e) => e.obligation === "mandatory" && e.status !== "at-issuing");
  const carried = mandatory.filter((e) => e.status === "present" || e.status === "not-applicable");
  if (r.format !== "unknown" && r.format !== "europass-xml")
    out.push(
      `    ${c.bold("Annex I")}: ${carried.length} of ${mandatory.length} mandatory elements carried${
        carried.length < mandatory.length
          ? ` ${c.dim(
              `(missing: ${mandatory
                .filter((e) => !carried.includes(e))
                .map((e) => e.element)
                .join(", ")})`,
            )}`
          : ""
      }`,
    );
  if (elements)
    for (const e of r.elements)
      out.push(
        `      ${e.status === "present" ? c.green("✔") : e.status === "missing" ? (e.obligation === "mandatory" ? c.red("✖") : "○") : c.dim("…")} ${e.label.split(" (")[0]} ${c.dim(`(${e.obligation}, ${e.status}${e.path ? ` at ${formatPath(e.path)}` : ""})`)}`,
      );
  return out;
}

/** `green-skills check <files or folders...>`. */
export function checkCommand(io: CliIo): Command {
  return new Command("check")
    .description(
      "check credentials that others issued (Open Badges 3.0 JSON, JWT, baked SVG/PNG; ELM / European Digital Credentials) against ESCO and the EU Annex I elements",
    )
    .argument("<paths...>", `credential files, or folders to search for ${FOREIGN_EXTENSIONS.join(", ")} files`)
    .addOption(escoOption())
    .addOption(jsonOption('print JSON: [{ "file", "format", "valid", "issues", "escoReferences", "elements" }]'))
    .option("--strict", "treat warnings as errors (exit code and valid)")
    .addOption(langOption("language of ESCO labels and suggestions"))
    .option("--elements", "list all 16 Annex I elements of each file and where the document carries them")
    .addHelpText(
      "after",
      `
Reads JSON-LD, VC-JWT (payload only: the signature is not checked), baked SVG and PNG badges, and
legacy Europass XML (ESCO references only). Paths in the report point into the decoded credential.
Exit codes: 0 no errors · 1 errors found (with --strict: errors or warnings) · 2 usage error or unreadable file.

Example:
  $ green-skills check received/badge.json received/diploma.jsonld --esco esco.gsb
  $ green-skills check received/ --json > report.json`,
    )
    .action(async (paths: string[], options: CheckOptions) => {
      const files = await foreignFiles(paths);
      const { taxonomy } = await resolveTaxonomy(io, options.esco);
      const reports: ({ file: string; valid: boolean; issues: ForeignCheckResult["issues"] } & ForeignCheckReport)[] =
        [];
      let unreadable = false;
      for (const file of files) {
        let result: ForeignCheckResult;
        try {
          const read = await readForeignCredentialFile(file);
          result = checkForeignCredential(taxonomy, read, options.lang ? { lang: options.lang } : {});
        } catch (error) {
          if (!(error instanceof CredentialFileError)) throw error;
          unreadable = true;
          const issues = [
            { code: "unreadable_file" as const, severity: "error" as const, path: [], message: error.message },
          ];
          result = {
            format: "unknown",
            kind: "unknown",
            success: false,
            issues: issues as [(typeof issues)[number]],
            counts: { error: 1, warning: 0, info: 0 },
            elements: [],
            escoReferences: [],
            taxonomy: { escoVersion: taxonomy.escoVersion, coverage: taxonomy.coverage },
          };
        }
        const valid = options.strict ? result.counts.error + result.counts.warning === 0 : result.success;
        // The JSON report keeps its documented shape: `valid` (after --strict), not the library's `success` and `data`.
        const { success: _success, data: _data, ...report } = result;
        reports.push({ file, ...report, valid });
      }
      const invalid = reports.filter((r) => !r.valid).length;
      setExitCode(io, unreadable ? 2 : invalid > 0 ? 1 : 0);
      if (options.json) {
        writeJson(io, reports);
        return;
      }
      const c = colorsFor(io, "stdout", false);
      const out = reports.flatMap((r) => human(r.file, r, r.valid, c, options.elements === true));
      out.push(
        "",
        `${reports.length} file${reports.length === 1 ? "" : "s"}: ${c.green(`${reports.length - invalid} without errors`)}, ${invalid > 0 ? c.red(`${invalid} with errors`) : "0 with errors"} · checked against ESCO ${taxonomy.escoVersion ?? "(version unknown)"} (${taxonomy.coverage === "full" ? "full import" : "curated layer: pass --esco to check every reference"})${options.strict ? " · --strict" : ""}`,
      );
      io.stdout.write(`${out.join("\n")}\n`);
    });
}
