/** The import plan (src/node/import/plan.ts): a pure step, tested on file names alone, no ESCO data. */
import { describe, expect, it } from "vitest";
import { planImport } from "../src/node/import/plan.js";
import type { InputFile } from "../src/node/import/sources.js";

const file = (name: string, zip = "ESCO dataset - v1.1.1 - classification - en - csv.zip", size = 100): InputFile => ({
  name,
  display: `${zip} > ${name}`,
  size,
  location: { kind: "zip", path: zip, entry: name },
  context: [zip],
});
const REL = "ESCO dataset - v1.1.1 - classification -  - csv.zip";
const minimal = (lang = "en") => [
  file(`skills_${lang}.csv`),
  file(`occupations_${lang}.csv`),
  file(`skillGroups_${lang}.csv`),
  file(`ISCOGroups_${lang}.csv`),
  file("occupationSkillRelations.csv", REL),
  file("skillSkillRelations.csv", REL),
  file("broaderRelationsSkillPillar.csv", REL),
  file("broaderRelationsOccPillar.csv", REL),
];

describe("planImport", () => {
  it("orders the work: concepts of the default language first, then relations; reads the version from the zip name", () => {
    const plan = planImport([...minimal(), file("greenSkillsCollection_en.csv"), file("notes.csv")], ["x"]);
    expect(plan.defaultLanguage).toBe("en");
    expect(plan).toMatchObject({ version: "v1.1.1", versionSource: expect.stringContaining("v1.1.1") });
    expect(plan.work.map((w) => w.step.type)).toEqual([
      "concepts",
      "concepts",
      "concepts",
      "concepts",
      "collection",
      "relations",
      "relations",
      "relations",
      "relations",
    ]);
    expect(plan.work.slice(0, 4).map((w) => w.c.file.name)).toEqual([
      "skillGroups_en.csv",
      "skills_en.csv",
      "ISCOGroups_en.csv",
      "occupations_en.csv",
    ]);
    expect(plan.required.size).toBe(8);
    expect(plan.unknown.map((u) => u.file.name)).toEqual(["notes.csv"]);
  });

  it("puts the default language first, and compares relation copies instead of importing them twice", () => {
    const de = minimal("de").map((f) => (f.name.includes("_") ? f : file(f.name, "de.zip")));
    const plan = planImport(
      [...minimal("en"), ...de.filter((f) => f.name.includes("_de")), file("occupationSkillRelations.csv", "de.zip")],
      ["x"],
      { defaultLanguage: "de", escoVersion: "1.2.0" },
    );
    expect(plan.languages).toEqual(["de", "en"]);
    expect(plan.version).toBe("v1.2.0");
    expect(plan.versionSource).toBe("option");
    expect(plan.work.filter((w) => w.step.type === "copy").map((w) => w.c.file.display)).toHaveLength(1);
    expect(plan.work.find((w) => w.step.type === "concepts")?.step).toMatchObject({ language: "de", primary: true });
  });

  it("refuses a missing required file, a file given twice and a folder with no ESCO file, naming them", () => {
    expect(() =>
      planImport(
        minimal().filter((f) => f.name !== "skillSkillRelations.csv"),
        ["a.zip"],
      ),
    ).toThrow(/missing required file skillSkillRelations\.csv.*language-independent zip/);
    expect(() => planImport([...minimal(), file("skills_en.csv", "other.zip")], ["x"])).toThrow(
      expect.objectContaining({ reason: "duplicate_file" }),
    );
    expect(() => planImport([file("notes.csv")], ["x"])).toThrow(expect.objectContaining({ reason: "not_esco" }));
    expect(() => planImport(minimal(), ["x"], { defaultLanguage: "fr" })).toThrow(
      /no skills or occupations file in language "fr"/,
    );
  });

  it("reads nothing: the same names give the same plan", () => {
    const files = minimal();
    const a = planImport(files, ["x"]);
    const b = planImport(files, ["x"]);
    expect(b.work.map((w) => [w.c.file.display, w.step])).toEqual(a.work.map((w) => [w.c.file.display, w.step]));
  });
});
