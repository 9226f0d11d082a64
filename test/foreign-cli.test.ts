import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  InvalidArgumentError,
  type Taxonomy,
  checkForeignCredential,
  foreignToDefinition,
  parseCredential,
  readForeignCredential,
} from "green-skills";
import { readCredentialFile } from "green-skills/node";
import { loadDefaultTaxonomy } from "green-skills/data";
import { cli } from "./helpers/cli.js";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

const SKILL = "http://data.europa.eu/esco/skill/59998878-fa14-458a-9085-06b45e89df1b";

const badge = (
  alignment: unknown[] = [
    { type: ["Alignment"], targetName: "types of heat pumps", targetUrl: SKILL, targetFramework: "ESCO v1.1.1" },
  ],
) => ({
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  id: "urn:uuid:2b1c",
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  issuer: { id: "https://issuer.example", type: ["Profile"], name: "Issuer & Co" },
  validFrom: "2026-01-01T00:00:00Z",
  credentialSubject: {
    id: "did:example:learner",
    type: ["AchievementSubject"],
    achievement: {
      id: "https://issuer.example/a",
      type: ["Achievement"],
      name: "Heat pumps",
      criteria: { narrative: "Install heat pumps." },
      creditsAvailable: 2,
      alignment,
    },
  },
});

const b64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const jwt = (payload: unknown) =>
  `${b64url(JSON.stringify({ alg: "EdDSA", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}.c2ln`;

