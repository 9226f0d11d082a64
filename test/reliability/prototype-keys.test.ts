/**
 * Lookup tables written as object literals must answer only for their own keys: a value from user data
 * such as "constructor" or "toString" must never reach Object.prototype (the cause of the multi-language
 * search crash, issue 11 item 17). These are that bug's siblings outside search.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readForeignCredential } from "green-skills";
import { importEsco } from "green-skills/node";
import { baseFixture, writeEscoFixture } from "../helpers/esco-fixture.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("prototype keys in user data", () => {
  for (const word of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
    it(`an occupation–skill relationType "${word}" is reported, never imported as a relation`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "gs-proto-"));
      dirs.push(dir);
      const [folder] = writeEscoFixture(dir, baseFixture());
      const path = join(folder!, "occupationSkillRelations.csv");
      const lines = readFileSync(path, "utf8").split("\r\n");
      lines[1] = lines[1]!.replace(/,(essential|optional),/, `,${word},`);
      writeFileSync(path, lines.join("\r\n"));
      expect(readdirSync(folder!)).toContain("occupationSkillRelations.csv");
      const { report } = await importEsco([folder!]);
      expect(report.relations.occupationSkill.unresolved).toBe(2);
      expect(report.warnings).toContainEqual(
        expect.objectContaining({ line: 2, message: expect.stringContaining(`relationType "${word}"`) }),
      );
    });
  }

  it("an SVG badge with the entity &constructor; keeps it as text", () => {
    const credential = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      name: "A &constructor; badge",
    };
    const json = JSON.stringify(credential);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${json}]]></openbadges:credential></svg>`;
    const escaped = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>${json.replace(/&constructor;/, "&amp;constructor;").replace(/"/g, "&quot;")}</openbadges:credential></svg>`;
    for (const text of [svg, escaped.replace("&amp;constructor;", "&constructor;")]) {
      const read = readForeignCredential(text);
      expect(JSON.stringify(read)).not.toMatch(/function|native code/);
    }
  });
});
