import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  FullEscoRequiredError,
  getConcept,
  greenShare,
  isGreen,
  listSectors,
  occupationsInIscoGroup,
  sectorProfile,
  sectorSkillUris,
} from "green-skills";
import { defaultBundle, defaultFramework, loadDefaultTaxonomy } from "green-skills/data";
import { frameworkReport, loadTaxonomyFile } from "green-skills/node";
import { buildCuratedDefault } from "../src/node/framework-files.js";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

const HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f";
const INSULATION_WORKER = "http://data.europa.eu/esco/occupation/b2dab4fb-b7f7-4f57-94b2-9c0f0848564a";

describe("taxonomy/dist drift", () => {
  it("regenerating the embedded default from taxonomy/src equals the committed file byte for byte", async () => {
    const built = await buildCuratedDefault(join(PROJECT_ROOT, "taxonomy", "src"));
    expect(built.issues).toEqual([]);
    expect(built.json).toBe(readFileSync(join(PROJECT_ROOT, "taxonomy", "dist", "default.json"), "utf8"));
  });
});

describe("the embedded default", () => {
  it("loads as a curated taxonomy with the cited concepts and their offline facts", async () => {
    const taxonomy = loadDefaultTaxonomy();
    expect(taxonomy.coverage).toBe("curated");
    expect(taxonomy.escoVersion).toBe("v1.1.1");
    const skill = getConcept(taxonomy, HEAT_PUMP);
    expect(skill).toMatchObject({ kind: "skill", prefLabel: "install heat pump", green: true });
    const occupation = getConcept(taxonomy, INSULATION_WORKER);
    expect(occupation).toMatchObject({ kind: "occupation", prefLabel: "insulation worker", iscoGroup: "7124" });
    expect(isGreen(taxonomy, HEAT_PUMP)).toBe(true);
    expect(occupationsInIscoGroup(taxonomy, "7124").map((o) => o.label)).toContain("insulation worker");
    // green-skills/node's loadTaxonomyFile() with no argument is the same thing.
    const viaNode = await loadTaxonomyFile();
    expect(viaNode.size).toBe(taxonomy.size);
    expect(frameworkReport(viaNode).issues).toEqual([]);
  });

  it("says plainly what needs full ESCO", () => {
    const taxonomy = loadDefaultTaxonomy();
    expect(() => greenShare(taxonomy, INSULATION_WORKER)).toThrow(FullEscoRequiredError);
    const profile = sectorProfile(taxonomy, "construction");
    expect(profile.coverage).toBe("curated");
    expect(profile.ranking).toBeNull();
    expect(profile.averageGreenShare).toBeNull();
    expect(profile.notes[0]).toMatch(/curated coverage/);
    expect(profile.keySkills.map((k) => k.concept.label)).toContain("install heat pump");
    expect(profile.keySkills.every((k) => k.present && k.green)).toBe(true);
    expect(profile.keyOccupations.every((k) => k.present)).toBe(true);
    // Every key occupation is a member, plus any embedded occupation in the sector's ISCO groups.
    const members = new Set(profile.occupations.map((o) => o.occupation.uri));
    for (const key of profile.keyOccupations) expect(members.has(key.concept.uri)).toBe(true);
    expect(sectorSkillUris(taxonomy, "construction").sort()).toEqual(
      profile.keySkills.map((k) => k.concept.uri).sort(),
    );
  });

  it("lists the six sectors with their NACE Rev. 2.1 codes", () => {
    const sectors = listSectors(loadDefaultTaxonomy());
    expect(sectors.map((s) => s.id)).toEqual([
      "agrifood",
      "construction",
      "manufacturing",
      "public-sector",
      "sustainability-management",
      "wood-and-furniture",
    ]);
    const codes = (id: string) => sectors.find((s) => s.id === id)?.nace.map((n) => [n.rev2, n.rev21]);
    expect(codes("public-sector")).toEqual([["O84", "P84"]]);
    expect(codes("sustainability-management")).toEqual(
      expect.arrayContaining([
        ["M70", "N70"],
        ["M71", "N71"],
      ]),
    );
  });

  it("exposes the framework it carries", () => {
    expect(defaultBundle.meta.coverage).toBe("curated");
    expect(defaultFramework.sectors).toHaveLength(6);
    expect(defaultFramework.greenComp.areas.flatMap((a) => a.competences.map((c) => c.id))).toHaveLength(12);
  });
});

describe("bundles", () => {
  const bundleOf = async (entry: string) => {
    const result = await build({
      entryPoints: [join(PROJECT_ROOT, entry)],
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      treeShaking: true,
      metafile: true,
      logLevel: "silent",
    });
    return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
  };

  it("the core entry holds none of the curated data and no Node built-in", async () => {
    const core = await bundleOf("src/index.ts");
    expect(core.inputs.some((i) => i.includes("taxonomy/dist"))).toBe(false);
    expect(core.inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
    // Strings that only the curated data holds: a rationale and a cited occupation URI.
    expect(core.text).not.toContain("Hands-on heat pump installation");
    expect(core.text).not.toContain("b2dab4fb-b7f7-4f57-94b2-9c0f0848564a");
  });

  it("green-skills/data does hold it", async () => {
    const data = await bundleOf("src/data.ts");
    expect(data.text).toContain("Hands-on heat pump installation");
    expect(data.inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
  });
});
