import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNEX_ELEMENTS } from "green-skills/schemas";
import { importEscoToFile, parseCredentialText } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import { URI } from "./helpers/credential-fixture.js";
import { baseFixture, writeEscoFixture } from "./helpers/esco-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "gs-init-"));
const bundle = join(dir, "esco.gsb");
beforeAll(async () => {
  await importEscoToFile(writeEscoFixture(join(dir, "esco"), baseFixture()), bundle, { workers: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The template with every TODO value written, as a designer would. */
function fillIn(text: string): string {
  const values: Record<string, string> = {
    id: '"https://credentials.example.org/test/filled"',
    "title.en": '"Heat pumps, filled in"',
    "issuer.country": "DE",
    "awardingBodies[0].name": '"Example Training Centre"',
    "workload.ects": "2",
    "workload.hours": "55",
    "level.eqf": "4",
    "assessment.types[0]": "practical-assessment",
    "participation.mode": "onsite",
    "participation.setting": "non-formal",
    "qualityAssurance.types[0]": "internal",
  };
  let out = text;
  for (const value of Object.values(values)) out = out.replace(/(?<=^[^#\n]*(: |\[))"TODO:[^"]*"/m, value);
  return out.replace(/^.*# TODO review.*\n/gm, "");
}

describe("green-skills init", () => {
  it("writes a template with every Annex I element whose only issues are todo markers", async () => {
    const out = join(dir, "plain.yaml");
    const { code, stderr } = await cli(["init", "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^✔ wrote .*plain\.yaml: \d+ values to write\n/);
    const text = readFileSync(out, "utf8");
    const source = parseCredentialText(text, out);
    expect(source.issues).toEqual([]);
    for (const element of ANNEX_ELEMENTS.filter((e) => e.level === "definition")) {
      const pattern =
        element.obligation === "mandatory"
          ? new RegExp(`^${element.field}:`, "m")
          : new RegExp(`^# ${element.field}:`, "m");
      expect(text, element.field).toMatch(pattern);
    }
    // One commented "Annex I:" paragraph per element the definition states, plus the grade (stated at issuing).
    expect((text.match(/^# Annex I: /gm) ?? []).length).toBe(
      ANNEX_ELEMENTS.filter((e) => e.level === "definition").length + 1,
    );
    const result = await cli(["validate", out, "--esco", bundle, "--json"]);
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout) as { issues: { code: string; severity: string; line?: number }[] }[];
    expect(new Set(report!.issues.map((i) => i.code))).toEqual(new Set(["todo"]));
    expect(report!.issues.every((i) => i.severity === "error" && i.line !== undefined)).toBe(true);
    expect(report!.issues.length).toBeGreaterThanOrEqual(11);
  });

  it("points $schema at the installed package's JSON Schema, relative to the file", async () => {
    const out = join(dir, "schema.yaml");
    await cli(["init", "--out", out]);
    const ref = /^\$schema: (.+)$/m.exec(readFileSync(out, "utf8"))![1]!;
    expect(existsSync(resolve(dirname(out), ref))).toBe(true);
    expect(resolve(dirname(out), ref)).toMatch(/schema\/micro-credential\.schema\.json$/);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe(`# yaml-language-server: $schema=${ref}`);
  });

  it("pre-fills outcomes with suggested mappings marked for review; filled in, the file is valid", async () => {
    const outcomes = join(dir, "outcomes.txt");
    writeFileSync(outcomes, "Install and commission a heat pump\n\nConduct an energy audit of a building\n");
    const out = join(dir, "prefilled.yaml");
    const { code, stderr } = await cli([
      "init",
      "--outcomes",
      outcomes,
      "--sector",
      "construction",
      "--esco",
      bundle,
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("2 outcomes with suggested mappings to review");
    const text = readFileSync(out, "utf8");
    expect(text).toContain('en: "Install and commission a heat pump"');
    expect(text).toContain(`- ${URI.installHeatPump} # install heat pump (score`);
    expect(text).toMatch(/^sectors: \[construction\]$/m);
    expect((text.match(/# TODO review/g) ?? []).length).toBe(2);
    const filled = join(dir, "filled.yaml");
    writeFileSync(filled, fillIn(text));
    const strictBefore = await cli(["validate", out, "--esco", bundle, "--json"]);
    expect(
      JSON.parse(strictBefore.stdout)[0]
        .issues.filter((i: { severity: string }) => i.severity === "warning")
        .map((i: { code: string }) => i.code),
    ).toEqual(["todo", "todo"]);
    const after = await cli(["validate", filled, "--esco", bundle, "--strict"]);
    expect(after.stdout).toContain("1 valid");
    expect(after.code).toBe(0);
  });

  it("reads the outcomes of a CSV mapping table", async () => {
    const table = join(dir, "outcomes.csv");
    writeFileSync(table, 'Learning outcome,ESCO URI\n"Install, connect and commission a heat pump",\n');
    const out = join(dir, "from-table.yaml");
    expect((await cli(["init", "--outcomes", table, "--esco", bundle, "--out", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('en: "Install, connect and commission a heat pump"');
  });

  it("refuses to replace a file without --force, an unknown sector, and a non-YAML --out", async () => {
    const out = join(dir, "exists.yaml");
    writeFileSync(out, "keep: me\n");
    const refused = await cli(["init", "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists\nhint: pass --force/);
    expect(readFileSync(out, "utf8")).toBe("keep: me\n");
    expect((await cli(["init", "--out", out, "--force"])).code).toBe(0);
    const sector = await cli(["init", "--out", join(dir, "s.yaml"), "--sector", "constructon"]);
    expect(sector.code).toBe(2);
    expect(sector.stderr).toContain('did you mean "construction"?');
    expect((await cli(["init", "--out", join(dir, "x.json")])).code).toBe(2);
  });
});
