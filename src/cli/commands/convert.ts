import { Command } from "commander";
import { CredentialFileError } from "../../errors.js";
import { foreignToDefinition } from "../../foreign/convert.js";
import { readForeignCredentialFile } from "../../node/foreign-file.js";
import { writeFileAtomic } from "../../node/write.js";
import { formatIssue } from "../credential-report.js";
import { CliError, type CliIo, colorsFor, writeJson } from "../io.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption, jsonOption } from "../options.js";

/**
 * `green-skills convert`: a credential that others issued (Open Badges 3.0, ELM / EDC) to a green-skills
 * definition, so that it comes under the same checks.
 *
 * @module
 */

interface ConvertOptions {
  out?: string;
  esco?: string;
  json?: boolean;
}

/** `green-skills convert <credential> --out definition.yaml`. */
export function convertCommand(io: CliIo): Command {
  return new Command("convert")
    .description("convert a received Open Badges 3.0 or ELM / EDC credential to a green-skills definition (YAML)")
    .argument("<credential>", "the credential: JSON-LD, VC-JWT, baked SVG or PNG badge")
    .option("--out <file>", "write the definition to this file (default: standard output)")
    .addOption(escoOption("ESCO bundle, zip or folder whose version is stated when the credential names none"))
    .addOption(
      jsonOption('print JSON: { "definition", "unmapped", "format" } (with --out: { "out", "format", "unmapped" })'),
    )
    .addHelpText(
      "after",
      `
A comment at the top of the YAML lists what could not be mapped. Elements the credential lacks stay
missing: run "green-skills validate" on the result.
Exit codes: 0 converted · 1 the file is not a credential green-skills reads · 2 usage error or unreadable file.

Example:
  $ green-skills convert received/badge.json --out badge-definition.yaml && green-skills validate badge-definition.yaml`,
    )
    .action(async (file: string, options: ConvertOptions) => {
      let read;
      try {
        read = await readForeignCredentialFile(file);
      } catch (error) {
        if (error instanceof CredentialFileError) throw new CliError(error.message, "check the path", 2);
        throw error;
      }
      if (read.format === "unknown" || read.format === "europass-xml" || read.document === undefined) {
        const c = colorsFor(io, "stderr", false);
        io.stderr.write(
          `${read.issues
            .filter((i) => i.severity === "error")
            .flatMap((i) => formatIssue(i, c))
            .join("\n")}\n`,
        );
        throw new CliError(
          `${file}: not an Open Badges 3.0 or ELM credential that can be converted (${read.format}); nothing was written`,
          `check it with "green-skills check ${file}"`,
          1,
        );
      }
      const escoVersion = options.esco ? (await resolveTaxonomy(io, options.esco)).taxonomy.escoVersion : undefined;
      const result = foreignToDefinition(read, escoVersion ? { escoVersion } : {});
      if (options.out) {
        await writeFileAtomic(options.out, result.yaml, { inputs: [file] });
        if (options.json) writeJson(io, { out: options.out, format: read.format, unmapped: result.unmapped });
        else {
          const c = colorsFor(io, "stdout", false);
          io.stdout.write(
            `${c.green("✔")} wrote the definition from ${read.format} to ${c.bold(options.out)}${result.unmapped.length > 0 ? ` ${c.dim(`(${result.unmapped.length} item${result.unmapped.length === 1 ? "" : "s"} not mapped, listed at the top)`)}` : ""}\n`,
          );
        }
      } else if (options.json)
        writeJson(io, { definition: result.definition, unmapped: result.unmapped, format: read.format });
      else io.stdout.write(result.yaml);
    });
}
