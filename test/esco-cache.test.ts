import { appendFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { baseFixture, writeEscoFixture } from "./helpers/esco-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "gs-cache-"));
const download = writeEscoFixture(join(dir, "download"), baseFixture())[0]!;
const cache = join(dir, "cache");
const env = { GREEN_SKILLS_CACHE_DIR: cache };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--esco <download>: import once", () => {
  it("imports a download once, caches the bundle, and loads it from the cache next time", async () => {
    const first = await cli(["stats", "--esco", download, "--json"], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^note: imported .* in \d+\.\d s and cached it in .*esco-[0-9a-f]{32}\.gsb/);
    expect(readdirSync(cache).filter((f) => f.endsWith(".gsb"))).toHaveLength(1);
    const started = performance.now();
    const second = await cli(["stats", "--esco", download, "--json"], { env });
    const elapsed = performance.now() - started;
    expect(second.stderr).toMatch(/^note: .* loaded from the import cache/);
    expect(second.stdout).toBe(first.stdout);
    expect(elapsed).toBeLessThan(1000);
  });

  it("keys the cache by the files' contents: a changed file is imported again", async () => {
    const csv = readdirSync(download).find((f) => f.startsWith("skills_"))!;
    appendFileSync(join(download, csv), "");
    const same = await cli(["stats", "--esco", download], { env });
    expect(same.stderr).toContain("loaded from the import cache");
    appendFileSync(join(download, "ISCOGroups_en.csv"), "\n");
    const changed = await cli(["stats", "--esco", download], { env });
    expect(changed.stderr).toContain("note: imported");
    expect(readdirSync(cache).filter((f) => f.endsWith(".gsb"))).toHaveLength(2);
  });

  it("--no-cache imports without the cache; without a cache folder nothing is cached", async () => {
    const off = await cli(["stats", "--esco", download, "--no-cache"], { env });
    expect(off.code).toBe(0);
    expect(off.stderr).toBe("");
    const nowhere = await cli(["stats", "--esco", download], { env: {} });
    expect(nowhere.code).toBe(0);
    expect(nowhere.stderr).toBe("");
  });

  it("uses XDG_CACHE_HOME, else HOME/.cache", async () => {
    const xdg = join(dir, "xdg");
    expect((await cli(["stats", "--esco", download], { env: { XDG_CACHE_HOME: xdg } })).stderr).toContain(
      join(xdg, "green-skills"),
    );
    const home = join(dir, "home");
    expect((await cli(["stats", "--esco", download], { env: { HOME: home } })).stderr).toContain(
      join(home, ".cache", "green-skills"),
    );
  });
});
