import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BundleObject,
  GreenSkillsError,
  InvalidOptionError,
  type Taxonomy,
  loadTaxonomy as loadCore,
  prepareSearch,
  searchOccupations,
  searchSkills,
} from "green-skills";
import { OccupationHitSchema, SkillHitSchema } from "green-skills/schemas";
import { decodeBundle } from "../src/bundle/binary.js";
import { foldText, tokenise } from "../src/search/fold-text.js";
import { importEsco, loadTaxonomyFile } from "green-skills/node";
import { baseFixture, fid, occupationUri, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "gs-search-"));
let taxonomy: Taxonomy;
let curated: Taxonomy;
beforeAll(async () => {
  const [folder] = writeEscoFixture(dir, baseFixture(), { languages: ["en", "de"] });
  const { bundle } = await importEsco([folder!]);
  taxonomy = await loadTaxonomyFile(bundle);
  curated = loadCore(curatedLike(bundle));
});

/** A bundle object shaped like the embedded default: `coverage: "curated"`, English preferred labels only. */
function curatedLike(bytes: Uint8Array): BundleObject {
  const { meta, columns } = decodeBundle(bytes);
  const out: BundleObject["columns"] = {};
  for (const name of columns.names()) {
    if (/^label\.(de\.|en\.(alt|hidden))/.test(name) || name.startsWith("text.de.")) continue;
    const type = columns.type(name);
    if (type === "str") out[name] = { type, values: [...columns.str(name)!.all()] };
    else if (type === "strList")
      out[name] = {
        type,
        values: Array.from({ length: columns.strList(name)!.length }, (_, i) => [...columns.strList(name)!.get(i)]),
      };
    else if (type === "i32") out[name] = { type, values: Array.from(columns.i32(name)!) };
    else if (type === "u8") out[name] = { type, values: Array.from(columns.u8(name)!) };
    else if (type === "f64")
      out[name] = { type, values: Array.from(columns.f64(name)!, (v) => (Number.isNaN(v) ? null : v)) };
  }
  return { meta: { ...meta, coverage: "curated", esco: { ...meta.esco, languages: ["en"] } }, columns: out };
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAT_PUMP = skillUri(fid(101));
const INSULATION = skillUri(fid(102));
const ENERGY_EFFICIENCY = skillUri(fid(105));
const WELD = skillUri(fid(107));
const TEAMS = skillUri(fid(109));
const SPREADSHEETS = skillUri(fid(110));
const uris = (hits: { uri: string }[]) => hits.map((h) => h.uri);

describe("normalisation", () => {
  it("folds accents, case and letters without a decomposition", () => {
    expect(foldText("Énergie Wärme-PUMPE Straße Ærø")).toBe("energie warme-pumpe strasse aero");
  });
  it("maps British and American spellings to one token", () => {
    for (const [a, b] of [
      ["organise", "organize"],
      ["organisation", "organization"],
      ["analyse", "analyze"],
      ["colour", "color"],
      ["centre", "center"],
      ["modelling", "modeling"],
      ["aluminium", "aluminum"],
      ["programme", "program"],
    ] as const) {
      expect(tokenise(a)).toEqual(tokenise(b));
    }
    // Words that only look like variants stay apart.
    expect(tokenise("four hour pour")).toEqual(["four", "hour", "pour"]);
  });
  it("closes a hyphenated prefix onto its word, not a function word or an abbreviation", () => {
    expect(tokenise("e-learning, X-ray, re-use, co-workers")).toEqual(["elearning", "xray", "reuse", "coworkers"]);
    expect(tokenise("e tendering")).toEqual(["etendering"]);
    expect(tokenise("use IT tools; it is")).toEqual(["use", "ict", "tools", "it", "is"]);
    expect(tokenise("in-house, up-to-date, EU-Recht, E and I engineering")).toEqual([
      "in",
      "house",
      "up",
      "to",
      "date",
      "eu",
      "recht",
      "e",
      "and",
      "i",
      "engineering",
    ]);
  });
  it("drops possessives, keeps C++ and C#, splits at punctuation", () => {
    expect(tokenise("the company's C++ and C# (basics)/advanced")).toEqual([
      "the",
      "company",
      "c++",
      "and",
      "c#",
      "basics",
      "advanced",
    ]);
  });
});

describe("searchSkills", () => {
  it("ranks the exact preferred label first and marks green skills", () => {
    const [first] = searchSkills(taxonomy, "install heat pump");
    expect(first?.uri).toBe(HEAT_PUMP);
    expect(first).toMatchObject({
      label: "install heat pump",
      green: true,
      kind: "skill",
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
    });
    expect(first?.matchedLabel).toEqual({ text: "install heat pump", type: "pref", lang: "en" });
    expect(first?.score).toBe(1);
    for (const hit of searchSkills(taxonomy, "heat pump")) SkillHitSchema.parse(hit);
  });
  it("tolerates typos", () => {
    for (const query of ["instal heat pumpp", "install haet pump", "intsall heat pump"]) {
      expect(searchSkills(taxonomy, query)[0]?.uri, query).toBe(HEAT_PUMP);
    }
    expect(searchSkills(taxonomy, "wleding")[0]?.uri).toBe(WELD);
    expect(searchSkills(taxonomy, "insulaton materail")[0]?.uri).toBe(INSULATION);
  });
  it("ignores word order and inflection", () => {
    expect(searchSkills(taxonomy, "pumps heat installing")[0]?.uri).toBe(HEAT_PUMP);
    expect(searchSkills(taxonomy, "teams working")[0]?.uri).toBe(TEAMS);
  });
  it("finds concepts by alternative and hidden labels and says which matched", () => {
    const [alt] = searchSkills(taxonomy, "collaborate with colleagues");
    expect(alt?.uri).toBe(TEAMS);
    expect(alt?.matchedLabel).toEqual({ text: "collaborate with colleagues", type: "alt", lang: "en" });
    expect(alt?.matchedTerms).toEqual(["collaborate", "colleagues"]);
    const [hidden] = searchSkills(taxonomy, "instal heatpump");
    expect(hidden?.uri).toBe(HEAT_PUMP);
    expect(hidden?.matchedLabel.type).toBe("hidden");
  });
  it("splits and joins compounds", () => {
    expect(searchSkills(taxonomy, "heatpump")[0]?.uri).toBe(HEAT_PUMP);
    expect(searchSkills(taxonomy, "team work")[0]?.uri).toBe(TEAMS);
  });
  it("matches accented labels with or without accents, in any case", () => {
    for (const query of ["Wärmepumpe installieren", "warmepumpe installieren", "WÄRMEPUMPE"]) {
      expect(searchSkills(taxonomy, query)[0]?.uri, query).toBe(HEAT_PUMP);
    }
    const [hit] = searchSkills(taxonomy, "energieeffizienz");
    expect(hit?.uri).toBe(ENERGY_EFFICIENCY);
    expect(hit?.matchedLabel).toMatchObject({ text: "Energieeffizienz", lang: "de" });
  });
  it("filters by language and returns labels in it", () => {
    const de = searchSkills(taxonomy, "installieren", { lang: "de" });
    expect(uris(de)).toContain(HEAT_PUMP);
    expect(de.find((h) => h.uri === HEAT_PUMP)?.label).toBe("Wärmepumpe installieren");
    // English words do not match German labels.
    expect(searchSkills(taxonomy, "install heat pump", { lang: "de" }).some((h) => h.matchedLabel.lang !== "de")).toBe(
      false,
    );
  });
  it("filters green, collection, skill type, reuse level and a custom predicate", () => {
    const all = uris(searchSkills(taxonomy, "heat pump insulation waste metal teams", { limit: 50 }));
    expect(all).toEqual(expect.arrayContaining([HEAT_PUMP, INSULATION, WELD, TEAMS]));
    const green = searchSkills(taxonomy, "heat pump insulation waste metal teams", { green: true, limit: 50 });
    expect(green.length).toBeGreaterThan(0);
    expect(green.every((h) => h.green)).toBe(true);
    expect(uris(green)).not.toContain(WELD);
    expect(uris(searchSkills(taxonomy, "spreadsheets teams", { collection: "digital" }))).toEqual([SPREADSHEETS]);
    expect(
      uris(searchSkills(taxonomy, "spreadsheets teams", { collection: ["digital", "transversal"] })).sort(),
    ).toEqual([SPREADSHEETS, TEAMS].sort());
    expect(
      searchSkills(taxonomy, "heat pump", { skillType: "knowledge" }).every((h) => h.skillType === "knowledge"),
    ).toBe(true);
    expect(uris(searchSkills(taxonomy, "heat pump", { skillType: "knowledge" }))).toContain(skillUri(fid(104)));
    expect(
      searchSkills(taxonomy, "heat pump energy", { reuseLevel: ["cross-sector"] }).every(
        (h) => h.reuseLevel === "cross-sector",
      ),
    ).toBe(true);
    expect(uris(searchSkills(taxonomy, "heat pump", { filter: (uri) => uri !== HEAT_PUMP }))).not.toContain(HEAT_PUMP);
  });
  it("respects the limit", () => {
    expect(searchSkills(taxonomy, "heat pump energy waste", { limit: 2 })).toHaveLength(2);
  });
  it("returns nothing for empty, blank, stopword-only or unmatched queries", () => {
    for (const query of ["", "   ", "?!", "the of and", "zzzzqqq"])
      expect(searchSkills(taxonomy, query), JSON.stringify(query)).toEqual([]);
  });
  it("handles very long queries", () => {
    const long = `${"Learners can plan the work and ".repeat(2000)} install a heat pump`;
    const hits = searchSkills(taxonomy, long);
    expect(uris(hits)).toContain(HEAT_PUMP);
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(" ");
    expect(searchSkills(taxonomy, `${words} heat pump`)[0]?.uri).toBeDefined();
  });
  it("throws InvalidOptionError for bad options", () => {
    const bad = [
      { limit: 0 },
      { limit: 2.5 },
      { lang: "xx" },
      { collection: "nope" },
      { skillType: "skill" as never },
      { reuseLevel: "global" as never },
    ];
    for (const options of bad)
      expect(() => searchSkills(taxonomy, "heat pump", options), JSON.stringify(options)).toThrow(InvalidOptionError);
    expect(() => searchSkills(taxonomy, undefined as never)).toThrow(GreenSkillsError);
    try {
      searchSkills(taxonomy, "heat pump", { lang: "xx" });
    } catch (error) {
      expect((error as InvalidOptionError).option).toBe("lang");
      expect((error as Error).message).toMatch(/en, de/);
    }
  });
  it("builds the index once per taxonomy", () => {
    const first = prepareSearch(taxonomy);
    expect(first).toMatchObject({ concepts: 14 });
    expect(first.labels).toBeGreaterThan(14);
    expect(prepareSearch(taxonomy).buildMs).toBe(first.buildMs);
    // A search restricted to one language of a many-language taxonomy indexes that language only.
    const german = prepareSearch(taxonomy, "skill", "de");
    expect(german.labels).toBeLessThan(first.labels);
    expect(prepareSearch(taxonomy, "skill", "de").buildMs).toBe(german.buildMs);
  });
});

describe("searchOccupations", () => {
  it("finds occupations by preferred and alternative labels, with typos", () => {
    expect(searchOccupations(taxonomy, "welder")[0]?.uri).toBe(occupationUri(fid(203, "cccccccc")));
    const [fitter] = searchOccupations(taxonomy, "heat pump fiter");
    expect(fitter?.uri).toBe(occupationUri(fid(201, "cccccccc")));
    expect(fitter?.matchedLabel.type).toBe("alt");
    expect(OccupationHitSchema.parse(fitter)).toMatchObject({ kind: "occupation", iscoGroup: "7126", code: "7126.3" });
    expect(searchOccupations(taxonomy, "energy auditor").every((h) => h.kind === "occupation")).toBe(true);
  });
  it("never returns skills", () => {
    expect(searchOccupations(taxonomy, "weld metal parts").map((h) => h.uri)).not.toContain(WELD);
  });
});

describe("search on a curated taxonomy (preferred labels only, like the embedded default)", () => {
  it("finds what it holds, by preferred label, with typos and filters", () => {
    expect(curated.coverage).toBe("curated");
    expect(searchSkills(curated, "instal heat pumpp")[0]?.uri).toBe(HEAT_PUMP);
    expect(
      searchSkills(curated, "heat pump", { green: true }).every((h) => h.green && h.matchedLabel.type === "pref"),
    ).toBe(true);
    // Alternative labels are not in a curated bundle, so a synonym-only query finds nothing there.
    expect(uris(searchSkills(curated, "collaborate with colleagues"))).not.toContain(TEAMS);
    expect(uris(searchSkills(taxonomy, "collaborate with colleagues"))).toContain(TEAMS);
    expect(() => searchSkills(curated, "heat pump", { lang: "de" })).toThrow(InvalidOptionError);
  });
});
