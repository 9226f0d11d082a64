import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { searchSkills, suggestSkills, type Taxonomy } from "green-skills";
import { importEsco, loadTaxonomyFile } from "green-skills/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchIndexOf } from "../src/search/cache.js";
import { descriptionIndexOf } from "../src/search/description-index.js";
import { encodeSearchSnapshot, restoreSearchSnapshot } from "../src/search/snapshot.js";
import { synonymTable } from "../src/search/synonyms.js";
import { cli } from "./helpers/cli.js";
import { baseFixture, writeEscoFixture } from "./helpers/esco-fixture.js";
import { PROJECT_ROOT, describeWithEsco, fullBundlePath } from "./helpers/shared-esco.js";

const dir = mkdtempSync(join(tmpdir(), "gs-search-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let bundle: Uint8Array;
let bundleFile: string;
/** Queries that reach the fixture through labels, descriptions and typos. */
let queries: string[];

beforeAll(async () => {
  const data = baseFixture();
  const paths = writeEscoFixture(join(dir, "download"), data);
  bundle = (await importEsco(paths, { workers: false })).bundle;
  bundleFile = join(dir, "fixture.gsb");
  writeFileSync(bundleFile, bundle);
  queries = [
    ...data.skills.slice(0, 12).map((s) => s.label),
    ...data.skills.slice(0, 6).map((s) => `The learner is able to ${s.description.slice(0, 60)}`),
    ...data.skills.slice(0, 4).map((s) => s.label.replace(/[aeiou]/, "")),
  ];
});

const results = (taxonomy: Taxonomy, list = queries) =>
  list.map((q) => ({
    suggest: suggestSkills(taxonomy, q),
    search: searchSkills(taxonomy, q, { limit: 20 }),
  }));

describe("search snapshots (the CLI's search cache)", () => {
  it("restores an index equal to the built one, with the same results", async () => {
    const built = await loadTaxonomyFile(bundle);
    const expected = results(built);
    const bytes = encodeSearchSnapshot(built)!;
    expect(bytes).toBeInstanceOf(Uint8Array);

    const restored = await loadTaxonomyFile(bundle);
    expect(restoreSearchSnapshot(restored, bytes)).toEqual({ ok: true });
    const a = searchIndexOf(built, "skill");
    const b = searchIndexOf(restored, "skill");
    expect(b).not.toBe(a);
    const { store: _a, buildMs: _ab, ...indexA } = a;
    const { store: _b, buildMs: _bb, ...indexB } = b;
    expect(indexB).toEqual(indexA);
    const { buildMs: _da, ...descriptionA } = descriptionIndexOf(a);
    const { buildMs: _db, ...descriptionB } = descriptionIndexOf(b);
    expect(descriptionB).toEqual(descriptionA);
    expect(synonymTable(b)).toEqual(synonymTable(a));
    expect(results(restored)).toEqual(expected);
  });

  it("refuses, with a reason, bytes that are damaged, truncated, of another bundle or another format", async () => {
    const bytes = encodeSearchSnapshot(await loadTaxonomyFile(bundle))!;
    const refused = async (damaged: Uint8Array) => {
      const taxonomy = await loadTaxonomyFile(bundle);
      const result = restoreSearchSnapshot(taxonomy, damaged);
      // Nothing was installed: the index is built as usual and answers as usual.
      expect(results(taxonomy)).toEqual(results(await loadTaxonomyFile(bundle)));
      return result.ok ? "restored" : result.reason;
    };
    const flipped = bytes.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
    expect(await refused(flipped)).toMatch(/fails its checksum/);
    expect(await refused(bytes.subarray(0, bytes.length - 64))).toMatch(/truncated|does not end/);
    expect(await refused(bytes.subarray(0, 10))).toBe("not a search snapshot");
    const otherFormat = bytes.slice();
    new DataView(otherFormat.buffer).setUint32(8, 99, true);
    expect(await refused(otherFormat)).toMatch(/snapshot format 99/);
    // A byte of the zero padding after a section (not part of any array) is a change too.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(12, true);
    const { sections } = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + headerLength))) as {
      sections: { name: string; offset: number; length: number }[];
    };
    const padded = sections.find((s) => s.length % 8 !== 0)!;
    const padding = bytes.slice();
    padding[Math.ceil((20 + headerLength) / 8) * 8 + padded.offset + padded.length]! ^= 0x01;
    expect(await refused(padding)).toBe(
      `non-zero padding after section "${padded.name}" (the file was changed or damaged)`,
    );
    const header = bytes.slice();
    header[24]! ^= 0x01;
    expect(await refused(header)).toMatch(/corrupt header/);
    expect(await refused(new TextEncoder().encode("{}"))).toBe("not a search snapshot");

    // A snapshot of another bundle (one more skill label) is refused by its fingerprint.
    const data = baseFixture();
    data.skills[0]!.alt = [...(data.skills[0]!.alt ?? []), "an extra label"];
    const other = (await importEsco(writeEscoFixture(join(dir, "other"), data), { workers: false })).bundle;
    expect(await refused(encodeSearchSnapshot(await loadTaxonomyFile(other))!)).toBe("built from another bundle");
  });

  it("does not replace an index already built", async () => {
    const taxonomy = await loadTaxonomyFile(bundle);
    const bytes = encodeSearchSnapshot(taxonomy)!;
    expect(restoreSearchSnapshot(taxonomy, bytes)).toEqual({ ok: false, reason: "the search index is already built" });
  });
});

