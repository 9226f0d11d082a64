import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  EscoImportError,
  getConcept,
  importEsco,
  importEscoToFile,
  isGreen,
  loadTaxonomyFile,
  stats,
} from "green-skills/node";
import { baseFixture, fid, fixtureFiles, occupationUri, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "gs-import-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const catchImport = async (promise: Promise<unknown>): Promise<EscoImportError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EscoImportError);
    return error as EscoImportError;
  }
  throw new Error("expected the import to fail");
};

describe("importEsco: layouts", () => {
  it("imports a v1.1.1 folder: counts, dangling rows, normalisation, version from the folder name", async () => {
    const [folder] = writeEscoFixture(temp(), baseFixture(), { layout: "v1.1.1" });
    const { report, bundle } = await importEsco([folder!]);
    expect(report.escoVersion).toBe("v1.1.1");
    expect(report.concepts).toMatchObject({ skill: 14, skillGroup: 9, occupation: 4, iscoGroup: 11, conceptScheme: 2 });
    expect(report.relations.occupationSkill).toEqual({
      rows: 16,
      imported: 15,
      unresolved: 1,
      essential: 8,
      optional: 7,
    });
    expect(report.relations.broaderSkill).toMatchObject({ rows: 19, imported: 19, unresolved: 0 });
    expect(report.collections).toEqual({ digital: 1, green: 7, transversal: 1 });
    expect(report.dangling).toEqual([
      expect.objectContaining({
        relation: "occupationSkill",
        column: "occupationUri",
        rows: 1,
        distinctUris: 1,
        examples: [{ uri: occupationUri(fid(299, "dddddddd")), line: 17 }],
      }),
    ]);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: "dangling_reference", line: 17 }));
    // "  manage   waste " → "manage waste"; "handle waste\u00a0streams" collapsed; duplicate alt labels dropped.
    expect(report.normalised).toMatchObject({ labelsTrimmed: 1, labelWhitespaceCollapsed: 2, raggedRowsPadded: 9 });
    expect(report.normalised["duplicateLabelsRemoved"]).toBeGreaterThanOrEqual(2);
    const taxonomy = await loadTaxonomyFile(bundle);
    const waste = getConcept(taxonomy, skillUri(fid(108)));
    expect(waste?.prefLabel).toBe("manage waste");
    expect(waste?.labels["en"]?.alt).toEqual(["handle waste streams", "waste management"]);
    expect(taxonomy.meta.unresolved).toEqual([expect.objectContaining({ relation: "occupationSkill", line: 17 })]);
  });

  it("every data row is imported or named in the report", async () => {
    const [folder] = writeEscoFixture(temp(), baseFixture(), { layout: "v1.1.1" });
    const { report } = await importEsco([folder!]);
    for (const file of report.files) {
      if (file.skipped) continue;
      expect(file.imported + file.unresolved, file.file).toBe(file.rows);
    }
    expect(report.warnings.filter((w) => w.code === "dangling_reference")).toHaveLength(
      report.files.reduce((n, f) => n + f.unresolved, 0),
    );
  });

  it("imports the portal's zips (v1.1.0: ictSkillsCollection) and detects the version from the zip name", async () => {
    const paths = writeEscoFixture(temp(), baseFixture(), { layout: "v1.1.0", zip: true });
    expect(paths.map((p) => p.split("/").pop())).toEqual([
      "ESCO dataset - v1.1.0 - classification - en - csv.zip",
      "ESCO dataset - v1.1.0 - classification -  - csv.zip",
    ]);
    const { report } = await importEsco(paths);
    expect(report.escoVersion).toBe("v1.1.0");
    expect(report.collections).toEqual({ green: 7, ict: 1, transversal: 1 });
  });

  it("imports v1.2.1: _en relation files, label columns, naceCode, greenShareOcc, dictionary, unknown columns kept", async () => {
    const paths = writeEscoFixture(temp(), baseFixture(), { layout: "v1.2.1", zip: true });
    const { report, bundle } = await importEsco(paths);
    expect(report.escoVersion).toBe("v1.2.1");
    const skills = report.files.find((f) => f.file.endsWith("skills_en.csv"));
    expect(skills?.keptColumns).toEqual(["futureColumn"]);
    const relations = report.files.find((f) => f.file.endsWith("occupationSkillRelations_en.csv"));
    expect(relations?.ignoredColumns.map((c) => c.column).sort()).toEqual([
      "occupationLabel",
      "skillLabel",
      "skillType",
    ]);
    const taxonomy = await loadTaxonomyFile(bundle);
    const installer = getConcept(taxonomy, occupationUri(fid(201, "cccccccc")));
    expect(installer?.kind).toBe("occupation");
    if (installer?.kind !== "occupation") throw new Error("unreachable");
    expect(installer.naceCodes).toEqual(["http://data.europa.eu/ux2/nace2.1/4322"]);
    expect(installer.greenShareOfficial).toBe(0.42);
    expect(getConcept(taxonomy, "http://data.europa.eu/esco/isco/C3112")).toMatchObject({
      kind: "iscoGroup",
      greenShareOfficial: 0.35,
    });
    expect(getConcept(taxonomy, skillUri(fid(101)))?.extra).toEqual({ futureColumn: "future value of 065" });
    expect(taxonomy.meta.extensions?.["escoDictionary"]).toBeDefined();
  });

  it("merges a second language: labels keyed by language, relation copies compared and named", async () => {
    const paths = writeEscoFixture(temp(), baseFixture(), { layout: "v1.2.1", zip: true, languages: ["en", "de"] });
    const { report, bundle } = await importEsco(paths);
    expect(report.languages).toEqual(["en", "de"]);
    const copies = report.files.filter((f) => f.file.includes("_de.csv") && f.skipped);
    expect(copies.map((f) => f.file.split("> ")[1]).sort()).toEqual([
      "broaderRelationsOccPillar_de.csv",
      "broaderRelationsSkillPillar_de.csv",
      "greenShareOcc_de.csv",
      "occupationSkillRelations_de.csv",
      "skillSkillRelations_de.csv",
      "skillsHierarchy_de.csv",
    ]);
    const taxonomy = await loadTaxonomyFile(bundle);
    const skill = getConcept(taxonomy, skillUri(fid(101)), { lang: "de" });
    expect(skill?.prefLabel).toBe("Wärmepumpe installieren");
    expect(skill?.labels["en"]?.pref).toBe("install heat pump");
    expect(getConcept(taxonomy, skillUri(fid(101)))?.prefLabel).toBe("install heat pump");
  });

  it("gives the same bundle content with and without the parse worker", async () => {
    const [folder] = writeEscoFixture(temp(), baseFixture(), { layout: "v1.1.1" });
    const a = await importEsco([folder!], { workers: false });
    const b = await importEsco([folder!], { workers: true });
    const strip = (s: ReturnType<typeof stats>) => s;
    expect(strip(stats(await loadTaxonomyFile(b.bundle)))).toEqual(strip(stats(await loadTaxonomyFile(a.bundle))));
    expect(b.report.dangling).toEqual(a.report.dangling);
    expect(b.report.warnings).toEqual(a.report.warnings);
  });

  it("records --esco-version when names do not say it, and warns when nothing does", async () => {
    const [folder] = writeEscoFixture(temp(), baseFixture(), { folder: "download" });
    const undetected = await importEsco([folder!]);
    expect(undetected.report.escoVersion).toBeNull();
    expect(undetected.report.warnings).toContainEqual(expect.objectContaining({ code: "version_unknown" }));
    const given = await importEsco([folder!], { escoVersion: "1.2.0" });
    expect(given.report).toMatchObject({ escoVersion: "v1.2.0", versionSource: "option" });
  });

  it("accepts files with a UTF-8 byte-order mark", async () => {
    const [folder] = writeEscoFixture(temp(), baseFixture());
    const path = join(folder!, "skills_en.csv");
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    const { report } = await importEsco([folder!]);
    expect(report.concepts.skill).toBe(14);
  });

  it("names unknown CSV files in the report instead of dropping them", async () => {
    const [folder] = writeEscoFixture(temp(), baseFixture());
    writeFileSync(join(folder!, "notes.csv"), "a,b\r\n1,2\r\n3,4\r\n");
    const { report } = await importEsco([folder!]);
    expect(report.files).toContainEqual(
      expect.objectContaining({ kind: "ignored", rows: 2, skipped: expect.stringContaining("notes") }),
    );
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: "unknown_file" }));
  });
});

