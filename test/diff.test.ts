import { beforeAll, describe, expect, it } from "vitest";
import { diffReportMarkdown, diffTaxonomies, type TaxonomyDiff, type Taxonomy } from "green-skills";
import { CHANGE_TYPES, TaxonomyDiffSchema } from "green-skills/schemas";
import { type FixtureData, baseFixture, iscoUri, occupationUri, skillUri } from "./helpers/esco-fixture.js";
import { O, S, fixtureVersions, importFixture, newerFixture, olderFixture } from "./helpers/diff-fixtures.js";

const NACE = (code: string) => `http://data.europa.eu/ux2/nace2.1/${code}`;
const uris = (list: readonly { concept: { uri: string } }[]) => list.map((e) => e.concept.uri).sort();

/** Our green share straight from fixture data: distinct linked skills in the green collection ÷ distinct linked skills. */
function fixtureShares(data: FixtureData): Map<string, number | null> {
  const green = new Set(data.skills.filter((s) => s.collections?.includes("green")).map((s) => s.id));
  const share = (occupations: FixtureData["occupations"]) => {
    const linked = new Set(occupations.flatMap((o) => [...o.essential, ...o.optional]));
    return linked.size === 0 ? null : [...linked].filter((s) => green.has(s)).length / linked.size;
  };
  const out = new Map<string, number | null>();
  for (const o of data.occupations) out.set(occupationUri(o.id), share([o]));
  for (const g of data.isco) out.set(iscoUri(g.code), share(data.occupations.filter((o) => o.isco.startsWith(g.code))));
  return out;
}

