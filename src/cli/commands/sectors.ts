import { Command } from "commander";
import { listSectors } from "../../framework/sectors.js";
import { type CliIo, colorsFor, writeJson } from "../io.js";
import { applySectorFiles, embeddedNote, mergeReportOf, mergeSummary, table } from "../sector-support.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption, jsonOption, langOption } from "../options.js";

/** `green-skills sectors`: the sectors of the framework layer. */
export function sectorsCommand(io: CliIo): Command {
  return new Command("sectors")
    .description("list the sectors (NACE codes, ISCO fallback groups, occupations, curated references)")
    .addOption(escoOption())
    .option(
      "--sectors <paths...>",
      "extra sector files or folders (YAML/JSON); a sector with a built-in id replaces it",
    )
    .addOption(langOption())
    .addOption(jsonOption())
    .addHelpText(
      "after",
      "\nExample:\n  $ green-skills sectors --esco esco-v1.1.1.gsb\n  $ green-skills sectors --sectors ./my-sectors --json",
    )
    .action(async (options: { esco?: string; sectors?: string[]; lang?: string; json?: boolean }) => {
      const { taxonomy, source, embedded } = await resolveTaxonomy(io, options.esco);
      await applySectorFiles(taxonomy, options.sectors);
      const sectors = listSectors(taxonomy, options.lang ? { lang: options.lang } : {});
      const report = mergeReportOf(taxonomy);
      if (options.json) {
        writeJson(io, {
          source,
          escoVersion: taxonomy.escoVersion,
          coverage: taxonomy.coverage,
          sectors,
          mergeIssues: report.issues,
        });
        return;
      }
      const c = colorsFor(io, "stdout", false);
      const out = [
        `${c.bold("Sectors")}  ${c.dim(`ESCO ${taxonomy.escoVersion ?? "(version unknown)"}, ${taxonomy.coverage}, from ${source}`)}`,
        "",
      ];
      const rows = [
        ["id", "label", "NACE Rev. 2.1", "occupations", "key skills", "key occupations"],
        ...sectors.map((s) => [
          s.id,
          s.label,
          s.nace.map((n) => n.rev21).join(" ") || "—",
          String(s.occupations),
          String(s.keySkills),
          String(s.keyOccupations),
        ]),
      ];
      const lines = table(rows, ["l", "l", "l", "r", "r", "r"]);
      out.push(c.bold(lines[0]!), ...lines.slice(1), "");
      if (embedded) out.push(embeddedNote(c));
      const summary = mergeSummary(report);
      if (summary) out.push(c.yellow(`⚠ ${summary}`));
      out.push(c.dim("Run `green-skills sector <id>` for a sector's occupations and green skills."));
      io.stdout.write(`${out.join("\n")}\n`);
    });
}
