import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import { importEsco } from "../node/import/import.js";
import { writeFileAtomic } from "../node/write.js";
import { VERSION } from "../version.js";
import type { CliIo } from "./io.js";

/**
 * Import once: when `--esco` names an ESCO download (a zip or a folder of CSV files), the imported bundle
 * is cached in the user's cache folder (`$GREEN_SKILLS_CACHE_DIR`, else `$XDG_CACHE_HOME/green-skills`,
 * else `~/.cache/green-skills`), keyed by the download's file names, sizes and SHA-256 hashes and by the
 * green-skills version. The next command on the same download loads the bundle in milliseconds.
 *
 * @module
 */

/** The env variable that overrides the cache folder. */
export const CACHE_ENV = "GREEN_SKILLS_CACHE_DIR";

const noCache = new WeakMap<CliIo, boolean>();

/** Turns the cache off for this run (`--no-cache`). */
export function disableCache(io: CliIo, disabled: boolean): void {
  noCache.set(io, disabled);
}

/** Whether `--no-cache` turned the caches off for this run. */
export function cacheDisabled(io: CliIo): boolean {
  return noCache.get(io) === true;
}

/** The cache folder, or `undefined` when the environment names none (no HOME). */
export function cacheDir(env: CliIo["env"]): string | undefined {
  if (env[CACHE_ENV]) return resolve(env[CACHE_ENV]!);
  if (env["XDG_CACHE_HOME"]) return join(env["XDG_CACHE_HOME"]!, "green-skills");
  if (env["HOME"]) return join(env["HOME"]!, ".cache", "green-skills");
  return undefined;
}

/** Whether a path is an ESCO download (folder, zip or CSV) rather than a bundle. */
export async function isDownload(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && (info.isDirectory() || [".zip", ".csv"].includes(extname(path).toLowerCase()));
}

async function downloadFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith(".")) await walk(full);
      else if (entry.isFile() && [".zip", ".csv"].includes(extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  await walk(path);
  return out;
}

/** The cache key of a download: its files' names, sizes and SHA-256 hashes, and the green-skills version. */
export async function downloadKey(path: string): Promise<string> {
  const hash = createHash("sha256").update(`green-skills ${VERSION}\n`);
  const root = resolve(path);
  for (const file of await downloadFiles(path)) {
    const bytes = await readFile(file);
    hash.update(
      `${relative(root, resolve(file)) || "."}\0${bytes.byteLength}\0${createHash("sha256").update(bytes).digest("hex")}\n`,
    );
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * The bundle to load for a download: from the cache when it holds one for these files, else imported now
 * and stored there. Returns `undefined` when caching is off or impossible (then the caller imports).
 */
export async function cachedBundle(io: CliIo, path: string): Promise<string | undefined> {
  if (noCache.get(io) || !(await isDownload(path))) return undefined;
  const dir = cacheDir(io.env);
  if (!dir) return undefined;
  const file = join(dir, `esco-${await downloadKey(path)}.gsb`);
  if (
    await stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
  ) {
    io.stderr.write(`note: ${path} loaded from the import cache (${file}); --no-cache imports it again\n`);
    return file;
  }
  const started = Date.now();
  const { bundle } = await importEsco([path]);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, bundle);
  } catch (error) {
    io.stderr.write(
      `note: could not cache the import in ${dir} (${(error as Error).message}); pass a bundle made with green-skills import to skip importing\n`,
    );
    return undefined;
  }
  io.stderr.write(
    `note: imported ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s and cached it in ${file}; the next command on this download loads in milliseconds (--no-cache to skip the cache)\n`,
  );
  return file;
}
