import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type Taxonomy, parseCredentialText, readCredentialFile, validateCredentialFile } from "green-skills/node";
import { CredentialFileResultSchema } from "green-skills/schemas";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";
import { URI, credentialFixtureTaxonomy, validDefinition } from "./helpers/credential-fixture.js";

let t: Taxonomy;
let dir: string;
beforeAll(async () => {
  t = await credentialFixtureTaxonomy();
  dir = mkdtempSync(join(tmpdir(), "gs-credential-file-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
};
/** 1-based line and column of the first occurrence of `needle` in `text`. */
const positionOf = (text: string, needle: string, from = 0) => {
  const offset = text.indexOf(needle, from);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
};

describe("readCredentialFile", () => {
  it("reads a YAML example and locates paths at their line and column", async () => {
    const path = join(PROJECT_ROOT, "taxonomy/examples/construction-heat-pump-installation.yaml");
    const text = readFileSync(path, "utf8");
    const file = await readCredentialFile(path);
    expect(file).toMatchObject({ format: "yaml", issues: [] });
    const firstUri = (file.value as { learningOutcomes: { esco: string[] }[] }).learningOutcomes[0]!.esco[0]!;
    expect(file.locate(["learningOutcomes", 0, "esco", 0])).toEqual(positionOf(text, firstUri));
    expect(file.locate(["workload"])).toEqual(positionOf(text, "workload:"));
    // A missing leaf is placed at its deepest existing ancestor; a missing top-level field has no place.
    expect(file.locate(["workload", "nothing"])).toEqual(positionOf(text, "workload:"));
    expect(file.locate(["nothing"])).toBeUndefined();
  });

  it("reads JSON with positions", async () => {
    const text = JSON.stringify(validDefinition(), null, 2);
    const file = await readCredentialFile(write("def.json", text));
    expect(file).toMatchObject({ format: "json", issues: [], value: validDefinition() });
    expect(file.locate(["learningOutcomes", 1, "esco", 0])).toEqual(positionOf(text, `"${URI.heatPumpTypes}"`));
    expect(file.locate(["participation", "mode"])).toEqual(positionOf(text, '"mode"'));
  });

  it.each([
    ["bad.yaml", "title:\n  en: [unclosed\nid: x\n"],
    ["tabs.yaml", "title:\n\ten: x\n"],
    ["two.yaml", "a: 1\n---\nb: 2\n"],
    ["bad.json", '{\n  "title": {"en": "x"},\n  ,\n}'],
    ["trailing.json", '{"a": 1} x'],
    ["empty.json", ""],
    ["unterminated.json", '{"a": "b'],
  ])("reports malformed %s as syntax_error with a line, and no value", async (name, text) => {
    const file = await readCredentialFile(write(name, text));
    expect(file.value).toBeUndefined();
    expect(file.issues.length).toBeGreaterThan(0);
    expect(file.issues[0]).toMatchObject({ code: "syntax_error", severity: "error", path: [] });
    expect(file.issues[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it("locates a JSON syntax error precisely", async () => {
    const file = await readCredentialFile(write("comma.json", '{\n  "a": 1,\n  ,\n}'));
    expect(file.issues[0]).toMatchObject({ code: "syntax_error", line: 3, column: 3 });
  });

  it("reports duplicate keys, which would silently drop data", async () => {
    const json = await readCredentialFile(write("dup.json", '{"title": {"en": "a"},\n "title": {"en": "b"}}'));
    expect(json.issues).toMatchObject([{ code: "syntax_error", path: ["title"], line: 2, column: 2 }]);
    const yaml = await readCredentialFile(write("dup.yaml", "title: a\ntitle: b\n"));
    expect(yaml.issues).toMatchObject([{ code: "syntax_error", line: 2 }]);
  });

  it("caps the file size before reading", async () => {
    const file = await readCredentialFile(write("big.yaml", `title:\n  en: ${"x".repeat(500)}\n`), { maxBytes: 100 });
    expect(file.value).toBeUndefined();
    expect(file.issues).toMatchObject([{ code: "input_too_large", severity: "error" }]);
  });

  it("stops YAML alias bombs", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(6).fill(`*${prev}`).join(", ")}]`);
    }
    const file = await readCredentialFile(write("bomb.yaml", `${lines.join("\n")}\n`));
    expect(file.value).toBeUndefined();
    expect(file.issues).toMatchObject([{ code: "alias_limit_exceeded", severity: "error" }]);
  });

  it("refuses deeply nested brackets before parsing (YAML and JSON)", async () => {
    const started = performance.now();
    const yaml = await readCredentialFile(write("deep.yaml", `${"[".repeat(100_000)}${"]".repeat(100_000)}`));
    const json = await readCredentialFile(write("deep.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`));
    expect(yaml.issues).toMatchObject([{ code: "input_too_large" }]);
    expect(json.issues).toMatchObject([{ code: "input_too_large" }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("keeps __proto__ an ordinary key in both formats", async () => {
    const json = await readCredentialFile(write("proto.json", '{"__proto__": {"polluted": true}}'));
    const yaml = await readCredentialFile(write("proto.yaml", "__proto__:\n  polluted: true\n"));
    for (const file of [json, yaml]) {
      expect(Object.keys(file.value as object)).toEqual(["__proto__"]);
      expect(Object.getPrototypeOf(file.value)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("strips a byte-order mark", () => {
    expect(parseCredentialText('\uFEFF{"a": 1}', "x.json").value).toEqual({ a: 1 });
  });

  it("throws CredentialFileError only for paths that cannot be read", async () => {
    await expect(readCredentialFile(join(dir, "missing.yaml"))).rejects.toMatchObject({
      name: "CredentialFileError",
      code: "E_CREDENTIAL_FILE",
    });
    await expect(readCredentialFile(dir)).rejects.toMatchObject({ name: "CredentialFileError" });
  });
});

describe("validateCredentialFile", () => {
  it("places every issue at its line and column, in file order", async () => {
    const definition = validDefinition();
    definition.learningOutcomes[1].esco = ["http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"];
    definition.workload = { ects: 2, hours: 20 };
    delete definition.qualityAssurance;
    const text = stringify(definition);
    const result = await validateCredentialFile(t, write("broken.yaml", text), { suggest: false });
    expect(CredentialFileResultSchema.safeParse(result).success).toBe(true);
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["missing_element", undefined, undefined],
      [
        "unknown_esco_uri",
        positionOf(text, "http://data.europa.eu/esco/skill/00000000").line,
        positionOf(text, "http://data.europa.eu/esco/skill/00000000").column,
      ],
      ["workload_inconsistent", positionOf(text, "workload:").line, 1],
    ]);
  });

  it("keeps the full counts when the list is capped", async () => {
    const definition = validDefinition();
    definition.learningOutcomes = Array.from({ length: 20 }, () => ({}));
    const result = await validateCredentialFile(t, write("many.yaml", stringify(definition)), {
      suggest: false,
      maxIssues: 5,
    });
    expect(result.issues).toHaveLength(6);
    expect(result.counts).toEqual({ error: 40, warning: 0, info: 1 });
  });

  it("validates what a YAML warning leaves readable", async () => {
    const result = await validateCredentialFile(
      t,
      write("tag.yaml", `${stringify(validDefinition())}prerequisites: !custom\n  en: none\n`),
      { suggest: false },
    );
    expect(result.issues).toMatchObject([{ code: "syntax_error", severity: "warning" }]);
    expect(result.success).toBe(true);
  });

  it("reports an empty file as no credential", async () => {
    const result = await validateCredentialFile(t, write("empty.yaml", ""));
    expect(result).toMatchObject({ success: false, kind: "unknown", issues: [{ code: "invalid_value", path: [] }] });
  });

  it("validates an issued credential together with its referenced definition", async () => {
    const definition = { ...validDefinition(), gradeScheme: { values: ["fail", "pass"] } };
    write("defs/heat-pumps.yaml", stringify(definition));
    const issued = write(
      "issued/ada.yaml",
      stringify({
        definition: "../defs/heat-pumps.yaml",
        learner: { fullName: "Ada Example" },
        issued: "2026-06-30",
        grade: "pass",
      }),
    );
    const ok = await validateCredentialFile(t, issued, { suggest: false });
    expect(ok).toMatchObject({ success: true, kind: "issued", issues: [] });
    expect(ok.elements.find((e) => e.element === "title")?.status).toBe("present");

    // Issues of the definition are reported in the definition's file, at its lines.
    const brokenText = stringify({ ...definition, workload: { ects: 2, hours: 20 } });
    write("defs/broken.yaml", brokenText);
    const bobText = stringify({
      definition: "../defs/broken.yaml",
      learner: { fullName: "Bob Example" },
      issued: "2026-06-30",
      grade: "merit",
    });
    const badGrade = write("issued/bob.yaml", bobText);
    const result = await validateCredentialFile(t, badGrade, { suggest: false });
    expect(result.issues.map((i) => ({ code: i.code, path: i.path, file: i.file, line: i.line }))).toEqual([
      { code: "invalid_value", path: ["grade"], file: undefined, line: positionOf(bobText, "grade:").line },
      {
        code: "workload_inconsistent",
        path: ["workload"],
        file: expect.stringContaining("broken.yaml"),
        line: positionOf(brokenText, "workload:").line,
      },
    ]);
  });

  it("reports a referenced definition that is missing or is not a definition", async () => {
    const missing = write(
      "issued/missing.yaml",
      stringify({ definition: "./nope.yaml", learner: { fullName: "A" }, issued: "2026-06-30" }),
    );
    expect((await validateCredentialFile(t, missing)).issues).toMatchObject([
      { code: "unresolved_definition", severity: "error", path: ["definition"], line: 1 },
    ]);
    const other = write(
      "issued/other.yaml",
      stringify({ definition: "./missing.yaml", learner: { fullName: "A" }, issued: "2026-06-30" }),
    );
    expect((await validateCredentialFile(t, other)).issues).toMatchObject([
      { code: "invalid_value", path: ["definition"] },
    ]);
  });
});
