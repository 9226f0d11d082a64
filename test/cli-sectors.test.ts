import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEsco } from "green-skills/node";
import { run } from "../src/cli/main.js";
import { writeEscoFixture } from "./helpers/esco-fixture.js";
import { PROJECT_ROOT, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    stdin: Readable.from([]) as unknown as NodeJS.ReadableStream,
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gs-cli-sectors-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("green-skills sectors", () => {
  it("lists the six sectors on the embedded default and says so", async () => {
    const { code, stdout, stderr } = await cli(["sectors"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^construction\s+Construction\s+F41 F42 F43\s+13\s+21\s+12$/m);
    expect(stdout).toMatch(/^public-sector\s+Public sector\s+P84\s/m);
    expect(stdout).toContain("embedded default");
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it("prints JSON with --json", async () => {
    const { code, stdout } = await cli(["sectors", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.coverage).toBe("curated");
    expect(json.sectors.map((s: { id: string }) => s.id)).toHaveLength(6);
    expect(json.mergeIssues).toEqual([]);
    expect(json.source).toMatch(/embedded default/);
  });

  it("adds sectors from --sectors files, and reports a bad file with its line (exit 1; 2 for a missing one)", async () => {
    const good = join(dir, "retrofit.yaml");
    writeFileSync(
      good,
      "id: retrofit\nlabel: { en: Retrofit }\ndescription: { en: Deep renovation. }\nisco:\n  - code: '7124'\n    label: Insulation workers\n",
    );
    const added = await cli(["sectors", "--sectors", good, "--json"]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).sectors.find((s: { id: string }) => s.id === "retrofit")).toMatchObject({
      occupations: 1,
    });
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "id: bad\nlabel: { en: Bad }\ndescription: { en: Bad. }\nnace:\n  - { rev2: M71, rev21: M71, label: Engineering }\n",
    );
    const failed = await cli(["sectors", "--sectors", bad]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toMatch(/^error: .*bad\.yaml:5:\d+: error: division 71 is in section N/m);
    expect(failed.stderr).toMatch(/^hint: /m);
    expect((await cli(["sectors", "--sectors", join(dir, "missing.yaml")])).code).toBe(2);
  });
});

describe("green-skills sector <id>", () => {
  it("shows a sector's curated references on the embedded default, without ranking", async () => {
    const { code, stdout } = await cli(["sector", "construction"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Construction (construction)");
    expect(stdout).toMatch(/Key occupations \(12, curated\):/);
    expect(stdout).toMatch(/Core green skills \(21, curated\):/);
    expect(stdout).toMatch(/^\s+install heat pump\s+Hands-on heat pump installation/m);
    expect(stdout).not.toContain("Green skills ranked");
    expect(stdout).toContain("embedded default");
  });

  it("--json on the embedded default flags curated coverage", async () => {
    const { code, stdout } = await cli(["sector", "construction", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect([json.coverage, json.ranking, json.sector.id]).toEqual(["curated", null, "construction"]);
    expect(json.keySkills).toHaveLength(21);
  });

  it("an unknown id exits 2 with a hint listing the ids", async () => {
    const { code, stdout, stderr } = await cli(["sector", "constructoin"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: unknown sector "constructoin"$/m);
    expect(stderr).toMatch(
      /^hint: did you mean "construction"\? known sectors: agrifood, construction, manufacturing, public-sector, sustainability-management, wood-and-furniture$/m,
    );
  });

  it("rejects a bad --limit (exit 2)", async () => {
    expect((await cli(["sector", "construction", "--limit", "0"])).code).toBe(2);
  });

  it("ranks on a full import (fixture) and reports curated references the version lacks", async () => {
    const { bundle } = await importEsco(writeEscoFixture(join(dir, "fixture"), undefined, { layout: "v1.2.1" }), {
      workers: false,
    });
    const path = join(dir, "fixture.gsb");
    writeFileSync(path, bundle);
    const { code, stdout } = await cli(["sector", "construction", "--esco", path]);
    expect(code).toBe(0);
    // The fixture's heat pump installers carry NACE 4322, under construction's F43.
    expect(stdout).toMatch(/Occupations\s+2 \(by NACE code; 0 key\)/);
    expect(stdout).toMatch(/^\s+1\s+2\.0\s+2\s+0\s+100\.0%\s+install heat pump$/m);
    expect(stdout).toMatch(/⚠ \d+ curated reference\(s\) do not match ESCO v1\.2\.1/);
    const json = JSON.parse((await cli(["sector", "construction", "--esco", path, "--json"])).stdout);
    expect(json.mergeIssues.length).toBeGreaterThan(0);
    expect(json.mergeIssues.every((i: { code: string }) => i.code === "cited_concept_missing")).toBe(true);
  });
});

describeWithEsco("green-skills sector on ESCO v1.1.1", () => {
  it("lists real occupations and ranked green skills for construction", async () => {
    await fullTaxonomy();
    const cache = join(PROJECT_ROOT, ".tmp", "test-cache");
    // The newest bundle fullTaxonomy() cached (its name carries a hash of the importer's sources).
    const bundle = readdirSync(cache)
      .filter((f) => f.startsWith("esco-v1.1.1-") && f.endsWith(".gsb"))
      .sort((a, b) => statSync(join(cache, b)).mtimeMs - statSync(join(cache, a)).mtimeMs)[0]!;
    const { code, stdout } = await cli(["sector", "construction", "--esco", join(cache, bundle), "--limit", "30"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Occupations\s+138 \(by ISCO-08 group; 12 key\)/);
    expect(stdout).toMatch(/^\s+2\s+20\.5\s+8\s+25\s+23\.9%\s+● energy performance of buildings$/m);
    expect(stdout).toMatch(/● apply insulation strips$/m);
    expect(stdout).toMatch(/… 165 more/);
    const sectors = await cli(["sectors", "--esco", join(cache, bundle), "--json"]);
    expect(JSON.parse(sectors.stdout).sectors.find((s: { id: string }) => s.id === "construction").occupations).toBe(
      138,
    );
  });
});
