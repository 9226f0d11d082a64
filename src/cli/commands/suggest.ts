import { Command } from "commander";
import { SUGGEST_THRESHOLD, type SuggestResult, suggestSkills } from "../../search/suggest.js";
import type { SearchSkillsOptions } from "../../search/options.js";
import { type CliIo, CliError, type Colors, colorsFor, setExitCode, writeJson } from "../io.js";
import { inputLines, positiveInt } from "../lines.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { writeFileAtomic } from "../../node/write.js";
import { COLUMN_NAMES_HELP, parseColumnsOption } from "../tables/columns.js";
import { readTable } from "../tables/read.js";
import { tableOutcomes, tableWithSuggestions } from "../tables/suggest-table.js";
import { renderLanguageWarnings } from "../language-warnings.js";
import { escoOption, jsonOption, langOption } from "../options.js";

interface SuggestCliOptions {
  esco?: string;
  limit?: string;
  threshold?: string;
  green?: boolean;
  lang?: string;
  sector?: string;
  json?: boolean;
  table?: string;
  out?: string;
  columns?: string;
}

/** `green-skills suggest [outcome...]`: ESCO skill suggestions for learning outcomes. */
export function suggestCommand(io: CliIo): Command {
  return new Command("suggest")
    .description("suggest ESCO skills for a learning outcome, with explanations; says so when nothing fits")
    .argument("[outcome...]", "learning outcome text; without it, read one outcome per line from standard input")
    .addOption(escoOption())
    .option("-n, --limit <n>", "suggestions per outcome", "5")
    .option("--threshold <score>", `minimum score in [0, 1] (default ${SUGGEST_THRESHOLD})`)
    .option("--green", "only skills in ESCO's green skills collection")
    .option("--sector <id>", "only concepts of this sector (green-skills sectors lists the ids)")
    .addOption(langOption("match and show labels in this language"))
    .addOption(jsonOption("print JSON (batch mode: one JSON object per input line)"))
    .option(
      "--table <file>",
      "a mapping table (.csv, .xlsx): suggest for each row's outcome and write a copy with suggestion columns to --out",
    )
    .option("--out <file>", "with --table: the copy to write (.csv, .tsv or .xlsx; never the input)")
    .option(
      "--columns <role=header,...>",
      'with --table: the outcome column\'s header, e.g. outcome="Learning outcome"',
    )
    .addHelpText(
      "after",
      `
Exit code 1 when some outcome has no suggestion at or above the threshold ("no good match"), or is in a
language the taxonomy has no labels in (warning language_not_imported; import that language's files).

With --table, the outcome column is found by its header (${COLUMN_NAMES_HELP.split(",")[0]}); the copy gets the
columns "suggested ESCO URI", "suggested label", "suggestion score" and "suggestion green", one line per
suggestion in a cell. A quoted CSV cell with commas is one outcome.

Example:
  $ green-skills suggest "Learners can size and commission an air-source heat pump" --esco esco-v1.1.1.gsb
  $ green-skills suggest --json < outcomes.txt > suggestions.jsonl
  $ green-skills suggest --table outcomes.xlsx --out outcomes-suggested.xlsx --esco esco-v1.1.1.gsb`,
    )
    .action(async (words: string[], options: SuggestCliOptions) => {
      const limit = positiveInt("--limit", options.limit, 5);
      const threshold = options.threshold === undefined ? SUGGEST_THRESHOLD : Number(options.threshold);
      if (
        options.threshold !== undefined &&
        (!/^\s*[\d.]+\s*$/.test(options.threshold) || !(threshold >= 0 && threshold <= 1))
      ) {
        throw new CliError(
          `--threshold must be a number between 0 and 1, got "${options.threshold}"`,
          `the default is ${SUGGEST_THRESHOLD}`,
        );
      }
      const outcome = words.join(" ").trim();
      const batch = words.length === 0;
      if (options.table !== undefined || options.out !== undefined) {
        if (!options.table || !options.out)
          throw new CliError(
            options.table ? "--table needs --out <file>" : "--out needs --table <file>",
            "green-skills suggest --table outcomes.csv --out outcomes-suggested.csv",
          );
        if (words.length > 0)
          throw new CliError(
            "pass either outcome text or --table, not both",
            "with --table, the outcomes come from the table's outcome column",
          );
      }
      if (options.table && options.out) {
        const table = await readTable(options.table);
        const texts = tableOutcomes(table, parseColumnsOption(options.columns));
        const { taxonomy } = await resolveTaxonomy(io, options.esco);
        const suggestOptions = {
          limit,
          threshold,
          ...(options.green ? { green: true } : {}),
          ...(options.lang ? { lang: options.lang } : {}),
          ...(options.sector ? { sector: options.sector } : {}),
        };
        const results = new Map<string, Map<number, SuggestResult>>();
        let count = 0;
        let unmatched = 0;
        for (const [sheet, rows] of texts) {
          const answers = new Map<number, SuggestResult>();
          for (const [row, text] of rows) {
            const result = suggestSkills(taxonomy, text, suggestOptions);
            if (result.status !== "ok") unmatched++;
            answers.set(row, result);
            count++;
          }
          results.set(sheet, answers);
        }
        await writeFileAtomic(options.out, await tableWithSuggestions(table, results, options.out), {
          inputs: [options.table],
        });
        const c = colorsFor(io, "stderr", false);
        io.stderr.write(
          `${c.green("✔")} ${count} outcome${count === 1 ? "" : "s"} → ${options.out}${unmatched > 0 ? ` (${unmatched} without a suggestion at or above ${threshold})` : ""}; check the suggestions, then copy the URIs you keep into the ESCO column\n`,
        );
        if (unmatched > 0) setExitCode(io, 1);
        return;
      }
      if (batch && io.stdin.isTTY === true) {
        throw new CliError(
          "no outcome given",
          'pass an outcome (green-skills suggest "Learners can …") or pipe one outcome per line into standard input',
        );
      }
      const { taxonomy, source } = await resolveTaxonomy(io, options.esco);
      const suggestOptions: SearchSkillsOptions & { threshold: number } = {
        limit,
        threshold,
        ...(options.green ? { green: true } : {}),
        ...(options.lang ? { lang: options.lang } : {}),
        ...(options.sector ? { sector: options.sector } : {}),
      };
      const c = colorsFor(io, "stdout", options.json === true);
      let unmatched = 0;
      const answer = (text: string): SuggestResult => {
        const result = suggestSkills(taxonomy, text, suggestOptions);
        if (result.status !== "ok" || result.warnings.some((w) => w.code === "language_not_imported")) unmatched++;
        return result;
      };
      if (!batch) {
        const result = answer(outcome);
        if (options.json) writeJson(io, { source, ...result });
        else io.stdout.write(renderSuggestions(c, result));
      } else {
        let first = true;
        for await (const line of inputLines(io)) {
          const result = answer(line);
          if (options.json) io.stdout.write(`${JSON.stringify(result)}\n`);
          else {
            io.stdout.write(`${first ? "" : "\n"}${renderSuggestions(c, result)}`);
            first = false;
          }
        }
      }
      if (unmatched > 0) setExitCode(io, 1);
    });
}

