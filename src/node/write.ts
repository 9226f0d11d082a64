import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { GreenSkillsError, InvalidArgumentError } from "../errors.js";
import { argOptions, argString, argStringArray, readOption } from "../guard.js";

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /**
   * The files the output was made from. The write is refused (before anything is written) when `path`
   * is one of them — compared by device and inode, so links and other spellings of the same file are
   * caught.
   */
  readonly inputs?: readonly string[];
}

/**
 * Writes `data` to `path` atomically: to a temporary file beside it, then a rename. On any failure the
 * temporary file is removed and `path` is left as it was, so a reader never sees a partial file.
 * Refuses to replace anything that is not a regular file, and any of `options.inputs`.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options: WriteFileAtomicOptions = {}): Promise<void> {
  argString("writeFileAtomic", "path", path);
  if (typeof data !== "string" && !(ArrayBuffer.isView(data) && data instanceof Uint8Array)) throw new InvalidArgumentError("writeFileAtomic", "data", "a string or a Uint8Array", data);
  argOptions("writeFileAtomic", options);
  const inputs = readOption("writeFileAtomic", options, "inputs");
  if (inputs !== undefined) argStringArray("writeFileAtomic", "options.inputs", inputs);
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing) {
    if (!existing.isFile()) throw new GreenSkillsError("E_OUTPUT_NOT_REGULAR", `${path}: not a regular file; refusing to replace it.`);
    for (const input of options.inputs ?? []) {
      const info = await stat(input).catch(() => undefined);
      if (info && info.dev === existing.dev && info.ino === existing.ino) {
        throw new GreenSkillsError("E_OUTPUT_IS_INPUT", `${path}: is one of the inputs (${input}); refusing to overwrite it.`);
      }
    }
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
