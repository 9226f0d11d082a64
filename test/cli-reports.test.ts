import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { cli } from "./helpers/cli.js";
import { cliWorkspace } from "./helpers/cli-workspace.js";
import { validDefinition } from "./helpers/credential-fixture.js";

const { dir, bundle, credential } = cliWorkspace("gs-reports-");

describe("reports for people (--format md|html)", () => {
  it("validate --format md: checklist, outcomes with mapped skills, issues, coverage, GreenComp", async () => {
    const { code, stdout } = await cli(["validate", credential, "--esco", bundle, "--format", "md"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Validation of 1 file\n/);
    expect(stdout).toContain("## Heat pump basics (valid)");
    expect(stdout).toContain("| Title of the micro-credential | mandatory | definition | present |");
    expect(stdout).toContain(
      "| lo-1 | Install and commission a heat pump. | install heat pump (skill/competence, green) |",
    );
    expect(stdout).toMatch(/- \*\*heat pump installer\*\*: score \d+%; essential 2\/3, optional 1\/2/);
    expect(stdout).toContain("### GreenComp areas");
  });

  it("validate --format html --out writes one self-contained file, never over an input", async () => {
    const out = join(dir, "report.html");
    const { code, stderr } = await cli(["validate", credential, "--esco", bundle, "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toBe(`wrote ${out}\n`);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http|href="\/\//);
    const refused = await cli(["validate", credential, "--esco", bundle, "--format", "html", "--out", credential]);
    expect(refused.code).toBe(2);
    expect(readFileSync(credential, "utf8")).toBe(stringify(validDefinition()));
  });

  it("gap and sector --format md", async () => {
    const gap = await cli([
      "gap",
      credential,
      "--occupation",
      "heat pump installer",
      "--esco",
      bundle,
      "--format",
      "md",
    ]);
    expect(gap.code).toBe(0);
    expect(gap.stdout).toMatch(/^# Heat pump basics → heat pump installer\n/);
    expect(gap.stdout).toContain("| install heat pump | essential | direct | green | lo-1 |");
    const sector = await cli(["sector", "construction", "--format", "md"]);
    expect(sector.code).toBe(0);
    expect(sector.stdout).toMatch(/^# Sector: Construction \(construction\)/);
    expect(sector.stdout).toContain("## Key occupations");
    const html = await cli(["sector", "construction", "--format", "html"]);
    expect(html.stdout).toContain("<h1>Sector: Construction</h1>");
  });

  it("rejects an unknown format (exit 2)", async () => {
    const { code, stderr } = await cli(["validate", credential, "--format", "pdf"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--format pdf: not a report format");
  });
});
