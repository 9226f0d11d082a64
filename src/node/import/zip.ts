import { constants as bufferConstants } from "node:buffer";
import * as zlib from "node:zlib";
import yauzl from "yauzl";
import type { UnzipBudget } from "./limits.js";
import { crc32 } from "../../bundle/checksum.js";
// Node's native CRC-32 where it exists (the same function as the bundle's, faster).
import "../checksum.js";

/**
 * Zip access on yauzl: list members from the central directory, and read a member's raw data straight out
 * of the archive bytes, which Node's native zlib inflates in one bounded call (several times faster than
 * streaming it). Every member read is checked: encryption and compression method, its inflated size
 * against the declared one and the unzip limits, and its CRC-32.
 *
 * @module
 */

/** A member of a zip archive. */
export interface ZipMember {
  readonly name: string;
  /** Uncompressed size in bytes, as the central directory declares it. */
  readonly size: number;
}

/** Why a member could not be read: a damaged archive, a feature we do not read, or a limit reached. */
export type ZipProblem = "corrupt" | "unsupported" | "too_large";

/** A zip archive or member that could not be read. */
export class ZipReadError extends Error {
  override name = "ZipReadError";
  constructor(
    readonly problem: ZipProblem,
    message: string,
    options?: { cause?: unknown; member?: string },
  ) {
    super(message, options);
    this.member = options?.member;
  }
  /** The member at fault, when the archive is refused because of one member. */
  readonly member: string | undefined;
}

const METHOD_NAMES: Record<number, string> = {
  1: "Shrink",
  6: "Implode",
  9: "Deflate64",
  12: "bzip2",
  14: "LZMA",
  19: "LZ77",
  93: "Zstandard",
  95: "xz",
  96: "JPEG",
  97: "WavPack",
  98: "PPMd",
  99: "AES encryption",
};

function open(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Sizes are checked per member below, where the error can name the member.
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: false },
      (error, zip) => {
        if (error || !zip) reject(error ?? new Error("cannot open zip"));
        else resolve(zip);
      },
    );
  });
}

function entries(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      // Stop early without closing: the caller may still read the entry it stopped at.
      if (visit(entry)) zip.readEntry();
      else resolve();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** An archive opened once: its members listed from the central directory, each readable by name. */
export interface OpenZip {
  readonly members: readonly ZipMember[];
  /**
   * Reads and decompresses one member within `budget`.
   *
   * @throws {@link ZipReadError} when the member is damaged, unreadable by us, or over a limit.
   */
  read(name: string, budget: UnzipBudget): Promise<Uint8Array>;
}

/**
 * Opens a zip held in memory and lists its members (one pass over the central directory; members are then
 * found by name, so an archive of many members costs no more per member than one of a few).
 *
 * @throws {@link ZipReadError} for a member name found twice (which of the two is meant is ambiguous) or
 *   members whose data overlap (a trick of some zip bombs; no zip tool writes them); yauzl's own errors for
 *   an unreadable archive.
 */
export async function openZip(bytes: Uint8Array): Promise<OpenZip> {
  const zip = await open(bytes);
  const byName = new Map<string, yauzl.Entry>();
  const all: yauzl.Entry[] = [];
  let twice: string | undefined;
  await entries(zip, (entry) => {
    all.push(entry);
    if (entry.fileName.endsWith("/")) return true;
    if (byName.has(entry.fileName)) {
      twice = entry.fileName;
      return false;
    }
    byName.set(entry.fileName, entry);
    return true;
  });
  if (twice !== undefined)
    throw new ZipReadError("corrupt", `the archive holds a member named "${twice}" twice`, { member: twice });
  // Each member's local header and data must lie inside the archive and end before the next member starts.
  const end = bytes.byteLength;
  for (const entry of all) {
    if (entry.relativeOffsetOfLocalHeader + 30 + entry.compressedSize > end) {
      throw new ZipReadError(
        "corrupt",
        `the member's data (${entry.compressedSize} bytes at offset ${entry.relativeOffsetOfLocalHeader}) runs past the end of the ${end}-byte archive`,
        { member: entry.fileName },
      );
    }
  }
  const byOffset = [...all].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]!;
    if (
      byOffset[i]!.relativeOffsetOfLocalHeader <
      previous.relativeOffsetOfLocalHeader + 30 + previous.compressedSize
    ) {
      throw new ZipReadError("corrupt", `the data of this member and of "${previous.fileName}" overlap`, {
        member: byOffset[i]!.fileName,
      });
    }
  }
  return {
    members: [...byName.values()].map((e) => ({ name: e.fileName, size: e.uncompressedSize })),
    read: (name, budget) => {
      const entry = byName.get(name);
      if (!entry) return Promise.reject(new ZipReadError("corrupt", `no member "${name}"`));
      return readEntry(zip, bytes, entry, budget);
    },
  };
}

