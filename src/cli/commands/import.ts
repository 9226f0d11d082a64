import { Command } from "commander";
import cliProgress from "cli-progress";
import { importEscoToFile } from "../../node/load.js";
import type { ImportReport } from "../../node/import/report.js";
import { type CliIo, colorsFor, writeJson } from "../io.js";

/** `green-skills import`: ESCO download → bundle file. */
export function importCommand(io: CliIo): Command {
  return new Command("import")
    .description("import an official ESCO CSV download (zips or folders) into a bundle file")
    .argument("<path...>", "ESCO zip files as downloaded, folders of extracted CSV files, or CSV files")
    .requiredOption("-o, --out <file>", "bundle file to write (written atomically)")
    .option("--esco-version <version>", "ESCO version when file and folder names do not say it (e.g. v1.2.1)")
    .option("--lang <code>", "default label language (default: en when present)")
    .option("--json", "print the import report as JSON")
    .addHelpText(
      "after",
      `
Example:
  $ green-skills import "ESCO dataset - v1.1.1 - classification - en - csv.zip" \\
      "ESCO dataset - v1.1.1 - classification -  - csv.zip" --out esco-v1.1.1.gsb`,
    )
    .action(async (paths: string[], options: { out: string; escoVersion?: string; lang?: string; json?: boolean }) => {
      const json = options.json === true;
      const showBar = !json && io.stderr.isTTY === true;
      const bar = showBar
        ? new cliProgress.SingleBar({ format: "importing {bar} {value}/{total} files  {file}", hideCursor: true, clearOnComplete: true, stream: io.stderr as NodeJS.WritableStream }, cliProgress.Presets.shades_classic)
        : undefined;
      let started = false;
      try {
        const { report } = await importEscoToFile(paths, options.out, {
          ...(options.escoVersion ? { escoVersion: options.escoVersion } : {}),
          ...(options.lang ? { defaultLanguage: options.lang } : {}),
          onProgress: (p) => {
            if (!bar) return;
            const file = p.file.split(/[>/\\]/).pop()?.trim() ?? "";
            if (!started) {
              bar.start(p.total, p.done, { file });
              started = true;
            } else bar.update(p.done, { file });
          },
        });
        bar?.stop();
        if (json) writeJson(io, report);
        else printReport(io, report);
      } finally {
        bar?.stop();
      }
    });
}

function printReport(io: CliIo, report: ImportReport): void {
  const c = colorsFor(io, "stdout", false);
  const n = (x: number) => x.toLocaleString("en-US");
  const lines: string[] = [];
  lines.push(`${c.green("✔")} imported ESCO ${report.escoVersion ?? "(version unknown)"} [${report.languages.join(", ")}] in ${(report.durationMs / 1000).toFixed(1)} s`);
  if (report.bundle) lines.push(`  bundle     ${report.bundle.path} (${(report.bundle.bytes / 1048576).toFixed(1)} MB)`);
  const k = report.concepts;
  lines.push(`  concepts   ${n(k.skill)} skills, ${n(k.occupation)} occupations, ${n(k.skillGroup)} skill groups, ${n(k.iscoGroup)} ISCO groups, ${n(k.conceptScheme)} concept schemes`);
  const r = report.relations;
  const rel = (name: string, x: ImportReport["relations"]["occupationSkill"]) =>
    `  ${name.padEnd(10)} ${n(x.rows)} rows, ${n(x.imported)} imported${x.unresolved ? c.yellow(`, ${n(x.unresolved)} kept aside`) : ""}${x.essential !== undefined ? ` (${n(x.essential)} essential, ${n(x.optional ?? 0)} optional)` : ""}`;
  lines.push(rel("occ–skill", r.occupationSkill), rel("skill–skill", r.skillSkill), rel("broader S", r.broaderSkill), rel("broader O", r.broaderOcc));
  lines.push(`  collections ${Object.entries(report.collections).map(([name, size]) => `${name} ${n(size)}`).join(", ")}`);
  for (const d of report.dangling) {
    lines.push(c.yellow(`  ⚠ ${n(d.rows)} dangling ${d.column} reference(s) in ${d.file.split(/[>/\\]/).pop()?.trim()} (${d.distinctUris} distinct URI(s), e.g. ${d.examples[0]?.uri} at line ${d.examples[0]?.line})`));
  }
  const normalised = Object.entries(report.normalised);
  if (normalised.length > 0) lines.push(`  normalised ${normalised.map(([kind, count]) => `${kind} ${n(count)}`).join(", ")}`);
  const skipped = report.files.filter((f) => f.skipped);
  for (const f of skipped) lines.push(c.dim(`  skipped    ${f.file} (${n(f.rows)} rows): ${f.skipped}`));
  lines.push(`  ${n(report.warnings.length)} warning(s)${report.warnings.length ? "; --json lists each with file and line" : ""}`);
  io.stdout.write(`${lines.join("\n")}\n`);
}
