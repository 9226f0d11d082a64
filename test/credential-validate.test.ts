import { beforeAll, describe, expect, it } from "vitest";
import {
  type CredentialIssue,
  type SuggestSkills,
  type Taxonomy,
  isGreenSkillsError,
  parseCredential,
  validateCredential,
} from "green-skills";
import { CredentialValidationResultSchema, ISSUE_CODES } from "green-skills/schemas";
import {
  type LooseDefinition,
  URI,
  credentialFixtureTaxonomy,
  curatedFixtureTaxonomy,
  validDefinition,
} from "./helpers/credential-fixture.js";

let t: Taxonomy;
beforeAll(async () => {
  t = await credentialFixtureTaxonomy();
});

type Doc = LooseDefinition;
const outcomes = (d: Doc): Doc[] => d["learningOutcomes"];
const noSuggest = { suggest: false } as const;
const check = (doc: unknown, options = {}) => {
  const result = validateCredential(t, doc, { ...noSuggest, ...options });
  expect(CredentialValidationResultSchema.safeParse(result).success).toBe(true);
  return result;
};
const only = (doc: unknown, options = {}) =>
  check(doc, options).issues.map((i) => ({ code: i.code, severity: i.severity, path: i.path }));
const find = (issues: CredentialIssue[], code: string) => issues.filter((i) => i.code === code);
const broken = (edit: (d: Doc) => void): Doc => {
  const d = validDefinition() as Doc;
  edit(d);
  return d;
};

describe("validateCredential: a complete definition", () => {
  it("is valid with no issues, and says which Annex I elements come at issuing", () => {
    const result = check(validDefinition());
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({
      success: true,
      kind: "definition",
      counts: { error: 0, warning: 0, info: 0 },
      taxonomy: { escoVersion: "v1.1.1", coverage: "full" },
    });
    const status = Object.fromEntries(result.elements.map((e) => [e.element, e.status]));
    expect(status).toMatchObject({
      "learner-identification": "at-issuing",
      "date-of-issuing": "at-issuing",
      grade: "at-issuing",
      title: "present",
      level: "present",
      prerequisites: "missing",
    });
    expect(result.elements.filter((e) => e.level === "instance").map((e) => e.element)).toEqual([
      "learner-identification",
      "date-of-issuing",
      "grade",
    ]);
    expect(result.elements).toHaveLength(16);
  });

  it("documents every issue code it can report", () => {
    expect(Object.keys(ISSUE_CODES)).toEqual(
      expect.arrayContaining([
        "missing_element",
        "invalid_value",
        "unknown_esco_uri",
        "wrong_concept_type",
        "obsolete_esco_concept",
        "unmapped_outcome",
        "duplicate_skill",
        "workload_inconsistent",
        "eqf_level_missing",
        "no_green_outcome",
        "esco_version_mismatch",
      ]),
    );
  });
});

describe("missing_element", () => {
  it.each([
    ["title", "title"],
    ["issuer", "issuer-country"],
    ["awardingBodies", "awarding-body"],
    ["learningOutcomes", "learning-outcomes"],
    ["workload", "notional-workload"],
    ["assessment", "assessment-type"],
    ["participation", "participation-form"],
    ["qualityAssurance", "quality-assurance"],
  ])("names the Annex I element when %s is absent", (field, element) => {
    const result = check(broken((d) => delete d[field]));
    const issue = find(result.issues, "missing_element");
    expect(issue).toHaveLength(1);
    expect(issue[0]).toMatchObject({ severity: "error", path: [field], element });
    expect(issue[0]!.message).toContain("Annex I");
    expect(result.success).toBe(false);
    expect(result.elements.find((e) => e.element === element)?.status).toBe("missing");
  });

  it("treats empty lists and mandatory sub-fields as missing", () => {
    expect(only(broken((d) => (d.awardingBodies = [])))).toEqual([
      { code: "missing_element", severity: "error", path: ["awardingBodies"] },
    ]);
    expect(only(broken((d) => (d.learningOutcomes = [])))).toContainEqual({
      code: "missing_element",
      severity: "error",
      path: ["learningOutcomes"],
    });
    expect(only(broken((d) => (d.issuer = {})))).toEqual([
      { code: "missing_element", severity: "error", path: ["issuer", "country"] },
    ]);
    expect(only(broken((d) => (d.workload = {})))).toEqual([
      { code: "missing_element", severity: "error", path: ["workload"] },
    ]);
    expect(only(broken((d) => (d.assessment = { types: [] })))).toEqual([
      { code: "missing_element", severity: "error", path: ["assessment", "types"] },
    ]);
    expect(only(broken((d) => (d.title = {})))).toEqual([
      { code: "missing_element", severity: "error", path: ["title"] },
    ]);
  });
});

