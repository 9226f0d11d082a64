import { Option } from "commander";

/**
 * The options most commands share, declared once: `--esco`, `--json` and `--lang`, with their usual
 * help text (a command passes its own where it means something more specific).
 *
 * @module
 */

/** The usual help of `--esco`. */
export const ESCO_HELP = "ESCO bundle, zip or folder (default: $GREEN_SKILLS_ESCO, else the embedded default)";

/** `--esco <path>`: the taxonomy to use (read with `resolveTaxonomy`). */
export const escoOption = (help: string = ESCO_HELP): Option => new Option("--esco <path>", help);

/** `--json`: print JSON instead of the human report. */
export const jsonOption = (help = "print JSON"): Option => new Option("--json", help);

/** `--lang <code>`: the language of labels (and, where a command says so, of matching). */
export const langOption = (help = "label language"): Option => new Option("--lang <code>", help);
