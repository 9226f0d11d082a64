import { Command } from "commander";
import cliProgress from "cli-progress";
import { EscoImportError } from "../../errors.js";
import { importEscoToFile } from "../../node/load.js";
import type { ImportReport } from "../../model/import-report.js";
import { CliError, type CliIo, colorsFor, writeJson } from "../io.js";
import { lookup } from "../../lookup.js";
import { jsonOption, langOption } from "../options.js";

/** `green-skills import`: ESCO download → bundle file. */
export function importCommand(io: CliIo): Command {
  return new Command("import")
    .description("import an official ESCO CSV download (zips or folders) into a bundle file")
    .argument("<path...>", "ESCO zip files as downloaded, folders of extracted CSV files, or CSV files")
    .requiredOption("-o, --out <file>", "bundle file to write (written atomically)")
    .option("--esco-version <version>", "ESCO version when file and folder names do not say it (e.g. v1.2.1)")
    .addOption(langOption("default label language (default: en when present)"))
    .addOption(jsonOption("print the import report as JSON"))
    .option(
      "--max-unzipped-size <size>",
      "limit on the unzipped data of all zip members, e.g. 8GiB or 500MB (default 4GiB)",
    )
    .option("--max-compression-ratio <n>", "limit on how many times a zip member may inflate (default 100)")
    .addHelpText(
      "after",
      `
Example:
  $ green-skills import "ESCO dataset - v1.1.1 - classification - en - csv.zip" \\
      "ESCO dataset - v1.1.1 - classification -  - csv.zip" --out esco-v1.1.1.gsb`,
    )
    .action(
      async (
        paths: string[],
        options: {
          out: string;
          escoVersion?: string;
          lang?: string;
          json?: boolean;
          maxUnzippedSize?: string;
          maxCompressionRatio?: string;
        },
      ) => {
        const json = options.json === true;
        const maxUnzippedSize = options.maxUnzippedSize === undefined ? undefined : parseSize(options.maxUnzippedSize);
        const maxCompressionRatio =
          options.maxCompressionRatio === undefined ? undefined : parseRatio(options.maxCompressionRatio);
        const showBar = !json && io.stderr.isTTY === true;
        const bar = showBar
          ? new cliProgress.SingleBar(
              {
                format: "importing {bar} {value}/{total} files  {file}",
                hideCursor: true,
                clearOnComplete: true,
                stream: io.stderr as NodeJS.WritableStream,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        let started = false;
        try {
          const { report } = await importEscoToFile(paths, options.out, {
            ...(options.escoVersion ? { escoVersion: options.escoVersion } : {}),
            ...(options.lang ? { defaultLanguage: options.lang } : {}),
            ...(maxUnzippedSize !== undefined ? { maxUnzippedSize } : {}),
            ...(maxCompressionRatio !== undefined ? { maxCompressionRatio } : {}),
            onProgress: (p) => {
              if (!bar) return;
              const file =
                p.file
                  .split(/[>/\\]/)
                  .pop()
                  ?.trim() ?? "";
              if (!started) {
                bar.start(p.total, p.done, { file });
                started = true;
              } else bar.update(p.done, { file });
            },
          });
          bar?.stop();
          if (json) writeJson(io, report);
          else printReport(io, report);
        } catch (error) {
          const hint = error instanceof EscoImportError ? IMPORT_HINTS[error.reason] : undefined;
          if (hint) throw new CliError(error instanceof Error ? error.message : String(error), hint);
          throw error;
        } finally {
          bar?.stop();
        }
      },
    );
}

const DOWNLOAD = "https://esco.ec.europa.eu/en/use-esco/download";

/** Hints for import failures whose remedy the generic ESCO hint does not give. */
const IMPORT_HINTS: Partial<Record<EscoImportError["reason"], string>> = {
  unsupported_zip: `the ESCO portal's zips are deflated and not encrypted: extract this zip with a tool that reads it and pass the folder of CSV files, or download it again from ${DOWNLOAD}`,
  too_large:
    "if this is a genuine ESCO download, raise the limits with --max-unzipped-size <size> (e.g. 8GiB) or --max-compression-ratio <n>",
  no_data: `a complete ESCO download has data in every required file; download it again from ${DOWNLOAD}`,
  duplicate_file: "pass each ESCO zip, folder or CSV file once",
};

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
  t: 1e12,
  tb: 1e12,
  tib: 1024 ** 4,
};

/** Parses `--max-unzipped-size`: a number of bytes with an optional unit (`500MB`, `8GiB`, `1.5g`). */
function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? lookup(UNITS, match[2]!.toLowerCase()) : undefined;
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!(bytes > 0))
    throw new CliError(
      `--max-unzipped-size must be a size such as 8GiB, 500MB or 1000000 (bytes), got "${value}"`,
      "units: B, KB, MB, GB, TB (powers of 1000) and KiB, MiB, GiB, TiB (powers of 1024)",
    );
  return bytes;
}

