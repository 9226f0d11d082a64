import { Command } from "commander";
import type { OccupationHit, SkillHit } from "../../search/results.js";
import { searchOccupations } from "../../search/search-occupations.js";
import { searchSkills } from "../../search/search-skills.js";
import type { SearchSkillsOptions } from "../../search/options.js";
import type { Taxonomy } from "../../taxonomy/taxonomy.js";
import { type CliIo, CliError, type Colors, colorsFor, writeJson } from "../io.js";
import { inputLines, positiveInt } from "../lines.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { setExitCode } from "../io.js";
import { queryLanguage } from "../../search/lang/query-language.js";
import type { LanguageWarning } from "../../search/lang/warnings.js";
import { languageWarnings, renderLanguageWarnings } from "../language-warnings.js";
import { escoOption, jsonOption, langOption } from "../options.js";

interface SearchCliOptions {
  esco?: string;
  limit?: string;
  green?: boolean;
  lang?: string;
  sector?: string;
  collection?: string[];
  occupations?: boolean;
  json?: boolean;
}

/** `green-skills search [query...]`: find skills (or occupations) by name; batch mode on standard input. */
export function searchCommand(io: CliIo): Command {
  return new Command("search")
    .description("find ESCO skills (or occupations) by name, keywords or free text; typo-tolerant")
    .argument("[query...]", "what to look for; without it, read one query per line from standard input")
    .addOption(escoOption())
    .option("-n, --limit <n>", "results per query", "10")
    .option("--green", "only skills in ESCO's green skills collection")
    .option("--collection <name...>", "only members of these collections (digital, transversal, …)")
    .option("--sector <id>", "only concepts of this sector (green-skills sectors lists the ids)")
    .addOption(langOption("match and show labels in this language"))
    .option("--occupations", "search occupations instead of skills")
    .addOption(jsonOption("print JSON (batch mode: one JSON object per input line)"))
    .addHelpText(
      "after",
      `
Without a query, each non-empty line of standard input is one query, answered in order.
The query's language is detected: when it is imported, labels in it are matched first and shown (a label
only available in another language is marked "(label in en)"); when it is not, a warning
language_not_imported names it (also in --json) and the exit code is 1.

Example:
  $ green-skills search "instal heat pump" --green --esco esco-v1.1.1.gsb
  $ green-skills search --json --limit 3 < queries.txt > hits.jsonl`,
    )
    .action(async (words: string[], options: SearchCliOptions) => {
      const limit = positiveInt("--limit", options.limit, 10);
      if (options.occupations && options.green)
        throw new CliError("--green applies to skills only", "drop --green, or drop --occupations");
      const query = words.join(" ").trim();
      const batch = words.length === 0;
      if (batch && io.stdin.isTTY === true) {
        throw new CliError(
          "no query given",
          'pass a query (green-skills search "heat pump") or pipe one query per line into standard input',
        );
      }
      const { taxonomy, source } = await resolveTaxonomy(io, options.esco);
      const searchOptions: SearchSkillsOptions = {
        limit,
        ...(options.green ? { green: true } : {}),
        ...(options.lang ? { lang: options.lang } : {}),
        ...(options.sector ? { sector: options.sector } : {}),
        ...(options.collection ? { collection: options.collection } : {}),
      };
      const find = (text: string): (SkillHit | OccupationHit)[] =>
        options.occupations
          ? searchOccupations(taxonomy, text, searchOptions)
          : searchSkills(taxonomy, text, searchOptions);
      const c = colorsFor(io, "stdout", options.json === true);
      const kind = options.occupations ? "occupation" : "skill";
      /** The query's language and its warnings (the search itself matches in it first). */
      const language = (text: string): { lang: string | undefined; warnings: LanguageWarning[] } => {
        if (options.lang) return { lang: options.lang, warnings: [] };
        const detected = queryLanguage(taxonomy, text);
        return { lang: detected.imported ? (detected.lang ?? undefined) : undefined, warnings: detected.warnings };
      };
      const answer = (text: string) => {
        const hits = find(text);
        const { lang, warnings } = language(text);
        const all = [...warnings, ...languageWarnings(lang, hits, options.lang !== undefined)];
        if (all.some((w) => w.code === "language_not_imported")) setExitCode(io, 1);
        return { hits, lang, warnings: all };
      };
      if (!batch) {
        const { hits, lang, warnings } = answer(query);
        if (options.json) writeJson(io, { query, source, ...(lang ? { language: lang } : {}), warnings, hits });
        else
          io.stdout.write(
            renderLanguageWarnings(c, warnings) + renderHits(c, query, hits, taxonomy, source, kind, lang),
          );
        return;
      }
      let first = true;
      for await (const line of inputLines(io)) {
        const { hits, lang, warnings } = answer(line);
        if (options.json)
          io.stdout.write(`${JSON.stringify({ query: line, ...(lang ? { language: lang } : {}), warnings, hits })}\n`);
        else {
          io.stdout.write(
            `${first ? "" : "\n"}${renderLanguageWarnings(c, warnings)}${renderHits(c, line, hits, taxonomy, source, kind, lang)}`,
          );
          first = false;
        }
      }
    });
}

/** The human table of one query's hits. */
export function renderHits(
  c: Colors,
  query: string,
  hits: readonly (SkillHit | OccupationHit)[],
  taxonomy: Taxonomy,
  source: string,
  what: "skill" | "occupation",
  lang?: string,
): string {
  const head = `${c.bold(`"${clip(query, 80)}"`)}  ${c.dim(`${hits.length} ${what}${hits.length === 1 ? "" : "s"} · ESCO ${taxonomy.escoVersion ?? "?"} ${taxonomy.coverage} · ${source}`)}`;
  if (hits.length === 0) {
    const hint =
      taxonomy.coverage === "curated"
        ? " (the embedded default holds only the curated concepts; pass --esco for all of ESCO)"
        : "";
    return `${head}\n  ${c.dim(`no match${hint}`)}\n`;
  }
  const lines = [head];
  hits.forEach((hit, at) => {
    const marks: string[] = [];
    if (hit.kind === "skill") {
      if (hit.green) marks.push(c.green("● green"));
      if (hit.skillType === "knowledge") marks.push(c.dim("knowledge"));
    } else if (hit.iscoGroup) marks.push(c.dim(`ISCO ${hit.iscoGroup}`));
    const fallback = lang !== undefined && hit.labelLang !== lang ? ` ${c.dim(`(label in ${hit.labelLang})`)}` : "";
    lines.push(
      `${String(at + 1).padStart(3)}  ${hit.score.toFixed(2)}  ${c.bold(hit.label)}${fallback}${marks.length > 0 ? `  ${marks.join(" ")}` : ""}`,
    );
    const via =
      hit.matchedLabel.type === "pref"
        ? ""
        : hit.matchedLabel.type === "alt"
          ? ` via "${clip(hit.matchedLabel.text, 60)}"`
          : " via a hidden label";
    const words = hit.matchedTerms.length > 0 ? `matched ${hit.matchedTerms.map((w) => `"${w}"`).join(" ")}${via}` : "";
    lines.push(c.dim(`           ${hit.uri}${words ? `  ${words}` : ""}`));
  });
  return `${lines.join("\n")}\n`;
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
