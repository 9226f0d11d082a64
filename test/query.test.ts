import { beforeAll, describe, expect, it } from "vitest";
import {
  ConceptNotFoundError,
  WrongConceptKindError,
  ancestors,
  broader,
  collectionMembers,
  collectionsOf,
  descendants,
  getConcept,
  greenShare,
  hasConcept,
  isGreen,
  isGreenSkillsError,
  listConcepts,
  narrower,
  occupationsForSkill,
  occupationsInIscoGroup,
  pathToRoot,
  prefLabel,
  relatedSkills,
  requireConcept,
  similarOccupations,
  skillsOfOccupation,
  stats,
  toGraph,
  type Taxonomy,
} from "green-skills";
import { ConceptSchema, GreenShareSchema } from "green-skills/schemas";
import { ROOT, fid, occupationUri, skillUri } from "./helpers/esco-fixture.js";
import { fixtureTaxonomy } from "./helpers/fixture-taxonomy.js";

let t: Taxonomy;
beforeAll(async () => {
  t = await fixtureTaxonomy();
});

const HEAT_PUMP = skillUri(fid(101));
const INSTALLER = occupationUri(fid(201, "cccccccc"));
const ASSESSOR = occupationUri(fid(202, "cccccccc"));
const SENIOR = occupationUri(fid(204, "cccccccc"));
const labels = (refs: { label: string }[]) => refs.map((r) => r.label);

describe("concepts", () => {
  it("gets a skill with all its fields, valid against the public schema", () => {
    const skill = getConcept(t, HEAT_PUMP);
    expect(ConceptSchema.parse(skill)).toEqual(skill);
    expect(skill).toMatchObject({
      kind: "skill",
      prefLabel: "install heat pump",
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
      green: true,
      status: "released",
      collections: ["green"],
      labels: {
        en: {
          pref: "install heat pump",
          alt: ["heat pump installation", "commission heat pumps"],
          hidden: ["instal heatpump"],
        },
      },
    });
    expect(skill?.inScheme).toContain("http://data.europa.eu/esco/concept-scheme/member-skills");
  });
  it("distinguishes absent, required and kinds", () => {
    expect(getConcept(t, skillUri(fid(999)))).toBeUndefined();
    expect(hasConcept(t, HEAT_PUMP)).toBe(true);
    expect(() => requireConcept(t, skillUri(fid(999)))).toThrow(ConceptNotFoundError);
    expect(() => skillsOfOccupation(t, HEAT_PUMP)).toThrow(WrongConceptKindError);
    try {
      requireConcept(t, "nope");
    } catch (error) {
      expect(isGreenSkillsError(error)).toBe(true);
      expect((error as ConceptNotFoundError).code).toBe("E_CONCEPT_NOT_FOUND");
    }
    expect(getConcept(t, skillUri(fid(114)))).toMatchObject({ skillType: null, reuseLevel: null });
    expect(getConcept(t, skillUri(fid(113)))?.status).toBe("obsolete");
    expect(prefLabel(t, INSTALLER)).toBe("heat pump installer");
    expect(listConcepts(t, { kind: "occupation" })).toHaveLength(4);
  });
});

describe("hierarchy", () => {
  it("walks broader/narrower in the skills pillar", () => {
    expect(labels(broader(t, HEAT_PUMP))).toEqual(["installing heating and cooling equipment"]);
    expect(labels(narrower(t, HEAT_PUMP))).toEqual(["maintain heat pump"]);
    expect(ancestors(t, HEAT_PUMP).map((a) => [a.label, a.depth])).toEqual([
      ["installing heating and cooling equipment", 1],
      ["constructing", 2],
      ["skills", 3],
    ]);
    expect(labels(pathToRoot(t, skillUri(fid(111))))).toEqual([
      "maintain heat pump",
      "install heat pump",
      "installing heating and cooling equipment",
      "constructing",
      "skills",
    ]);
    expect(labels(descendants(t, skillUri(ROOT.S), { maxDepth: 1 }))).toEqual(
      expect.arrayContaining(["constructing", "use spreadsheets software"]),
    );
  });
  it("walks the occupations pillar up to the ISCO major group", () => {
    expect(labels(pathToRoot(t, SENIOR))).toEqual([
      "senior heat pump installer",
      "heat pump installer",
      "Plumbers and pipe fitters",
      "Building finishers and related trades workers",
      "Building and related trades workers (excluding electricians)",
      "Craft and related trades workers",
    ]);
    expect(labels(occupationsInIscoGroup(t, "7126")).sort()).toEqual([
      "heat pump installer",
      "senior heat pump installer",
    ]);
    expect(labels(occupationsInIscoGroup(t, "C7")).sort()).toEqual([
      "heat pump installer",
      "senior heat pump installer",
      "welder",
    ]);
    expect(() => occupationsInIscoGroup(t, "9999")).toThrow(ConceptNotFoundError);
  });
});