function parseRatio(value: string): number {
  const ratio = Number(value);
  if (value.trim() === "" || !Number.isFinite(ratio) || ratio <= 0)
    throw new CliError(
      `--max-compression-ratio must be a positive number, got "${value}"`,
      "ESCO zip members inflate 3–7 times; the default limit is 100",
    );
  return ratio;
}

function printReport(io: CliIo, report: ImportReport): void {
  const c = colorsFor(io, "stdout", false);
  const n = (x: number) => x.toLocaleString("en-US");
  const lines: string[] = [];
  lines.push(
    `${c.green("✔")} imported ESCO ${report.escoVersion ?? "(version unknown)"} [${report.languages.join(", ")}] in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  if (report.bundle)
    lines.push(`  bundle     ${report.bundle.path} (${(report.bundle.bytes / 1048576).toFixed(1)} MB)`);
  const k = report.concepts;
  lines.push(
    `  concepts   ${n(k.skill)} skills, ${n(k.occupation)} occupations, ${n(k.skillGroup)} skill groups, ${n(k.iscoGroup)} ISCO groups, ${n(k.conceptScheme)} concept schemes`,
  );
  const r = report.relations;
  const rel = (name: string, x: ImportReport["relations"]["occupationSkill"]) =>
    `  ${name.padEnd(10)} ${n(x.rows)} rows, ${n(x.imported)} imported${x.unresolved ? c.yellow(`, ${n(x.unresolved)} kept aside`) : ""}${x.essential !== undefined ? ` (${n(x.essential)} essential, ${n(x.optional ?? 0)} optional)` : ""}`;
  lines.push(
    rel("occ–skill", r.occupationSkill),
    rel("skill–skill", r.skillSkill),
    rel("broader S", r.broaderSkill),
    rel("broader O", r.broaderOcc),
  );
  lines.push(
    `  collections ${Object.entries(report.collections)
      .map(([name, size]) => `${name} ${n(size)}`)
      .join(", ")}`,
  );
  for (const d of report.dangling) {
    lines.push(
      c.yellow(
        `  ⚠ ${n(d.rows)} dangling ${d.column} reference(s) in ${d.file
          .split(/[>/\\]/)
          .pop()
          ?.trim()} (${d.distinctUris} distinct URI(s), e.g. ${d.examples[0]?.uri} at line ${d.examples[0]?.line})`,
      ),
    );
  }
  const normalised = Object.entries(report.normalised);
  if (normalised.length > 0)
    lines.push(`  normalised ${normalised.map(([kind, count]) => `${kind} ${n(count)}`).join(", ")}`);
  const skipped = report.files.filter((f) => f.skipped);
  for (const f of skipped) lines.push(c.dim(`  skipped    ${f.file} (${n(f.rows)} rows): ${f.skipped}`));
  lines.push(
    `  ${n(report.warnings.length)} warning(s)${report.warnings.length ? "; --json lists each with file and line" : ""}`,
  );
  io.stdout.write(`${lines.join("\n")}\n`);
}
