import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CoverageSchema, CredentialIssueSchema } from "green-skills/schemas";
import { importEscoToFile } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import { URI, validDefinition } from "./helpers/credential-fixture.js";
import { baseFixture, writeEscoFixture } from "./helpers/esco-fixture.js";
import { PROJECT_ROOT, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

const dir = mkdtempSync(join(tmpdir(), "gs-credential-cli-"));
const bundle = join(dir, "esco.gsb");
const files = join(dir, "credentials");
const write = (name: string, text: string) => {
  const path = join(files, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
};
let valid: string;
let broken: string;
let weak: string;
beforeAll(async () => {
  await importEscoToFile(writeEscoFixture(join(dir, "esco"), baseFixture()), bundle, { workers: false });
  valid = write("valid.yaml", stringify(validDefinition()));
  const b = validDefinition();
  b.learningOutcomes[0].esco = ["http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"];
  delete b.qualityAssurance;
  broken = write("nested/broken.json", JSON.stringify(b, null, 2));
  const w = validDefinition();
  w.learningOutcomes[2].esco = [];
  weak = write("weak.yml", stringify(w));
  write("notes.txt", "not a credential");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("green-skills validate", () => {
  it("prints a report per file with located issues and a summary; exit 1 on errors", async () => {
    const { code, stdout, stderr } = await cli(["validate", valid, broken, "--esco", bundle]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toContain(`✔ ${valid}`);
    expect(stdout).toContain(`✖ ${broken}  2 errors`);
    expect(stdout).toMatch(
      /✖ \d+:\d+ {2}learningOutcomes\[0\]\.esco\[0\] {2}ESCO v1\.1\.1 has no concept .* \[unknown_esco_uri\]/,
    );
    expect(stdout).toMatch(
      /✖ qualityAssurance {2}Annex I element "Type of quality assurance.*" is missing \[missing_element\]\n {6}→ add qualityAssurance/,
    );
    expect(stdout).toMatch(/\n2 files: 1 valid, 1 invalid · 2 errors · checked against ESCO v1\.1\.1, full import/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it("searches folders for .yaml, .yml and .json files", async () => {
    const { code, stdout } = await cli(["validate", files, "--esco", bundle]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^3 files: 2 valid, 1 invalid/m);
    expect(stdout).not.toContain("notes.txt");
  });

  it("prints [{ file, valid, issues }] with --json", async () => {
    const { code, stdout } = await cli(["validate", valid, broken, "--esco", bundle, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { file: string; valid: boolean; issues: unknown[] }[];
    expect(report.map((r) => Object.keys(r))).toEqual([
      ["file", "valid", "issues"],
      ["file", "valid", "issues"],
    ]);
    expect(report.map((r) => [r.file, r.valid])).toEqual([
      [valid, true],
      [broken, false],
    ]);
    for (const i of report[1]!.issues) expect(CredentialIssueSchema.safeParse(i).success).toBe(true);
    expect(report[1]!.issues).toMatchObject([
      { code: "missing_element" },
      { code: "unknown_esco_uri", line: expect.any(Number) },
    ]);
  });

  it("--strict turns warnings into failures", async () => {
    expect((await cli(["validate", weak, "--esco", bundle])).code).toBe(0);
    const strict = await cli(["validate", weak, "--esco", bundle, "--strict", "--json"]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject([
      { valid: false, issues: [{ code: "unmapped_outcome", severity: "warning" }] },
    ]);
  });

  it("reports malformed files as findings with their line", async () => {
    const bad = write("bad/syntax.yaml", "title:\n  en: [unclosed\n");
    const { code, stdout } = await cli(["validate", bad, "--esco", bundle]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ \d+:\d+ {2}\(document\) {2}invalid YAML: .* \[syntax_error\]/);
  });

  it("exit 2 with error and hint for a path that does not exist", async () => {
    const { code, stdout, stderr } = await cli(["validate", join(dir, "missing.yaml"), "--esco", bundle]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: no such file or folder: .*missing\.yaml\nhint: /);
  });

  it("uses colour only when asked", async () => {
    expect((await cli(["validate", broken, "--esco", bundle], { env: { FORCE_COLOR: "1" } })).stdout).toMatch(
      /\u001b\[/,
    );
    expect(
      (await cli(["validate", broken, "--esco", bundle], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stdout,
    ).not.toMatch(/\u001b\[/);
    expect(
      (await cli(["validate", broken, "--esco", bundle, "--json"], { env: { FORCE_COLOR: "1" } })).stdout,
    ).not.toMatch(/\u001b\[/);
  });

  it("lists the Annex I elements with --elements, definition-level and instance-level apart", async () => {
    const { code, stdout } = await cli(["validate", valid, "--esco", bundle, "--elements"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Annex I, stated by the definition\n {6}✔ Title of the micro-credential \(mandatory, present\)/,
    );
    expect(stdout).toMatch(/○ Prerequisites needed to enrol in the learning activity \(optional, missing\)/);
    expect(stdout).toMatch(
      /Annex I, stated when a credential is issued\n {6}… Identification of the learner \(mandatory, at-issuing\)/,
    );
    const json = JSON.parse((await cli(["validate", valid, "--esco", bundle, "--elements", "--json"])).stdout) as {
      elements: { element: string; level: string }[];
    }[];
    expect(json[0]!.elements.filter((e) => e.level === "instance").map((e) => e.element)).toEqual([
      "learner-identification",
      "date-of-issuing",
      "grade",
    ]);
  });

  it("has help with an example", async () => {
    const { code, stdout } = await cli(["validate", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Example:\n {2}\$ green-skills validate/);
  });
});

describe("green-skills gap", () => {
  let definition: string;
  beforeAll(() => {
    const d = validDefinition();
    d.learningOutcomes = [
      { id: "lo-1", statement: { en: "Maintain heat pumps." }, esco: [URI.maintainHeatPump] },
      { id: "lo-2", statement: { en: "Explain heat pump types." }, esco: [URI.heatPumpTypes] },
      { id: "lo-3", statement: { en: "Work in a team." }, esco: [URI.teamwork] },
      { id: "lo-4", statement: { en: "Weld." }, esco: [URI.weld] },
    ];
    definition = write("../gap/gap.yaml", stringify(d));
  });

  it("prints score, counts, green shares and a table of the occupation's skills", async () => {
    const { code, stdout, stderr } = await cli(["gap", definition, "--occupation", URI.installer, "--esco", bundle]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Heat pump basics → heat pump installer /);
    expect(stdout).toContain("score 50% · essential 2/3 covered (1 through the hierarchy) · optional 1/2");
    expect(stdout).toMatch(
      /ESSENTIAL \(3\)\n {2}◐ install heat pump +narrower +green +via maintain heat pump \(lo-1\)\n {2}● types of heat pumps +direct +green +\(lo-2\)\n {2}○ install insulation material +missing/,
    );
    expect(stdout).toContain("not linked to this occupation: weld metal parts (lo-4)");
  });

  it("prints the coverage report with --json", async () => {
    const { code, stdout } = await cli(["gap", definition, "--occupation", URI.installer, "--esco", bundle, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { file: string };
    expect(json.file).toBe(definition);
    expect(CoverageSchema.parse(json).score).toBe(0.5);
  });

  it("reads the definition an issued credential refers to, and gives the same report", async () => {
    const issued = write(
      "../gap/issued.yaml",
      stringify({ definition: "./gap.yaml", learner: { fullName: "A" }, issued: "2026-06-30" }),
    );
    const viaIssued = await cli(["gap", issued, "--occupation", URI.installer, "--esco", bundle, "--json"]);
    const direct = await cli(["gap", definition, "--occupation", URI.installer, "--esco", bundle, "--json"]);
    expect(viaIssued.code).toBe(0);
    const { file: _a, ...a } = JSON.parse(viaIssued.stdout) as Record<string, unknown>;
    const { file: _b, ...b } = JSON.parse(direct.stdout) as Record<string, unknown>;
    expect(a).toEqual(b);
    const dangling = write(
      "../gap/dangling.yaml",
      stringify({ definition: "./nope.yaml", learner: { fullName: "A" }, issued: "2026-06-30" }),
    );
    const bad = await cli(["gap", dangling, "--occupation", URI.installer, "--esco", bundle]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: .*dangling\.yaml: cannot read its definition "\.\/nope\.yaml"/);
  });

  it("exit 2 for an occupation that is not one, or a missing option", async () => {
    const wrong = await cli(["gap", definition, "--occupation", URI.installHeatPump, "--esco", bundle]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: http:\S+ is a skill \(.*\), not an occupation/);
    expect((await cli(["gap", definition, "--esco", bundle])).code).toBe(2);
  });
});

describe("without --esco: the embedded default", () => {
  it("validates taxonomy/examples clean and says what needs a full import", async () => {
    const examples = join(PROJECT_ROOT, "taxonomy/examples");
    const count = readdirSync(examples).filter((f) => f.endsWith(".yaml")).length;
    const { code, stdout } = await cli(["validate", examples]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `\n${count} files: ${count} valid, 0 invalid · no issues · checked against ESCO v1.1.1, the embedded default (curated layer only)\n`,
    );
    expect(stdout).toMatch(
      /Needs a full ESCO import \(--esco .*\): existence, concept type, status and green membership .*; every URI here is in the curated set\./,
    );
  });

  it("notes the URIs it could not check", async () => {
    const { code, stdout } = await cli(["validate", valid]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /ℹ \d+:\d+ {2}learningOutcomes\[0\]\.esco\[0\] {2}4 ESCO URIs are outside the embedded default's curated concepts.*\[full_esco_required\]/,
    );
    expect(stdout).toContain("(see the full_esco_required notes above)");
  });

  it("gap needs a full import: exit 2 with a hint", async () => {
    const { code, stderr } = await cli(["gap", valid, "--occupation", URI.installer]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: coverage: .*needs a full ESCO import.*\nhint: pass --esco/);
  });
});

describeWithEsco("green-skills validate on the official ESCO v1.1.1", () => {
  it("validates taxonomy/examples clean", async () => {
    await fullTaxonomy();
    const cache = join(PROJECT_ROOT, ".tmp", "test-cache");
    const newest = readdirSync(cache)
      .filter((f) => f.endsWith(".gsb"))
      .map((f) => join(cache, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    const examples = join(PROJECT_ROOT, "taxonomy/examples");
    const count = readdirSync(examples).filter((f) => f.endsWith(".yaml")).length;
    const { code, stdout } = await cli(["validate", examples], { env: { GREEN_SKILLS_ESCO: newest } });
    expect(code).toBe(0);
    expect(stdout).toContain(
      `\n${count} files: ${count} valid, 0 invalid · no issues · checked against ESCO v1.1.1, full import`,
    );
  });
});