describe("diffTaxonomies on two fixture versions", () => {
  let older: Taxonomy;
  let newer: Taxonomy;
  let diff: TaxonomyDiff;
  beforeAll(async () => {
    ({ older, newer } = await fixtureVersions());
    diff = diffTaxonomies(older, newer);
  });

  it("returns a change set that satisfies its schema, with the versions and what was compared", () => {
    expect(TaxonomyDiffSchema.safeParse(diff).success).toBe(true);
    expect(diff.older.escoVersion).toBe("v1.2.0");
    expect(diff.newer.escoVersion).toBe("v1.2.1");
    expect(diff.compared).toEqual({
      languages: ["en", "de"],
      collections: ["digital", "green", "transversal"],
      collectionsOnlyInOlder: [],
      collectionsOnlyInNewer: [],
      nace: true,
      greenShareOfficial: true,
      relations: true,
    });
  });

  it("concepts added, removed, kind and status changed", () => {
    expect(diff.changes.added.map((e) => e.concept)).toEqual([
      { uri: skillUri(S.maintainNew), kind: "skill", label: "maintain heat pumps" },
      { uri: occupationUri(O.solar), kind: "occupation", label: "solar panel installer" },
    ]);
    expect(diff.changes.removed.map((e) => e.concept)).toEqual([
      { uri: skillUri(S.maintain), kind: "skill", label: "maintain heat pump" },
    ]);
    expect(diff.changes.kind).toEqual([
      { type: "kind", concept: expect.objectContaining({ uri: skillUri(S.untyped) }), from: "skill", to: "skillGroup" },
    ]);
    expect(diff.changes.status).toEqual([
      {
        type: "status",
        concept: expect.objectContaining({ uri: skillUri(S.spreadsheets) }),
        from: "released",
        to: "obsolete",
      },
    ]);
    expect(diff.summary.addedByKind).toEqual({ skill: 1, occupation: 1 });
    expect(diff.summary.removedByKind).toEqual({ skill: 1 });
  });

  it("preferred labels per language, old → new", () => {
    const rows = diff.changes.prefLabel.map((e) => [e.concept.uri, e.lang, e.from, e.to]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [skillUri(S.efficiency), "en", "energy efficiency", "energy efficiency principles"],
        [skillUri(S.teams), "de", "im Team arbeiten", "in Teams arbeiten"],
        [skillUri(S.untyped), "en", "untyped concept", "untyped concepts"],
        [skillUri(S.untyped), "de", "untyped concept [de]", "untyped concepts [de]"],
      ]),
    );
    expect(rows).toHaveLength(4);
  });

  it("alternative labels added and removed", () => {
    expect(diff.changes.altLabels.map(({ concept, ...rest }) => [concept.uri, rest])).toEqual([
      [
        skillUri(S.audit),
        { type: "altLabels", lang: "en", added: ["carry out energy audits"], removed: ["energy auditing"] },
      ],
      [
        skillUri(S.audit),
        { type: "altLabels", lang: "de", added: ["carry out energy audits [de]"], removed: ["energy auditing [de]"] },
      ],
    ]);
  });

  it("skill type and reuse level", () => {
    expect(diff.changes.skillType.map((e) => [e.concept.uri, e.from, e.to])).toEqual([
      [skillUri(S.foodWaste), "knowledge", "skill/competence"],
    ]);
    expect(diff.changes.reuseLevel.map((e) => [e.concept.uri, e.from, e.to])).toEqual([
      [skillUri(S.weld), "sector-specific", "cross-sector"],
    ]);
  });

  it("collection membership: green in and out, digital in, transversal out", () => {
    const rows = diff.changes.collection.map((e) => [e.concept.uri, e.collection, e.change]).sort();
    expect(rows).toEqual(
      [
        [skillUri(S.insulation), "green", "joined"],
        [skillUri(S.strips), "green", "left"],
        [skillUri(S.audit), "digital", "joined"],
        [skillUri(S.teams), "transversal", "left"],
      ].sort(),
    );
    expect(diff.summary.collections).toEqual({
      digital: { joined: 1, left: 0 },
      green: { joined: 1, left: 1 },
      transversal: { joined: 0, left: 1 },
    });
  });

  it("broader concepts in both pillars", () => {
    const byUri = new Map<string, (typeof diff.changes.broader)[number]>(
      diff.changes.broader.map((e) => [e.concept.uri, e]),
    );
    expect(byUri.size).toBe(2);
    expect(byUri.get(skillUri(S.strips))).toMatchObject({
      added: [{ label: "installing heating and cooling equipment" }],
      removed: [{ label: "constructing" }],
    });
    expect(byUri.get(occupationUri(O.welder))).toMatchObject({
      added: [{ uri: iscoUri("7126") }],
      removed: [{ uri: iscoUri("7212") }],
    });
  });

  it("ISCO group, notation code and NACE codes", () => {
    expect(diff.changes.iscoGroup.map((e) => [e.concept.uri, e.from, e.to])).toEqual([
      [occupationUri(O.welder), "7212", "7126"],
    ]);
    expect(diff.changes.code.map((e) => [e.concept.uri, e.from, e.to]).sort()).toEqual(
      [
        [occupationUri(O.welder), "7212.1", "7126.9"],
        [skillUri(S.untyped), null, "S9"],
      ].sort(),
    );
    expect(diff.changes.nace.map((e) => [e.concept.uri, e.added, e.removed]).sort()).toEqual(
      [
        [occupationUri(O.assessor), [], [NACE("71")]],
        [occupationUri(O.welder), [NACE("2511")], []],
      ].sort(),
    );
  });

  it("occupation–skill relations added, removed (skill gone) and switched, per occupation", () => {
    const installer = diff.changes.occupationSkills.find((e) => e.concept.uri === occupationUri(O.installer));
    expect(installer?.added.map((a) => [a.skill.uri, a.relation])).toEqual([[skillUri(S.maintainNew), "optional"]]);
    expect(installer?.removed.map((a) => [a.skill.uri, a.relation])).toEqual([[skillUri(S.maintain), "optional"]]);
    expect(installer?.switched.map((a) => [a.skill.uri, a.from, a.to]).sort()).toEqual(
      [
        [skillUri(S.heatPumpTypes), "essential", "optional"],
        [skillUri(S.efficiency), "optional", "essential"],
      ].sort(),
    );
    const assessor = diff.changes.occupationSkills.find((e) => e.concept.uri === occupationUri(O.assessor));
    expect(assessor).toMatchObject({
      added: [{ skill: { uri: skillUri(S.waste) }, relation: "optional" }],
      removed: [],
      switched: [],
    });
    // The added occupation's links are not relation changes: the occupation itself is listed as added.
    expect(uris(diff.changes.occupationSkills)).toEqual([occupationUri(O.installer), occupationUri(O.assessor)].sort());
    expect(diff.summary.occupationSkillRelations).toEqual({ added: 2, removed: 1, switched: 2 });
  });

  it("skill–skill relations added, removed and switched", () => {
    const rows = diff.changes.skillSkills.map((e) => [
      e.concept.uri,
      e.added.map((a) => a.skill.uri),
      e.removed.map((a) => a.skill.uri),
      e.switched.map((a) => [a.skill.uri, a.from, a.to]),
    ]);
    expect(rows.sort()).toEqual(
      [
        [skillUri(S.heatPump), [], [], [[skillUri(S.heatPumpTypes), "essential", "optional"]]],
        [skillUri(S.audit), [skillUri(S.waste)], [skillUri(S.efficiency)], []],
      ].sort(),
    );
  });

  it("green shares: our computed share and the official one, exactly where they changed", () => {
    const before = fixtureShares(olderFixture());
    const after = fixtureShares(newerFixture());
    const expectedComputed = [...before]
      .filter(([uri, share]) => after.has(uri) && after.get(uri) !== share)
      .map(([uri]) => uri);
    const computed = diff.changes.greenShare.filter((e) => e.computed);
    expect(uris(computed)).toEqual(expectedComputed.sort());
    for (const e of computed) {
      expect(e.computed?.from.share).toBeCloseTo(before.get(e.concept.uri) ?? Number.NaN);
      if (after.get(e.concept.uri) === null) expect(e.computed?.to.share).toBeNull();
      else expect(e.computed?.to.share).toBeCloseTo(after.get(e.concept.uri)!);
    }
    const official = diff.changes.greenShare.filter((e) => e.official).map((e) => [e.concept.uri, e.official]);
    expect(official.sort()).toEqual(
      [
        [occupationUri(O.installer), { from: 0.42, to: 0.45 }],
        [occupationUri(O.welder), { from: 0.1, to: null }],
        [iscoUri("3112"), { from: 0.35, to: 0.4 }],
      ].sort(),
    );
  });

  it("summary counts match the detail", () => {
    for (const type of CHANGE_TYPES) expect(diff.summary.counts[type], type).toBe(diff.changes[type].length);
    expect(diff.summary.total).toBe(CHANGE_TYPES.reduce((n, type) => n + diff.changes[type].length, 0));
  });

  it("reports labels in the requested language and compares only the requested languages", () => {
    const de = diffTaxonomies(older, newer, { lang: "de", languages: ["de"] });
    expect(de.compared.languages).toEqual(["de"]);
    expect(de.changes.prefLabel.map((e) => e.lang)).toEqual(["de", "de"]);
    expect(de.changes.added.find((e) => e.concept.uri === occupationUri(O.solar))?.concept.label).toBe(
      "solar panel installer [de]",
    );
  });

  it("renders Markdown with counts first, every change by default, and labels escaped", () => {
    const tricky = structuredClone(diff);
    tricky.changes.prefLabel[0]!.concept.label = "heat | pump *fitter*";
    const markdown = diffReportMarkdown(tricky, { sources: { older: "a.gsb", newer: "b.gsb" } });
    expect(markdown.indexOf("## Counts")).toBeLessThan(markdown.indexOf("## Changes"));
    expect(markdown).toContain("**heat \\| pump \\*fitter\\***");
    expect(markdown).toContain(`### Green shares (${diff.changes.greenShare.length})`);
    expect(markdown).not.toContain("more");
    const limited = diffReportMarkdown(diff, { limit: 1 });
    expect(limited).toContain(`- … ${diff.changes.greenShare.length - 1} more`);
  });

  it("the reverse diff mirrors the forward one", () => {
    const back = diffTaxonomies(newer, older);
    expect(uris(back.changes.added)).toEqual(uris(diff.changes.removed));
    expect(uris(back.changes.removed)).toEqual(uris(diff.changes.added));
    expect(back.summary.collections["green"]).toEqual({ joined: 1, left: 1 });
    expect(back.summary.occupationSkillRelations).toEqual({ added: 1, removed: 2, switched: 2 });
  });
});