describe("invalid_value and unknown_field", () => {
  it("suggests the ELM slug for a common synonym", () => {
    const result = check(broken((d) => (d.participation = { mode: "presential", setting: "formal" })));
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: "invalid_value",
      path: ["participation", "mode"],
      element: "participation-form",
    });
    expect(result.issues[0]!.suggestion).toContain('"onsite"');
  });

  it("suggests the ISO code for EU country abbreviations and lower case", () => {
    const el = check(broken((d) => (d.issuer = { country: "EL" }))).issues;
    expect(el).toMatchObject([{ code: "invalid_value", path: ["issuer", "country"] }]);
    expect(el[0]!.suggestion).toContain("GR");
    expect(check(broken((d) => (d.issuer = { country: "de" }))).issues[0]!.suggestion).toContain("DE");
  });

  it("reports wrong types, ranges and formats at their path", () => {
    expect(only(broken((d) => (d.level = { eqf: 9 })))).toEqual([
      { code: "invalid_value", severity: "error", path: ["level", "eqf"] },
    ]);
    expect(only(broken((d) => (d.workload = { ects: "two" })))).toEqual([
      { code: "invalid_value", severity: "error", path: ["workload", "ects"] },
    ]);
    expect(only(broken((d) => (d.id = "not a uri")))).toEqual([
      { code: "invalid_value", severity: "error", path: ["id"] },
    ]);
    expect(only(broken((d) => (outcomes(d)[0]!.greenComp = ["5.1"])))).toEqual([
      { code: "invalid_value", severity: "error", path: ["learningOutcomes", 0, "greenComp", 0] },
    ]);
    expect(only(broken((d) => (outcomes(d)[1]!.esco = ["https://example.org/skill/1"])))).toContainEqual({
      code: "invalid_value",
      severity: "error",
      path: ["learningOutcomes", 1, "esco", 0],
    });
  });

  it("keeps checking the rest of the document when one field is broken", () => {
    const result = check(
      broken((d) => {
        d.issuer = { country: 42 };
        outcomes(d)[0]!.esco = ["http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"];
      }),
    );
    expect(result.issues.map((i) => i.code)).toEqual(["invalid_value", "unknown_esco_uri"]);
  });

  it("flags unknown fields with the closest known one, at any depth", () => {
    const result = check(
      broken((d) => {
        d.awardingBody = d.awardingBodies;
        delete d.awardingBodies;
        outcomes(d)[0]!.statment = { en: "x" };
      }),
    );
    const unknown = find(result.issues, "unknown_field");
    // In document order: the outcome's typo comes before the appended awardingBody.
    expect(unknown.map((i) => i.path)).toEqual([["learningOutcomes", 0, "statment"], ["awardingBody"]]);
    expect(unknown.map((i) => i.suggestion)).toEqual(['did you mean "statement"?', 'did you mean "awardingBodies"?']);
    expect(find(result.issues, "missing_element").map((i) => i.path)).toEqual([["awardingBodies"]]);
  });

  it("rejects a document that is not a mapping", () => {
    for (const input of ["hello", 42, null, undefined, [validDefinition()]]) {
      const result = check(input);
      expect(result).toMatchObject({ success: false, kind: "unknown" });
      expect(result.issues).toMatchObject([{ code: "invalid_value", path: [] }]);
    }
  });
});

