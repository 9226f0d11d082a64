import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { CliError } from "./io.js";

/**
 * Expanding the file and folder arguments of a command into credential files.
 *
 * @module
 */

/** File extensions read as credential documents. */
export const CREDENTIAL_EXTENSIONS: ReadonlySet<string> = new Set([".yaml", ".yml", ".json"]);

async function walk(dir: string, out: string[], extensions: ReadonlySet<string> = CREDENTIAL_EXTENSIONS): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out, extensions);
    else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/**
 * The credential files named by `paths`: files as given, folders searched recursively for `.yaml`,
 * `.yml` and `.json` files (hidden folders and node_modules skipped).
 *
 * @throws {@link CliError} (exit 2) for a path that does not exist, or a folder without credential files.
 */
export async function credentialFiles(paths: readonly string[], extensions: ReadonlySet<string> = CREDENTIAL_EXTENSIONS): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new CliError(`no such file or folder: ${path}`, "check the path; folders are searched for .yaml, .yml and .json files");
    }
    if (!info.isDirectory()) {
      out.push(path);
      continue;
    }
    const before = out.length;
    await walk(path, out, extensions);
    if (out.length === before) throw new CliError(`no ${[...extensions].slice(0, -1).join(", ")} or ${[...extensions].at(-1)} files in ${path}`, "pass credential files, or a folder that holds them");
  }
  return [...new Set(out)];
}
