import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { EscoImportError } from "../../errors.js";
import { errnoOf, fsReason } from "../fs-messages.js";
import { entryKind, readRegularFile } from "../read-file.js";
import type { UnzipBudget } from "./limits.js";
import { type OpenZip, ZipReadError, openZip } from "./zip.js";

/**
 * Turns the paths a user gives (the ESCO portal's zips, folders of extracted CSVs, single CSV files)
 * into a flat list of input files, without decompressing anything yet.
 *
 * @module
 */

/** One CSV file found in the input, on disk or inside a zip. */
export interface InputFile {
  /** The file's own name, e.g. `skills_en.csv`. */
  readonly name: string;
  /** How to name it in messages: a path, or `archive.zip > member.csv`. */
  readonly display: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** Where it lives. */
  readonly location:
    | { readonly kind: "file"; readonly path: string }
    | { readonly kind: "zip"; readonly path: string; readonly entry: string };
  /** The folder or zip names on its path, for ESCO version detection. */
  readonly context: readonly string[];
}

/** A file in the input that is not a CSV (kept for the report). */
export interface SkippedInput {
  readonly display: string;
  readonly why: string;
}

/** Opened zip archives, so members are decompressed from bytes read (and a central directory parsed) once. */
export type ZipCache = Map<string, OpenZip>;

const isZip = (name: string) => extname(name).toLowerCase() === ".zip";
const isCsv = (name: string) => extname(name).toLowerCase() === ".csv";

async function listZip(path: string, zips: ZipCache, context: string[]): Promise<InputFile[]> {
  const bytes = await readBytes(path, path);
  let zip: OpenZip;
  try {
    zip = await openZip(bytes);
  } catch (cause) {
    if (cause instanceof ZipReadError)
      throw new EscoImportError(
        "bad_zip",
        `${cause.message}; the download is damaged`,
        { file: cause.member === undefined ? path : `${path} > ${cause.member}` },
        { cause },
      );
    throw new EscoImportError(
      "bad_zip",
      `not a readable zip archive (${(cause as Error).message}); the download may be truncated or damaged`,
      { file: path },
      { cause },
    );
  }
  zips.set(path, zip);
  return zip.members.map((e) => ({
    name: basename(e.name),
    display: `${path} > ${e.name}`,
    size: e.size,
    location: { kind: "zip" as const, path, entry: e.name },
    context: [...context, basename(path), ...e.name.split("/").slice(0, -1)],
  }));
}

function unreadable(path: string, cause: unknown): EscoImportError {
  return new EscoImportError(
    "unreadable_path",
    `cannot read: ${errnoOf(cause) === "ENOENT" ? "no such file or folder" : fsReason(cause)}`,
    { file: path },
    { cause },
  );
}

/** The bytes of a regular file on disk (a device, FIFO or folder is refused before reading). */
async function readBytes(path: string, display: string): Promise<Uint8Array> {
  const read = await readRegularFile(path);
  if (!read.ok)
    throw new EscoImportError(
      "unreadable_path",
      `cannot read: ${read.message}`,
      { file: display },
      { cause: read.cause },
    );
  return read.bytes;
}

/**
 * Expands user-given paths into input files. Folders are read one level deep (CSV files and zips in them).
 *
 * @throws {@link EscoImportError} for an unreadable path or a broken zip.
 */
export async function collectInputs(
  paths: readonly string[],
  zips: ZipCache,
): Promise<{ files: InputFile[]; skipped: SkippedInput[] }> {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  if (paths.length === 0)
    throw new EscoImportError(
      "missing_file",
      "no input given: pass the ESCO zip files or a folder of extracted CSV files",
    );
  // Every file read once: the same file named twice (directly, through a link, or inside a folder also
  // given) would be imported twice, or, for relation files, pass as a harmless "copy".
  const seen = new Map<string, string>();
  const once = (display: string, info: { dev: number; ino: number }) => {
    const key = `${info.dev}:${info.ino}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw new EscoImportError("duplicate_file", `given twice (also as ${first}); pass each file or folder once`, {
        file: display,
      });
    seen.set(key, display);
  };
  for (const given of paths) {
    const path = resolve(given);
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      throw unreadable(given, cause);
    }
    once(given, info);
    const context = path.split(/[\\/]/).slice(0, -1);
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (cause) {
        throw unreadable(given, cause);
      }
      for (const name of names) {
        const child = join(path, name);
        let childInfo;
        try {
          childInfo = await stat(child);
        } catch (cause) {
          // A dangling symbolic link or an entry that cannot be inspected: say so, never skip it silently.
          if (isZip(name) || isCsv(name)) throw unreadable(child, cause);
          skipped.push({ display: child, why: `cannot be read: ${fsReason(cause)}` });
          continue;
        }
        if (!childInfo.isFile()) {
          if (isZip(name) || isCsv(name))
            throw new EscoImportError(
              "unreadable_path",
              `cannot read: is ${entryKind(childInfo)}, not a regular file`,
              { file: child },
            );
          skipped.push({
            display: child,
            why: childInfo.isDirectory()
              ? "a folder (only the files directly in the given folder are read)"
              : `${entryKind(childInfo)}, not a regular file`,
          });
          continue;
        }
        if (isZip(name) || isCsv(name)) once(child, childInfo);
        if (isZip(name)) files.push(...(await listZip(child, zips, [...context, basename(path)])));
        else if (isCsv(name))
          files.push({
            name,
            display: child,
            size: childInfo.size,
            location: { kind: "file", path: child },
            context: [...context, basename(path)],
          });
        else skipped.push({ display: child, why: "not a CSV or zip file" });
      }
    } else if (!info.isFile()) {
      throw new EscoImportError("unreadable_path", `cannot read: is ${entryKind(info)}, not a regular file`, {
        file: given,
      });
    } else if (isZip(path)) {
      files.push(...(await listZip(path, zips, context)));
    } else if (isCsv(path)) {
      files.push({ name: basename(path), display: path, size: info.size, location: { kind: "file", path }, context });
    } else {
      throw new EscoImportError(
        "not_esco",
        "not an ESCO download: expected the ESCO CSV zip files, a folder of their CSV files, or CSV files",
        { file: given },
      );
    }
  }
  const csv = files.filter((f) => isCsv(f.name));
  for (const f of files) if (!isCsv(f.name)) skipped.push({ display: f.display, why: "not a CSV file" });
  return { files: csv, skipped };
}

const ZIP_REASONS = { corrupt: "bad_zip", unsupported: "unsupported_zip", too_large: "too_large" } as const;

/**
 * Reads an input file's bytes (decompressing a zip member on demand, within `budget`).
 *
 * @throws {@link EscoImportError} naming the file, or `zip > member`.
 */
export async function readInput(file: InputFile, zips: ZipCache, budget: UnzipBudget): Promise<Uint8Array> {
  if (file.location.kind === "file") {
    return readBytes(file.location.path, file.display);
  }
  const { path, entry } = file.location;
  const zip = zips.get(path);
  if (!zip) throw new EscoImportError("unreadable_path", "zip archive was not loaded", { file: path });
  try {
    return await zip.read(entry, budget);
  } catch (cause) {
    if (cause instanceof ZipReadError) {
      const message = cause.problem === "corrupt" ? `${cause.message}; the download is damaged` : cause.message;
      throw new EscoImportError(ZIP_REASONS[cause.problem], message, { file: file.display }, { cause });
    }
    throw new EscoImportError(
      "bad_zip",
      `cannot read the member (${(cause as Error).message}); the download is damaged`,
      { file: file.display },
      { cause },
    );
  }
}
