import { beforeAll, describe, expect, it } from "vitest";
import {
  ExportError,
  type Taxonomy,
  isGreenSkillsError,
  prefLabel,
  toOpenBadgeAchievement,
  toOpenBadgeCredential,
} from "green-skills";
import { OpenBadgeAchievementSchema, OpenBadgeCredentialSchema } from "green-skills/schemas";
import {
  URI,
  type LooseDefinition,
  credentialFixtureTaxonomy,
  curatedFixtureTaxonomy,
  validDefinition,
} from "./helpers/credential-fixture.js";
import { describeWithStandards, expandSafe, openBadgeValidators } from "./helpers/standards.js";

let t: Taxonomy;
beforeAll(async () => {
  t = await credentialFixtureTaxonomy();
});

const achievement = (definition: LooseDefinition, options = {}) =>
  toOpenBadgeAchievement(t, definition as never, options);
const issued = (definition: LooseDefinition = validDefinition(), extra: Record<string, unknown> = {}) => ({
  id: "urn:uuid:00000000-0000-4000-8000-000000000001",
  definition,
  learner: { givenName: "Alex", familyName: "Example", email: "alex@example.org" },
  issued: "2026-06-30",
  grade: "pass",
  ...extra,
});
const withIssuerId = (definition: LooseDefinition) => {
  definition["awardingBodies"][0].id = "https://training.example.org";
  return definition;
};

