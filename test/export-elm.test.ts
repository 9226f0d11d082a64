import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { type ExportError, type Taxonomy, toElm, toEuropeanDigitalCredential } from "green-skills";
import { COUNTRY_CODES, ElmSpecificationSchema, EuropeanDigitalCredentialSchema } from "green-skills/schemas";
import { URI, type LooseDefinition, credentialFixtureTaxonomy, validDefinition } from "./helpers/credential-fixture.js";
import { describeWithStandards, validateShacl } from "./helpers/standards.js";

let t: Taxonomy;
beforeAll(async () => {
  t = await credentialFixtureTaxonomy();
});

const elm = (definition: LooseDefinition, options = {}) => toElm(t, definition as never, options);
const withLegalId = (definition: LooseDefinition) => {
  definition["awardingBodies"][0].legalIdentifier = "DE.HRB-12345";
  return definition;
};
const issued = (definition: LooseDefinition = withLegalId(validDefinition()), extra: Record<string, unknown> = {}) => ({
  id: "urn:uuid:00000000-0000-4000-8000-000000000002",
  definition,
  learner: {
    givenName: "Alex",
    familyName: "Example",
    email: "alex@example.org",
    dateOfBirth: "2000-01-31",
    nationalId: "X-1",
  },
  issued: "2026-06-30",
  grade: "pass",
  ...extra,
});
const edc = (value = issued(), options = {}) => toEuropeanDigitalCredential(t, value as never, options);

