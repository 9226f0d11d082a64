import { errnoOf, fsReason } from "../node/fs-messages.js";

/**
 * How the `green-skills` process meets its surroundings: a reader that goes away (`| head`), and
 * interrupts. Installed by the executable only, never by the library or in-process runs.
 *
 * @module
 */

/** Exit status when standard output's reader has gone away: 128 + SIGPIPE, as a writer killed by SIGPIPE. */
export const EXIT_BROKEN_PIPE = 141;

/** Exit status after a signal: 128 + its number. */
export const SIGNAL_EXIT: Readonly<Record<"SIGINT" | "SIGTERM" | "SIGHUP", number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

/**
 * Quiet exit on EPIPE (like git and ripgrep, no `Error: write EPIPE` and no stack trace); one `error:` line
 * for any other failure to write standard output (a full disk); exit 128 + n on SIGINT, SIGTERM and SIGHUP.
 * Temporary output files are removed on the way out (`writeFileAtomic` removes them on exit).
 */
export function installProcessHandlers(): void {
  const onStreamError = (name: "stdout" | "stderr") => (error: unknown) => {
    if (errnoOf(error) === "EPIPE") process.exit(EXIT_BROKEN_PIPE);
    if (name === "stdout") {
      try {
        process.stderr.write(
          `error: cannot write to standard output: ${fsReason(error)}\nhint: check where standard output goes (a full disk, a closed file)\n`,
        );
      } catch {
        // stderr is gone too: nothing left to say it on.
      }
    }
    process.exit(2);
  };
  process.stdout.on("error", onStreamError("stdout"));
  process.stderr.on("error", onStreamError("stderr"));
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) process.on(signal, () => process.exit(code));
}