describe("toOpenBadgeAchievement", () => {
  it("makes a MicroCredential achievement whose alignments name each mapped ESCO skill with its label, URI and code", () => {
    const { document, warnings } = achievement(validDefinition());
    expect(warnings).toEqual([]);
    expect(OpenBadgeAchievementSchema.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({
      id: "https://credentials.example.org/test/heat-pumps",
      type: ["Achievement"],
      achievementType: "MicroCredential",
      name: "Heat pump basics",
      inLanguage: "en",
      creditsAvailable: 2,
    });
    const esco = document.alignment.filter((a) => a.targetUrl.startsWith("http://data.europa.eu/esco/skill/"));
    expect(esco.map((a) => a.targetUrl)).toEqual([URI.installHeatPump, URI.heatPumpTypes, URI.teamwork]);
    for (const a of esco) {
      expect(a.targetName).toBe(prefLabel(t, a.targetUrl, "en"));
      expect(a.targetCode).toBe(a.targetUrl.split("/").at(-1));
      expect(a.targetFramework).toBe("ESCO v1.1.1");
      expect(a.targetType).toBe("ext:ESCOSkill");
    }
    expect(esco[0]!.targetDescription).toBe(
      "Fit and connect the indoor and outdoor units of a heat pump and commission it.",
    );
  });

  it("aligns target occupations, GreenComp competences and the EQF level too", () => {
    const { document } = achievement(validDefinition());
    const byType = (type: string) => document.alignment.filter((a) => a.targetType === type);
    expect(byType("ext:ESCOOccupation").map((a) => [a.targetUrl, a.targetName])).toEqual([
      [URI.installer, prefLabel(t, URI.installer)],
    ]);
    expect(byType("ext:GreenCompCompetence")).toEqual([
      expect.objectContaining({
        targetCode: "2.1",
        targetName: "Systems thinking",
        targetUrl: "https://doi.org/10.2760/13286",
      }),
    ]);
    expect(byType("ext:EQFLevel")).toEqual([
      expect.objectContaining({
        targetUrl: "http://data.europa.eu/snb/eqf/4",
        targetCode: "4",
        targetName: "EQF level 4",
      }),
    ]);
  });

  it("builds the criteria narrative from the outcomes and the assessment", () => {
    const definition = validDefinition();
    definition["assessment"].description = { en: "A practical task on a real heat pump." };
    const narrative = achievement(definition).document.criteria.narrative;
    expect(narrative).toContain("1. Install and commission a heat pump. (ESCO: install heat pump)");
    expect(narrative).toContain("3. Work in a team on site. (ESCO: work in teams)");
    expect(narrative).toContain("Assessment: practical assessment.");
    expect(narrative).toContain("A practical task on a real heat pump.");
  });

  it("carries the Annex I elements OB 3.0 has no field for as ext: terms, with the ELM concept URIs", () => {
    const definition = validDefinition();
    Object.assign(definition, {
      supervision: "supervised-with-id-verification",
      prerequisites: { en: "A plumbing qualification." },
      stackability: {
        type: "stackable",
        towards: [{ id: "https://credentials.example.org/cert", title: { en: "Certificate" }, ects: 15 }],
      },
      furtherInformation: { url: "https://training.example.org/heat-pumps", note: { en: "Runs twice a year." } },
    });
    definition["level"].qfEhea = "short-cycle";
    const doc = achievement(definition).document as Record<string, unknown>;
    expect(doc["ext:notionalWorkload"]).toEqual({
      "ext:ects": 2,
      "ext:creditSystem": {
        id: "http://data.europa.eu/snb/education-credit/6fcec5c5af",
        "ext:name": "European Credit Transfer and Accumulation System (ECTS)",
      },
      "ext:hours": 55,
    });
    expect(doc["ext:level"]).toEqual({ "ext:eqf": 4, "ext:qfEheaCycle": "short-cycle" });
    expect(doc["ext:assessment"]).toEqual({
      "ext:types": [{ id: "http://data.europa.eu/snb/assessment/6a4db9f11d", "ext:name": "practical assessment" }],
      "ext:supervision": {
        id: "http://data.europa.eu/snb/supervision-verification/70be69aaf9",
        "ext:name": "Supervised with ID Verification",
      },
    });
    expect(doc["ext:participation"]).toEqual({
      "ext:mode": { id: "http://data.europa.eu/snb/learning-assessment/9191af2ed9", "ext:name": "Presential" },
      "ext:setting": { id: "http://data.europa.eu/snb/learning-setting/e207a81fc7", "ext:name": "non-formal learning" },
    });
    expect(doc["ext:qualityAssurance"]).toEqual({
      "ext:types": [{ "ext:code": "internal", "ext:name": "internal quality assurance of the provider" }],
    });
    expect(doc["ext:issuerCountry"]).toEqual({ "ext:country": "DE" });
    expect(doc["ext:prerequisites"]).toBe("A plumbing qualification.");
    expect(doc["ext:stackability"]).toEqual({
      "ext:type": "stackable",
      "ext:towards": [{ id: "https://credentials.example.org/cert", "ext:name": "Certificate", "ext:ects": 15 }],
    });
    expect(doc["ext:furtherInformation"]).toEqual({
      "ext:url": "https://training.example.org/heat-pumps",
      "ext:note": "Runs twice a year.",
    });
    expect((doc["criteria"] as { id?: string }).id).toBe("https://training.example.org/heat-pumps");
  });

  it("turns the grade scheme into a ResultDescription", () => {
    const definition = validDefinition();
    definition["gradeScheme"] = { values: ["fail", "pass", "merit"], pass: "pass" };
    expect(achievement(definition).document.resultDescription).toEqual([
      {
        id: "https://credentials.example.org/test/heat-pumps#grade",
        type: ["ResultDescription"],
        name: "Grade",
        resultType: "PerformanceLevel",
        allowedValue: ["fail", "pass", "merit"],
        requiredValue: "pass",
      },
    ]);
    definition["gradeScheme"] = { min: 1, max: 10, pass: 6 };
    expect(achievement(definition).document.resultDescription?.[0]).toMatchObject({
      resultType: "ScaledScore",
      valueMin: "1",
      valueMax: "10",
      requiredValue: "6",
    });
  });

  it("writes single-language strings in the requested language, and says where it fell back", () => {
    const definition = validDefinition();
    definition["title"] = { en: "Heat pump basics", fr: "Pompes à chaleur" };
    const { document, warnings } = achievement(definition, { lang: "fr" });
    expect(document.name).toBe("Pompes à chaleur");
    expect(document.inLanguage).toBe("fr");
    // The fixture taxonomy has English labels only: each falls back, is named, and is reported.
    const esco = document.alignment.find((a) => a.targetUrl === URI.installHeatPump)!;
    expect(esco.targetName).toBe("install heat pump");
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: "label_fallback", path: ["learningOutcomes", 0, "esco", 0] }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: "text_fallback", path: ["learningOutcomes", 0, "statement"] }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: "text_fallback",
        path: ["learningOutcomes"],
        message: expect.stringContaining("GreenComp"),
      }),
    );
  });

  it("on a curated taxonomy, a URI outside it keeps its alignment, named by the URI, with a warning", async () => {
    const curated = await curatedFixtureTaxonomy();
    const definition = validDefinition();
    definition["learningOutcomes"][0].esco.push(URI.energyAudit);
    const { document, warnings } = toOpenBadgeAchievement(curated, definition as never);
    const audit = document.alignment.find((a) => a.targetUrl === URI.energyAudit)!;
    expect(audit.targetName).toBe(URI.energyAudit);
    expect(audit.targetName).not.toBe("");
    expect(warnings).toEqual([
      expect.objectContaining({ code: "concept_not_in_taxonomy", path: ["learningOutcomes", 0, "esco", 1] }),
    ]);
  });

  it("reports a mapping made against another ESCO version", () => {
    const definition = validDefinition();
    definition["escoVersion"] = "v1.2.0";
    const { document, warnings } = achievement(definition);
    expect(document.alignment[0]!.targetFramework).toBe("ESCO v1.1.1");
    expect(warnings).toEqual([expect.objectContaining({ code: "esco_version_differs", path: ["escoVersion"] })]);
  });

  it("throws ExportError (invalid_input) for a value that is not a definition, naming the problem", () => {
    const definition = validDefinition();
    delete definition["learningOutcomes"];
    let error: unknown;
    try {
      achievement(definition);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect(isGreenSkillsError(error)).toBe(true);
    expect(error).toMatchObject({
      code: "E_EXPORT_INVALID_INPUT",
      reason: "invalid_input",
      path: ["learningOutcomes"],
    });
  });
});

