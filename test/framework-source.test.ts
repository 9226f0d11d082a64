import { describe, expect, it } from "vitest";
import {
  type EscoConceptsFile,
  formatIssue,
  parseEscoConceptsSource,
  parseGreenCompSource,
  parseSectorSource,
} from "green-skills";
import { compileFramework } from "../src/framework/compile.js";
import { defaultFramework } from "green-skills/data";

const SECTOR = `id: retrofit
label:
  en: Retrofit
description:
  en: Deep energy renovation of existing buildings.
nace:
  - rev2: F43
    rev21: F43
    label: Specialised construction activities
isco:
  - code: "7124"
    label: Insulation workers
references:
  skills:
    - uri: http://data.europa.eu/esco/skill/be973dc1-6aa9-4aed-954c-644affe78639
      label: apply insulation strips
      rationale: Sealing openings.
`;

const issuesOf = (result: { success: boolean; issues: unknown[] }) =>
  result.success ? [] : (result.issues as { code: string; line?: number; path: unknown[]; message: string }[]);

describe("parseSectorSource", () => {
  it("parses a valid sector and fills defaults", () => {
    const result = parseSectorSource(SECTOR, "retrofit.yaml");
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.references.occupations).toEqual([]);
    expect(result.data.isco[0]?.code).toBe("7124");
    expect(result.locate(["isco", 0, "code"])).toEqual({ line: 11, column: 5 });
  });

  it("catches a Rev. 2 section letter written as Rev. 2.1, with the line", () => {
    const text = SECTOR.replace("rev2: F43\n    rev21: F43", "rev2: M71\n    rev21: M71");
    const [issue, ...rest] = issuesOf(parseSectorSource(text, "retrofit.yaml"));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "invalid_value", path: ["nace", 0, "rev21"], line: 8, file: "retrofit.yaml" });
    expect(issue?.message).toContain('"N71"');
    expect(issuesOf(parseSectorSource(SECTOR.replace("rev2: F43", "rev2: N71"), "x.yaml"))[0]).toMatchObject({
      path: ["nace", 0, "rev2"],
      line: 7,
    });
    expect(issuesOf(parseSectorSource(SECTOR.replace("rev21: F43", "rev21: F4"), "x.yaml"))[0]?.path).toEqual([
      "nace",
      0,
      "rev21",
    ]);
  });

  it("reports missing fields, unknown keys and bad values at their place", () => {
    const text = SECTOR.replace("description:\n  en: Deep energy renovation of existing buildings.\n", "")
      .replace("  skills:", "  skils:")
      .replace('"7124"', "7124");
    const issues = issuesOf(parseSectorSource(text, "retrofit.yaml"));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual(
      expect.arrayContaining([
        ["missing_field", "description"],
        ["invalid_value", "isco.0.code"],
        ["unknown_key", "references.skils"],
      ]),
    );
    expect(issues.find((i) => i.code === "unknown_key")?.line).toBe(12);
    expect(formatIssue(issues.find((i) => i.code === "unknown_key") as never)).toMatch(
      /^retrofit\.yaml:12:\d+: error: unknown key "skils"/,
    );
  });

  it("reports YAML syntax errors, duplicate keys and non-mapping documents without throwing", () => {
    expect(issuesOf(parseSectorSource("id: [unclosed\n", "a.yaml"))[0]).toMatchObject({
      code: "yaml_syntax",
      file: "a.yaml",
    });
    expect(issuesOf(parseSectorSource("id: a\nid: b\n", "b.yaml"))[0]).toMatchObject({ code: "yaml_syntax", line: 2 });
    expect(issuesOf(parseSectorSource("just text", "c.yaml"))[0]?.code).toBe("invalid_value");
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    expect(issuesOf(parseSectorSource(bomb, "bomb.yaml"))[0]?.code).toBe("yaml_syntax");
    expect(
      issuesOf(
        parseSectorSource(`id: x\nlabel: {en: X}\ndescription: {en: "${"x".repeat(2_100_000)}"}\n`, "big.yaml"),
      )[0]?.code,
    ).toBe("file_too_large");
  });
});

describe("parseGreenCompSource", () => {
  it("requires the twelve competences, each once and in its own area", () => {
    const areas = structuredClone(defaultFramework.greenComp.areas);
    areas[0]!.competences[2]!.id = "2.1";
    const text = JSON.stringify({ framework: defaultFramework.greenComp.framework, areas });
    const messages = issuesOf(parseGreenCompSource(text, "greencomp.json")).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "competence 2.1 belongs to area 2, not 1",
        "competence 2.1 appears twice",
        "GreenComp has 12 competences; missing: 1.3",
      ]),
    );
  });
});