describe("level", () => {
  it("eqf_level_missing when no level is stated, or the level has no eqf", () => {
    expect(only(broken((d) => delete d.level))).toEqual([
      { code: "eqf_level_missing", severity: "error", path: ["level"] },
    ]);
    expect(only(broken((d) => (d.level = { qfEhea: "first" })))).toEqual([
      { code: "eqf_level_missing", severity: "error", path: ["level", "eqf"] },
    ]);
  });

  it('accepts an explicit "not-applicable"', () => {
    const result = check(broken((d) => (d.level = { eqf: "not-applicable" })));
    expect(result.issues).toEqual([]);
    expect(result.elements.find((e) => e.element === "level")?.status).toBe("not-applicable");
  });

  it("level_inconsistent for a QF-EHEA cycle that does not match, and outcomes above the credential", () => {
    expect(only(broken((d) => (d.level = { eqf: 4, qfEhea: "first" })))).toEqual([
      { code: "level_inconsistent", severity: "warning", path: ["level", "qfEhea"] },
    ]);
    expect(only(broken((d) => (d.level = { eqf: 6, qfEhea: "first" })))).toEqual([]);
    expect(only(broken((d) => (outcomes(d)[1]!.level = 5)))).toEqual([
      { code: "level_inconsistent", severity: "warning", path: ["learningOutcomes", 1, "level"] },
    ]);
  });
});

describe("workload", () => {
  it.each([
    [2, 50, true],
    [2, 60, true],
    [2, 49, false],
    [2, 61, false],
    [4, 20, false],
  ])("%d ECTS and %d h: consistent %s", (ects, hours, ok) => {
    const issues = only(broken((d) => (d.workload = { ects, hours })));
    expect(issues).toEqual(ok ? [] : [{ code: "workload_inconsistent", severity: "error", path: ["workload"] }]);
  });

  it("takes another hours-per-credit convention as an option", () => {
    expect(
      only(
        broken((d) => (d.workload = { ects: 2, hours: 40 })),
        { hoursPerEcts: [20, 30] },
      ),
    ).toEqual([]);
  });

  it("ects_recommended when only hours are given", () => {
    const result = check(broken((d) => (d.workload = { hours: 55 })));
    expect(result.issues).toMatchObject([{ code: "ects_recommended", severity: "info", path: ["workload"] }]);
    expect(result.issues[0]!.suggestion).toBe("55 h corresponds to 1.8–2.2 ECTS");
    expect(result.success).toBe(true);
  });
});

