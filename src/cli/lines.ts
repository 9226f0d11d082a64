import { createInterface } from "node:readline";
import { type CliIo, CliError } from "./io.js";

/**
 * Reading standard input line by line for batch commands.
 *
 * @module
 */

/**
 * The non-empty lines of standard input, in order, trimmed, without holding the whole input in memory.
 * Lines of any length are fine.
 */
export async function* inputLines(io: CliIo): AsyncGenerator<string> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    const trimmed = line.trim();
    if (trimmed) yield trimmed;
  }
}

/** Parses a positive integer option, or throws a usage error naming the option. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) {
    throw new CliError(`${name} must be a positive integer, got "${value}"`, `for example ${name} 5`);
  }
  return n;
}