describe("compileFramework", () => {
  const facts: EscoConceptsFile = {
    escoVersion: "v1.1.1",
    checkedOn: "2026-11-28",
    concepts: [
      {
        uri: "http://data.europa.eu/esco/skill/be973dc1-6aa9-4aed-954c-644affe78639",
        kind: "skill",
        label: "apply insulation strips",
        skillType: "skill/competence",
        reuseLevel: "sector-specific",
        collections: ["green"],
        status: "released",
      },
      { uri: "http://data.europa.eu/esco/isco/C7124", kind: "iscoGroup", label: "Insulation workers", code: "7124" },
      {
        uri: "http://data.europa.eu/esco/skill/d56e2c2f-3e01-4b76-a7bb-ecb6d430172f",
        kind: "skill",
        label: "think holistically",
        skillType: "skill/competence",
        reuseLevel: "transversal",
        collections: ["transversal"],
        status: "released",
      },
    ],
  };
  const greenComp = () => {
    const value = structuredClone(defaultFramework.greenComp);
    for (const area of value.areas) for (const c of area.competences) c.crosswalk = [];
    value.areas[1]!.competences[0]!.crosswalk.push({
      uri: facts.concepts[2]!.uri,
      label: "think holistically",
      collection: "transversal",
      rationale: "Systems.",
    });
    return value;
  };
  const sector = () => {
    const result = parseSectorSource(SECTOR, "sectors/retrofit.yaml");
    if (!result.success) throw new Error("fixture sector must parse");
    return result;
  };

  it("builds a framework when every citation has matching facts", () => {
    const s = sector();
    const { framework, issues } = compileFramework({
      sectors: [{ value: s.data, file: s.file, locate: s.locate }],
      greenComp: { value: greenComp() },
      concepts: { value: facts },
    });
    expect(issues).toEqual([]);
    expect(framework?.sectors.map((x) => x.id)).toEqual(["retrofit"]);
    expect(framework?.escoVersion).toBe("v1.1.1");
  });

  it("locates label mismatches, unknown citations, non-green skills, overlaps and unused facts", () => {
    const s = sector();
    const relabelled = structuredClone(s.data);
    relabelled.references.skills[0]!.label = "apply insulation strip";
    const twin = structuredClone(s.data);
    twin.id = "twin";
    twin.references.skills = [{ uri: facts.concepts[2]!.uri, label: "think holistically", rationale: "Not green." }];
    twin.references.occupations = [
      {
        uri: "http://data.europa.eu/esco/occupation/b2dab4fb-b7f7-4f57-94b2-9c0f0848564a",
        label: "insulation worker",
        rationale: "No facts.",
      },
    ];
    const extra = {
      ...facts,
      concepts: [
        ...facts.concepts,
        { uri: "http://data.europa.eu/esco/isco/C7125", kind: "iscoGroup" as const, label: "Glaziers", code: "7125" },
      ],
    };
    const { framework, issues } = compileFramework({
      sectors: [
        { value: relabelled, file: s.file, locate: s.locate },
        { value: twin, file: "sectors/twin.yaml" },
      ],
      greenComp: { value: greenComp() },
      concepts: { value: extra, file: "esco-concepts.yaml" },
    });
    expect(framework).toBeUndefined();
    expect(issues.map((i) => [i.code, i.severity, i.file, i.path.join(".")])).toEqual([
      ["cited_label_differs", "error", "sectors/retrofit.yaml", "references.skills.0.label"],
      ["overlapping_code", "warning", "sectors/twin.yaml", "nace.0.rev21"],
      ["overlapping_code", "warning", "sectors/twin.yaml", "isco.0.code"],
      ["cited_skill_not_green", "error", "sectors/twin.yaml", "references.skills.0.uri"],
      ["cited_concept_unknown", "error", "sectors/twin.yaml", "references.occupations.0.uri"],
      ["uncited_concept", "warning", "esco-concepts.yaml", "concepts.3.uri"],
    ]);
    expect(issues[0]?.line).toBe(16);
  });
});

describe("parseEscoConceptsSource", () => {
  it("validates each fact by kind", () => {
    const text =
      "escoVersion: v1.1.1\ncheckedOn: '2026-11-28'\nconcepts:\n  - { uri: http://data.europa.eu/esco/occupation/b2dab4fb-b7f7-4f57-94b2-9c0f0848564a, kind: occupation, label: insulation worker, iscoGroup: '712', status: released }\n";
    expect(issuesOf(parseEscoConceptsSource(text, "esco-concepts.yaml"))[0]).toMatchObject({
      path: ["concepts", 0, "iscoGroup"],
      line: 4,
    });
  });
});

describe("sector sources share the credential files' YAML reader", () => {
  it("reports unquoted text split at a comma with the quoting fix, and deep nesting without parsing it", () => {
    const split = parseSectorSource(
      "id: retrofit\nlabel: { en: Retrofit, deep renovation }\ndescription: { en: x }\n",
      "retrofit.yaml",
    );
    expect(split.success).toBe(false);
    expect(split.issues[0]).toMatchObject({
      code: "yaml_syntax",
      file: "retrofit.yaml",
      line: 2,
      suggestion: expect.stringMatching(/^quote the text/),
    });
    const deep = parseSectorSource(`id: ${"[".repeat(100)}`, "deep.yaml");
    expect(deep.issues[0]).toMatchObject({
      code: "yaml_syntax",
      message: expect.stringMatching(/nested deeper than 64/),
    });
  });
});