describe("toOpenBadgeCredential", () => {
  it("wraps the achievement in an unsigned OpenBadgeCredential with issuer, dates, learner and grade", () => {
    const definition = withIssuerId(validDefinition());
    definition["gradeScheme"] = { values: ["fail", "pass"], pass: "pass" };
    const { document, warnings } = toOpenBadgeCredential(t, issued(definition) as never);
    expect(warnings).toEqual([]);
    expect(OpenBadgeCredentialSchema.safeParse(document).success).toBe(true);
    expect(document["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
      "https://w3id.org/green-skills/context/v1",
    ]);
    expect(document.issuer).toEqual({
      id: "https://training.example.org",
      type: ["Profile"],
      name: "Example Training Centre",
      address: { type: ["Address"], addressCountryCode: "DE" },
    });
    expect(document.validFrom).toBe("2026-06-30T00:00:00Z");
    expect(document.credentialSubject.identifier).toEqual([
      { type: "IdentityObject", hashed: false, identityHash: "Alex Example", identityType: "name" },
      { type: "IdentityObject", hashed: false, identityHash: "alex@example.org", identityType: "emailAddress" },
    ]);
    expect(document.credentialSubject.result).toEqual([
      { type: ["Result"], resultDescription: "https://credentials.example.org/test/heat-pumps#grade", value: "pass" },
    ]);
    expect(document.credentialSubject.creditsEarned).toBe(2);
  });

  it("takes the issuer from the options over the first awarding body, and the region of the issuer", () => {
    const definition = validDefinition();
    definition["issuer"] = { country: "DE", region: "Bayern" };
    const { document } = toOpenBadgeCredential(t, issued(definition) as never, {
      issuer: { id: "did:web:issuer.example", homepage: "https://issuer.example" },
    });
    expect(document.issuer).toMatchObject({
      id: "did:web:issuer.example",
      url: "https://issuer.example",
      address: { addressCountryCode: "DE", addressRegion: "Bayern" },
    });
  });

  it("fails clearly without an issuer id, a credential id, or an inline definition", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return [(error as ExportError).code, (error as ExportError).path];
      }
      return undefined;
    };
    expect(code(() => toOpenBadgeCredential(t, issued(validDefinition()) as never))).toEqual([
      "E_EXPORT_MISSING_DATA",
      ["definition", "awardingBodies", 0, "id"],
    ]);
    expect(
      code(() => toOpenBadgeCredential(t, issued(withIssuerId(validDefinition()), { id: undefined }) as never)),
    ).toEqual(["E_EXPORT_MISSING_DATA", ["id"]]);
    expect(code(() => toOpenBadgeCredential(t, issued("./definition.yaml" as never) as never))).toEqual([
      "E_EXPORT_UNRESOLVED_DEFINITION",
      ["definition"],
    ]);
  });
});

describeWithStandards("Open Badges exports against the official OB 3.0 JSON Schemas and contexts", () => {
  const variants = () => {
    const definition = withIssuerId(validDefinition());
    const rich = withIssuerId(validDefinition());
    Object.assign(rich, {
      description: { en: "Hands-on." },
      supervision: "unsupervised-no-id-verification",
      gradeScheme: { values: ["fail", "pass"], pass: "pass", description: { en: "Pass or fail." } },
      stackability: { type: "stand-alone" },
      awardingBodies: [
        ...rich["awardingBodies"],
        {
          name: { en: "Second College" },
          id: "https://second.example.org",
          country: "AT",
          homepage: "https://second.example.org",
        },
      ],
    });
    const notApplicable = withIssuerId(validDefinition());
    notApplicable["level"] = { eqf: "not-applicable" };
    delete notApplicable["workload"].ects;
    return { minimal: definition, rich, notApplicable };
  };

  it.each(["minimal", "rich", "notApplicable"] as const)(
    "%s: the credential passes both schema variants and expands with no undefined term",
    async (name) => {
      const { document } = toOpenBadgeCredential(t, issued(variants()[name]) as never);
      const { published, formal } = openBadgeValidators();
      expect(published(document).errors).toEqual([]);
      expect(formal(document).errors).toEqual([]);
      const expanded = JSON.stringify(await expandSafe(document));
      // The ext: terms expand to http(s) IRIs in the namespace of the context the package ships.
      expect(expanded).toContain('"https://w3id.org/green-skills/ns#assessment"');
      expect(expanded).toContain('"https://w3id.org/green-skills/ns#types"');
      expect(expanded).not.toMatch(/"ext:[A-Za-z]+":/);
      expect(expanded).toContain(URI.installHeatPump);
    },
  );

  it("the schemas catch a broken export (the harness is not a rubber stamp)", () => {
    const { document } = toOpenBadgeCredential(t, issued(withIssuerId(validDefinition())) as never);
    const broken = structuredClone(document) as Record<string, any>;
    delete broken["credentialSubject"].achievement.criteria;
    expect(openBadgeValidators().published(broken).valid).toBe(false);
  });
});
