import { describe, expect, it } from "vitest";
import {
  UnknownSectorError,
  searchOccupations,
  searchSkills,
  sectorOccupationUris,
  sectorSkillUris,
} from "green-skills";
import { loadDefaultTaxonomy } from "green-skills/data";
import { cli } from "./helpers/cli.js";

describe("search restricted to a sector", () => {
  const taxonomy = loadDefaultTaxonomy();

  it("keeps only the sector's skills and occupations", () => {
    const construction = new Set(sectorSkillUris(taxonomy, "construction"));
    const hits = searchSkills(taxonomy, "insulation", { sector: "construction" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => construction.has(h.uri))).toBe(true);
    const everywhere = searchSkills(taxonomy, "waste", { limit: 50 });
    const agrifood = new Set(sectorSkillUris(taxonomy, "agrifood"));
    const inAgrifood = searchSkills(taxonomy, "waste", { sector: "agrifood", limit: 50 });
    expect(inAgrifood.every((h) => agrifood.has(h.uri))).toBe(true);
    expect(inAgrifood.length).toBeLessThan(everywhere.length);
    const occupations = new Set(sectorOccupationUris(taxonomy, "construction"));
    const found = searchOccupations(taxonomy, "installer technician", { sector: "construction" });
    expect(found.every((h) => occupations.has(h.uri))).toBe(true);
  });

  it("rejects an unknown sector with the known ids", () => {
    expect(() => searchSkills(taxonomy, "waste", { sector: "fishing" })).toThrow(UnknownSectorError);
  });

  it("is available on the CLI", async () => {
    const ok = await cli(["search", "insulation", "--sector", "construction", "--json"]);
    expect(ok.code).toBe(0);
    const construction = new Set(sectorSkillUris(taxonomy, "construction"));
    const { hits } = JSON.parse(ok.stdout) as { hits: { uri: string }[] };
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => construction.has(h.uri))).toBe(true);
    const bad = await cli(["search", "insulation", "--sector", "fishing"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*sector "fishing" not found.*construction/);
  });
});
