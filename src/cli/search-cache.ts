import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, stat, unlink, utimes } from "node:fs/promises";
import { basename, join } from "node:path";
import { fsReason } from "../node/fs-messages.js";
import { writeFileAtomic } from "../node/write.js";
import { onFirstSkillIndex } from "../search/cache.js";
import { SEARCH_SNAPSHOT_FORMAT, encodeSearchSnapshot, restoreSearchSnapshot } from "../search/snapshot.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { VERSION } from "../version.js";
import { cacheDir, cacheDisabled } from "./esco-cache.js";
import { type CliIo, afterCommand } from "./io.js";

/**
 * The search cache: each CLI command is a new process, and building the skill search index of full ESCO
 * (labels, descriptions, synonym table) takes over half a second, more than the rest of a `suggest`. The
 * first command that searches a bundle stores a snapshot of the index in the cache folder
 * (`search-<key>.gss`, keyed by the bundle's fingerprint, the green-skills version and the snapshot
 * format); later commands on the same bundle restore it in tens of milliseconds. A snapshot that does not
 * match or fails a check is said so on stderr and rebuilt; results never depend on the cache.
 * `--no-cache` turns it off.
 *
 * @module
 */

/** Snapshots kept in the cache folder (the most recently written or used ones); older ones are deleted. */
const KEEP = 4;

interface Entry {
  readonly taxonomy: Taxonomy;
  readonly dir: string;
  readonly file: string;
  /** `unused`: no search yet; `restored`: from the cache; `built`: built in this run (to be saved). */
  state: "unused" | "restored" | "built";
}

const entries = new WeakMap<CliIo, Entry[]>();

/** The cache file of a taxonomy's search snapshot, or `undefined` when it has no fingerprint. */
function snapshotFile(dir: string, taxonomy: Taxonomy): string | undefined {
  const fingerprint = storeOf(taxonomy).columns.fingerprint;
  if (fingerprint === undefined) return undefined;
  const key = createHash("sha256")
    .update(`green-skills ${VERSION}\0search snapshot ${SEARCH_SNAPSHOT_FORMAT}\0${fingerprint}`)
    .digest("hex")
    .slice(0, 32);
  return join(dir, `search-${key}.gss`);
}

/**
 * Lets `taxonomy`'s first search restore its index from the cache (unless caching is off or there is no
 * cache folder). {@link saveSearchCaches} stores the index built in this run.
 */
export function useSearchCache(io: CliIo, taxonomy: Taxonomy): void {
  if (cacheDisabled(io)) return;
  const dir = cacheDir(io.env);
  const file = dir === undefined ? undefined : snapshotFile(dir, taxonomy);
  if (dir === undefined || file === undefined) return;
  const entry: Entry = { taxonomy, dir, file, state: "unused" };
  let list = entries.get(io);
  if (!list) entries.set(io, (list = []));
  list.push(entry);
  if (list.length === 1) afterCommand(io, () => saveSearchCaches(io));
  onFirstSkillIndex(taxonomy, (t) => {
    entry.state = "built";
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      // No snapshot yet (or no cache folder): build, and save after the command.
      if (code !== "ENOENT" && code !== "ENOTDIR")
        io.stderr.write(`note: search cache ${file} could not be read (${fsReason(error)}); rebuilding it\n`);
      return;
    }
    const restored = restoreSearchSnapshot(t, bytes);
    if (restored.ok) entry.state = "restored";
    else io.stderr.write(`note: search cache ${file} could not be used (${restored.reason}); rebuilding it\n`);
  });
}

/**
 * Stores the search indexes built in this run in the cache, and prunes old snapshots (after the command,
 * see `afterCommand`). Never fails the command: a cache that cannot be written is said so on stderr.
 */
async function saveSearchCaches(io: CliIo): Promise<void> {
  for (const entry of entries.get(io) ?? []) {
    if (entry.state === "restored") {
      // Used: its modification time marks it as recent, so pruning keeps the snapshots in use (best effort).
      const now = new Date();
      await utimes(entry.file, now, now).catch(() => undefined);
    }
    if (entry.state !== "built") continue;
    entry.state = "restored";
    const bytes = encodeSearchSnapshot(entry.taxonomy);
    if (!bytes) continue;
    try {
      await mkdir(entry.dir, { recursive: true });
      await writeFileAtomic(entry.file, bytes);
    } catch (error) {
      io.stderr.write(
        `note: could not write the search cache in ${entry.dir} (${fsReason(error)}); searches build their index each time (--no-cache skips the cache and this note)\n`,
      );
      continue;
    }
    await prune(entry.dir);
  }
  entries.delete(io);
}

/** Deletes all but the {@link KEEP} most recently written or used snapshots (best effort). */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^search-[0-9a-f]{32}\.gss$/.test(n));
  if (names.length <= KEEP) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(KEEP)) await unlink(join(dir, basename(name))).catch(() => undefined);
}
