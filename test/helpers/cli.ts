import { Readable } from "node:stream";
import { run } from "../../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. `stdin` is fed as the standard input. */
export async function cli(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from(
    options.stdin === undefined ? [] : [options.stdin],
  ) as unknown as NodeJS.ReadableStream & { isTTY?: boolean };
  const code = await run(argv, {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: options.tty ?? false },
    stdin,
    env: options.env ?? {},
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
