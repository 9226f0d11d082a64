/**
 * Credential files are UTF-8: anything else is an error located at its line and column, never a silent
 * replacement that travels into the exports.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  type Taxonomy,
  parseCredentialText,
  readCredentialFile,
  validateCredential,
  validateCredentialFile,
} from "green-skills/node";
import { credentialFixtureTaxonomy, validDefinition } from "../helpers/credential-fixture.js";

let dir: string;
let taxonomy: Taxonomy;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gs-encoding-"));
  taxonomy = await credentialFixtureTaxonomy();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const yamlText = () => stringify({ ...validDefinition(), title: { en: "Heat pumps", de: "Wärmepumpen" } });
/** 1-based line and column of the first occurrence of `needle`. */
const at = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return { line: before.length, column: [...before.at(-1)!].length + 1 };
};

describe("credential file encodings", () => {
  it("a Latin-1 file is refused with the line and column of the first bad byte", async () => {
    const text = yamlText();
    const path = write("latin1.yaml", Buffer.from(text, "latin1"));
    const file = await readCredentialFile(path);
    expect(file.value).toBeUndefined();
    expect(file.issues).toHaveLength(1);
    expect(file.issues[0]).toMatchObject({ code: "syntax_error", severity: "error", ...at(text, "ä") });
    expect(file.issues[0]!.message).toMatch(/not valid UTF-8.*0xE4.*Latin-1/);
    const result = await validateCredentialFile(taxonomy, path);
    expect(result.success).toBe(false);
  });

  it("invalid sequences anywhere are found: truncated, overlong, encoded surrogates, past U+10FFFF", async () => {
    const prefix = Buffer.from("title:\n  en: ab");
    for (const bad of [[0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xff]]) {
      const file = await readCredentialFile(
        write("bad.yaml", Buffer.concat([prefix, Buffer.from(bad), Buffer.from("\n")])),
      );
      expect(file.issues[0], JSON.stringify(bad)).toMatchObject({ code: "syntax_error", line: 2, column: 9 });
    }
  });

  it("a UTF-8 byte-order mark is accepted; UTF-16 and UTF-32 files are refused", async () => {
    const text = yamlText();
    const bom = await readCredentialFile(
      write("bom.yaml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    );
    expect(bom.issues).toEqual([]);
    expect((bom.value as { title: { de: string } }).title.de).toBe("Wärmepumpen");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [
      ["le.yaml", le],
      ["be.yaml", be],
      ["u32.yaml", Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from("a")])],
    ] as const) {
      const file = await readCredentialFile(write(name, bytes));
      expect(file.issues[0], name).toMatchObject({ code: "syntax_error", severity: "error", line: 1, column: 1 });
      expect(file.issues[0]!.message).toMatch(/UTF-(16|32)/);
    }
    // UTF-16 without a byte-order mark is full of NUL bytes.
    const bare = await readCredentialFile(write("bare16.yaml", Buffer.from(text, "utf16le")));
    expect(bare.issues[0]!.message).toMatch(/NUL/);
  });

  it("NUL bytes and other control characters in the file are errors with line and column", async () => {
    const text = yamlText().replace("Heat pumps", "Heat\u0000pumps");
    const file = await readCredentialFile(write("nul.yaml", text));
    expect(file.issues[0]).toMatchObject({ code: "syntax_error", severity: "error", ...at(text, "\u0000") });
    const bell = parseCredentialText('{"title": {"en": "a\u0007b"}}', "x.json");
    expect(bell.issues[0]).toMatchObject({ code: "syntax_error", line: 1, column: 20 });
    // Tabs and CRLF line ends are fine.
    expect(parseCredentialText(yamlText().replace(/\n/g, "\r\n"), "crlf.yaml").issues).toEqual([]);
  });

  it("control characters, bidi overrides and lone surrogates written as escapes are validation errors at their path", async () => {
    for (const [sequence, pattern] of [
      ["\\u0000", /control character/],
      ["\\u001b", /control character/],
      ["\\u202e", /bidirectional/],
      ["\\ud800", /surrogate/],
      ["\\udc00x", /surrogate/],
    ] as const) {
      const json = JSON.stringify({ ...validDefinition(), title: { en: "PLACEHOLDER" } }).replace(
        "PLACEHOLDER",
        `Heat ${sequence} pumps`,
      );
      const path = write("escape.json", json);
      const result = await validateCredentialFile(taxonomy, path, { suggest: false });
      const found = result.issues.find((i) => i.path.join(".") === "title.en");
      expect(found, sequence).toMatchObject({ code: "invalid_value", severity: "error", line: 1 });
      expect(found!.message).toMatch(pattern);
      expect(result.success).toBe(false);
    }
    // A well-formed pair is text like any other.
    const emoji = JSON.stringify({ ...validDefinition(), title: { en: "PLACEHOLDER" } }).replace(
      "PLACEHOLDER",
      "Heat \\ud83c\\udf31 pumps",
    );
    expect((await validateCredentialFile(taxonomy, write("pair.json", emoji), { suggest: false })).success).toBe(true);
  });

  it("a replacement character already in the text is a warning, not silently accepted", () => {
    const result = validateCredential(
      taxonomy,
      { ...validDefinition(), title: { en: "W\ufffdrmepumpen" } },
      { suggest: false },
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "invalid_value", severity: "warning", path: ["title", "en"] }),
    );
  });

  it("YAML double-quoted escapes for control characters are caught too", () => {
    const result = validateCredential(
      taxonomy,
      { ...validDefinition(), title: { en: "a\u0001b" } },
      { suggest: false },
    );
    expect(result.success).toBe(false);
  });
});
