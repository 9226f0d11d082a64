/**
 * URL fields accept only the schemes the export formats use: http(s) for web pages; http(s), urn: and
 * did: for identifiers (and mailto: for a learner). Anything else is a validation issue at its path, and
 * the exporters neither take such a value from a document nor from their options.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  ExportError,
  InvalidOptionError,
  type Taxonomy,
  toElm,
  toEuropeanDigitalCredential,
  toOpenBadgeAchievement,
  toOpenBadgeCredential,
  validateCredential,
} from "green-skills";
import { credentialFixtureTaxonomy, validDefinition } from "../helpers/credential-fixture.js";

let taxonomy: Taxonomy;
beforeAll(async () => {
  taxonomy = await credentialFixtureTaxonomy();
});

const HOSTILE = [
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/x",
  "https://exa\nmple.org/",
  "https://example.org/\u202e",
  " https://example.org/",
  "https://",
  "urn:",
  "did:",
  "example.org/credential",
];

/** Each URL field of a definition, with the path and a way to set it. */
const FIELDS: [path: (string | number)[], set: (d: Record<string, any>, v: string) => void, schemes: "web" | "id"][] = [
  [["id"], (d, v) => (d.id = v), "id"],
  [["awardingBodies", 0, "id"], (d, v) => (d.awardingBodies[0].id = v), "id"],
  [["awardingBodies", 0, "homepage"], (d, v) => (d.awardingBodies[0].homepage = v), "web"],
  [["qualityAssurance", "url"], (d, v) => (d.qualityAssurance.url = v), "web"],
  [["qualityAssurance", "body", "id"], (d, v) => (d.qualityAssurance.body = { name: "QA body", id: v }), "id"],
  [["furtherInformation", "url"], (d, v) => (d.furtherInformation = { url: v }), "web"],
  [
    ["stackability", "towards", 0, "id"],
    (d, v) => (d.stackability = { type: "stackable", towards: [{ id: v, title: { en: "Bigger" } }] }),
    "id",
  ],
];

describe("URL schemes in credentials", () => {
  it.each(FIELDS.map((f) => [f[0].join("."), f] as const))(
    "%s refuses hostile and malformed URIs with an issue at its path",
    (_label, [path, set]) => {
      for (const value of HOSTILE) {
        const definition = validDefinition();
        set(definition, value);
        const result = validateCredential(taxonomy, definition, { suggest: false });
        expect(result.success, `${path.join(".")} = ${JSON.stringify(value)}`).toBe(false);
        const found = result.issues.find(
          (i) => i.path.join(".") === path.join(".") && /expected an http\(s\) URL/.test(i.message),
        );
        expect(found, `${path.join(".")} = ${JSON.stringify(value)}`).toMatchObject({
          code: "invalid_value",
          severity: "error",
        });
        expect(found!.message).toMatch(/expected an http\(s\) URL/);
        // The exporters refuse the same document rather than copy the value.
        expect(() => toOpenBadgeAchievement(taxonomy, definition as never)).toThrow(ExportError);
        expect(() => toElm(taxonomy, definition as never)).toThrow(ExportError);
      }
    },
  );

  it("identifiers accept http(s), urn: and did:; web pages only http(s)", () => {
    for (const [value, asId, asWeb] of [
      ["https://example.org/c/1", true, true],
      ["http://example.org", true, true],
      ["urn:uuid:6f1c2a5e-8d4b-4c3e-9a7f-2b1d0e9c8a71", true, false],
      ["did:web:example.org", true, false],
      ["did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", true, false],
      ["mailto:info@example.org", false, false],
    ] as const) {
      const id = validDefinition();
      id.awardingBodies[0].id = value;
      expect(validateCredential(taxonomy, id, { suggest: false }).success, `id ${value}`).toBe(asId);
      const web = validDefinition();
      web.awardingBodies[0].homepage = value;
      expect(validateCredential(taxonomy, web, { suggest: false }).success, `homepage ${value}`).toBe(asWeb);
    }
  });

  it("a learner id may also be mailto:, never javascript: or data:", () => {
    const issued = (id: string) => ({
      id: "urn:uuid:6f1c2a5e-8d4b-4c3e-9a7f-2b1d0e9c8a71",
      definition: validDefinition(),
      learner: { fullName: "Alex Example", id },
      issued: "2026-06-30",
    });
    expect(validateCredential(taxonomy, issued("mailto:alex@example.org"), { suggest: false }).success).toBe(true);
    expect(validateCredential(taxonomy, issued("did:example:123456"), { suggest: false }).success).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:,x", "mailto:", "file:///x"]) {
      const result = validateCredential(taxonomy, issued(bad), { suggest: false });
      expect(
        result.issues.find((i) => i.path.join(".") === "learner.id"),
        bad,
      ).toMatchObject({ severity: "error" });
    }
    const credentialId = { ...issued("mailto:alex@example.org"), id: "javascript:alert(1)" };
    expect(
      validateCredential(taxonomy, credentialId, { suggest: false }).issues.some((i) => i.path.join(".") === "id"),
    ).toBe(true);
  });

  it("export options cannot bring a refused URI in either", () => {
    const issued = {
      definition: {
        ...validDefinition(),
        awardingBodies: [{ name: "Centre", id: "https://centre.example.org", legalIdentifier: "DE.HRB.1" }],
      },
      learner: { fullName: "Alex" },
      issued: "2026-06-30",
    };
    for (const bad of ["javascript:alert(1)", "data:,x"]) {
      expect(() => toOpenBadgeAchievement(taxonomy, validDefinition() as never, { achievementId: bad })).toThrow(
        InvalidOptionError,
      );
      expect(() => toOpenBadgeCredential(taxonomy, issued as never, { credentialId: bad })).toThrow(InvalidOptionError);
      expect(() =>
        toOpenBadgeCredential(taxonomy, issued as never, { credentialId: "urn:uuid:1", issuer: { id: bad } }),
      ).toThrow(InvalidOptionError);
      expect(() =>
        toOpenBadgeCredential(taxonomy, issued as never, { credentialId: "urn:uuid:1", issuer: { homepage: bad } }),
      ).toThrow(InvalidOptionError);
      expect(() => toEuropeanDigitalCredential(taxonomy, issued as never, { credentialId: bad })).toThrow(
        InvalidOptionError,
      );
    }
    expect(() =>
      toOpenBadgeCredential(taxonomy, issued as never, { credentialId: "urn:uuid:1", lang: "en\u0000" }),
    ).toThrow(InvalidOptionError);
    expect(() =>
      toEuropeanDigitalCredential(taxonomy, issued as never, { credentialId: "urn:uuid:1", validFrom: "2026-02-30" }),
    ).toThrow(InvalidOptionError);
    expect(toOpenBadgeCredential(taxonomy, issued as never, { credentialId: "urn:uuid:1" }).document.id).toBe(
      "urn:uuid:1",
    );
  });
});