describe("relations", () => {
  it("lists an occupation's skills, essential first, optionally with narrower skills", () => {
    const skills = skillsOfOccupation(t, INSTALLER);
    expect(skills.map((s) => [s.skill.label, s.relation])).toEqual([
      ["install heat pump", "essential"],
      ["install insulation material", "essential"],
      ["types of heat pumps", "essential"],
      ["energy efficiency", "optional"],
      ["work in teams", "optional"],
    ]);
    expect(skillsOfOccupation(t, INSTALLER, { relation: "optional" })).toHaveLength(2);
    const withNarrower = skillsOfOccupation(t, INSTALLER, { includeNarrower: true, relation: "essential" });
    expect(withNarrower.find((s) => s.skill.label === "maintain heat pump")).toMatchObject({
      relation: "essential",
      via: { label: "install heat pump" },
    });
  });
  it("lists the occupations needing a skill, and related skills both ways", () => {
    expect(occupationsForSkill(t, HEAT_PUMP).map((o) => [o.occupation.label, o.relation])).toEqual([
      ["heat pump installer", "essential"],
      ["senior heat pump installer", "essential"],
      ["energy assessor", "optional"],
    ]);
    expect(relatedSkills(t, HEAT_PUMP)).toEqual([
      expect.objectContaining({
        skill: expect.objectContaining({ label: "types of heat pumps" }),
        relation: "essential",
        direction: "outgoing",
      }),
    ]);
    expect(relatedSkills(t, skillUri(fid(104)))[0]).toMatchObject({ direction: "incoming" });
  });
});

describe("collections and green share", () => {
  it("knows collection membership", () => {
    expect(isGreen(t, HEAT_PUMP)).toBe(true);
    expect(isGreen(t, skillUri(fid(107)))).toBe(false);
    expect(isGreen(t, "http://unknown")).toBe(false);
    expect(collectionsOf(t, skillUri(fid(109)))).toEqual(["transversal"]);
    expect(collectionMembers(t, "green")).toHaveLength(7);
    expect(() => collectionMembers(t, "nope")).toThrow(/no collection "nope"/);
  });
  it("computes the green share of an occupation and an ISCO group from distinct linked skills", () => {
    // installer: essential heat pump (green), insulation (no), heat pump types (green); optional energy efficiency (green), teams (no).
    const share = greenShare(t, INSTALLER);
    expect(GreenShareSchema.parse(share)).toEqual(share);
    expect(share).toMatchObject({
      share: 3 / 5,
      greenSkills: 3,
      totalSkills: 5,
      essential: { green: 2, total: 3 },
      optional: { green: 1, total: 2 },
      occupations: 1,
      official: null,
    });
    // group 7126 = installer + senior installer: union {heat pump, insulation, types, efficiency, teams, audit}; teams essential via senior.
    expect(greenShare(t, "7126")).toMatchObject({
      kind: "iscoGroup",
      greenSkills: 4,
      totalSkills: 6,
      occupations: 2,
      essential: { green: 2, total: 4 },
    });
  });
});

describe("similarity, stats and the graphology view", () => {
  it("ranks similar occupations by weighted Jaccard", () => {
    const similar = similarOccupations(t, INSTALLER, { k: 3 });
    expect(similar[0]?.occupation.label).toBe("senior heat pump installer");
    // installer {hp:1, ins:1, types:1, eff:.5, teams:.5}; senior {hp:1, teams:1, audit:.5} → min 1+.5=1.5; max 4 + 2.5 − 1.5 = 5
    expect(similar[0]?.similarity).toBeCloseTo(1.5 / 5, 10);
    expect(similar.map((s) => s.occupation.uri)).not.toContain(INSTALLER);
    expect(
      similarOccupations(t, ASSESSOR).every((s, i, all) => i === 0 || all[i - 1]!.similarity >= s.similarity),
    ).toBe(true);
  });
  it("counts what it holds", () => {
    expect(stats(t)).toMatchObject({
      escoVersion: "v1.1.1",
      coverage: "full",
      concepts: { skill: 14, occupation: 4 },
      relations: { occupationSkill: 15, skillSkill: 2 },
      unresolvedRows: 1,
    });
  });
  it("builds a graphology graph with typed nodes and edges", () => {
    const graph = toGraph(t);
    expect(graph.order).toBe(t.size);
    expect(graph.getNodeAttributes(HEAT_PUMP)).toEqual({ kind: "skill", label: "install heat pump", green: true });
    expect(graph.size).toBe(19 + 13 + 15 + 2);
    const types = new Set(graph.mapEdges((_, a) => a.type));
    expect(types).toEqual(new Set(["broader", "occupationSkill", "skillSkill"]));
    expect(toGraph(t, { edges: ["broader"] }).size).toBe(32);
  });
});
