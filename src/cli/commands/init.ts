import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { UnknownSectorError } from "../../errors.js";
import { sectorProfile } from "../../framework/sector-profile.js";
import { writeFileAtomic } from "../../node/write.js";
import { suggestSkills } from "../../search/suggest.js";
import { credentialTemplate, type TemplateOutcome } from "../init-template.js";
import { type CliIo, CliError, colorsFor } from "../io.js";
import { schemaReference } from "../package-root.js";
import { unknownSectorHint } from "../sector-hint.js";
import { parseColumnsOption } from "../tables/columns.js";
import { isTablePath, readTable } from "../tables/read.js";
import { tableOutcomes } from "../tables/suggest-table.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption } from "../options.js";

interface InitOptions {
  out?: string;
  sector?: string;
  outcomes?: string;
  columns?: string;
  esco?: string;
  force?: boolean;
}

/** `green-skills init --out file.yaml`: a commented template of a micro-credential definition. */
export function initCommand(io: CliIo): Command {
  return new Command("init")
    .description("write a commented micro-credential template with every Annex I element and TODO markers")
    .requiredOption("--out <file>", "the definition file to write (.yaml)")
    .option(
      "--sector <id>",
      "the credential's sector (green-skills sectors lists the ids); its key occupations are listed as suggestions",
    )
    .option(
      "--outcomes <file>",
      "learning outcomes to pre-fill: a text file (one per line) or a mapping table (.csv, .xlsx) with an outcome column",
    )
    .option(
      "--columns <role=header,...>",
      'with a table for --outcomes: the outcome column\'s header, e.g. outcome="Lernergebnis"',
    )
    .addOption(
      escoOption(
        "ESCO bundle, zip or folder for the suggested mappings (default: $GREEN_SKILLS_ESCO, else the embedded default)",
      ),
    )
    .option("--force", "replace --out if it exists")
    .addHelpText(
      "after",
      `
Values to write are "TODO: …" strings: green-skills validate reports each as a todo error until it is replaced.
With --outcomes, each outcome gets the ESCO skills green-skills suggest finds for it, under a
"# TODO review" comment (a todo warning, so validate --strict fails until the mappings are reviewed).

Example:
  $ green-skills init --sector wood-and-furniture --out upholstery.yaml
  $ green-skills init --outcomes outcomes.txt --esco esco.gsb --out upholstery.yaml`,
    )
    .action(async (options: InitOptions) => {
      const out = options.out!;
      if (!/\.ya?ml$/i.test(out))
        throw new CliError(`--out ${out}: the template is YAML; name the file .yaml`, "e.g. --out my-credential.yaml");
      const exists = await readFile(out).then(
        () => true,
        () => false,
      );
      if (exists && !options.force)
        throw new CliError(`${out} exists`, "pass --force to replace it, or choose another --out");
      const { taxonomy } = await resolveTaxonomy(io, options.esco);
      let occupations: { uri: string; label: string }[] = [];
      if (options.sector) {
        try {
          occupations = sectorProfile(taxonomy, options.sector)
            .keyOccupations.filter((k) => k.present)
            .map((k) => ({ uri: k.concept.uri, label: k.concept.label }));
        } catch (error) {
          if (error instanceof UnknownSectorError)
            throw new CliError(`unknown sector "${options.sector}"`, unknownSectorHint(options.sector, error.known));
          throw error;
        }
      }
      let outcomes: TemplateOutcome[] | undefined;
      if (options.outcomes) {
        const texts = await outcomeTexts(options.outcomes, options.columns);
        if (texts.length === 0)
          throw new CliError(
            `${options.outcomes} holds no learning outcome`,
            "one outcome per line, or a table with an outcome column",
          );
        outcomes = texts.map((statement) => ({
          statement,
          suggestions: suggestSkills(taxonomy, statement, { limit: 3 }).suggestions,
        }));
      }
      const text = credentialTemplate({
        schema: schemaReference(out),
        escoVersion: taxonomy.escoVersion,
        ...(options.sector ? { sector: options.sector } : {}),
        ...(outcomes ? { outcomes } : {}),
        occupations,
      });
      await writeFileAtomic(out, text, { inputs: options.outcomes ? [options.outcomes] : [] });
      const c = colorsFor(io, "stderr", false);
      const todos = (text.match(/"TODO\b/g) ?? []).length;
      const reviews = (text.match(/# TODO review/g) ?? []).length;
      io.stderr.write(
        `${c.green("✔")} wrote ${out}: ${todos} value${todos === 1 ? "" : "s"} to write${reviews > 0 ? `, ${reviews} outcome${reviews === 1 ? "" : "s"} with suggested mappings to review` : ""}\n`,
      );
      io.stderr.write(`${c.dim("next:")} fill in the TODOs, then green-skills validate ${out}\n`);
    });
}

async function outcomeTexts(path: string, columns: string | undefined): Promise<string[]> {
  if (isTablePath(path)) {
    const table = await readTable(path);
    return [...tableOutcomes(table, parseColumnsOption(columns)).values()].flatMap((rows) => [...rows.values()]);
  }
  const text = await readFile(path, "utf8").catch(() => {
    throw new CliError(
      `cannot read ${path}`,
      "pass a text file with one learning outcome per line, or a .csv/.xlsx table",
    );
  });
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
