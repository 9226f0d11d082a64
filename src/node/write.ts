import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Writes `data` to `path` atomically: to a temporary file beside it, then a rename. On any failure the
 * temporary file is removed and `path` is left as it was, so a reader never sees a partial file.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
