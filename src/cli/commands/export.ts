import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import type { CredentialIssue } from "../../credential/issues.js";
import { parseCredential } from "../../credential/parse-credential.js";
import {
  type IssuedMicroCredential,
  IssuedMicroCredentialSchema,
  type MicroCredential,
} from "../../credential/schema.js";
import { validateCredential } from "../../credential/validate.js";
import { fromZodIssues } from "../../credential/zod-issues.js";
import { CredentialFileError, ExportError } from "../../errors.js";
import { toEuropeanDigitalCredential } from "../../export/elm/credential.js";
import { toElm } from "../../export/elm/specification.js";
import type { ExportIssuer } from "../../export/issuer.js";
import { toOpenBadgeAchievement } from "../../export/openbadges/achievement.js";
import { toOpenBadgeCredential } from "../../export/openbadges/credential.js";
import type { ExportResult } from "../../export/warnings.js";
import { readCredentialFile } from "../../node/credential-file.js";
import { readIssuedCredentialFile } from "../../node/issued-credential-file.js";
import { validateCredentialFile } from "../../node/validate-credential-file.js";
import { checkOutputPath, writeFileAtomic } from "../../node/write.js";
import type { Taxonomy } from "../../taxonomy/taxonomy.js";
import { formatCounts, formatIssue } from "../credential-report.js";
import { CliError, type CliIo, colorsFor, writeJson } from "../io.js";
import { ESCO_ENV, resolveTaxonomy } from "../taxonomy.js";
import { escoOption, jsonOption, langOption } from "../options.js";

/**
 * `green-skills export`: a validated micro-credential to Open Badges 3.0 or ELM / European Digital
 * Credentials. Refuses definitions with validation errors.
 *
 * @module
 */

interface ExportOptions {
  to: "openbadges" | "elm";
  issued?: string;
  lang?: string;
  esco?: string;
  out?: string;
  json?: boolean;
  issuerId?: string;
  issuerLegalId?: string;
  credentialId?: string;
  vcdm?: "2.0" | "1.1";
}

/** The learner file of `--issued`: an issued credential without its definition (the credential file gives it). */
const IssuanceSchema = IssuedMicroCredentialSchema.omit({ definition: true });

const LEARNER_HINT =
  "the learner file holds { id?, learner: { givenName, familyName, id, email, … }, issued: YYYY-MM-DD, grade? }; fix the fields named above";

type Input =
  | { kind: "definition"; definition: MicroCredential }
  | {
      kind: "issued";
      issued: IssuedMicroCredential & {
        definition: MicroCredential;
      } /** The definition file it refers to, if by path. */;
      definitionFile?: string;
    };

/** Stops with the issues of a file: exit 1 for content errors (the file was read), as `validate` does. */
function refuse(
  io: CliIo,
  file: string,
  issues: readonly CredentialIssue[],
  what: string,
  hint = `fix them and check with "green-skills validate ${file}"`,
): never {
  const c = colorsFor(io, "stderr", false);
  const errors = issues.filter((i) => i.severity === "error");
  const lines = [
    `${c.red("✖")} ${c.bold(file)}  ${c.dim(formatCounts({ error: errors.length, warning: 0, info: 0 }))}`,
    ...errors.flatMap((i) => formatIssue(i, c)),
  ];
  io.stderr.write(`${lines.join("\n")}\n`);
  throw new CliError(
    `${file}: ${what} (${errors.length} validation error${errors.length === 1 ? "" : "s"} above); nothing was exported`,
    hint,
    1,
  );
}