describe("toElm", () => {
  it("is a Qualification with the EQF level, ECTS credit points and the volume of learning in hours", () => {
    const { document, warnings } = elm(validDefinition());
    expect(warnings).toEqual([]);
    expect(ElmSpecificationSchema.safeParse(document).success).toBe(true);
    expect(document.type).toBe("Qualification");
    expect(document.eqfLevel).toMatchObject({
      id: "http://data.europa.eu/snb/eqf/4",
      inScheme: { id: "http://data.europa.eu/snb/eqf/25831c2" },
    });
    expect(document.creditPoint).toEqual([
      {
        type: "CreditPoint",
        framework: expect.objectContaining({ id: "http://data.europa.eu/snb/education-credit/6fcec5c5af" }),
        point: "2",
      },
    ]);
    expect(document.volumeOfLearning).toBe("PT55H");
  });

  it("writes hours as PT…H (never P…M, months), fractions as minutes", () => {
    const volume = (hours: number) => {
      const definition = validDefinition();
      definition["workload"] = { hours };
      return elm(definition).document.volumeOfLearning;
    };
    expect(volume(60)).toBe("PT60H");
    expect(volume(37.5)).toBe("PT37H30M");
    expect(volume(0.25)).toBe("PT15M");
    expect(volume(1.0001)).toBe("PT1H0.36S");
  });

  it("is a LearningAchievementSpecification without eqfLevel when the level is not applicable", () => {
    const definition = validDefinition();
    definition["level"] = { eqf: "not-applicable", nqf: "Level 3 (national)" };
    const { document } = elm(definition);
    expect(document.type).toBe("LearningAchievementSpecification");
    expect(document.eqfLevel).toBeUndefined();
    expect(document.isPartialQualification).toBeUndefined();
    const notes = document.additionalNote.map((n) => n.noteLiteral["en"]);
    expect(notes).toContain("Level: EQF not applicable.");
    expect(notes).toContain("National qualifications framework level: Level 3 (national).");
  });

  it("maps each outcome's ESCO skills to relatedESCOSkill in the ESCO skills scheme, with labels, skill type and reuse level", () => {
    const { document } = elm(validDefinition());
    const [install, types, team] = document.learningOutcome;
    expect(install).toMatchObject({
      id: "https://credentials.example.org/test/heat-pumps#outcome-lo-1",
      title: { en: "Install and commission a heat pump." },
      relatedESCOSkill: [
        {
          id: URI.installHeatPump,
          type: "Concept",
          inScheme: { id: "http://data.europa.eu/esco/concept-scheme/skills", type: "ConceptScheme" },
          prefLabel: { en: "install heat pump" },
        },
      ],
      dcType: {
        id: "http://data.europa.eu/snb/skill-type/skill",
        inScheme: { id: "http://data.europa.eu/snb/skill-type/25831c2" },
      },
      reusabilityLevel: {
        id: "http://data.europa.eu/snb/skill-reuse-level/cross-sector",
        inScheme: { id: "http://data.europa.eu/snb/skill-reuse-level/25831c2" },
      },
      relatedSkill: [
        {
          notation: "2.1",
          inScheme: { id: "https://doi.org/10.2760/13286" },
          prefLabel: { en: "2.1 Systems thinking" },
        },
      ],
    });
    expect(types!.dcType?.id).toBe("http://data.europa.eu/snb/skill-type/knowledge");
    expect(team!.reusabilityLevel?.id).toBe("http://data.europa.eu/snb/skill-reuse-level/transversal");
    // lo-2 has its own EQF level: ELM outcomes have no level property, so it becomes a note.
    expect(types!["additionalNote"]).toEqual([
      expect.objectContaining({ noteLiteral: { en: "EQF level of this learning outcome: 4" } }),
    ]);
  });

  it("leaves skill type and reuse level out when the mapped skills disagree", () => {
    const definition = validDefinition();
    definition["learningOutcomes"][0].esco.push(URI.heatPumpTypes);
    const outcome = elm(definition).document.learningOutcome[0]!;
    expect(outcome.relatedESCOSkill).toHaveLength(2);
    expect(outcome.dcType).toBeUndefined();
    expect(outcome.reusabilityLevel).toBeUndefined();
  });

  it("uses the ELM vocabularies for mode, learning setting, assessment types and supervision", () => {
    const definition = validDefinition();
    definition["assessment"] = {
      types: ["practical-assessment", "oral-examination"],
      description: { en: "Two parts." },
    };
    definition["supervision"] = "supervised-with-id-verification";
    definition["participation"] = { mode: "blended", setting: "formal" };
    const { document } = elm(definition);
    expect(document.mode.map((m) => m.id)).toEqual(["http://data.europa.eu/snb/learning-assessment/e92d221e4d"]);
    expect(document.learningSetting.id).toBe("http://data.europa.eu/snb/learning-setting/6fd4685715");
    expect(document.provenBy.map((p) => (p["dcType"] as { id: string }).id)).toEqual([
      "http://data.europa.eu/snb/assessment/6a4db9f11d",
      "http://data.europa.eu/snb/assessment/d30284d7df",
    ]);
    expect(document.provenBy[0]).toMatchObject({
      description: { en: "Two parts." },
      additionalNote: [{ subject: { id: "http://data.europa.eu/snb/supervision-verification/70be69aaf9" } }],
    });
  });

  it("keeps every language of the texts and lists the languages from the EU Language NAL", () => {
    const { document } = elm(validDefinition());
    expect(document.title).toEqual({ en: "Heat pump basics", de: "Wärmepumpen-Grundlagen" });
    expect(document.language.map((l) => l.id)).toEqual([
      "http://publications.europa.eu/resource/authority/language/ENG",
      "http://publications.europa.eu/resource/authority/language/DEU",
    ]);
  });

  it("places awarding bodies (and the issuer's country and region) in an awarding opportunity; assumes the issuer's country where a body gives none", () => {
    const definition = validDefinition();
    definition["issuer"] = { country: "AT", region: "Tirol" };
    definition["awardingBodies"] = [{ name: "No Country Academy" }];
    const { document, warnings } = elm(definition);
    expect(document.awardingOpportunity[0]).toMatchObject({
      awardingBody: [
        {
          id: "https://credentials.example.org/test/heat-pumps#awarding-body-1",
          legalName: { en: "No Country Academy" },
          location: {
            address: { countryCode: { id: "http://publications.europa.eu/resource/authority/country/AUT" } },
          },
        },
      ],
      location: { geographicName: { en: "Tirol" } },
    });
    expect(warnings).toEqual([
      expect.objectContaining({ code: "assumed_value", path: ["awardingBodies", 0, "country"] }),
    ]);
  });

  it("writes quality assurance, stackability, target occupations, prerequisites, sectors and further information", () => {
    const definition = validDefinition();
    Object.assign(definition, {
      qualityAssurance: {
        types: ["external-review"],
        body: { name: "Agency", id: "https://agency.example" },
        url: "https://agency.example/report",
        description: { en: "Reviewed in 2025.", de: "2025 geprüft." },
      },
      stackability: {
        type: "stackable",
        towards: [{ id: "https://credentials.example.org/cert", title: { en: "Certificate" } }],
      },
      prerequisites: { en: "A plumbing qualification." },
      furtherInformation: { url: "https://training.example.org/heat-pumps", note: { en: "Runs twice a year." } },
    });
    const { document } = elm(definition);
    const notes = document.additionalNote;
    expect(notes[0]!.noteLiteral).toEqual({
      en: "Type of quality assurance: external review by a quality assurance body. Quality assurance body: Agency (https://agency.example). Report: https://agency.example/report Reviewed in 2025.",
      de: "2025 geprüft.",
    });
    expect(notes).toContainEqual(
      expect.objectContaining({
        noteLiteral: { en: `Target occupation: ${"heat pump installer"}.` },
        subject: expect.objectContaining({
          id: URI.installer,
          inScheme: { id: "http://data.europa.eu/esco/concept-scheme/occupations", type: "ConceptScheme" },
        }),
      }),
    );
    expect(notes).toContainEqual(
      expect.objectContaining({
        noteLiteral: {
          en: "Integration/stackability: stackable towards Certificate, https://credentials.example.org/cert.",
        },
      }),
    );
    expect(document.isPartialQualification).toBe(true);
    expect(document.isPartOf).toEqual([
      { id: "https://credentials.example.org/cert", type: "Qualification", title: { en: "Certificate" } },
    ]);
    expect(document.entryRequirement).toEqual({ type: "Note", noteLiteral: { en: "A plumbing qualification." } });
    expect(document.category).toEqual({ en: ["construction"] });
    expect(document.homepage).toEqual([{ type: "WebResource", contentURL: "https://training.example.org/heat-pumps" }]);
    expect(document.supplementaryDocument).toEqual([
      { type: "WebResource", contentURL: "https://agency.example/report", title: { en: "Quality assurance" } },
    ]);
  });
});

