import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { validDefinition } from "./helpers/credential-fixture.js";
import { cli } from "./helpers/cli.js";

// The CLI runs on the embedded default here (no --esco): the fixture definition maps to ESCO skills of
// the credential examples, which the embedded default holds.
const dir = mkdtempSync(join(tmpdir(), "gs-export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : stringify(value));
  return path;
};

const INSTALL_HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f";
const definition = () => {
  const d = validDefinition();
  d["learningOutcomes"] = [
    { id: "lo-1", statement: { en: "Install and commission a heat pump." }, esco: [INSTALL_HEAT_PUMP] },
  ];
  delete d["targetOccupations"];
  d["awardingBodies"][0].id = "https://training.example.org";
  return d;
};
const learner = {
  id: "urn:uuid:00000000-0000-4000-8000-0000000000aa",
  learner: { fullName: "Kim Example" },
  issued: "2026-07-01",
};

describe("green-skills export", () => {
  it("writes an OB 3.0 achievement for a definition to stdout", async () => {
    const { code, stdout, stderr } = await cli(["export", file("def.yaml", definition()), "--to", "openbadges"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ type: ["Achievement"], achievementType: "MicroCredential" });
    expect(doc.alignment[0]).toMatchObject({ targetUrl: INSTALL_HEAT_PUMP, targetName: "install heat pump" });
  });

  it("writes an ELM credential for a definition plus a learner file with --out, atomically, and says what it wrote", async () => {
    const out = join(dir, "edc.json");
    const { code, stdout } = await cli([
      "export",
      file("def.yaml", definition()),
      "--to",
      "elm",
      "--issued",
      file("learner.yaml", learner),
      "--issuer-legal-id",
      "DE.X-1",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(`✔ wrote European Digital Credential (unsigned, Europass VCDM 2.0) to ${out}\n`);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.type).toEqual(["VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"]);
    expect(doc.credentialSubject.fullName).toEqual({ en: "Kim Example" });
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("--json prints the document with its warnings", async () => {
    const d = definition();
    d["title"] = { en: "Heat pump basics", fr: "Pompes à chaleur" };
    const { code, stdout } = await cli(["export", file("fr.yaml", d), "--to", "openbadges", "--lang", "fr", "--json"]);
    expect(code).toBe(0);
    const { document, warnings } = JSON.parse(stdout);
    expect(document.name).toBe("Pompes à chaleur");
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: "label_fallback", path: ["learningOutcomes", 0, "esco", 0] }),
    );
  });

  it("refuses a definition with validation errors, listing them (exit 1, nothing written)", async () => {
    const d = definition();
    d["learningOutcomes"][0].esco = ["http://data.europa.eu/esco/occupation/7259dc48-004a-4ceb-aa4e-5bbd548c2397"];
    delete d["assessment"];
    const out = join(dir, "never.json");
    const { code, stdout, stderr } = await cli(["export", file("bad.yaml", d), "--to", "openbadges", "--out", out]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/✖ .*assessment/);
    expect(stderr).toMatch(/wrong_concept_type/);
    expect(stderr).toMatch(
      /error: .*bad\.yaml: the definition has errors \(2 validation errors above\); nothing was exported/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("says which data the format needs: the issuer's eIDAS identifier for an EDC (exit 1)", async () => {
    const { code, stderr } = await cli([
      "export",
      file("def.yaml", definition()),
      "--to",
      "elm",
      "--issued",
      file("learner.yaml", learner),
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("eIDAS legal identifier");
    expect(stderr).toContain("hint: add legalIdentifier to the first awarding body, or pass --issuer-legal-id");
  });

  it("checks the learner file, with line numbers, and the grade against the grade scheme", async () => {
    const d = definition();
    d["gradeScheme"] = { values: ["fail", "pass"] };
    const { code, stderr } = await cli([
      "export",
      file("graded.yaml", d),
      "--to",
      "openbadges",
      "--issued",
      file("bad-learner.yaml", "learner:\n  fullName: Kim\nissued: 2026-07-01\ngrade: excellent\nid: urn:x:1\n"),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/4:1 +grade +grade "excellent" is not in the definition's grade scheme/);
    const missing = await cli([
      "export",
      file("graded.yaml", d),
      "--to",
      "openbadges",
      "--issued",
      file("no-date.yaml", { learner: { fullName: "Kim" } }),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/issued/);
  });

  it("exits 2 for an unreadable file or a missing --to", async () => {
    const unreadable = await cli(["export", join(dir, "nope.yaml"), "--to", "elm"]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^error: .*nope\.yaml: no such file/m);
    expect((await cli(["export", file("def.yaml", definition())])).code).toBe(2);
    expect((await cli(["export", file("def.yaml", definition()), "--to", "pdf"])).code).toBe(2);
  });

  it("has help with an example", async () => {
    const { code, stdout } = await cli(["export", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Example:");
    expect(stdout).toContain("--issuer-legal-id");
  });
});