async function readInput(io: CliIo, file: string, taxonomy: Taxonomy, options: ExportOptions): Promise<Input> {
  const validation = await validateCredentialFile(taxonomy, file, {
    suggest: false,
    ...(options.lang ? { lang: options.lang } : {}),
  });
  if (!validation.success)
    refuse(
      io,
      file,
      validation.issues,
      validation.kind === "issued" ? "the issued credential has errors" : "the definition has errors",
    );
  if (validation.kind === "issued") {
    if (options.issued)
      throw new CliError(
        `${file} is already an issued credential; --issued adds a learner to a definition`,
        "drop --issued, or pass the definition file",
      );
    const read = await readIssuedCredentialFile(file);
    if (!read.success) refuse(io, file, read.issues, "the issued credential cannot be read");
    const ref = ((await readCredentialFile(file)).value as { definition?: unknown } | undefined)?.definition;
    return {
      kind: "issued",
      issued: read.data,
      ...(typeof ref === "string" ? { definitionFile: resolve(dirname(file), ref.trim()) } : {}),
    };
  }
  const parsed = parseCredential((await readCredentialFile(file)).value);
  if (!parsed.success) refuse(io, file, parsed.issues, "the definition has errors");
  const definition = parsed.data;
  if (!options.issued) return { kind: "definition", definition };

  const learnerFile = await readCredentialFile(options.issued);
  if (learnerFile.issues.some((i) => i.severity === "error"))
    refuse(io, options.issued, learnerFile.issues, "the learner file cannot be read");
  const value = learnerFile.value;
  if (value && typeof value === "object" && "definition" in value) {
    throw new CliError(
      `${options.issued} names its own definition; the --issued file holds only the learner, the date of issuing and the grade`,
      `export the issued credential directly: green-skills export ${options.issued} --to ${options.to}`,
    );
  }
  const issuance = IssuanceSchema.safeParse(value);
  if (!issuance.success) {
    const issues = fromZodIssues(issuance.error.issues, [], value, IssuanceSchema).map((i) => ({
      ...i,
      ...(learnerFile.locate(i.path) ?? {}),
    }));
    refuse(io, options.issued, issues, "the learner file is not valid", LEARNER_HINT);
  }
  const issued = { ...issuance.data, definition };
  // Validate the combination too: the grade against the definition's grade scheme.
  const combined = validateCredential(taxonomy, issued, { suggest: false });
  if (!combined.success)
    refuse(
      io,
      options.issued,
      combined.issues.map((i) => ({ ...i, ...(learnerFile.locate(i.path) ?? {}) })),
      "the issued credential has errors",
      LEARNER_HINT,
    );
  return { kind: "issued", issued };
}

function exportInput(
  input: Input,
  taxonomy: Taxonomy,
  options: ExportOptions,
): ExportResult<unknown> & { what: string } {
  const issuer: ExportIssuer = {
    ...(options.issuerId ? { id: options.issuerId } : {}),
    ...(options.issuerLegalId ? { legalIdentifier: options.issuerLegalId } : {}),
  };
  const common = {
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.credentialId ? { credentialId: options.credentialId } : {}),
  };
  if (options.to === "openbadges") {
    return input.kind === "definition"
      ? { ...toOpenBadgeAchievement(taxonomy, input.definition, common), what: "Open Badges 3.0 Achievement" }
      : {
          ...toOpenBadgeCredential(taxonomy, input.issued, { ...common, issuer }),
          what: "Open Badges 3.0 OpenBadgeCredential (unsigned)",
        };
  }
  return input.kind === "definition"
    ? { ...toElm(taxonomy, input.definition, common), what: "ELM learning-achievement specification" }
    : {
        ...toEuropeanDigitalCredential(taxonomy, input.issued, {
          ...common,
          issuer,
          ...(options.vcdm ? { vcdm: options.vcdm } : {}),
        }),
        what: `European Digital Credential (unsigned, ${options.vcdm === "1.1" ? "VCDM 1.1" : "Europass VCDM 2.0"})`,
      };
}

const HINTS: Record<string, string> = {
  legalIdentifier: "add legalIdentifier to the first awarding body, or pass --issuer-legal-id <eIDAS identifier>",
  id: "give the issued credential an id (e.g. urn:uuid:…), or pass --credential-id <uri>",
};