describe("ESCO mapping", () => {
  const fake = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead";

  it("unknown_esco_uri, with suggestions from the suggest seam for the outcome's statement", () => {
    const calls: string[] = [];
    const suggest: SuggestSkills = (text, options) => {
      calls.push(text);
      return [{ uri: URI.installHeatPump, label: "install heat pump" }].slice(0, options.limit);
    };
    const result = check(
      broken((d) => (outcomes(d)[0]!.esco = [URI.installHeatPump, fake])),
      { suggest },
    );
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: "unknown_esco_uri",
      severity: "error",
      path: ["learningOutcomes", 0, "esco", 1],
      candidates: [{ uri: URI.installHeatPump, label: "install heat pump" }],
    });
    expect(result.issues[0]!.message).toContain("v1.1.1");
    expect(calls).toEqual(["Install and commission a heat pump."]);
  });

  it("by default, suggests skills from the learning-outcome search", () => {
    const result = validateCredential(
      t,
      broken((d) => (outcomes(d)[0]!.esco = [])),
    );
    expect(result.issues).toMatchObject([{ code: "unmapped_outcome", path: ["learningOutcomes", 0, "esco"] }]);
    expect(result.issues[0]!.candidates?.[0]).toEqual({ uri: URI.installHeatPump, label: "install heat pump" });
    expect(result.issues[0]!.suggestion).toContain("install heat pump");
    // A language the taxonomy does not have: the search falls back to every language.
    expect(
      validateCredential(
        t,
        broken((d) => (outcomes(d)[0]!.esco = [])),
        { lang: "xx" },
      ).issues[0]!.candidates?.[0]?.uri,
    ).toBe(URI.installHeatPump);
  });

  it("offers no weak matches as fixes", () => {
    const result = validateCredential(
      t,
      broken((d) => (outcomes(d)[0] = { id: "lo-1", statement: { en: "Zymurgy of quasars." }, esco: [] })),
    );
    expect(result.issues).toMatchObject([{ code: "unmapped_outcome" }]);
    expect(result.issues[0]!.candidates).toBeUndefined();
  });

  it("points to the other namespace when the id exists there", () => {
    const asSkill = URI.installer.replace("/occupation/", "/skill/");
    const [issue] = check(broken((d) => (outcomes(d)[0]!.esco = [asSkill]))).issues;
    expect(issue).toMatchObject({ code: "unknown_esco_uri", path: ["learningOutcomes", 0, "esco", 0] });
    expect(issue!.suggestion).toContain(URI.installer);
  });

  it("wrong_concept_type for an occupation or a skill group in an outcome, and a skill in targetOccupations", () => {
    const result = check(
      broken((d) => {
        outcomes(d)[0]!.esco = [URI.installHeatPump, URI.installer, URI.hvacGroup];
        d.targetOccupations = [URI.weld];
      }),
    );
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ["wrong_concept_type", ["learningOutcomes", 0, "esco", 1]],
      ["wrong_concept_type", ["learningOutcomes", 0, "esco", 2]],
      ["wrong_concept_type", ["targetOccupations", 0]],
    ]);
    // The group's own skills are offered instead.
    expect(result.issues[1]!.candidates?.map((c) => c.uri)).toContain(URI.installHeatPump);
  });

  it("obsolete_esco_concept for a concept that is not released", () => {
    expect(only(broken((d) => (outcomes(d)[2]!.esco = [URI.teamwork, URI.obsoleteBoiler])))).toEqual([
      { code: "obsolete_esco_concept", severity: "warning", path: ["learningOutcomes", 2, "esco", 1] },
    ]);
  });

  it("unmapped_outcome for an empty or absent esco list, with suggestions", () => {
    const suggest: SuggestSkills = () => [{ uri: URI.teamwork, label: "work in teams" }];
    const empty = check(
      broken((d) => (outcomes(d)[2]!.esco = [])),
      { suggest },
    ).issues;
    expect(empty).toMatchObject([
      {
        code: "unmapped_outcome",
        severity: "warning",
        path: ["learningOutcomes", 2, "esco"],
        candidates: [{ uri: URI.teamwork }],
      },
    ]);
    expect(only(broken((d) => delete outcomes(d)[2]!.esco))).toEqual([
      { code: "unmapped_outcome", severity: "warning", path: ["learningOutcomes", 2, "esco"] },
    ]);
  });

  it("duplicate_skill: a warning within an outcome, a note across outcomes", () => {
    expect(only(broken((d) => (outcomes(d)[0]!.esco = [URI.installHeatPump, URI.installHeatPump])))).toEqual([
      { code: "duplicate_skill", severity: "warning", path: ["learningOutcomes", 0, "esco", 1] },
    ]);
    expect(only(broken((d) => (outcomes(d)[2]!.esco = [URI.installHeatPump])))).toEqual([
      { code: "duplicate_skill", severity: "info", path: ["learningOutcomes", 2, "esco", 0] },
    ]);
  });

  it("duplicate_id for outcomes sharing an id", () => {
    expect(only(broken((d) => (outcomes(d)[2]!.id = "lo-1")))).toEqual([
      { code: "duplicate_id", severity: "error", path: ["learningOutcomes", 2, "id"] },
    ]);
  });

  it("no_green_outcome when no outcome maps to a green skill", () => {
    const result = check(
      broken((d) => {
        outcomes(d)[0]!.esco = [URI.weld];
        outcomes(d)[1]!.esco = [URI.installInsulation];
      }),
    );
    expect(result.issues).toMatchObject([
      { code: "no_green_outcome", severity: "warning", path: ["learningOutcomes"] },
    ]);
    expect(result.success).toBe(true);
  });

  it("esco_version_mismatch when mapped against another version", () => {
    expect(only(broken((d) => (d.escoVersion = "v1.2.1")))).toEqual([
      { code: "esco_version_mismatch", severity: "warning", path: ["escoVersion"] },
    ]);
  });

  it("unknown_sector with the closest known id; known ids can be given", () => {
    const result = check(broken((d) => (d.sectors = ["construction", "constructions"])));
    expect(result.issues).toMatchObject([
      { code: "unknown_sector", severity: "error", path: ["sectors", 1], suggestion: 'did you mean "construction"?' },
    ]);
    expect(
      only(
        broken((d) => (d.sectors = ["aviation"])),
        { sectors: ["aviation"] },
      ),
    ).toEqual([]);
  });
});