/** A 1×1 PNG with an iTXt chunk (CRCs computed as the PNG specification says). */
function png(keyword: string, text: string): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (name: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(name), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const enc = new TextEncoder();
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const itxt = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("iTXt", itxt),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe("reading foreign credentials: containers", () => {
  it("reads JSON, a VC-JWT, a baked SVG (CDATA, escaped text, verify attribute) and a baked PNG alike", () => {
    const doc = badge();
    const text = JSON.stringify(doc);
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const forms = {
      "openbadges-3.0": readForeignCredential(text),
      "openbadges-3.0-jwt": readForeignCredential(jwt(doc)),
      "openbadges-3.0-svg": readForeignCredential(
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential>${escaped}</ob:credential></svg>`,
      ),
      "openbadges-3.0-png": readForeignCredential(png("openbadgecredential", jwt(doc))),
    };
    for (const [format, read] of Object.entries(forms)) {
      expect(read.format, format).toBe(format);
      expect(read.issues, format).toEqual([]);
      expect(read.escoReferences, format).toEqual([
        {
          uri: SKILL,
          path: ["credentialSubject", "achievement", "alignment", 0, "targetUrl"],
          via: "alignment.targetUrl",
          expected: "skill",
          label: "types of heat pumps",
          outcome: 0,
        },
      ]);
      expect(read.ects).toEqual({ value: 2, path: ["credentialSubject", "achievement", "creditsAvailable"] });
      expect(read.escoVersion?.value).toBe("v1.1.1");
    }
    const svgJwt = readForeignCredential(
      `<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="${jwt(doc)}"/></svg>`,
    );
    expect(svgJwt.format).toBe("openbadges-3.0-svg");
    expect(svgJwt.title?.value).toEqual({ en: "Heat pumps" });
  });

  it("never throws on bad documents: located issues instead", () => {
    const syntax = readForeignCredential('{\n  "a": 1,\n  oops\n}');
    expect(syntax.issues[0]).toMatchObject({ code: "syntax_error", line: 3 });
    expect(readForeignCredential("[1,2]").issues[0]!.code).toBe("unsupported_format");
    expect(readForeignCredential({ type: "Thing" }).issues[0]).toMatchObject({
      code: "unsupported_format",
      path: ["type"],
    });
    expect(readForeignCredential("<svg></svg>").issues[0]!.code).toBe("unsupported_format");
    expect(readForeignCredential(png("openbadges", "{}")).issues[0]!.message).toMatch(/Open Badges 2\.0/);
    const damaged = png("openbadgecredential", "{}");
    damaged[20] = damaged[20]! ^ 0xff;
    expect(readForeignCredential(damaged).issues[0]!.code).toBe("syntax_error");
    expect(readForeignCredential("a.b.c").issues[0]!.code).toBe("syntax_error");
    expect(readForeignCredential(new Uint8Array([0xff, 0xfe, 0x00])).issues[0]!.code).toBe("unsupported_format");
    const https = readForeignCredential(
      badge([{ type: ["Alignment"], targetName: "x", targetUrl: SKILL.replace("http:", "https:") }]),
    );
    expect(https.escoReferences[0]!.uri).toBe(SKILL);
    expect(https.issues[0]).toMatchObject({ code: "invalid_value", severity: "warning" });
  });

  it("checks its arguments", () => {
    for (const bad of [undefined, null, 42, true, () => 1]) {
      expect(() => readForeignCredential(bad as never)).toThrow(InvalidArgumentError);
      expect(() => foreignToDefinition(bad as never)).toThrow(InvalidArgumentError);
    }
    expect(() => foreignToDefinition("{}", 3 as never)).toThrow(InvalidArgumentError);
  });
});

describe("checking and converting foreign credentials", () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = await loadDefaultTaxonomy();
  });

  it("no ESCO reference is an info, not an error; arguments are checked", () => {
    const result = checkForeignCredential(taxonomy, badge([]), { suggest: false });
    expect(result.issues.filter((i) => i.code === "no_esco_reference")).toEqual([
      expect.objectContaining({ severity: "info", path: ["credentialSubject", "achievement"] }),
    ]);
    expect(result.success).toBe(true);
    expect(result.format).toBe("openbadges-3.0");
    expect(() => checkForeignCredential(taxonomy, 7 as never)).toThrow(InvalidArgumentError);
    expect(() => checkForeignCredential(taxonomy, "{}", null as never)).toThrow(InvalidArgumentError);
  });

  it("EQF and ECTS plausibility", () => {
    const doc = badge();
    doc.credentialSubject.achievement.creditsAvailable = -1;
    const result = checkForeignCredential(taxonomy, doc, { suggest: false });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: "invalid_value",
        severity: "error",
        path: ["credentialSubject", "achievement", "creditsAvailable"],
      }),
    );
    const elm = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: "urn:x",
      type: "Qualification",
      title: { en: "T" },
      eqfLevel: { id: "http://data.europa.eu/snb/eqf/9" },
    };
    expect(checkForeignCredential(taxonomy, elm, { suggest: false }).issues).toContainEqual(
      expect.objectContaining({ code: "invalid_value", path: ["eqfLevel"] }),
    );
  });
});

describe("green-skills check and convert", () => {
  const dir = mkdtempSync(join(tmpdir(), "gs-foreign-"));
  const file = join(dir, "badge.json");
  writeFileSync(file, JSON.stringify(badge(), null, 2));

  it("check --json names the format and lists every ESCO reference with its path and status", async () => {
    const { code, stdout } = await cli(["check", file, "--json"]);
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout);
    expect(report.format).toBe("openbadges-3.0");
    expect(report.escoReferences).toEqual([
      expect.objectContaining({
        uri: SKILL,
        path: ["credentialSubject", "achievement", "alignment", 0, "targetUrl"],
        status: "ok",
        line: expect.any(Number),
      }),
    ]);
    expect(report.elements).toHaveLength(16);
  });

  it("check exits 1 for a credential with errors and 2 for a missing file", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...badge(), type: ["VerifiableCredential", "OtherCredential"] }));
    expect((await cli(["check", bad])).code).toBe(1);
    const missing = await cli(["check", join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
  });

  it("convert writes a definition atomically, refuses to overwrite its input, and lists what it could not map", async () => {
    const out = join(dir, "definition.yaml");
    const { code } = await cli(["convert", file, "--out", out]);
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/^# Converted by green-skills from openbadges-3.0/);
    expect(text).toMatch(/# - Date of issuing \(validFrom\)/);
    expect(parse(text).learningOutcomes[0].esco).toEqual([SKILL]);
    const refused = await cli(["convert", file, "--out", file]);
    expect(refused.code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify(badge(), null, 2));
    expect((await cli(["validate", out])).code).toBe(1);
  });

  it("round trip through the CLI: export --to openbadges → convert gives back the example's mappings", async () => {
    const example = join(PROJECT_ROOT, "taxonomy/examples/issued-heat-pump-installation.yaml");
    const exported = join(dir, "issued.json");
    expect((await cli(["export", example, "--to", "openbadges", "--out", exported])).code).toBe(0);
    const out = join(dir, "back.yaml");
    expect((await cli(["convert", exported, "--out", out])).code).toBe(0);
    const issued = (await readCredentialFile(example)).value as { definition: unknown };
    const original = parseCredential(
      typeof issued.definition === "string"
        ? (await readCredentialFile(join(PROJECT_ROOT, "taxonomy/examples", issued.definition))).value
        : issued.definition,
    ).data!;
    expect(parse(readFileSync(out, "utf8")).learningOutcomes.map((o: { esco: string[] }) => o.esco)).toEqual(
      original.learningOutcomes.map((o) => o.esco),
    );
  });
});

describe("the shipped ext: context", () => {
  it("schema/context-v1.json is GREEN_SKILLS_CONTEXT, and OB credentials name it", async () => {
    const { GREEN_SKILLS_CONTEXT, GREEN_SKILLS_CONTEXT_URL, OPEN_BADGES_CONTEXT } = await import(
      "green-skills/schemas"
    );
    expect(JSON.parse(readFileSync(join(PROJECT_ROOT, "schema/context-v1.json"), "utf8"))).toEqual(
      GREEN_SKILLS_CONTEXT,
    );
    expect(OPEN_BADGES_CONTEXT.at(-1)).toBe(GREEN_SKILLS_CONTEXT_URL);
  });
});
