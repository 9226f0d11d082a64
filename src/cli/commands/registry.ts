import type { Command } from "commander";
import type { CliIo } from "../io.js";

/**
 * The CLI's commands, in help order, each with the loader of its module. A run loads only the module of
 * the command it runs (the root help and an unknown command load them all): starting `suggest` then
 * costs the modules `suggest` needs, not those of `export` or `graph`.
 *
 * @module
 */

type Loader = () => Promise<(io: CliIo) => Command>;

/** Command name → loader of its definition. */
export const COMMANDS: Readonly<Record<string, Loader>> = {
  import: async () => (await import("./import.js")).importCommand,
  stats: async () => (await import("./stats.js")).statsCommand,
  show: async () => (await import("./show.js")).showCommand,
  search: async () => (await import("./search.js")).searchCommand,
  suggest: async () => (await import("./suggest.js")).suggestCommand,
  init: async () => (await import("./init.js")).initCommand,
  validate: async () => (await import("./validate.js")).validateCommand,
  gap: async () => (await import("./gap.js")).gapCommand,
  export: async () => (await import("./export.js")).exportCommand,
  check: async () => (await import("./check.js")).checkCommand,
  convert: async () => (await import("./convert.js")).convertCommand,
  sectors: async () => (await import("./sectors.js")).sectorsCommand,
  sector: async () => (await import("./sector.js")).sectorCommand,
  graph: async () => (await import("./graph.js")).graphCommand,
  diff: async () => (await import("./diff.js")).diffCommand,
};

/**
 * The command `argv` runs: its first word that is not an option (the root's options take no value), if
 * it names a command.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  const first = argv.find((a) => !a.startsWith("-"));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}
