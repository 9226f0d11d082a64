import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { cliWorkspace } from "./helpers/cli-workspace.js";
import { URI } from "./helpers/credential-fixture.js";

const { bundle, credential } = cliWorkspace("gs-names-");

describe("names instead of URIs", () => {
  it("show takes an exact preferred label and says which concept it took", async () => {
    const { code, stdout, stderr } = await cli(["show", "welder", "--esco", bundle, "--json"]);
    expect(code).toBe(0);
    expect(stderr).toBe(`note: "welder" → welder (occupation, exact match) ${URI.welder}\n`);
    expect(JSON.parse(stdout).concept.uri).toBe(URI.welder);
  });

  it("show takes an alternative label, and names the preferred label it stands for", async () => {
    const { code, stdout, stderr } = await cli(["show", "Energy Auditor", "--esco", bundle]);
    expect(code).toBe(0);
    expect(stderr).toContain('→ energy assessor (occupation, exact match on "energy auditor")');
    expect(stdout).toContain("energy assessor");
  });

  it("an ambiguous name lists the candidates with their URIs and exits 2", async () => {
    const { code, stdout, stderr } = await cli(["show", "heat pump", "--esco", bundle]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: no concept is named "heat pump"; the closest are:\n/);
    expect(stderr).toContain(`install heat pump (skill) ${URI.installHeatPump}`);
    expect(stderr).toContain(`heat pump installer (occupation) ${URI.installer}`);
    expect(stderr).toMatch(/\nhint: pass one of these names exactly, or its URI\n$/);
  });

  it("a name without any match says so with a hint", async () => {
    const { code, stderr } = await cli(["show", "zzqx", "--esco", bundle]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: no concept named "zzqx"\nhint: /);
  });

  it("a URI still works, and an unknown URI gets a hint", async () => {
    expect((await cli(["show", URI.weld, "--esco", bundle])).code).toBe(0);
    const unknown = await cli([
      "show",
      "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead",
      "--esco",
      bundle,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: no concept http:\S+ in this ESCO taxonomy\nhint: check the URI, or give the concept's name/,
    );
  });

  it("gap --occupation takes a name; a skill's name is refused as an occupation", async () => {
    const { code, stdout, stderr } = await cli([
      "gap",
      credential,
      "--occupation",
      "heat pump installer",
      "--esco",
      bundle,
      "--json",
    ]);
    expect(stderr).toContain("→ heat pump installer (occupation, exact match)");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).occupation.uri).toBe(URI.installer);
    const typo = await cli(["gap", credential, "--occupation", "heat pump instaler", "--esco", bundle, "--json"]);
    expect(typo.stderr).toMatch(/heat pump installer \(occupation/);
    const skill = await cli(["gap", credential, "--occupation", URI.installHeatPump, "--esco", bundle]);
    expect(skill.code).toBe(2);
    expect(skill.stderr).toContain("is a skill (install heat pump), not an occupation");
  });

  it("an unknown sector gets the closest id", async () => {
    const { code, stderr } = await cli(["sector", "constrution"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/hint: did you mean "construction"\? known sectors: /);
  });
});