describe("on a curated taxonomy (the embedded default)", () => {
  it("does not judge URIs outside the curated set, and says once that a full import is needed", async () => {
    const curated = await curatedFixtureTaxonomy();
    const result = validateCredential(
      curated,
      broken((d) => outcomes(d)[2]!.esco.push(URI.weld, URI.energyAudit)),
      noSuggest,
    );
    expect(result.issues).toMatchObject([
      { code: "full_esco_required", severity: "info", path: ["learningOutcomes", 2, "esco", 1] },
    ]);
    expect(result.issues[0]!.message).toMatch(/^2 ESCO URIs/);
    expect(result).toMatchObject({ success: true, taxonomy: { coverage: "curated", escoVersion: "v1.1.1" } });
  });

  it("still checks the concepts it holds", async () => {
    const curated = await curatedFixtureTaxonomy();
    const wrong = validateCredential(
      curated,
      broken((d) => (outcomes(d)[0]!.esco = [URI.installer])),
      noSuggest,
    );
    expect(wrong.issues.map((i) => i.code)).toEqual(["wrong_concept_type"]);
    const notGreen = validateCredential(
      curated,
      broken((d) => d.learningOutcomes.splice(0, 2)),
      noSuggest,
    );
    expect(notGreen.issues).toMatchObject([{ code: "no_green_outcome", severity: "warning" }]);
    const unchecked = validateCredential(
      curated,
      broken((d) => (d.learningOutcomes = [{ id: "x", statement: { en: "Weld." }, esco: [URI.weld] }])),
      noSuggest,
    );
    expect(unchecked.issues.map((i) => [i.code, i.severity])).toEqual([
      ["full_esco_required", "info"],
      ["no_green_outcome", "info"],
    ]);
  });
});

describe("optional elements", () => {
  it("stackability: stackable names its target; stand-alone has none", () => {
    expect(only(broken((d) => (d.stackability = { type: "stackable" })))).toEqual([
      { code: "invalid_value", severity: "warning", path: ["stackability", "towards"] },
    ]);
    expect(
      only(broken((d) => (d.stackability = { type: "stand-alone", towards: [{ title: { en: "MSc" } }] }))),
    ).toEqual([{ code: "invalid_value", severity: "warning", path: ["stackability", "towards"] }]);
    expect(only(broken((d) => (d.stackability = { type: "stackable", towards: [{ title: { en: "MSc" } }] })))).toEqual(
      [],
    );
  });

  it("a grade scheme must be consistent", () => {
    expect(only(broken((d) => (d.gradeScheme = { min: 10, max: 1 })))).toEqual([
      { code: "invalid_value", severity: "error", path: ["gradeScheme", "min"] },
    ]);
    expect(only(broken((d) => (d.gradeScheme = { values: ["fail", "pass"], pass: "good" })))).toEqual([
      { code: "invalid_value", severity: "error", path: ["gradeScheme", "pass"] },
    ]);
  });
});

describe("hostile input", () => {
  it("drops __proto__ and constructor keys with unsafe_key and pollutes nothing", () => {
    const input = JSON.parse(
      JSON.stringify(validDefinition()).replace('"title"', '"__proto__":{"polluted":true},"title"'),
    ) as Record<string, unknown>;
    (input.learningOutcomes as Record<string, unknown>[])[0]!["constructor"] = { prototype: 1 };
    const result = check(input);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ["unsafe_key", ["__proto__"]],
      ["unsafe_key", ["learningOutcomes", 0, "constructor"]],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("caps nesting with input_too_large instead of overflowing", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const result = check(broken((d) => (d.description = deep)));
    expect(find(result.issues, "input_too_large")).toHaveLength(1);
  });

  it("lists at most maxIssues issues, and counts them all", () => {
    const many = broken((d) => (d.learningOutcomes = Array.from({ length: 30 }, () => ({}))));
    const result = check(many, { maxIssues: 10 });
    expect(result.issues).toHaveLength(11);
    expect(result.issues.at(-1)).toMatchObject({ code: "too_many_issues", severity: "info" });
    expect(result.counts.error).toBe(60); // each empty outcome lacks id and statement
    expect(result.issues.at(-1)!.message).toMatch(/^50 further issues/);
  });

  it("stops at the value limit instead of judging a truncated copy", () => {
    const result = check(
      broken((d) => (d.learningOutcomes = Array.from({ length: 2000 }, () => ({})))),
      { limits: { maxNodes: 1000 } },
    );
    expect(result.issues).toMatchObject([{ code: "input_too_large", severity: "error" }]);
    expect(result.kind).toBe("unknown");
  });

  it("never throws on arbitrary values (seeded)", () => {
    let seed = 20_260_601;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const keys = [
      "title",
      "learningOutcomes",
      "esco",
      "level",
      "eqf",
      "workload",
      "ects",
      "issuer",
      "definition",
      "learner",
      "__proto__",
      "x",
    ];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 4 || r < 0.3)
        return [null, 0, -1, 3.5, "", "v1.1.1", URI.installHeatPump, true, Number.NaN][Math.floor(random() * 9)];
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 5) }, () => [
          keys[Math.floor(random() * keys.length)]!,
          value(depth + 1),
        ]),
      );
    };
    for (let n = 0; n < 300; n++) {
      const input = n % 3 === 0 ? { ...validDefinition(), [keys[n % keys.length]!]: value(0) } : value(0);
      expect(() => validateCredential(t, input, noSuggest), `seed run ${n}`).not.toThrow();
    }
  });

  it("throws only for misuse: a taxonomy that is not one", () => {
    expect(() => validateCredential({} as Taxonomy, validDefinition())).toThrow(
      expect.objectContaining({ code: "E_NOT_A_TAXONOMY" }),
    );
    try {
      validateCredential({} as Taxonomy, validDefinition());
    } catch (error) {
      expect(isGreenSkillsError(error)).toBe(true);
    }
  });
});

