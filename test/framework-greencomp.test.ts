import { describe, expect, it } from "vitest";
import { greenCompProfile } from "green-skills";
import { GreenCompProfileSchema } from "green-skills/schemas";
import { defaultFramework, loadDefaultTaxonomy } from "green-skills/data";

// Crosswalk entries read from taxonomy/src/greencomp.yaml.
const THINK_HOLISTICALLY = "http://data.europa.eu/esco/skill/d56e2c2f-3e01-4b76-a7bb-ecb6d430172f"; // 2.1
const LIFE_CYCLE = "http://data.europa.eu/esco/skill/4e87c852-602a-4a0e-b8d8-20709ce14ac5"; // 2.1
const COORDINATE = "http://data.europa.eu/esco/skill/bd70f004-e1d6-43f0-96f1-59c014a4ea01"; // 4.2
const HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f"; // in no crosswalk

describe("greenCompProfile", () => {
  const taxonomy = loadDefaultTaxonomy();

  it("lists all twelve competences and marks those a skill set touches", () => {
    const profile = GreenCompProfileSchema.parse(
      greenCompProfile(taxonomy, [THINK_HOLISTICALLY, LIFE_CYCLE, COORDINATE, HEAT_PUMP, THINK_HOLISTICALLY]),
    );
    expect(profile.competences.map((c) => c.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "2.2",
      "2.3",
      "3.1",
      "3.2",
      "3.3",
      "4.1",
      "4.2",
      "4.3",
    ]);
    const touched = profile.competences.filter((c) => c.touched);
    expect(touched.map((c) => [c.id, c.viaSkills.map((s) => s.label)])).toEqual([
      ["2.1", ["think holistically", "assess the life cycle of resources"]],
      ["4.2", ["coordinate environmental efforts"]],
    ]);
    expect(profile.touched).toBe(2);
    expect(profile.areas.map((a) => [a.id, a.touched, a.of])).toEqual([
      ["1", 0, 3],
      ["2", 1, 3],
      ["3", 0, 3],
      ["4", 1, 3],
    ]);
    expect(profile.unmatchedSkills).toEqual([HEAT_PUMP]);
    expect(profile.crosswalkStatus).toBe("provisional");
    expect(profile.outcomes).toBeUndefined();
  });

  it("accepts a credential's learning outcomes, counting declared competences", () => {
    const profile = greenCompProfile(taxonomy, {
      learningOutcomes: [
        { id: "lo1", esco: [THINK_HOLISTICALLY], greenComp: ["4.3"] },
        { id: "lo2", esco: [HEAT_PUMP] },
        { id: "lo3", greenComp: ["9.9", "2.1"] },
      ],
    });
    expect(profile.outcomes).toEqual([
      { id: "lo1", competences: ["2.1", "4.3"] },
      { id: "lo2", competences: [] },
      { id: "lo3", competences: ["2.1"] },
    ]);
    const byId = Object.fromEntries(profile.competences.map((c) => [c.id, c]));
    expect([
      byId["2.1"]?.declared,
      byId["2.1"]?.viaSkills.length,
      byId["4.3"]?.declared,
      byId["4.3"]?.viaSkills.length,
    ]).toEqual([true, 1, true, 0]);
    expect(profile.unknownCompetences).toEqual(["9.9"]);
    expect(profile.touched).toBe(2);
  });

  it("takes a single URI string as one skill, and an empty set", () => {
    expect(
      greenCompProfile(taxonomy, COORDINATE)
        .competences.filter((c) => c.touched)
        .map((c) => c.id),
    ).toEqual(["4.2"]);
    expect(greenCompProfile(taxonomy, []).touched).toBe(0);
  });

  it("every competence of the default crosswalk is reachable from its own skills", () => {
    const all = defaultFramework.greenComp.areas.flatMap((a) =>
      a.competences.flatMap((c) => c.crosswalk.map((e) => e.uri)),
    );
    expect(greenCompProfile(taxonomy, all).touched).toBe(12);
  });
});