describe("toEuropeanDigitalCredential", () => {
  it("is an unsigned EDC with the eIDAS issuer, issued, validFrom, the learner and the achievement", () => {
    const { document, warnings } = edc();
    expect(warnings).toEqual([]);
    expect(EuropeanDigitalCredentialSchema.safeParse(document).success).toBe(true);
    // The Europass (VCDM 2.0) form by default; VCDM 1.1 on request.
    expect(document["@context"]).toEqual([
      "http://data.europa.eu/snb/model/context/edc-ap",
      "https://www.w3.org/ns/credentials/v2",
      "https://w3id.org/green-skills/context/v1",
    ]);
    expect(document.type).toEqual(["VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"]);
    expect(document.issuanceDate).toBeUndefined();
    const v11 = edc(undefined, { vcdm: "1.1" }).document;
    expect(v11["@context"]).toEqual([
      "https://www.w3.org/2018/credentials/v1",
      "http://data.europa.eu/snb/model/context/edc-ap",
    ]);
    expect(v11.type).toEqual(["VerifiableCredential", "EuropeanDigitalCredential"]);
    expect(EuropeanDigitalCredentialSchema.safeParse(v11).success).toBe(true);
    expect(document.issuer.eIDASIdentifier).toMatchObject({
      type: "LegalIdentifier",
      notation: "DE.HRB-12345",
      spatial: { id: "http://publications.europa.eu/resource/authority/country/DEU" },
    });
    expect([document.issued, document.validFrom]).toEqual(["2026-06-30T00:00:00Z", "2026-06-30T00:00:00Z"]);
    expect(document.credentialSubject).toMatchObject({
      type: "Person",
      givenName: { en: "Alex" },
      fullName: { en: "Alex Example" },
      dateOfBirth: "2000-01-31T00:00:00Z",
      contactPoint: [{ emailAddress: [{ id: "mailto:alex@example.org" }] }],
      hasClaim: {
        type: "LearningAchievement",
        awardedBy: { awardingDate: "2026-06-30T00:00:00Z" },
        specifiedBy: { type: "Qualification" },
        provenBy: [{ grade: { noteLiteral: { en: "pass" } } }],
      },
    });
  });

  it("takes the eIDAS identifier from the options, and fails clearly (not silently) without one", () => {
    const { document } = edc(issued(validDefinition()), { issuer: { legalIdentifier: "AT.FN-99" } });
    expect(document.issuer.eIDASIdentifier.notation).toBe("AT.FN-99");
    let error: ExportError | undefined;
    try {
      edc(issued(validDefinition()));
    } catch (e) {
      error = e as ExportError;
    }
    expect(error).toMatchObject({
      name: "ExportError",
      code: "E_EXPORT_MISSING_DATA",
      path: ["definition", "awardingBodies", 0, "legalIdentifier"],
    });
    expect(error?.message).toContain("eIDAS");
  });

  it("has a display image: the generated SVG page, or the one passed in", () => {
    const image = (document: ReturnType<typeof edc>["document"]) =>
      (document.displayParameter as any).individualDisplay[0].displayDetail[0].image;
    const svg = Buffer.from(image(edc().document).content, "base64").toString("utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Heat pump basics");
    expect(svg).toContain("Alex Example");
    expect(svg).toContain("Install and commission a heat pump.");
    expect(image(edc(issued(), { display: { base64: "iVBORw0KGgo=", fileType: "PNG" } }).document)).toMatchObject({
      content: "iVBORw0KGgo=",
      contentType: { id: "http://publications.europa.eu/resource/authority/file-type/PNG" },
    });
  });

  it("omits the assessment claim without a grade (ELM requires a grade on it)", () => {
    const value = issued();
    delete (value as Partial<typeof value>).grade;
    expect(edc(value).document.credentialSubject.hasClaim["provenBy"]).toBeUndefined();
  });
});