describe("diffTaxonomies: no changes, and fields only one version has", () => {
  it("the same data in two layouts (folder and zips) gives an empty change set", async () => {
    const [a, b] = await Promise.all([
      importFixture(baseFixture(), { layout: "v1.1.1" }),
      importFixture(baseFixture(), { layout: "v1.1.1", zip: true, languages: ["en", "de"] }),
    ]);
    const diff = diffTaxonomies(a, b);
    expect(diff.summary.total).toBe(0);
    for (const type of CHANGE_TYPES) expect(diff.changes[type], type).toEqual([]);
    expect(diff.compared.languages).toEqual(["en"]);
  });

  it("does not report NACE codes, official shares or a renamed collection as mass changes across layouts", async () => {
    const [v110, v121] = await Promise.all([
      importFixture(baseFixture(), { layout: "v1.1.0" }),
      importFixture(baseFixture(), { layout: "v1.2.1" }),
    ]);
    const diff = diffTaxonomies(v110, v121);
    expect(diff.compared).toMatchObject({
      nace: false,
      greenShareOfficial: false,
      collectionsOnlyInOlder: ["ict"],
      collectionsOnlyInNewer: ["digital"],
    });
    expect(diff.summary.total).toBe(0);
  });

  it("throws GreenSkillsError for something that is not a taxonomy", () => {
    expect(() => diffTaxonomies({} as Taxonomy, {} as Taxonomy)).toThrow(
      expect.objectContaining({ code: "E_NOT_A_TAXONOMY" }),
    );
  });
});
