import { dirname, isAbsolute, resolve } from "node:path";
import { Command } from "commander";
import { type CoveredSkill, coverage } from "../../credential/coverage.js";
import { type ParsedDefinition, parseDocument } from "../../credential/parse.js";
import { CredentialFileError } from "../../errors.js";
import { readCredentialFile } from "../../node/credential-file.js";
import { formatIssue } from "../credential-report.js";
import { type CliIo, CliError, type Colors, colorsFor, writeJson } from "../io.js";
import { resolveConceptArg } from "../resolve-concept.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { gapHtml, gapMarkdown } from "../report/gap-report.js";
import { emitReport, reportFormat } from "../report/output.js";
import { escoOption, jsonOption } from "../options.js";

interface GapOptions {
  occupation: string;
  esco?: string;
  json?: boolean;
  all?: boolean;
  format?: string;
  out?: string;
}

const LIMIT = 15;
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

function row(s: CoveredSkill, c: Colors, width: number): string {
  const mark = s.match === "direct" ? c.green("●") : s.match ? c.yellow("◐") : c.red("○");
  const label = s.skill.label.length > width ? `${s.skill.label.slice(0, width - 1)}…` : s.skill.label;
  const via = s.match && s.match !== "direct" ? `via ${s.via.map((v) => v.label).join(", ")} ` : "";
  const detail = s.match ? `${via}(${s.outcomes.join(", ")})` : "";
  return `  ${mark} ${label.padEnd(width)} ${(s.match ?? "missing").padEnd(9)} ${s.green ? c.green("green") : "     "}  ${c.dim(detail)}`.trimEnd();
}

/** Reads a credential file unless it cannot be read at all (exit 2); then parses it (exit 1 when it will not). */
async function readParsed(io: CliIo, file: string, shown = file) {
  let source;
  try {
    source = await readCredentialFile(file);
  } catch (error) {
    if (!(error instanceof CredentialFileError)) throw error;
    throw new CliError(error.message, "pass the path of a credential definition file (a regular, readable file)", 2);
  }
  const parseErrors = source.issues.filter((i) => i.severity === "error");
  if (parseErrors.length > 0) {
    for (const i of parseErrors) io.stderr.write(`${formatIssue(i, colorsFor(io, "stderr", false)).join("\n")}\n`);
    throw new CliError(
      `${shown} could not be parsed`,
      "fix the syntax first (green-skills validate shows all problems)",
      1,
    );
  }
  return parseDocument(source.value);
}

/**
 * The definition of a credential file: the file itself, the definition inline in an issued credential, or
 * the definition file an issued credential names (relative to it). Exit 1 when there is none to use.
 */
async function readDefinition(io: CliIo, file: string): Promise<ParsedDefinition> {
  const doc = await readParsed(io, file);
  let definition = doc.definition;
  const ref = doc.issued?.definitionRef;
  if (ref) {
    const path = isAbsolute(ref) ? ref : resolve(dirname(file), ref);
    let referenced;
    try {
      referenced = await readParsed(io, path, `${file} → definition ${ref}`);
    } catch (error) {
      if (error instanceof CliError && error.exitCode === 2)
        throw new CliError(
          `${file}: cannot read its definition "${ref}": ${error.message}`,
          "give the definition's path relative to the issued credential",
          1,
        );
      throw error;
    }
    definition = referenced.kind === "definition" ? referenced.definition : undefined;
    if (!definition)
      throw new CliError(
        `${file}: its definition "${ref}" is not a credential definition`,
        "point definition at a definition file (with learningOutcomes)",
        1,
      );
  }
  if (!definition || definition.outcomes.length === 0) {
    throw new CliError(`${file} has no readable learning outcomes`, "run green-skills validate on it to see why", 1);
  }
  return definition;
}

