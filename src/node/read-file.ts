import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { errnoOf, fsReason } from "./fs-messages.js";

/**
 * Reading input files safely: only regular files (a device, FIFO, socket or folder is refused before it is
 * read, so `/dev/zero` fails at once and a FIFO with no writer cannot hang), with the size limit checked on
 * the opened handle before any byte is read, and enforced while reading in case the file grows.
 *
 * @module
 */

/** What kind of file-system entry `info` describes, in words (`"a FIFO (named pipe)"`). */
export function entryKind(info: Stats): string {
  if (info.isFile()) return "a regular file";
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

/** The outcome of {@link readRegularFile}. */
export type RegularFileResult =
  | { readonly ok: true; readonly bytes: Buffer }
  | {
      readonly ok: false;
      /** `missing`: no such file; `not_regular`: a folder, device, FIFO or socket; `too_large`: over `maxBytes`; `unreadable`: any other error. */
      readonly reason: "missing" | "not_regular" | "too_large" | "unreadable";
      /** What went wrong, in words, without the path. */
      readonly message: string;
      readonly errno?: string;
      /** The size found, for `too_large`. */
      readonly size?: number;
      readonly cause?: unknown;
    };

// O_NONBLOCK: opening a FIFO that has no writer returns at once instead of blocking (undefined on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 20;

const failure = (cause: unknown): RegularFileResult => {
  const errno = errnoOf(cause);
  return {
    ok: false,
    reason: errno === "ENOENT" ? "missing" : errno === "EISDIR" ? "not_regular" : "unreadable",
    message: fsReason(cause),
    ...(errno ? { errno } : {}),
    cause,
  };
};

const tooLarge = (size: number, maxBytes: number): RegularFileResult => ({
  ok: false,
  reason: "too_large",
  size,
  message: `the file is ${size.toLocaleString("en-US")} bytes; the limit is ${maxBytes.toLocaleString("en-US")} bytes`,
});

/**
 * Reads a regular file (symbolic links are followed), refusing anything else before reading a byte.
 * Never throws for a file-system problem: the result says what went wrong.
 *
 * @param path - The file to read.
 * @param options - `maxBytes`: the largest file accepted (default: no limit).
 */
export async function readRegularFile(path: string, options: { maxBytes?: number } = {}): Promise<RegularFileResult> {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let before: Stats;
  try {
    before = await stat(path);
  } catch (cause) {
    return failure(cause);
  }
  if (!before.isFile())
    return { ok: false, reason: "not_regular", message: `is ${entryKind(before)}, not a regular file` };
  if (before.size > maxBytes) return tooLarge(before.size, maxBytes);
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (cause) {
    return failure(cause);
  }
  try {
    const info = await handle.stat();
    // The path may have been swapped for something else between the stat and the open.
    if (!info.isFile())
      return { ok: false, reason: "not_regular", message: `is ${entryKind(info)}, not a regular file` };
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read to the end rather than trusting the size (it may change, and some files report 0).
    for (;;) {
      const room = Math.max(CHUNK, info.size - total + 1);
      const buffer = Buffer.allocUnsafe(Math.min(room, Number.isFinite(maxBytes) ? maxBytes - total + 1 : room));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return tooLarge(total, maxBytes);
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (cause) {
    return failure(cause);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