describe("importEsco: bad input", () => {
  const folderWith = (edit: (files: Map<string, string>) => void) => {
    const dir = temp();
    const [folder] = writeEscoFixture(dir, baseFixture());
    const files = new Map(readdirSync(folder!).map((name) => [name, readFileSync(join(folder!, name), "utf8")]));
    edit(files);
    for (const name of readdirSync(folder!)) if (!files.has(name)) rmSync(join(folder!, name));
    for (const [name, text] of files) writeFileSync(join(folder!, name), text);
    return folder!;
  };

  it("missing required file: names it and hints at the relations zip", async () => {
    const folder = folderWith((files) => files.delete("occupationSkillRelations.csv"));
    const error = await catchImport(importEsco([folder]));
    expect(error.reason).toBe("missing_file");
    expect(error.message).toMatch(/occupationSkillRelations\.csv/);
    expect(error.message).toMatch(/language-independent zip/);
  });

  it("wrong header: names the file, line 1 and the missing column", async () => {
    const folder = folderWith((files) =>
      files.set("skills_en.csv", files.get("skills_en.csv")!.replace("conceptUri", "uri")),
    );
    const error = await catchImport(importEsco([folder]));
    expect(error).toMatchObject({ reason: "bad_header", line: 1 });
    expect(error.file).toMatch(/skills_en\.csv$/);
    expect(error.message).toMatch(/no column "conceptUri"/);
  });

  it("empty file: a missing header", async () => {
    const folder = folderWith((files) => files.set("occupations_en.csv", ""));
    const error = await catchImport(importEsco([folder]));
    expect(error).toMatchObject({ reason: "bad_header", line: 1 });
  });

  it("unterminated quote: csv syntax error with the line", async () => {
    const folder = folderWith((files) =>
      files.set("occupations_en.csv", `${files.get("occupations_en.csv")!}Occupation,"http://x,broken\r\n`),
    );
    const error = await catchImport(importEsco([folder]));
    expect(error.reason).toBe("csv_syntax");
    expect(error.file).toMatch(/occupations_en\.csv$/);
    expect(error.line).toBeGreaterThan(1);
    expect(error.message).toMatch(/unterminated quoted cell/);
  });

  it("unterminated quote in the file parsed by the worker", async () => {
    const folder = folderWith((files) =>
      files.set("occupationSkillRelations.csv", `${files.get("occupationSkillRelations.csv")!}"http://x,essential\r\n`),
    );
    const error = await catchImport(importEsco([folder], { workers: true }));
    expect(error.reason).toBe("csv_syntax");
    expect(error.file).toMatch(/occupationSkillRelations\.csv$/);
    expect(error.line).toBe(18);
  });

  it("a record wider than its header is an error, not silently truncated", async () => {
    const folder = folderWith((files) =>
      files.set("skillSkillRelations.csv", `${files.get("skillSkillRelations.csv")!}a,b,c,d,e,f\r\n`),
    );
    const error = await catchImport(importEsco([folder]));
    expect(error).toMatchObject({ reason: "csv_syntax", line: 4 });
  });

  it("truncated zip: bad_zip naming the archive", async () => {
    const dir = temp();
    const paths = writeEscoFixture(dir, baseFixture(), { zip: true });
    const bytes = readFileSync(paths[0]!);
    writeFileSync(paths[0]!, bytes.subarray(0, bytes.length - 200));
    const error = await catchImport(importEsco(paths));
    expect(error.reason).toBe("bad_zip");
    expect(error.file).toBe(paths[0]);
  });

  it("not an ESCO file or folder", async () => {
    const dir = temp();
    writeFileSync(join(dir, "readme.txt"), "hello");
    expect((await catchImport(importEsco([join(dir, "readme.txt")]))).reason).toBe("not_esco");
    writeFileSync(join(dir, "people.csv"), "name,age\r\nAda,36\r\n");
    expect((await catchImport(importEsco([dir]))).reason).toBe("not_esco");
  });

  it("not UTF-8", async () => {
    const folder = folderWith(() => undefined);
    writeFileSync(join(folder, "skills_en.csv"), Buffer.from([0x63, 0x6f, 0xff, 0xfe, 0x0d, 0x0a]));
    expect((await catchImport(importEsco([folder]))).reason).toBe("not_esco");
  });

  it("unreadable path", async () => {
    const error = await catchImport(importEsco([join(tmpdir(), "does-not-exist-gs")]));
    expect(error.reason).toBe("unreadable_path");
    expect(error.message).toMatch(/no such file/);
  });

  it("the same file given twice (zip and its extracted folder)", async () => {
    const dir = temp();
    const zips = writeEscoFixture(join(dir, "z"), baseFixture(), { zip: true });
    const [folder] = writeEscoFixture(join(dir, "f"), baseFixture());
    expect((await catchImport(importEsco([...zips, folder!]))).reason).toBe("duplicate_file");
  });

  it("importEscoToFile leaves no file behind on failure and writes atomically on success", async () => {
    const dir = temp();
    const folder = folderWith((files) => files.delete("skills_en.csv"));
    const out = join(dir, "out.gsb");
    await catchImport(importEscoToFile([folder], out));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("out.gsb"))).toEqual([]);
    const [good] = writeEscoFixture(join(dir, "good"), baseFixture());
    const { report } = await importEscoToFile([good!], out);
    expect(report.bundle?.path).toBe(out);
    expect(readFileSync(out).byteLength).toBe(report.bundle?.bytes);
    expect(isGreen(await loadTaxonomyFile(out), skillUri(fid(101)))).toBe(true);
  });
});

describe("fixture sanity", () => {
  it("writes CRLF records with quoted multi-line cells", () => {
    const { language } = fixtureFiles(baseFixture());
    const skills = language.get("en")!["skills_en.csv"]!;
    expect(skills).toContain("\r\n");
    expect(skills).toMatch(/"heat pump installation\ncommission heat pumps/);
  });
  it("renames work (sanity for atomic writes on this filesystem)", () => {
    const dir = temp();
    writeFileSync(join(dir, "a"), "x");
    renameSync(join(dir, "a"), join(dir, "b"));
    expect(existsSync(join(dir, "b"))).toBe(true);
  });
});
