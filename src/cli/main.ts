import "../node/checksum.js";
import "../node/languages.js";
import { Command, CommanderError } from "commander";
import { isGreenSkillsError } from "../errors.js";
import { errnoOf, fsHint, fsReason, isSystemError } from "../node/fs-messages.js";
import { VERSION } from "../version.js";
import { COMMANDS, commandOf } from "./commands/registry.js";
import { disableCache } from "./esco-cache.js";
import { type CliIo, CliError, colorsFor, exitCodeOf, finishCommand, processIo } from "./io.js";

/**
 * The `green-skills` command line: a thin shell over the library. Exit codes: 0 success; 1 the input was
 * read and found wanting (invalid credentials, broken mappings); 2 usage error, unreadable or malformed
 * input, or an internal error.
 *
 * @module
 */

const EXIT_USAGE = 2;

/** System calls whose failure means an output could not be written. */
const WRITE_CALLS: ReadonlySet<string> = new Set([
  "write",
  "rename",
  "mkdir",
  "copyfile",
  "fsync",
  "ftruncate",
  "unlink",
  "rmdir",
]);

/**
 * Builds the command tree with the commands `argv` needs: only the one it runs, or all of them (the
 * root help, an unknown command, or no `argv`).
 */
export async function program(io: CliIo, argv?: readonly string[]): Promise<Command> {
  const root = new Command("green-skills")
    .description("ESCO green skills as a graph: import ESCO, query it, validate micro-credentials")
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option(
      "--no-cache",
      "import an ESCO download (zip or folder) again instead of loading it from the import cache, and build the search index instead of restoring it",
    )
    .hook("preAction", (cmd) => disableCache(io, cmd.opts()["cache"] === false))
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `
Exit codes: 0 success · 1 invalid input found (credentials, mappings) · 2 usage or unreadable input.
Taxonomy: --esco <bundle|zip|folder>, else $GREEN_SKILLS_ESCO, else the embedded default. A download (zip or
folder) is imported once and cached in $GREEN_SKILLS_CACHE_DIR, else $XDG_CACHE_HOME/green-skills, else
~/.cache/green-skills; so is each bundle's search index, which later searches restore (--no-cache skips both).

Example:
  $ green-skills import ./esco-download --out esco.gsb && green-skills stats --esco esco.gsb`,
    );
  const only = argv === undefined ? undefined : commandOf(argv);
  const loaders = only === undefined ? Object.values(COMMANDS) : [COMMANDS[only]!];
  const commands = await Promise.all(loaders.map(async (load) => (await load())(io)));
  for (const command of commands) {
    command.exitOverride().configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
    command.showSuggestionAfterError(true);
    root.addCommand(command);
  }
  return root;
}

/**
 * Runs the CLI with `argv` (without the node and script paths) and returns the exit code.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const cli = await program(io, argv);
  const c = colorsFor(io, "stderr", false);
  const fail = (message: string, hint?: string) => {
    io.stderr.write(`${c.red("error:")} ${message}\n`);
    if (hint) io.stderr.write(`${c.dim("hint:")} ${hint}\n`);
  };
  try {
    if (argv.length === 0) {
      cli.outputHelp();
      return EXIT_USAGE;
    }
    await cli.parseAsync([...argv], { from: "user" });
    await finishCommand(io);
    return exitCodeOf(io) ?? (typeof process.exitCode === "number" ? process.exitCode : 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own "error: …" line (or the help/version text).
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      )
        return 0;
      io.stderr.write(
        `${c.dim("hint:")} run "green-skills ${argv[0] && !argv[0].startsWith("-") ? `${argv[0]} ` : ""}--help" for usage\n`,
      );
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      fail(error.message, error.hint);
      return error.exitCode;
    }
    if (isGreenSkillsError(error)) {
      fail(error.message, hintFor(error));
      return EXIT_USAGE;
    }
    if (isSystemError(error)) {
      // A file-system fault (a missing folder, a full disk) is the environment's, not a bug.
      const where = error.path ? `${error.path}: ` : "";
      fail(`${where}${fsReason(error)}`, fsHint(error.code, WRITE_CALLS.has(error.syscall ?? "") ? "write" : "read"));
      return EXIT_USAGE;
    }
    fail(
      `internal error: ${(error as Error)?.message ?? String(error)}`,
      "this is a bug in green-skills; please report it with the command you ran",
    );
    return EXIT_USAGE;
  }
}

function hintFor(error: { code: string; cause?: unknown; errno?: unknown }): string | undefined {
  const code = error.code;
  // The file-system error behind an error, if any: its own errno code (OutputPathError) or its cause's.
  const errno = typeof error.errno === "string" ? error.errno : errnoOf(error.cause);
  if (code === "E_OUTPUT_IS_INPUT") return "choose another output file: green-skills never overwrites its inputs";
  if (code === "E_OUTPUT_NOT_REGULAR")
    return "give the path of a regular file (new or existing) as the output; folders, devices and FIFOs are never replaced";
  if (code === "E_OUTPUT_NO_FOLDER") return fsHint(errno ?? "ENOENT", "write");
  if (code === "E_OUTPUT_WRITE_FAILED") return fsHint(errno, "write");
  if (code === "E_IMPORT_WRITE_FAILED")
    return fsHint(errnoOf((error.cause as { cause?: unknown } | undefined)?.cause) ?? errno, "write");
  if (code === "E_IMPORT_UNREADABLE_PATH" || code === "E_CREDENTIAL_FILE") return fsHint(errno, "read");
  if (code.startsWith("E_IMPORT_MISSING_FILE"))
    return "pass both ESCO zips (the language zip and the language-independent relations zip), or the folder holding their CSV files";
  if (code.startsWith("E_IMPORT_BAD_ZIP"))
    return "download the ESCO zip again from https://esco.ec.europa.eu/en/use-esco/download";
  if (code.startsWith("E_IMPORT")) return "green-skills reads the official ESCO CSV download; see docs/getting-esco.md";
  if (code === "E_INVALID_BUNDLE") return "re-create the bundle with `green-skills import`";
  if (code === "E_FULL_ESCO_REQUIRED") return "pass --esco <your ESCO import>";
  if (code === "E_INVALID_OPTION") return "see the command's --help for the accepted values";
  return undefined;
}