function localHeader(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<yauzl.LocalFileHeader> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, (error, header) => (error ? reject(error) : resolve(header)));
  });
}

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, "0")}`;

async function readEntry(
  zip: yauzl.ZipFile,
  bytes: Uint8Array,
  entry: yauzl.Entry,
  budget: UnzipBudget,
): Promise<Uint8Array> {
  let header: yauzl.LocalFileHeader;
  try {
    header = await localHeader(zip, entry);
  } catch (cause) {
    throw new ZipReadError("corrupt", (cause as Error).message, { cause });
  }
  const method = entry.compressionMethod;
  if (entry.isEncrypted() || (header.generalPurposeBitFlag & 1) === 1) {
    throw new ZipReadError(
      "unsupported",
      "the member is encrypted; green-skills reads the ESCO zips as published, which are not encrypted",
    );
  }
  if (method !== 0 && method !== 8) {
    throw new ZipReadError(
      "unsupported",
      `the member uses compression method ${method}${METHOD_NAMES[method] ? ` (${METHOD_NAMES[method]})` : ""}; green-skills reads deflated and stored members, as in the ESCO zips`,
    );
  }
  if (header.compressionMethod !== method) {
    throw new ZipReadError(
      "corrupt",
      `the local header says compression method ${header.compressionMethod}, the central directory says ${method}`,
    );
  }
  const declared = entry.uncompressedSize;
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset + header.fileDataStart, entry.compressedSize);
  // Refuse before inflating anything when the declared size alone is over a limit.
  const limit = budget.limitFor(raw.byteLength);
  if (declared > limit.bytes) throw new ZipReadError("too_large", limit.message(declared));
  if (declared >= bufferConstants.MAX_LENGTH)
    throw new ZipReadError(
      "too_large",
      `the member declares ${declared} bytes, more than one Node.js buffer can hold; extract the zip and pass the folder`,
    );
  let data: Uint8Array;
  if (method === 0) {
    if (raw.byteLength !== declared)
      throw new ZipReadError(
        "corrupt",
        `the stored member holds ${raw.byteLength} bytes but its header declares ${declared}`,
      );
    data = raw;
  } else {
    // Never inflate past the declared size (+1 to notice a member that is longer than declared): the
    // output is bounded by the limits whatever the compressed data holds.
    try {
      data = zlib.inflateRawSync(raw, { maxOutputLength: declared + 1 });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE")
        throw new ZipReadError(
          "corrupt",
          `the member inflates to more than the ${declared} bytes its header declares`,
          { cause },
        );
      throw new ZipReadError("corrupt", `its deflate data is damaged (${(cause as Error).message})`, { cause });
    }
    if (data.byteLength !== declared)
      throw new ZipReadError(
        "corrupt",
        `the member inflates to ${data.byteLength} bytes but its header declares ${declared}`,
      );
  }
  const crc = crc32(data);
  if (crc !== entry.crc32 >>> 0)
    throw new ZipReadError(
      "corrupt",
      `CRC-32 mismatch: the member's data gives ${hex(crc)}, its header says ${hex(entry.crc32)}`,
    );
  budget.take(data.byteLength);
  return data;
}
