import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import {
  type Taxonomy,
  checkForeignCredential,
  foreignToDefinition,
  readForeignCredential,
  validateCredential,
} from "green-skills";
import { readForeignCredentialFile } from "green-skills/node";
import { loadDefaultTaxonomy } from "green-skills/data";
import { describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";
import { describeIfData } from "./helpers/data-gate.js";
import { STANDARDS } from "./helpers/standards.js";

const WILD = join(STANDARDS, "in-the-wild");
const hasWild = existsSync(WILD);
const SKIP = `skipped: ${WILD} not found (these tests read the third-party credentials beside the project)`;
const describeWild = (name: string, body: () => void) => describeIfData(hasWild, SKIP, name, body);
const files = hasWild
  ? ["1edtech-validator-ob30", "edc-european-commission"].flatMap((dir) =>
      readdirSync(join(WILD, dir)).map((f) => join(dir, f)),
    )
  : [];
const bytes = (file: string) => new Uint8Array(readFileSync(join(WILD, file)));

/** Every ESCO URI written in a file, as plain text (the documents' own account of their references). */
function urisInText(file: string): string[] {
  const text = readFileSync(join(WILD, file), "latin1");
  return [...text.matchAll(/http:\/\/data\.europa\.eu\/esco\/(?:skill|occupation)\/[0-9a-f-]{36}/g)].map((m) => m[0]);
}

const EXPECTED_FORMAT: Record<string, string> = {
  "simple.jwt": "openbadges-3.0-jwt",
  "velocity.jwt": "openbadges-3.0-jwt",
  "simple-json.svg": "openbadges-3.0-svg",
  "simple-jwt.svg": "openbadges-3.0-svg",
  "simple-json.png": "openbadges-3.0-png",
  "credential_shouldValidate.jsonld": "elm-edc",
  "cred_noLegalName_shouldFail.jsonld": "elm-edc",
  "credential-generic-profile-xsd_v1.2.xml": "europass-xml",
  "testing_080.xml": "europass-xml",
};

describeWild("foreign credentials in the wild: every file reads without a crash", () => {
  for (const file of files) {
    it(file, () => {
      const name = file.slice(file.indexOf("/") + 1);
      const read = readForeignCredential(bytes(file));
      expect(read.format).toBe(EXPECTED_FORMAT[name] ?? "openbadges-3.0");
      // Every ESCO URI in the file is found, at a path that holds it.
      const found = read.escoReferences.map((r) => r.uri);
      expect(new Set(found)).toEqual(new Set(urisInText(file)));
      for (const ref of read.escoReferences) {
        if (read.format === "europass-xml") continue;
        let value: unknown = read.document;
        for (const part of ref.path) value = (value as Record<string | number, unknown>)[part];
        expect(value, ref.path.join(".")).toBe(ref.uri);
      }
      for (const i of read.issues) expect(i.path, i.message).toBeInstanceOf(Array);
    });
  }

  it("the invalid fixtures give located errors", () => {
    const errors = (file: string) =>
      readForeignCredential(bytes(`1edtech-validator-ob30/${file}`))
        .issues.filter((i) => i.severity !== "info")
        .map((i) => `${i.code} ${i.path.join(".")}`);
    expect(errors("simple-err-context.json")).toContain("invalid_value @context");
    expect(errors("simple-err-type.json")).toContain("invalid_value type");
    expect(errors("simple-err-expired.json")).toEqual(["invalid_value validUntil"]);
    expect(errors("simple-err-credential-subject-result-type.json")).toEqual([
      "invalid_value credentialSubject.result.1",
    ]);
    expect(
      readForeignCredential(bytes("edc-european-commission/credential_shouldValidate.jsonld")).issues.filter(
        (i) => i.severity === "error",
      ),
    ).toEqual([]);
    for (const valid of [
      "simple.json",
      "simple-json.svg",
      "simple-jwt.svg",
      "simple-json.png",
      "complete.json",
      "simple-did-web-method.json",
    ]) {
      expect(
        readForeignCredential(bytes(`1edtech-validator-ob30/${valid}`)).issues.filter((i) => i.severity === "error"),
        valid,
      ).toEqual([]);
    }
  });

  it("decodes the VC-JWT payload, and the baked SVG and PNG badges to the same credential as the JSON", () => {
    const json = readForeignCredential(bytes("1edtech-validator-ob30/simple.json"));
    const svg = readForeignCredential(bytes("1edtech-validator-ob30/simple-json.svg"));
    const png = readForeignCredential(bytes("1edtech-validator-ob30/simple-json.png"));
    expect(svg.title).toEqual(json.title);
    expect(png.title).toEqual(json.title);
    expect((svg.document as { id: string }).id).toBe((json.document as { id: string }).id);
    const jwt = readForeignCredential(readFileSync(join(WILD, "1edtech-validator-ob30/simple.jwt"), "utf8"));
    expect(jwt.title?.path).toEqual(["vc", "name"]);
    expect(jwt.kind).toBe("credential");
  });

  it("extracts the ELM fields of the Commission's EDC with their paths", async () => {
    const read = await readForeignCredentialFile(
      join(WILD, "edc-european-commission/credential_shouldValidate.jsonld"),
    );
    expect(read.title?.value).toEqual({
      en: "Learning Achievement Spec Title",
      es: "Título de Learning Achievement spec ES",
    });
    expect(read.hours).toEqual({
      value: 1000,
      path: ["credentialSubject", "hasClaim", 0, "specifiedBy", "volumeOfLearning"],
    });
    expect(read.learningOutcomes.map((o) => o.esco.length)).toEqual([2, 2]);
    expect(read.escoReferences.filter((r) => r.expected === "occupation").map((r) => r.via)).toEqual([
      "limitOccupation",
      "limitOccupation",
    ]);
    expect(read.escoReferences.every((r) => r.line !== undefined)).toBe(true);
  });

  it("lists the ESCO references of legacy Europass XML with lines", () => {
    const read = readForeignCredential(bytes("edc-european-commission/credential-generic-profile-xsd_v1.2.xml"));
    expect(read.escoReferences).toHaveLength(4);
    expect(read.escoReferences[0]).toMatchObject({ expected: "skill", via: "xml:relatedEscoSkill@uri" });
    expect(read.escoReferences[0]!.line).toBeGreaterThan(1);
  });

  it("converts each readable credential to a definition; validating it names what the source lacks", async () => {
    const taxonomy = await loadDefaultTaxonomy();
    for (const file of files) {
      const read = readForeignCredential(bytes(file));
      if (read.document === undefined) continue;
      const { definition, yaml, unmapped } = foreignToDefinition(read, { escoVersion: "v1.1.1" });
      expect(yaml.startsWith("# Converted by green-skills")).toBe(true);
      expect(unmapped.length).toBeGreaterThan(0);
      const result = validateCredential(taxonomy, definition, { suggest: false });
      expect(result.kind, file).toBe("definition");
      // The 1EdTech fixtures carry no assessment type: the converted definition says so at its path.
      if (file.startsWith("1edtech"))
        expect(
          result.issues.map((i) => `${i.code} ${i.path.join(".")}`),
          file,
        ).toContain("missing_element assessment");
    }
  });
});

describeWithEsco("foreign credentials in the wild against full ESCO v1.1.1", () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = await fullTaxonomy();
  }, 600_000);

  it("the Commission's EDC: 4 released skills, 2 occupations in the right places, and the convert → validate round trip keeps them", () => {
    if (!hasWild) return;
    const result = checkForeignCredential(taxonomy, bytes("edc-european-commission/credential_shouldValidate.jsonld"), {
      suggest: false,
    });
    expect(result.format).toBe("elm-edc");
    expect(result.escoReferences.map((r) => `${r.status} ${r.kind}`)).toEqual([
      "ok skill",
      "ok skill",
      "ok skill",
      "ok skill",
      "ok occupation",
      "ok occupation",
    ]);
    expect(result.escoReferences.map((r) => r.escoLabel)).toEqual(result.escoReferences.map((r) => r.label));
    expect(
      result.issues.filter((i) => ["unknown_esco_uri", "wrong_concept_type", "obsolete_esco_concept"].includes(i.code)),
    ).toEqual([]);
    const { definition } = foreignToDefinition(bytes("edc-european-commission/credential_shouldValidate.jsonld"), {
      escoVersion: "v1.1.1",
    });
    const validated = validateCredential(taxonomy, definition, { suggest: false });
    expect(
      validated.issues.filter((i) =>
        ["unknown_esco_uri", "wrong_concept_type", "obsolete_esco_concept"].includes(i.code),
      ),
    ).toEqual([]);
    expect((definition["targetOccupations"] as string[]).length).toBe(2);
  });

  it("reports unknown, wrong-type and non-green references at their paths", () => {
    const badge = {
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      id: "urn:uuid:1",
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "https://issuer.example", type: ["Profile"], name: "Issuer" },
      validFrom: "2026-01-01T00:00:00Z",
      credentialSubject: {
        type: ["AchievementSubject"],
        achievement: {
          id: "https://issuer.example/a",
          type: ["Achievement"],
          name: "Sustainable building",
          criteria: { narrative: "Build sustainably." },
          alignment: [
            {
              type: ["Alignment"],
              targetName: "made up",
              targetUrl: "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000",
            },
            {
              type: ["Alignment"],
              targetName: "heat pump installer",
              targetUrl: "http://data.europa.eu/esco/occupation/7259dc48-004a-4ceb-aa4e-5bbd548c2397",
              targetType: "ext:ESCOSkill",
            },
            {
              type: ["Alignment"],
              targetName: "types of heat pumps",
              targetUrl: "http://data.europa.eu/esco/skill/59998878-fa14-458a-9085-06b45e89df1b",
            },
            {
              type: ["Alignment"],
              targetName: "use spreadsheets software",
              targetUrl: "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be",
            },
          ],
        },
      },
    };
    const result = checkForeignCredential(taxonomy, badge, { suggest: false });
    const at = (i: number) => ["credentialSubject", "achievement", "alignment", i, "targetUrl"];
    expect(result.greenClaim).toEqual({ value: "Sustainable", path: ["credentialSubject", "achievement", "name"] });
    expect(result.escoReferences.map((r) => r.status)).toEqual(["unknown", "wrong-type", "ok", "ok"]);
    const codes = result.issues.map((i) => `${i.code} ${i.path.join(".")}`);
    expect(codes).toContain(`unknown_esco_uri ${at(0).join(".")}`);
    expect(codes).toContain(`wrong_concept_type ${at(1).join(".")}`);
    const green = result.escoReferences[2]!.green;
    expect(codes.includes(`non_green_skill ${at(2).join(".")}`)).toBe(!green);
    expect(codes.includes(`non_green_skill ${at(3).join(".")}`)).toBe(!result.escoReferences[3]!.green);
    expect(result.success).toBe(false);
  });
});