describe("EU Country NAL codes", () => {
  it("match ISO 3166-1 alpha-3 (i18n-iso-countries) for every country code a definition accepts", async () => {
    const countries = createRequire(import.meta.url)("i18n-iso-countries") as {
      alpha2ToAlpha3(code: string): string | undefined;
    };
    const definition = validDefinition();
    for (const code of COUNTRY_CODES) {
      definition["issuer"] = { country: code };
      definition["awardingBodies"][0].country = code;
      const location = elm(definition).document.awardingOpportunity[0]!["location"] as {
        address: { countryCode: { id: string } };
      };
      expect(location.address.countryCode.id, code).toBe(
        `http://publications.europa.eu/resource/authority/country/${countries.alpha2ToAlpha3(code)}`,
      );
    }
  });
});

describeWithStandards("ELM exports against the EDC SHACL shapes", () => {
  it("a rich definition and its credential conform (full shapes, with controlled vocabularies)", async () => {
    const definition = withLegalId(validDefinition());
    Object.assign(definition, {
      supervision: "supervised-with-id-verification",
      gradeScheme: { values: ["fail", "pass"], pass: "pass" },
      stackability: {
        type: "stackable",
        towards: [{ id: "https://credentials.example.org/cert", title: { en: "Certificate" } }],
      },
      prerequisites: { en: "None." },
      furtherInformation: { url: "https://training.example.org/x", note: { en: "Note." } },
      qualityAssurance: { types: ["accreditation"], url: "https://agency.example/r" },
    });
    const spec = await validateShacl(elm(definition).document);
    expect(spec.violations).toEqual([]);
    expect(spec.conforms).toBe(true);
    const credential = await validateShacl(edc(issued(definition)).document);
    expect(credential.violations).toEqual([]);
  });

  it("a not-applicable level (LearningAchievementSpecification) conforms too", async () => {
    const definition = withLegalId(validDefinition());
    definition["level"] = { eqf: "not-applicable" };
    expect((await validateShacl(edc(issued(definition)).document)).violations).toEqual([]);
  });

  it("the shapes see our nodes: breaking the export yields the matching violations", async () => {
    const { document } = edc();
    const broken = structuredClone(document) as Record<string, any>;
    delete broken["issued"];
    broken["credentialSubject"].hasClaim.specifiedBy.learningOutcome[0].relatedESCOSkill[0].inScheme.id =
      "http://data.europa.eu/esco/concept-scheme/occupations";
    delete broken["credentialSubject"].hasClaim.specifiedBy.learningOutcome[1].title;
    const report = await validateShacl(broken);
    expect(report.conforms).toBe(false);
    const paths = new Set(report.violations.map((v) => v.path));
    expect(paths).toContain("https://www.w3.org/2018/credentials#issued");
    expect(paths).toContain("http://data.europa.eu/snb/model/elm/relatedESCOSkill");
    expect(report.violations).toContainEqual(
      expect.objectContaining({
        focus: "https://credentials.example.org/test/heat-pumps#outcome-lo-2",
        path: "http://purl.org/dc/terms/title",
      }),
    );
  });
});
