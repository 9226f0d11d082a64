import { randomBytes } from "node:crypto";
import { rmSync, type Stats } from "node:fs";
import { open, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { InvalidArgumentError, OutputPathError } from "../errors.js";
import { errnoOf, fsReason } from "./fs-messages.js";
import { entryKind } from "./read-file.js";
import { argBytes, argStringArray, readOption } from "../guard.js";

/**
 * Writing output files: checked against the inputs first, then written atomically (temporary file, sync,
 * rename), with the temporary file removed on failure and on SIGINT, SIGTERM and SIGHUP.
 *
 * @module
 */

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /**
   * The files and folders the output was made from. The write is refused (before anything is written)
   * when `path` is one of them, or an existing file inside one of the folders — compared by device and
   * inode, so symbolic links, hard links and other spellings of the same file are caught.
   */
  readonly inputs?: readonly string[];
}

/** Files inside a folder input compared by inode; beyond this many entries only containment is checked. */
const MAX_SCANNED_ENTRIES = 20_000;

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** Device and inode of every file under `dir` (symbolic links followed, each folder visited once). */
async function filesUnder(dir: string, limit: number): Promise<Stats[]> {
  const out: Stats[] = [];
  const seen = new Set<string>();
  const queue = [dir];
  let entries = 0;
  while (queue.length > 0 && entries < limit) {
    const folder = queue.shift()!;
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory() || seen.has(`${info.dev}:${info.ino}`)) continue;
    seen.add(`${info.dev}:${info.ino}`);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (++entries > limit) break;
      const child = join(folder, name);
      const childInfo = await stat(child).catch(() => undefined);
      if (childInfo?.isDirectory()) queue.push(child);
      else if (childInfo) out.push(childInfo);
    }
  }
  return out;
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
};

/**
 * Checks that `path` may be written as an output made from `inputs`, without writing anything: its folder
 * exists, it is not a device, FIFO, socket or folder, and it is none of the inputs (by device and inode,
 * and not an existing file inside an input folder). Commands call it before expensive work, so that a
 * mistaken `--out` fails at once; {@link writeFileAtomic} calls it again just before writing.
 *
 * @category Files
 * @param path - The output path.
 * @param inputs - The files and folders the output is made from.
 * @throws {@link OutputPathError} when the output must not or cannot be written.
 * @example
 * ```ts
 * import { checkOutputPath } from "green-skills/node";
 * await checkOutputPath("credential.yaml", ["credential.yaml"]).catch((e) => e.code) //=> "E_OUTPUT_IS_INPUT"
 * ```
 */
export async function checkOutputPath(path: string, inputs: readonly string[] = []): Promise<void> {
  if (typeof path !== "string" || path === "")
    throw new InvalidArgumentError("checkOutputPath", "path", "a non-empty string", path);
  inputs = argStringArray("checkOutputPath", "inputs", inputs);
  const target = resolve(path);
  const folder = dirname(target);
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch (cause) {
    const errno = errnoOf(cause);
    const why =
      errno === "ENOENT"
        ? `the folder ${folder} does not exist`
        : errno === "ENOTDIR"
          ? `a part of ${folder} is not a folder`
          : `cannot use the folder ${folder}: ${fsReason(cause)}`;
    throw new OutputPathError("no_folder", path, why, errno ? { errno } : {}, { cause });
  }
  const folderInfo = await stat(realFolder).catch(() => undefined);
  if (folderInfo && !folderInfo.isDirectory())
    throw new OutputPathError("no_folder", path, `a part of ${folder} is not a folder`, { errno: "ENOTDIR" });
  // The real folder, so that "..", and symbolic links among the folders, resolve as the system will.
  const real = join(realFolder, basename(target));
  let existing: Stats | undefined;
  try {
    existing = await stat(real);
  } catch (cause) {
    const errno = errnoOf(cause);
    // A missing file (or a dangling link, which the rename replaces) is fine.
    if (errno !== "ENOENT")
      throw new OutputPathError(
        "write_failed",
        path,
        `cannot check the output: ${fsReason(cause)}`,
        errno ? { errno } : {},
        { cause },
      );
  }
  if (!existing) return;
  if (!existing.isFile())
    throw new OutputPathError(
      "not_regular",
      path,
      `is ${entryKind(existing)}, not a regular file; refusing to replace it`,
    );
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) continue;
    if (sameFile(info, existing))
      throw new OutputPathError("is_input", path, `is one of the inputs (${input}); refusing to overwrite it`, {
        input,
      });
    if (!info.isDirectory()) continue;
    const realInput = await realpath(input).catch(() => resolve(input));
    const realTarget = await realpath(real).catch(() => real);
    if (
      inside(realTarget, realInput) ||
      (await filesUnder(input, MAX_SCANNED_ENTRIES)).some((f) => sameFile(f, existing))
    ) {
      throw new OutputPathError(
        "is_input",
        path,
        `is a file inside the input folder ${input}; refusing to overwrite it`,
        { input },
      );
    }
  }
}

// Temporary files being written, removed if the process is interrupted or exits before the rename.
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function removePending(): void {
  for (const temp of pending) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done while the process goes down.
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  // Alone, restore the default behaviour and die by the signal; with other listeners (an application, the
  // CLI) they decide what happens next.
  if (process.listenerCount(signal) === 1) {
    untrack();
    process.kill(process.pid, signal);
  }
}

let listening = false;

function track(temp: string): void {
  if (!listening) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on("exit", removePending);
    listening = true;
  }
  pending.add(temp);
}

function untrack(temp?: string): void {
  if (temp !== undefined) pending.delete(temp);
  if ((pending.size > 0 && temp !== undefined) || !listening) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off("exit", removePending);
  listening = false;
}

/**
 * Writes `data` to `path` atomically: to a temporary file beside it, synced to disk, then renamed over
 * `path`. On any failure, and when the process is interrupted (SIGINT, SIGTERM, SIGHUP) or exits during
 * the write, the temporary file is removed and `path` is left as it was, so a reader never sees a partial
 * file. Refuses (before writing) to replace anything that is not a regular file, and any of
 * `options.inputs` (see {@link checkOutputPath}).
 *
 * @category Files
 * @param path - The file to write.
 * @param data - Its content.
 * @param options - The inputs the output must not overwrite.
 * @throws {@link OutputPathError} when the output is refused or the write fails (`errno` says why).
 * @example
 * ```ts
 * import { writeFileAtomic } from "green-skills/node";
 * await writeFileAtomic("badge.json", "{}\n", { inputs: ["credential.yaml"] });
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  if (typeof data !== "string") data = argBytes("writeFileAtomic", "data", data);
  if (typeof options !== "object" || options === null)
    throw new InvalidArgumentError("writeFileAtomic", "options", "an object", options);
  const inputs = readOption("writeFileAtomic", options, "inputs");
  await checkOutputPath(path, inputs === undefined ? [] : argStringArray("writeFileAtomic", "options.inputs", inputs));
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  track(temp);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    const errno = errnoOf(cause);
    throw new OutputPathError(
      "write_failed",
      path,
      `cannot write: ${fsReason(cause)}; nothing was written`,
      errno ? { errno } : {},
      { cause },
    );
  } finally {
    untrack(temp);
  }
}
