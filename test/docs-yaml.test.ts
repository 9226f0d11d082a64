import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSectorSource, validateCredential } from "green-skills";
import { loadDefaultTaxonomy } from "green-skills/data";
import { parseCredentialText, validateCredentialFile } from "green-skills/node";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

/** Every ```yaml block of the README and the guides, with where it starts. */
function yamlBlocks(): { where: string; text: string }[] {
  const files = [
    "README.md",
    ...readdirSync(join(PROJECT_ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  const out: { where: string; text: string }[] = [];
  for (const file of files) {
    const lines = readFileSync(join(PROJECT_ROOT, file), "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() !== "```yaml") continue;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j]!.trim() !== "```"; j++) body.push(lines[j]!);
      out.push({ where: `${file}:${i + 2}`, text: `${body.join("\n")}\n` });
      i = j;
    }
  }
  return out;
}

const blocks = yamlBlocks();
const temp = mkdtempSync(join(tmpdir(), "gs-docs-yaml-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("YAML blocks in the README and docs", () => {
  it("finds the guides' blocks (definition, issued credential, sector, CI)", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b) => [b.where, b.text] as const))("%s parses and validates", async (where, text) => {
    const source = parseCredentialText(text, `${where}.yaml`);
    expect(source.issues, `${where}: YAML syntax`).toEqual([]);
    const value = source.value as Record<string, unknown> | unknown[];
    if (Array.isArray(value)) {
      // A CI workflow sketch: a list of steps, each with a `run` command.
      for (const step of value) expect(step).toHaveProperty("run");
      return;
    }
    if ("learningOutcomes" in value) {
      const result = validateCredential(loadDefaultTaxonomy(), value, { suggest: false });
      expect(
        result.issues.filter((i) => i.severity === "error"),
        where,
      ).toEqual([]);
      return;
    }
    if (typeof value["definition"] === "string") {
      // An issued credential refers to a definition beside it: validate both from a scratch folder.
      const ref = value["definition"];
      copyFileSync(join(PROJECT_ROOT, "taxonomy/examples", ref), join(temp, ref));
      const file = join(temp, "issued.yaml");
      writeFileSync(file, text);
      const result = await validateCredentialFile(loadDefaultTaxonomy(), file, { suggest: false });
      expect(
        result.issues.filter((i) => i.severity === "error"),
        where,
      ).toEqual([]);
      return;
    }
    if ("id" in value && "label" in value) {
      const sector = parseSectorSource(text, where);
      expect(sector.issues, where).toEqual([]);
      expect(sector.success).toBe(true);
      return;
    }
    throw new Error(`${where}: a YAML block of an unknown kind; teach this test how to check it`);
  });
});

describe("YAML syntax errors in flow mappings", () => {
  it("a sentence with commas in { … } is one syntax error with the hint to quote the text", () => {
    const text =
      "id: x\nlearningOutcomes:\n  - id: lo-1\n    statement: { en: Install, connect and commission the units. }\n";
    const source = parseCredentialText(text, "a.yaml");
    expect(source.issues).toMatchObject([
      { code: "syntax_error", severity: "error", line: 4, suggestion: expect.stringMatching(/^quote the text/) },
    ]);
    expect(source.issues[0]!.message).toContain('"connect and commission the units."');
  });

  it("a sentence with a colon in { … } gets the same hint", () => {
    const source = parseCredentialText("statement: { en: Note: the units must be level }\n", "a.yaml");
    expect(source.issues).toMatchObject([
      { code: "syntax_error", suggestion: expect.stringMatching(/^quote the text/) },
    ]);
  });

  it("quoted text passes, and unrelated syntax errors get no quoting hint", () => {
    expect(parseCredentialText('statement: { en: "Install, connect: commission" }\n', "a.yaml").issues).toEqual([]);
    const other = parseCredentialText("a: [1, 2\nb: 3\n", "a.yaml").issues;
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((i) => i.suggestion === undefined)).toBe(true);
  });
});
