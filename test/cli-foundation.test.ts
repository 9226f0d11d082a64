import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportReportSchema, TaxonomyStatsSchema } from "green-skills/schemas";
import { VERSION } from "green-skills";
import { baseFixture, fid, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";
import { cli } from "./helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "gs-cli-"));
let zips: string[];
const bundle = join(dir, "esco.gsb");
beforeAll(() => {
  zips = writeEscoFixture(dir, baseFixture(), { zip: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("green-skills import", () => {
  it("writes a bundle and prints a readable report", async () => {
    const { code, stdout, stderr } = await cli(["import", ...zips, "--out", bundle]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/imported ESCO v1\.1\.1 \[en\]/);
    expect(stdout).toMatch(/14 skills, 4 occupations/);
    expect(stdout).toMatch(/1 dangling occupationUri reference/);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(existsSync(bundle)).toBe(true);
  });
  it("prints the report as JSON with --json", async () => {
    const { code, stdout } = await cli(["import", ...zips, "--out", join(dir, "b2.gsb"), "--json"]);
    expect(code).toBe(0);
    const report = ImportReportSchema.parse(JSON.parse(stdout));
    expect(report.relations.occupationSkill).toMatchObject({ rows: 16, unresolved: 1 });
    expect(report.bundle?.path).toBe(join(dir, "b2.gsb"));
  });
  it("fails with one error line, a hint, exit 2 and no file for bad input", async () => {
    const out = join(dir, "never.gsb");
    const { code, stdout, stderr } = await cli(["import", zips[0]!, "--out", out]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toMatch(/^error: .*missing required file occupationSkillRelations\.csv/);
    expect(stderr).toMatch(/^hint: /m);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).some((f) => f.includes("never.gsb"))).toBe(false);
  });
  it("rejects usage errors with exit 2", async () => {
    expect((await cli(["import", ...zips])).code).toBe(2);
    const unknown = await cli(["imprt"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error: unknown command 'imprt'/);
    expect(unknown.stderr).toMatch(/Did you mean import\?/);
  });
});

describe("green-skills stats and show", () => {
  it("stats on a bundle, as text and JSON; --esco or GREEN_SKILLS_ESCO", async () => {
    const text = await cli(["stats", "--esco", bundle]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/skills\s+14/);
    const json = await cli(["stats", "--json"], { env: { GREEN_SKILLS_ESCO: bundle } });
    const parsed = JSON.parse(json.stdout) as { source: string };
    expect(TaxonomyStatsSchema.parse(parsed).concepts["occupation"]).toBe(4);
    expect(parsed.source).toMatch(/GREEN_SKILLS_ESCO/);
  });
  it("stats and show read zips and folders directly too", async () => {
    const [folder] = writeEscoFixture(join(dir, "folder"), baseFixture());
    expect((await cli(["stats", "--esco", folder!])).stdout).toMatch(/skills\s+14/);
    expect((await cli(["show", skillUri(fid(101)), "--esco", zips[0]!])).code).toBe(2);
  });
  it("show prints a concept with its neighbourhood, and JSON", async () => {
    const { code, stdout } = await cli(["show", skillUri(fid(101)), "--esco", bundle]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^install heat pump\s+skill ● green/);
    expect(stdout).toMatch(
      /path: skills › constructing › installing heating and cooling equipment › install heat pump/,
    );
    expect(stdout).toMatch(/needed by 3 occupations \(2 essential\)/);
    const json = JSON.parse((await cli(["show", skillUri(fid(101)), "--esco", bundle, "--json"])).stdout);
    expect(json.concept.uri).toBe(skillUri(fid(101)));
    expect(json.occupations).toHaveLength(3);
  });
  it("show: unknown URI is exit 2 with a hint", async () => {
    const { code, stderr } = await cli(["show", skillUri(fid(999)), "--esco", bundle]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: no concept/);
    expect(stderr).toMatch(/hint:/);
  });
  it("colours only on a TTY and never with NO_COLOR", async () => {
    expect((await cli(["stats", "--esco", bundle], { tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await cli(["stats", "--esco", bundle], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(
      /\u001b\[/,
    );
    expect((await cli(["stats", "--esco", bundle, "--json"], { tty: true })).stdout).not.toMatch(/\u001b\[/);
  });
  it("--version and --help", async () => {
    expect((await cli(["--version"])).stdout.trim()).toBe(VERSION);
    const help = await cli(["show", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Example:/);
  });
});

describe("command loading", () => {
  it("loads only the command a run needs, and every command for the root help or an unknown name", async () => {
    const { program } = await import("../src/cli/main.js");
    const io = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: process.stdin,
      env: {},
      cwd: ".",
    };
    const names = async (argv: string[]) => (await program(io, argv)).commands.map((c) => c.name());
    expect(await names(["suggest", "install heat pumps"])).toEqual(["suggest"]);
    expect(await names(["--no-cache", "search", "--json", "export"])).toEqual(["search"]);
    const all = await names(["--help"]);
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(await names(["sugest"])).toEqual(all);
    expect(await names(["help", "suggest"])).toEqual(all);
    // An unknown name still gets commander's "did you mean" from the full list.
    const run = await cli(["sugest"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Did you mean suggest\?/);
  });
});

describe("every command", () => {
  it("has --help with an example, exit 0", async () => {
    const { program } = await import("../src/cli/main.js");
    const names = (
      await program({
        stdout: { write: () => true },
        stderr: { write: () => true },
        stdin: process.stdin,
        env: {},
        cwd: process.cwd(),
      })
    ).commands.map((c) => c.name());
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const help = await cli([name, "--help"]);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(/Example:\n\s+\$ green-skills /);
    }
  });
});
