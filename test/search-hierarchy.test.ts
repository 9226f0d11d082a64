/**
 * Support from ESCO's skill hierarchy in free-text ranking (issue 12): a broader skill of one of the
 * statement's strongest candidates is raised towards, never past, that narrower skill.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Taxonomy, searchSkills, suggestSkills } from "green-skills";
import { baseFixture, fid, skillUri } from "./helpers/esco-fixture.js";
import { fixtureTaxonomy } from "./helpers/fixture-taxonomy.js";

const FURNITURE = skillUri(fid(401));
const CHAIRS = skillUri(fid(402));
const UPHOLSTERY = skillUri(fid(403));
const STATEMENT = "The learner is able to reupholster worn chairs";

/** The fixture, with or without the edge "reupholster chairs" → broader "restore upholstered furniture". */
async function taxonomyWith(edge: boolean): Promise<Taxonomy> {
  const data = baseFixture();
  const skill = (n: number, label: string, description: string, broader: string[] = []) =>
    data.skills.push({
      id: fid(n),
      label,
      alt: [],
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
      description,
      broader,
    });
  skill(401, "restore upholstered furniture", "Bring worn furniture back into use.");
  skill(402, "reupholster chairs", "Strip, repad and recover the seats of chairs.", edge ? [fid(401)] : []);
  skill(403, "clean worn upholstery", "Remove stains from fabric.");
  return fixtureTaxonomy(data);
}

let withEdge: Taxonomy;
let withoutEdge: Taxonomy;
beforeAll(async () => {
  [withEdge, withoutEdge] = await Promise.all([taxonomyWith(true), taxonomyWith(false)]);
}, 60_000);

describe("hierarchy support", () => {
  const uris = (t: Taxonomy) => searchSkills(t, STATEMENT, { limit: 5 }).map((h): string => h.uri);

  it("raises a broader skill of a strong candidate above candidates with as little evidence of their own", () => {
    expect(uris(withEdge).slice(0, 3)).toEqual([CHAIRS, FURNITURE, UPHOLSTERY]);
    // The same fixture without the broader edge: the broader skill's own words count for less.
    const without = uris(withoutEdge);
    expect(without[0]).toBe(CHAIRS);
    expect(without.indexOf(FURNITURE)).toBeGreaterThan(without.indexOf(UPHOLSTERY));
  });

  it("keeps the broader skill below the narrower one and names it", () => {
    const hits = searchSkills(withEdge, STATEMENT, { limit: 5 });
    const child = hits.find((h) => h.uri === CHAIRS)!;
    const parent = hits.find((h) => h.uri === FURNITURE)!;
    expect(parent.score).toBeLessThan(child.score);
    expect(parent.narrowerMatch).toEqual({ uri: CHAIRS, label: "reupholster chairs", score: child.score });
    expect(child.narrowerMatch).toBeNull();
    const plain = searchSkills(withoutEdge, STATEMENT, { limit: 5 }).find((h) => h.uri === FURNITURE)!;
    expect(plain.narrowerMatch).toBeNull();
    expect(plain.score).toBeLessThan(parent.score);
  });

  it("says so in the suggestion's explanation", () => {
    const result = suggestSkills(withEdge, STATEMENT, { threshold: 0 });
    const parent = result.suggestions.find((s) => s.uri === FURNITURE);
    expect(parent?.explanation).toContain('raised as the broader skill of "reupholster chairs"');
  });

  it("leaves label queries alone", () => {
    const hits = searchSkills(withEdge, "reupholster chairs", { mode: "label" });
    expect(hits[0]?.uri).toBe(CHAIRS);
    expect(hits.every((h) => h.narrowerMatch === null)).toBe(true);
  });
});
