import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { MigrationReportSchema, TaxonomyDiffSchema } from "green-skills/schemas";
import { importEsco } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import { skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";
import { S, fixtureCredential, newerFixture, olderFixture } from "./helpers/diff-fixtures.js";

let dir: string;
let older: string;
let newer: string;
let creds: string;
const ANSI = /\u001b\[/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gs-cli-diff-"));
  older = join(dir, "older.gsb");
  newer = join(dir, "newer.gsb");
  const [a, b] = await Promise.all([
    importEsco(writeEscoFixture(join(dir, "a"), olderFixture(), { layout: "v1.2.1", folder: "ESCO-v1.2.0" }), {
      workers: false,
    }),
    importEsco(writeEscoFixture(join(dir, "b"), newerFixture(), { layout: "v1.2.1", zip: true }), { workers: false }),
  ]);
  writeFileSync(older, a.bundle);
  writeFileSync(newer, b.bundle);
  creds = join(dir, "creds");
  mkdirSync(creds);
  writeFileSync(join(creds, "heat-pump.yaml"), YAML.stringify(fixtureCredential()));
  writeFileSync(
    join(creds, "bleed.json"),
    JSON.stringify({ title: { en: "Radiators" }, learningOutcomes: [{ id: "a", esco: [skillUri(S.bleed)] }] }, null, 2),
  );
  writeFileSync(join(creds, "notes.md"), "# not a credential\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("green-skills diff", () => {
  it("prints counts first, then credentials, then changes, and exits 1 for a broken mapping", async () => {
    const { code, stdout, stderr } = await cli(["diff", older, newer, "--credentials", creds]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ESCO v1\.2\.0 → ESCO v1\.2\.1: \d+ changes/);
    const counts = stdout.indexOf("Concepts removed");
    const credentials = stdout.indexOf("Credentials: 1 of 2 with broken mappings");
    const changes = stdout.indexOf("\nChanges");
    expect(counts).toBeGreaterThan(0);
    expect(credentials).toBeGreaterThan(counts);
    expect(changes).toBeGreaterThan(credentials);
    expect(stdout).toContain('maintain heat pump: removed in ESCO v1.2.1; best replacement "maintain heat pumps"');
    expect(stdout).not.toContain("notes.md");
    expect(stdout).not.toMatch(ANSI);
    expect(stderr).toMatch(/^error: 1 of 2 credentials have broken mappings: .*heat-pump\.yaml\nhint: /);
  });

  it("writes Markdown with --format md", async () => {
    const { code, stdout } = await cli([
      "diff",
      older,
      newer,
      "--credentials",
      join(creds, "heat-pump.yaml"),
      "--format",
      "md",
    ]);
    expect(code).toBe(1);
    expect(stdout.split("\n")[0]).toBe("# ESCO v1.2.0 → ESCO v1.2.1");
    const order = [
      "## Counts",
      "| Concepts added | 2 (1 skill, 1 occupation) |",
      "## Credentials",
      "## Changes",
      "### Green shares",
    ].map((s) => stdout.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stdout).toMatch(
      /^ {2}1\. maintain heat pumps \(score 0\.\d\d\) `http:\/\/data\.europa\.eu\/esco\/skill\/[^`]+` — /m,
    );
  });

  it("--format md --out writes the same Markdown to a file, atomically, never over an input", async () => {
    const printed = await cli(["diff", older, newer, "--credentials", join(creds, "heat-pump.yaml"), "--format", "md"]);
    const out = join(dir, "migration.md");
    const written = await cli([
      "diff",
      older,
      newer,
      "--credentials",
      join(creds, "heat-pump.yaml"),
      "--format",
      "md",
      "--out",
      out,
    ]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe("");
    expect(written.stderr).toMatch(
      new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\nerror: 1 of 1 credential has broken mappings`),
    );
    expect(readFileSync(out, "utf8").replace(/\d{4}-\d\d-\d\d/g, "")).toBe(
      printed.stdout.replace(/\d{4}-\d\d-\d\d/g, ""),
    );
    // The extension picks the format when --format is not given.
    const inferred = join(dir, "inferred.md");
    expect((await cli(["diff", older, newer, "--out", inferred])).code).toBe(0);
    expect(readFileSync(inferred, "utf8").split("\n")[0]).toBe("# ESCO v1.2.0 → ESCO v1.2.1");
    // Never over an input: a bundle, or a credential file (given alone or inside a folder).
    const before = readFileSync(join(creds, "heat-pump.yaml"), "utf8");
    for (const target of [newer, join(creds, "heat-pump.yaml")]) {
      const refused = await cli(["diff", older, newer, "--credentials", creds, "--format", "md", "--out", target]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^error: /);
    }
    expect(readFileSync(join(creds, "heat-pump.yaml"), "utf8")).toBe(before);
  });

  it("--format html: one self-contained file with the summary, the designer's changes and each credential's migration", async () => {
    const out = join(dir, "migration.html");
    const { code, stderr } = await cli([
      "diff",
      older,
      newer,
      "--credentials",
      creds,
      "--format",
      "html",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^wrote .*migration\.html\nerror: 1 of 2 credentials have broken mappings/);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http|href="\/\//);
    expect(html).toContain("<h1>ESCO v1.2.0 → ESCO v1.2.1</h1>");
    expect(html).toMatch(/<tr><th scope="row">Concepts added<\/th><td>2 \(1 skill, 1 occupation\)<\/td><\/tr>/);
    const section = (id: string) =>
      html.slice(html.indexOf(`id="${id}"`), html.indexOf("</section>", html.indexOf(`id="${id}"`)));
    expect(section("removed")).toContain(`<th scope="row">maintain heat pump</th>`);
    expect(section("removed")).toContain(skillUri(S.maintain));
    expect(section("obsoleted")).toContain(skillUri(S.spreadsheets));
    expect(section("relabelled")).toContain("energy efficiency principles");
    expect(section("left-green")).toContain(skillUri(S.strips));
    expect(section("joined-green")).toContain(skillUri(S.insulation));
    // Per credential: the affected mappings with the suggested migration (migrateMappings' candidates).
    const heatPump = html.slice(
      html.indexOf("Heat pump installation <span"),
      html.indexOf("</section>", html.indexOf("Heat pump installation <span")),
    );
    expect(heatPump).toContain("broken mappings");
    expect(heatPump).toMatch(/<code>learningOutcomes\[0\]\.esco\[1\]<\/code>.*maintain heat pump<br>/);
    expect(heatPump).toMatch(
      /<ol class="candidates"><li>maintain heat pumps <span class="muted">\(score 0\.\d\d\)<\/span>/,
    );
    expect(heatPump).toContain(skillUri(S.maintainNew));
    expect(html).toContain('<table id="credential-summary">');
  });

  it("rejects an unknown --format (exit 2)", async () => {
    const { code, stderr } = await cli(["diff", older, newer, "--format", "pdf"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: .*pdf/);
  });

  it("prints one JSON document with --json: the change set and each credential's report", async () => {
    const { code, stdout } = await cli(["diff", older, newer, "--credentials", creds, "--json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { diff: unknown; credentials: { file: string; broken: boolean }[] };
    expect(TaxonomyDiffSchema.safeParse(out.diff).success).toBe(true);
    expect(out.credentials.map((c) => [c.file.split(/[\\/]/).pop(), c.broken])).toEqual([
      ["bleed.json", false],
      ["heat-pump.yaml", true],
    ]);
    for (const c of out.credentials) {
      const { file: _file, ...report } = c;
      expect(MigrationReportSchema.safeParse(report).success).toBe(true);
    }
  });

  it("exits 0 without credentials, or when no credential is broken", async () => {
    expect((await cli(["diff", older, newer])).code).toBe(0);
    const ok = await cli(["diff", older, newer, "--credentials", join(creds, "bleed.json")]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("");
  });

  it("limits detail lines per kind of change", async () => {
    const { stdout } = await cli(["diff", older, newer, "--limit", "1"]);
    expect(stdout).toContain("Green shares (14)");
    expect(stdout).toContain("… 13 more");
    const bad = await cli(["diff", older, newer, "--limit", "-3"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --limit must be a whole number/);
  });

  it("reports malformed credential files with file and line, and exits 2", async () => {
    const yaml = write("bad.yaml", "title: {en: x}\nlearningOutcomes:\n  - id: a\n    esco: not-a-list\n");
    const json = write("bad.json", '{\n  "learningOutcomes": [\n    {"id": "a",, "esco": []}\n  ]\n}\n');
    const syntax = write("syntax.yaml", "learningOutcomes: [\n  {id: a\n");
    const { code, stdout, stderr } = await cli([
      "diff",
      older,
      newer,
      "--credentials",
      yaml,
      json,
      syntax,
      join(dir, "missing.yaml"),
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toContain(`error: no such file or folder: ${join(dir, "missing.yaml")}`);
    expect(lines.find((l) => l.includes("bad.yaml"))).toMatch(
      /bad\.yaml:4: learningOutcomes\[0\]\.esco: .*expected array/,
    );
    expect(lines.find((l) => l.includes("bad.json"))).toMatch(/bad\.json:3:\d+: invalid JSON/);
    expect(lines.find((l) => l.includes("syntax.yaml"))).toMatch(/syntax\.yaml:\d+:\d+: invalid YAML/);
    expect(lines.at(-1)).toMatch(/^hint: /);
  });

  it("points at a missing field's parent line, and rejects an empty folder", async () => {
    const missing = write("missing-outcomes.yaml", "title:\n  en: No outcomes\nescoVersion: v1.2.0\n");
    const empty = join(dir, "empty");
    mkdirSync(empty, { recursive: true });
    const { code, stderr } = await cli(["diff", older, newer, "--credentials", missing, empty]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing-outcomes\.yaml:1: learningOutcomes: .*expected array/);
    expect(stderr).toContain(`no .yaml, .yml or .json files in ${empty}`);
  });

  it("fails with one error line when a version cannot be loaded", async () => {
    const { code, stderr } = await cli(["diff", join(dir, "nope.gsb"), newer]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: .*nope\.gsb: no such file or folder\n/);
  });

  it("colours only on a terminal without NO_COLOR", async () => {
    expect((await cli(["diff", older, newer], { tty: true })).stdout).toMatch(ANSI);
    expect((await cli(["diff", older, newer], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await cli(["diff", older, newer, "--json"], { tty: true })).stdout).not.toMatch(ANSI);
  });

  it("has --help with an example", async () => {
    const { code, stdout } = await cli(["diff", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Example:\n {2}\$ green-skills diff .*--format md --out .*\n {2}\$ green-skills diff .*--out .*\.html/,
    );
    expect(stdout).toContain("--credentials <paths...>");
    expect(stdout).toContain("--out <file>");
    expect(stdout).toMatch(/--format md and --format html are reports for people/);
  });
});
