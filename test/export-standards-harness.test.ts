import { expect, it } from "vitest";
import { describeWithStandards, openBadgeValidators, standardsFile, validateShacl } from "./helpers/standards.js";

// The validators the export tests rely on must find real violations, not pass everything.
describeWithStandards("standards harness (official samples)", () => {
  it("SHACL: the Commission's micro-credential sample fails exactly the two known constraints, and passes once they are met", async () => {
    const sample = standardsFile("elm/examples/Sample-MC-Annex1-unsigned.jsonld") as Record<string, any>;
    const before = await validateShacl(sample);
    expect(before.conforms).toBe(false);
    const paths = before.violations.map((v) => v.path);
    expect(paths).toContain("https://www.w3.org/2018/credentials#issued");
    expect(
      before.violations.every(
        (v) =>
          v.path === "https://www.w3.org/2018/credentials#issued" ||
          v.path === "https://www.w3.org/2018/credentials#issuer",
      ),
    ).toBe(true);

    const fixed = structuredClone(sample);
    fixed.issued = "2023-01-01T00:00:00Z";
    fixed.issuer = {
      ...fixed.credentialSubject.hasClaim.awardedBy.awardingBody,
      eIDASIdentifier: {
        id: "urn:test:eidas",
        type: "LegalIdentifier",
        notation: "IE-123",
        spatial: fixed.credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode,
      },
    };
    const after = await validateShacl(fixed);
    expect(after.violations).toEqual([]);
    expect(after.conforms).toBe(true);
  });

  it("Ajv: the official OB example passes both schema variants; without issuer it fails both", () => {
    const { published, formal } = openBadgeValidators();
    const example = standardsFile("openbadges/examples/complete-openbadgecredential.json") as Record<string, unknown>;
    expect(published(example).errors).toEqual([]);
    expect(formal(example).errors).toEqual([]);
    const { issuer: _issuer, ...broken } = example;
    expect(published(broken).valid).toBe(false);
    expect(formal(broken).valid).toBe(false);
  });
});