/** The human rendering of one outcome's suggestions. */
export function renderSuggestions(c: Colors, result: SuggestResult): string {
  const text = result.outcome.length > 100 ? `${result.outcome.slice(0, 99)}…` : result.outcome;
  const lines = [c.bold(text)];
  const warnings = renderLanguageWarnings(c, result.warnings ?? []);
  if (warnings) lines.push(warnings.trimEnd());
  const fallback = (labelLang: string) =>
    result.language &&
    labelLang !== result.language &&
    result.warnings?.every((w) => w.code !== "language_not_imported")
      ? ` ${c.dim(`(label in ${labelLang})`)}`
      : "";
  for (const s of result.suggestions) {
    lines.push(
      `  ${c.green("✓")} ${s.score.toFixed(2)}  ${c.bold(s.label)}${fallback(s.labelLang)}${s.green ? `  ${c.green("● green")}` : ""}`,
    );
    lines.push(c.dim(`          ${s.explanation}`), c.dim(`          ${s.uri}`));
  }
  if (result.status === "no_match")
    lines.push(`  ${c.yellow("✗ no match")} ${c.dim("(no word of the text matches an ESCO skill label)")}`);
  if (result.status === "no_good_match") {
    lines.push(
      `  ${c.yellow("✗ no good match")} ${c.dim(`(nothing reaches the threshold ${result.threshold}; closest, not to be used as mappings:)`)}`,
    );
    for (const s of result.belowThreshold)
      lines.push(c.dim(`      ${s.score.toFixed(2)}  ${s.label}${fallback(s.labelLang)}  (${s.explanation})`));
  }
  return `${lines.join("\n")}\n`;
}