/** `green-skills gap <credential-file> --occupation <uri>`: coverage of an occupation's skills by a credential. */
export function gapCommand(io: CliIo): Command {
  return new Command("gap")
    .description(
      "compare a credential's learning outcomes with the essential and optional skills of an ESCO occupation",
    )
    .argument("<credential-file>", "micro-credential definition (YAML or JSON)")
    .requiredOption("--occupation <name-or-uri>", "ESCO occupation: its URI or its name (exact or closest match)")
    .addOption(escoOption("ESCO bundle, zip or folder (a full import: occupation–skill relations are needed)"))
    .addOption(jsonOption())
    .option("--all", "list every skill of the occupation (default: the first 15 per group)")
    .option("--format <format>", "text (default), json, md or html: a report for people")
    .option("--out <file>", "write the report to this file (atomically) instead of standard output")
    .addHelpText(
      "after",
      `
Match: ● direct · ◐ through a narrower or broader skill · ○ missing. Score: essential skills weigh 2, optional 1;
a direct match counts 1, a match through the hierarchy 0.5.

Example:
  $ green-skills gap taxonomy/examples/construction-heat-pump-installation.yaml \\
      --occupation http://data.europa.eu/esco/occupation/7259dc48-004a-4ceb-aa4e-5bbd548c2397 --esco esco.gsb
  $ green-skills gap my-credential.yaml --occupation "heating technician" --esco esco.gsb`,
    )
    .action(async (file: string, options: GapOptions) => {
      const c = colorsFor(io, "stdout", Boolean(options.json));
      const definition = await readDefinition(io, file);
      const { taxonomy } = await resolveTaxonomy(io, options.esco);
      // On the embedded default a URI goes straight to coverage, which says that it needs a full import.
      const occupation =
        taxonomy.coverage === "curated" && /^https?:\/\//.test(options.occupation)
          ? options.occupation
          : resolveConceptArg(io, taxonomy, options.occupation, "occupation", { option: "--occupation" }).uri;
      const report = coverage(taxonomy, { learningOutcomes: definition.outcomes.map((o) => o.outcome) }, occupation);
      const format = reportFormat(options.format, options.json, options.out);
      const title = definition.fields.title
        ? (definition.fields.title["en"] ?? Object.values(definition.fields.title)[0])
        : file;
      if (format === "json") {
        if (options.out) await emitReport(io, `${JSON.stringify({ file, ...report }, null, 2)}\n`, options.out, [file]);
        else writeJson(io, { file, ...report });
        return;
      }
      if (format === "md" || format === "html") {
        await emitReport(
          io,
          format === "html" ? gapHtml(title ?? file, file, report) : gapMarkdown(title ?? file, file, report),
          options.out,
          [file],
        );
        return;
      }
      const out = [
        `${c.bold(title ?? file)} → ${c.bold(report.occupation.label)} ${c.dim(report.occupation.uri)}`,
        `score ${c.bold(pct(report.score))} · essential ${report.essential.covered}/${report.essential.total} covered (${report.essential.related} through the hierarchy) · optional ${report.optional.covered}/${report.optional.total}`,
        `green share: covered skills ${pct(report.greenShare.covered.share)} (${report.greenShare.covered.green}/${report.greenShare.covered.total}) · occupation ${pct(report.greenShare.occupation.share)} (${report.greenShare.occupation.green}/${report.greenShare.occupation.total}) · credential ${pct(report.greenShare.credential.share)}`,
      ];
      const width = Math.min(48, Math.max(20, ...report.skills.map((s) => s.skill.label.length)));
      for (const relation of ["essential", "optional"] as const) {
        const group = report.skills.filter((s) => s.relation === relation);
        if (group.length === 0) continue;
        out.push("", c.bold(`${relation.toUpperCase()} (${group.length})`));
        const shown = options.all ? group : group.slice(0, LIMIT);
        for (const s of shown) out.push(row(s, c, width));
        if (shown.length < group.length)
          out.push(c.dim(`  … ${group.length - shown.length} more (--all or --json lists them)`));
      }
      if (report.extra.length > 0) {
        out.push(
          "",
          `${c.bold("not linked to this occupation")}: ${report.extra.map((e) => `${e.skill.label} (${e.outcomes.join(", ")})`).join("; ")}`,
        );
      }
      if (report.credential.unknownSkills.length > 0) {
        out.push(
          c.yellow(
            `${report.credential.unknownSkills.length} mapped URI(s) are not skills of this ESCO version and were ignored (green-skills validate explains)`,
          ),
        );
      }
      io.stdout.write(`${out.join("\n")}\n`);
    });
}
