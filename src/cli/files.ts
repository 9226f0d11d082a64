import type { Dirent, Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { fsHint, fsReason, errnoOf } from "../node/fs-messages.js";
import { CliError } from "./io.js";

/**
 * Expanding the file and folder arguments of a command into credential files.
 *
 * @module
 */

/** File extensions read as credential documents. */
export const CREDENTIAL_EXTENSIONS: ReadonlySet<string> = new Set([".yaml", ".yml", ".json"]);

const matches = (name: string, state: Walk) => state.extensions.has(extname(name).toLowerCase());
const id = (info: Stats) => `${info.dev}:${info.ino}`;

interface Walk {
  readonly out: string[];
  /** Folders already searched (device and inode): a symbolic link back up the tree is not followed again. */
  readonly folders: Set<string>;
  /** Files already listed, so a file reached through a link is read once. */
  readonly files: Set<string>;
  /** Credential entries met, including ones already listed. */
  found: number;
  /** The extensions searched for (default {@link CREDENTIAL_EXTENSIONS}). */
  readonly extensions: ReadonlySet<string>;
}

function unreadableFolder(dir: string, cause: unknown): CliError {
  return new CliError(`cannot read the folder ${dir}: ${fsReason(cause)}`, fsHint(errnoOf(cause), "read"));
}

async function walk(dir: string, state: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    throw unreadableFolder(dir, cause);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isFile()) {
      if (matches(entry.name, state)) await add(path, state);
      continue;
    }
    if (!entry.isDirectory() && !entry.isSymbolicLink()) {
      // A FIFO, device or socket named like a credential is listed so that the reader reports it.
      if (matches(entry.name, state)) list(path, state);
      continue;
    }
    // Folders, and symbolic links (followed).
    let info: Stats;
    try {
      info = await stat(path);
    } catch (cause) {
      // A dangling link named like a credential is listed so that the reader reports it; a broken link to
      // a folder cannot be searched: say so.
      if (matches(entry.name, state)) list(path, state);
      else if (errnoOf(cause) !== "ENOENT") throw unreadableFolder(path, cause);
      continue;
    }
    if (info.isDirectory()) {
      if (state.folders.has(id(info))) continue;
      state.folders.add(id(info));
      await walk(path, state);
    } else if (matches(entry.name, state)) await add(path, state, info);
  }
}

function list(path: string, state: Walk): void {
  state.found++;
  state.out.push(path);
}

async function add(path: string, state: Walk, known?: Stats): Promise<void> {
  state.found++;
  const info = known ?? (await stat(path).catch(() => undefined));
  if (info) {
    if (state.files.has(id(info))) return;
    state.files.add(id(info));
  }
  state.out.push(path);
}

/**
 * The credential files named by `paths`: files as given, folders searched recursively for `.yaml`,
 * `.yml` and `.json` files (hidden folders and node_modules skipped; symbolic links followed, each folder
 * and file taken once). Entries named like credentials that are not regular files (a FIFO, a dangling
 * link) are listed too, so that reading them reports the problem instead of skipping them silently.
 *
 * @throws {@link CliError} (exit 2) for a path that does not exist, a folder that cannot be read, or a
 * folder without credential files.
 */
export async function credentialFiles(
  paths: readonly string[],
  extensions: ReadonlySet<string> = CREDENTIAL_EXTENSIONS,
): Promise<string[]> {
  const state: Walk = { out: [], folders: new Set(), files: new Set(), found: 0, extensions };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      if (errnoOf(cause) === "ENOENT")
        throw new CliError(
          `no such file or folder: ${path}`,
          "check the path; folders are searched for .yaml, .yml and .json files",
        );
      throw new CliError(`cannot read ${path}: ${fsReason(cause)}`, fsHint(errnoOf(cause), "read"));
    }
    if (!info.isDirectory()) {
      state.out.push(path);
      continue;
    }
    if (state.folders.has(id(info))) continue;
    state.folders.add(id(info));
    const before = state.found;
    await walk(path, state);
    if (state.found === before)
      throw new CliError(
        `no ${[...extensions].slice(0, -1).join(", ")} or ${[...extensions].at(-1)} files in ${path}`,
        "pass credential files, or a folder that holds them",
      );
  }
  return [...new Set(state.out)];
}
