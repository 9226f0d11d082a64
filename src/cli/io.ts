import pc from "picocolors";

/**
 * The CLI's view of its environment, injectable for tests: streams, TTY-ness, environment variables.
 *
 * @module
 */

/** Streams and environment the CLI runs with. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Colour functions; all identity when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours only on a terminal, never with `--json`, never when `NO_COLOR` is set (any value);
 * `FORCE_COLOR` turns them on.
 */
export function colorsFor(io: CliIo, stream: "stdout" | "stderr", json: boolean): Colors {
  const env = io.env;
  const noColor = env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "";
  const force = env["FORCE_COLOR"] !== undefined && env["FORCE_COLOR"] !== "0";
  const enabled = !json && !noColor && (force || io[stream].isTTY === true);
  return pc.createColors(enabled);
}

/** A failure the CLI reports as one `error:` line plus a hint, with an exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Writes a JSON document followed by a newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const exitCodes = new WeakMap<CliIo, number>();

/** Sets the exit code of the current run (1 for findings) without touching `process.exitCode`. */
export function setExitCode(io: CliIo, code: number): void {
  exitCodes.set(io, Math.max(code, exitCodes.get(io) ?? 0));
}

/** The exit code a command set with {@link setExitCode}, if any. */
export function exitCodeOf(io: CliIo): number | undefined {
  return exitCodes.get(io);
}

const finishers = new WeakMap<CliIo, (() => Promise<void>)[]>();

/** Runs `task` after the command has finished successfully (the search cache saves so), before the exit. */
export function afterCommand(io: CliIo, task: () => Promise<void>): void {
  let list = finishers.get(io);
  if (!list) finishers.set(io, (list = []));
  list.push(task);
}

/** Runs and forgets the tasks of {@link afterCommand}. */
export async function finishCommand(io: CliIo): Promise<void> {
  const list = finishers.get(io) ?? [];
  finishers.delete(io);
  for (const task of list) await task();
}