describe("green-skills suggest: the search cache", () => {
  const snapshots = (cache: string) => {
    try {
      return readdirSync(cache).filter((f) => /^search-[0-9a-f]{32}\.gss$/.test(f));
    } catch {
      return [];
    }
  };

  it("stores the index on the first search and restores it on the next, with identical output", async () => {
    const cache = join(dir, "cache-1");
    const env = { GREEN_SKILLS_CACHE_DIR: cache };
    const args = ["suggest", "--esco", bundleFile, "--json"];
    const stdin = `${queries.join("\n")}\n`;
    const first = await cli(args, { env, stdin });
    expect(first.stderr).toBe("");
    expect(snapshots(cache)).toHaveLength(1);
    const file = join(cache, snapshots(cache)[0]!);
    const written = statSync(file);
    // Backdated, to see the restore mark it as used.
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const second = await cli(args, { env, stdin });
    expect(second.stderr).toBe("");
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    // Restored, not rebuilt: the snapshot is the same file (an atomic write would be a new one), marked as used.
    expect(statSync(file).ino).toBe(written.ino);
    expect(statSync(file).mtimeMs).toBeGreaterThan(new Date(2020, 0, 2).getTime());
    // And the output is that of a run without any cache.
    expect((await cli(args, { stdin })).stdout).toBe(first.stdout);
  });

  it("rebuilds a damaged snapshot and says so; the output does not change", async () => {
    const cache = join(dir, "cache-2");
    const env = { GREEN_SKILLS_CACHE_DIR: cache };
    const args = ["suggest", "--esco", bundleFile, queries[0]!, "--json"];
    const first = await cli(args, { env });
    const file = join(cache, snapshots(cache)[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(file, bytes);
    const damaged = await cli(args, { env });
    expect(damaged.stderr).toMatch(
      /^note: search cache .*search-[0-9a-f]{32}\.gss could not be used \((section ".*" fails its checksum|non-zero padding after section ".*") .*\); rebuilding it\n$/,
    );
    expect(damaged.stdout).toBe(first.stdout);
    const again = await cli(args, { env });
    expect(again.stderr).toBe("");
    expect(again.stdout).toBe(first.stdout);
  });

  it("--no-cache, a command that does not search, or no cache folder: no snapshot", async () => {
    const cache = join(dir, "cache-3");
    const env = { GREEN_SKILLS_CACHE_DIR: cache };
    expect((await cli(["suggest", "--no-cache", "--esco", bundleFile, queries[0]!], { env })).stderr).toBe("");
    expect((await cli(["stats", "--esco", bundleFile], { env })).code).toBe(0);
    expect(snapshots(cache)).toEqual([]);
  });

  it("never fails the command when the cache cannot be written", async () => {
    const blocked = join(dir, "blocked");
    writeFileSync(blocked, "a file where the cache folder should be");
    const run = await cli(["suggest", "--esco", bundleFile, queries[0]!], { env: { GREEN_SKILLS_CACHE_DIR: blocked } });
    expect(run.code).toBe((await cli(["suggest", "--esco", bundleFile, queries[0]!])).code);
    expect(run.stderr).toMatch(
      /^note: could not write the search cache in .*blocked \(.*\); searches build their index each time \(--no-cache skips the cache and this note\)\n$/,
    );
  });

  it("keeps the four most recently written or used snapshots", async () => {
    const cache = join(dir, "cache-4");
    mkdirSync(cache, { recursive: true });
    for (let i = 0; i < 5; i++) {
      const old = join(cache, `search-${String(i).repeat(32)}.gss`);
      writeFileSync(old, "old");
      utimesSync(old, new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
    }
    writeFileSync(join(cache, "esco-0123.gsb"), "not a snapshot: kept");
    await cli(["suggest", "--esco", bundleFile, queries[0]!], { env: { GREEN_SKILLS_CACHE_DIR: cache } });
    // The new snapshot and the three newest old ones.
    const kept = snapshots(cache);
    expect(kept).toHaveLength(4);
    expect(kept.filter((f) => /^search-(\d)\1{31}\.gss$/.test(f)).sort()).toEqual(
      ["2", "3", "4"].map((d) => `search-${d.repeat(32)}.gss`),
    );
    expect(readdirSync(cache)).toContain("esco-0123.gsb");
  });
});

describeWithEsco("search snapshots on full ESCO v1.1.1", () => {
  it("a restored index answers 60 evaluation queries exactly as the built one", async () => {
    const path = await fullBundlePath();
    const eval2026 = JSON.parse(readFileSync(join(PROJECT_ROOT, "bench/search-eval-2026-12.json"), "utf8")) as {
      queries: { query: string }[];
    };
    const sample = eval2026.queries
      .filter((_, i) => i % 5 === 0)
      .slice(0, 60)
      .map((q) => q.query);
    expect(sample).toHaveLength(60);
    const built = await loadTaxonomyFile(path);
    const expected = results(built, sample);
    const bytes = encodeSearchSnapshot(built)!;
    const restored = await loadTaxonomyFile(path);
    expect(restoreSearchSnapshot(restored, bytes)).toEqual({ ok: true });
    expect(results(restored, sample)).toEqual(expected);
  }, 60_000);
});