describe("issued credentials", () => {
  const issued = (edit: (d: Record<string, unknown>) => void = () => undefined) => {
    const d: Record<string, unknown> = {
      definition: { ...validDefinition(), gradeScheme: { values: ["fail", "pass", "merit"], pass: "pass" } },
      learner: { fullName: "Ada Example" },
      issued: "2026-06-30",
      grade: "merit",
    };
    edit(d);
    return d;
  };

  it("validates the inline definition and the instance-level elements", () => {
    const result = check(issued());
    expect(result).toMatchObject({ success: true, kind: "issued", issues: [] });
    const status = Object.fromEntries(result.elements.map((e) => [e.element, e.status]));
    expect(status).toMatchObject({
      "learner-identification": "present",
      "date-of-issuing": "present",
      grade: "present",
      title: "present",
    });
  });

  it("prefixes definition issues with definition", () => {
    expect(only(issued((d) => delete (d.definition as Record<string, unknown>).qualityAssurance))).toEqual([
      { code: "missing_element", severity: "error", path: ["definition", "qualityAssurance"] },
    ]);
  });

  it("requires an identified learner and a date of issuing", () => {
    expect(only(issued((d) => delete d.learner))).toEqual([
      { code: "missing_element", severity: "error", path: ["learner"] },
    ]);
    expect(only(issued((d) => (d.learner = { email: "ada@example.org" })))).toEqual([
      { code: "missing_element", severity: "error", path: ["learner"] },
    ]);
    expect(only(issued((d) => delete d.issued))).toEqual([
      { code: "missing_element", severity: "error", path: ["issued"] },
    ]);
    expect(only(issued((d) => (d.issued = "30/06/2026")))).toEqual([
      { code: "invalid_value", severity: "error", path: ["issued"] },
    ]);
  });

  it("checks the grade against the definition's grade scheme", () => {
    expect(only(issued((d) => (d.grade = "excellent")))).toEqual([
      { code: "invalid_value", severity: "error", path: ["grade"] },
    ]);
  });

  it("notes a referenced definition that was not read", () => {
    const result = check(issued((d) => (d.definition = "./heat-pumps.yaml")));
    expect(result.issues).toMatchObject([{ code: "unresolved_definition", severity: "info", path: ["definition"] }]);
    expect(result.elements.find((e) => e.element === "title")?.status).toBe("unchecked");
  });
});

describe("parseCredential", () => {
  it("returns the typed definition with defaults applied", () => {
    const input = validDefinition();
    delete (input.learningOutcomes[2] as { esco?: unknown }).esco;
    const result = parseCredential(input);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.learningOutcomes[2]!.esco).toEqual([]);
  });

  it("returns issues with the same codes as validation", () => {
    const result = parseCredential({
      ...validDefinition(),
      qualityAssurance: undefined,
      participation: { mode: "presential", setting: "formal" },
    });
    expect(result.success).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_value", ["participation", "mode"]],
      ["missing_element", ["qualityAssurance"]],
    ]);
  });
});