/** `green-skills export <credential-file> --to openbadges|elm`. */
export function exportCommand(io: CliIo): Command {
  return new Command("export")
    .description(
      "export a validated micro-credential to Open Badges 3.0 or ELM / European Digital Credentials (JSON-LD)",
    )
    .argument("<credential-file>", "a definition, or an issued credential (YAML or JSON)")
    .addOption(new Option("--to <format>", "target format").choices(["openbadges", "elm"]).makeOptionMandatory())
    .option(
      "--issued <learner-file>",
      "export an issued credential: learner, issued date and grade (YAML or JSON) for this definition",
    )
    .addOption(langOption("language of texts and ESCO labels (default: the first language of the title)"))
    .addOption(
      escoOption("ESCO bundle, zip or folder for the labels (default: $GREEN_SKILLS_ESCO, else the embedded default)"),
    )
    .option("--out <file>", "write the document to this file instead of standard output")
    .addOption(jsonOption('print JSON: { "document", "warnings" } (with --out: { "out", "format", "warnings" })'))
    .option("--issuer-id <uri>", "issuer URI; overrides the first awarding body's id (e.g. the did:key you sign with)")
    .option("--issuer-legal-id <id>", "the issuer's eIDAS legal identifier, required for a European Digital Credential")
    .option("--credential-id <uri>", "id of the issued credential when the file gives none")
    .addOption(
      new Option(
        "--vcdm <version>",
        "European Digital Credential form: 2.0 = the Europass / EBSI profile (default), 1.1 = the ELM v3 samples' form",
      ).choices(["2.0", "1.1"]),
    )
    .addHelpText(
      "after",
      `
A definition exports to an OB 3.0 Achievement or an ELM Qualification; an issued credential (or a
definition with --issued) to an unsigned OpenBadgeCredential or European Digital Credential.
The learner file of --issued: { id?, learner: { givenName, familyName, id, email, … }, issued: YYYY-MM-DD, grade? }.
Exit codes: 0 exported · 1 validation errors (nothing exported) or data the format needs is missing · 2 usage error or unreadable file.

Example:
  $ green-skills export taxonomy/examples/construction-heat-pump-installation.yaml --to openbadges --out badge.json
  $ green-skills export taxonomy/examples/issued-heat-pump-installation.yaml --to elm --issuer-legal-id DE.NW.HRB-12345 --esco esco.gsb`,
    )
    .action(async (file: string, options: ExportOptions) => {
      // Everything the document is made from; --out may be none of them. Checked before any work.
      const esco = options.esco ?? io.env[ESCO_ENV];
      const inputs = [file, ...(options.issued ? [options.issued] : []), ...(esco ? [esco] : [])];
      if (options.out) await checkOutputPath(options.out, inputs);
      const { taxonomy } = await resolveTaxonomy(io, options.esco);
      let input: Input;
      try {
        input = await readInput(io, file, taxonomy, options);
      } catch (error) {
        if (error instanceof CredentialFileError)
          throw new CliError(error.message, "check the path, and that it names a regular file that can be read", 2);
        throw error;
      }
      let result: ReturnType<typeof exportInput>;
      try {
        result = exportInput(input, taxonomy, options);
      } catch (error) {
        if (!(error instanceof ExportError) || error.reason !== "missing_data") throw error;
        const last = String(error.path.at(-1));
        throw new CliError(`${file}: ${error.message}`, HINTS[last] ?? HINTS["id"], 1);
      }
      const c = colorsFor(io, "stderr", false);
      const warnings = result.warnings;
      if (options.out) {
        const definitionFile = input.kind === "issued" ? input.definitionFile : undefined;
        await writeFileAtomic(options.out, `${JSON.stringify(result.document, null, 2)}\n`, {
          inputs: [...inputs, ...(definitionFile ? [definitionFile] : [])],
        });
        if (options.json) writeJson(io, { out: options.out, format: options.to, kind: input.kind, warnings });
        else {
          const out = colorsFor(io, "stdout", false);
          io.stdout.write(
            `${out.green("✔")} wrote ${result.what} to ${out.bold(options.out)}${warnings.length > 0 ? ` ${out.dim(`(${warnings.length} warning${warnings.length === 1 ? "" : "s"})`)}` : ""}\n`,
          );
        }
      } else if (options.json) writeJson(io, { document: result.document, warnings });
      else io.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
      if (!options.json)
        for (const w of warnings) io.stderr.write(`${c.yellow("warning:")} ${w.message} ${c.dim(`[${w.code}]`)}\n`);
    });
}
