import { writeFileAtomic } from "../../node/write.js";
import { type CliIo, CliError } from "../io.js";

/**
 * Where a report goes: `--out` (written atomically, never over an input), else standard output.
 *
 * @module
 */

/** The report formats for people. */
export const REPORT_FORMATS = ["text", "json", "md", "html"] as const;
/** A report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Checks `--format` (with `--json` as a shorthand) and `--out`. */
export function reportFormat(
  format: string | undefined,
  json: boolean | undefined,
  out: string | undefined,
): ReportFormat {
  const chosen = json
    ? "json"
    : (format ?? (out && /\.html?$/i.test(out) ? "html" : out && /\.md$/i.test(out) ? "md" : "text"));
  if (!(REPORT_FORMATS as readonly string[]).includes(chosen))
    throw new CliError(`--format ${chosen}: not a report format`, `use one of ${REPORT_FORMATS.join(", ")}`);
  return chosen as ReportFormat;
}

/** Writes a report to `out` or standard output. */
export async function emitReport(
  io: CliIo,
  text: string,
  out: string | undefined,
  inputs: readonly string[],
): Promise<void> {
  if (!out) {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(out, text, { inputs });
  io.stderr.write(`wrote ${out}\n`);
}
