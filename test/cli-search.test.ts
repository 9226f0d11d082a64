import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SkillHitSchema, SuggestResultSchema } from "green-skills/schemas";
import { importEsco } from "green-skills/node";
import { baseFixture, fid, occupationUri, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";
import { cli } from "./helpers/cli.js";
import { run } from "../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "gs-cli-search-"));
const bundle = join(dir, "esco.gsb");
beforeAll(async () => {
  const [folder] = writeEscoFixture(dir, baseFixture());
  writeFileSync(bundle, (await importEsco([folder!])).bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAT_PUMP = skillUri(fid(101));
const WELD = skillUri(fid(107));

describe("green-skills search", () => {
  it("prints a readable table for a query", async () => {
    const { code, stdout, stderr } = await cli(["search", "instal", "heat", "pumpp", "--esco", bundle, "--limit", "3"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^"instal heat pumpp"\s+3 skills · ESCO v1\.1\.1 full/);
    expect(stdout).toMatch(/^\s+1\s+\d\.\d\d\s+install heat pump\s+● green$/m);
    expect(stdout).toContain(HEAT_PUMP);
    expect(stdout).toMatch(/matched "instal" "heat" "pumpp"/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });
  it("prints JSON with --json", async () => {
    const { code, stdout } = await cli(["search", "welding", "--esco", bundle, "--json"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as { query: string; hits: unknown[] };
    expect(body.query).toBe("welding");
    expect(SkillHitSchema.parse(body.hits[0]).uri).toBe(WELD);
  });
  it("filters green skills and searches occupations", async () => {
    const green = await cli(["search", "weld metal heat pump", "--esco", bundle, "--green", "--json"]);
    const hits = (JSON.parse(green.stdout) as { hits: { uri: string; green: boolean }[] }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.green)).toBe(true);
    const occupations = await cli(["search", "heat pump fitter", "--occupations", "--esco", bundle, "--json"]);
    expect((JSON.parse(occupations.stdout) as { hits: { uri: string }[] }).hits[0]?.uri).toBe(
      occupationUri(fid(201, "cccccccc")),
    );
  });
  it("answers one query per stdin line, in order, skipping empty lines (JSON lines)", async () => {
    const long = `${"plan the work safely and ".repeat(4000)}weld metal parts`;
    const stdin = `heat pump\n\n  \r\nwelding\r\n${long}\nzzzzqqq\n`;
    const { code, stdout, stderr } = await cli(["search", "--esco", bundle, "--json", "--limit", "2"], { stdin });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { query: string; hits: { uri: string }[] });
    expect(lines.map((l) => l.query)).toEqual(["heat pump", "welding", long, "zzzzqqq"]);
    expect(lines[0]?.hits[0]?.uri).toBe(HEAT_PUMP);
    expect(lines[1]?.hits[0]?.uri).toBe(WELD);
    expect(lines[2]?.hits.map((h) => h.uri)).toContain(WELD);
    expect(lines[3]?.hits).toEqual([]);
    expect(lines.every((l) => l.hits.length <= 2)).toBe(true);
  });
  it("prints one table per stdin line without --json", async () => {
    const { code, stdout } = await cli(["search", "--esco", bundle], { stdin: "heat pump\nwelding\n" });
    expect(code).toBe(0);
    expect(stdout.match(/^"[^"]+"\s+\d+ skills?/gm)).toEqual([
      expect.stringMatching(/^"heat pump"/),
      expect.stringMatching(/^"welding"/),
    ]);
  });
  it("fails with exit 2 and one error line for usage errors", async () => {
    // No query and a terminal on standard input: nothing to read, so say how to use it.
    let stderr = "";
    const stdin = Object.assign(Readable.from([]), { isTTY: true }) as unknown as NodeJS.ReadableStream & {
      isTTY?: boolean;
    };
    const io = {
      stdout: { write: () => true },
      stderr: { write: (s: string) => ((stderr += s), true) },
      stdin,
      env: {},
      cwd: process.cwd(),
    };
    expect(await run(["search", "--esco", bundle], io)).toBe(2);
    expect(stderr).toMatch(/^error: no query given\nhint: /);
    // Empty standard input: an empty batch.
    expect(await cli(["search", "--esco", bundle], { stdin: "" })).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const badLimit = await cli(["search", "heat", "--esco", bundle, "--limit", "x"]);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toMatch(/^error: --limit must be a positive integer/);
    const badLang = await cli(["search", "heat", "--esco", bundle, "--lang", "xx"]);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toMatch(
      /^error: searchSkills: option "lang" "xx" is not a language of this taxonomy \(it has: en\)/,
    );
    expect(badLang.stderr).toMatch(/^hint: /m);
    expect(badLang.stderr).not.toMatch(/\n\s+at /);
  });
  it("has help with an example", async () => {
    const { code, stdout } = await cli(["search", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Example:\n\s+\$ green-skills search/);
  });
});

describe("green-skills suggest", () => {
  it("prints suggestions with explanations", async () => {
    const { code, stdout } = await cli([
      "suggest",
      "Learners can install and commission a heat pump",
      "--esco",
      bundle,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Learners can install and commission a heat pump\n\s+✓ \d\.\d\d\s+install heat pump\s+● green\n\s+matched .*"heat", "pump"/,
    );
  });
  it("reports 'no good match' and exits 1 when an outcome has no suggestion", async () => {
    const { code, stdout } = await cli([
      "suggest",
      "Learners can bake sourdough bread using residual oven heat",
      "--esco",
      bundle,
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ no good match \(nothing reaches the threshold 0\.45/);
  });
  it("answers stdin outcomes in order as JSON lines", async () => {
    const stdin = "Learners can install a heat pump\n\nLearners can juggle\n";
    const { code, stdout } = await cli(["suggest", "--esco", bundle, "--json"], { stdin });
    expect(code).toBe(1);
    const results = stdout
      .trimEnd()
      .split("\n")
      .map((line) => SuggestResultSchema.parse(JSON.parse(line)));
    expect(results.map((r) => [r.outcome, r.status])).toEqual([
      ["Learners can install a heat pump", "ok"],
      ["Learners can juggle", "no_match"],
    ]);
  });
  it("rejects a bad threshold with exit 2", async () => {
    const { code, stderr } = await cli(["suggest", "weld", "--esco", bundle, "--threshold", "1.5"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --threshold must be a number between 0 and 1/);
  });
});
