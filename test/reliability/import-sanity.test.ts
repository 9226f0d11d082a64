/**
 * Taxonomy sanity and cell content: broader cycles are warned about with a located row; an import with no
 * skills or occupations, or a required file with a header only, is refused; a NUL character (or a byte that
 * is not UTF-8) in any cell of any file is a located error, on the main thread and on the parse worker.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ancestors, importEsco, loadTaxonomyFile, pathToRoot } from "green-skills/node";
import { cli } from "../helpers/cli.js";
import { LANGUAGE_ZIP, escoZips, importFailure, removeTemps, temp } from "../helpers/esco-zips.js";
import { join } from "node:path";

afterAll(removeTemps);

const lines = (text: string) => text.split("\r\n");
/** Appends CSV rows to a file's text; returns the 1-based line of the first appended row. */
const append = (text: string, rows: string[]): { text: string; line: number } => {
  const body = text.endsWith("\r\n") ? text : `${text}\r\n`;
  return { text: `${body}${rows.join("\r\n")}\r\n`, line: lines(body).length };
};

describe("broader-relation cycles and self-loops", () => {
  it("a two-concept cycle in the skills pillar is warned about, located at a row of the cycle", async () => {
    let added = 0;
    let original = "";
    const paths = escoZips({
      texts: (t) => {
        const file = t.relations["broaderRelationsSkillPillar.csv"]!;
        const [, first] = lines(file);
        original = first!;
        const [childType, child, parentType, parent] = first!.split(",");
        const result = append(file, [`${parentType},${parent},${childType},${child}`]);
        added = result.line;
        t.relations["broaderRelationsSkillPillar.csv"] = result.text;
      },
    });
    const { report, bundle } = await importEsco(paths);
    const cycles = report.warnings.filter((w) => w.code === "broader_cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.file).toBe(`${paths[1]} > broaderRelationsSkillPillar.csv`);
    expect([2, added]).toContain(cycles[0]!.line);
    expect(cycles[0]!.message).toMatch(/cycle of 2 concepts/);
    expect(cycles[0]!.message).toContain(original.split(",")[1]!);
    // The taxonomy still answers hierarchy queries (they stop at the repeat).
    const taxonomy = await loadTaxonomyFile(bundle);
    const child = original.split(",")[1]!;
    expect(ancestors(taxonomy, child).length).toBeGreaterThan(0);
    expect(pathToRoot(taxonomy, child).length).toBeGreaterThan(0);
  });

  it("a self-loop and a longer cycle in the occupations pillar are each warned about, with their lines", async () => {
    let selfLine = 0;
    let cycleLine = 0;
    const paths = escoZips({
      texts: (t) => {
        const file = t.relations["broaderRelationsOccPillar.csv"]!;
        // C3 → … → C3112 (three rows in the fixture), closed by C3 → C3112; C7 → C7 is a self-loop.
        const cycle = append(file, [
          "ISCOGroup,http://data.europa.eu/esco/isco/C3,ISCOGroup,http://data.europa.eu/esco/isco/C3112",
          "ISCOGroup,http://data.europa.eu/esco/isco/C7,ISCOGroup,http://data.europa.eu/esco/isco/C7",
        ]);
        cycleLine = cycle.line;
        selfLine = cycle.line + 1;
        t.relations["broaderRelationsOccPillar.csv"] = cycle.text;
      },
    });
    const { report } = await importEsco(paths);
    const warnings = report.warnings.filter((w) => w.code === "broader_cycle");
    expect(warnings).toHaveLength(2);
    const self = warnings.find((w) => /self-loop/.test(w.message))!;
    expect(self.line).toBe(selfLine);
    expect(self.message).toContain("http://data.europa.eu/esco/isco/C7 ");
    const cycle = warnings.find((w) => /cycle of 4 concepts/.test(w.message))!;
    expect([2, 3, 4, cycleLine]).toContain(cycle.line);
    expect(cycle.file).toMatch(/broaderRelationsOccPillar\.csv$/);
  });

  it("the fixture (and so ESCO's shape) has no cycle warnings", async () => {
    const { report } = await importEsco(escoZips());
    expect(report.warnings.filter((w) => w.code === "broader_cycle")).toEqual([]);
  });
});

describe("empty or useless imports are refused", () => {
  const headerOnly = (name: string, where: "language" | "relations") =>
    escoZips({
      texts: (t) => {
        t[where][name] = `${lines(t[where][name]!)[0]}\r\n`;
      },
    });

  it("a header-only skills_en.csv is refused (no_data), naming the file", async () => {
    const paths = headerOnly("skills_en.csv", "language");
    const error = await importFailure(importEsco(paths));
    expect(error.reason).toBe("no_data");
    expect(error.file).toBe(`${paths[0]} > skills_en.csv`);
  });

  it("every required file with a header only is refused; an optional one (a collection) is not", async () => {
    for (const [name, where] of [
      ["occupations_en.csv", "language"],
      ["skillGroups_en.csv", "language"],
      ["ISCOGroups_en.csv", "language"],
      ["occupationSkillRelations.csv", "relations"],
      ["skillSkillRelations.csv", "relations"],
      ["broaderRelationsSkillPillar.csv", "relations"],
      ["broaderRelationsOccPillar.csv", "relations"],
    ] as const) {
      const error = await importFailure(importEsco(headerOnly(name, where)));
      expect(error.reason, name).toBe("no_data");
      expect(error.file, name).toMatch(new RegExp(`> ${name}$`));
    }
    const { report } = await importEsco(headerOnly("transversalSkillsCollection_en.csv", "language"));
    expect(report.collections["transversal"] ?? 0).toBe(0);
  });

  it("a skills file whose every row is kept aside (no URI) is refused: no skills imported", async () => {
    const paths = escoZips({
      texts: (t) => {
        const [header, ...rows] = lines(t.language["skills_en.csv"]!);
        // Blank the conceptUri cell (second column) of each row.
        t.language["skills_en.csv"] = [
          header,
          ...rows.map((r) => (r === "" ? r : r.replace(/^([^,]*),[^,]*,/, "$1,,"))),
        ].join("\r\n");
      },
    });
    const error = await importFailure(importEsco(paths));
    expect(error.reason).toBe("no_data");
    expect(error.message).toMatch(/no skill imported/);
    expect(error.file).toMatch(/> skills_en\.csv$/);
  });

  it("CLI: a header-only skills file is exit 2 with one error and one hint", async () => {
    const out = join(temp(), "x.gsb");
    const result = await cli(["import", ...headerOnly("skills_en.csv", "language"), "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error: .*${LANGUAGE_ZIP} > skills_en\\.csv`, "m"));
    expect(result.stderr).toMatch(/^hint: .*download/m);
  });
});

describe("NUL characters and invalid UTF-8 in cells are located", () => {
  const withNul = (name: string, where: "language" | "relations", column: number, row = 1) => {
    let line = 0;
    const paths = escoZips({
      texts: (t) => {
        const all = lines(t[where][name]!);
        line = all.slice(0, row).join("\r\n").split("\n").length + 1;
        const cells = all[row]!.split(",");
        cells[column] = `${cells[column]!.slice(0, 5)}\u0000${cells[column]!.slice(5)}`;
        all[row] = cells.join(",");
        t[where][name] = all.join("\r\n");
      },
    });
    return { paths, line };
  };

  it("a NUL in a concept URI: file and line, on the main thread and on the worker", async () => {
    const { paths, line } = withNul("skills_en.csv", "language", 1, 2);
    for (const workers of [false, true]) {
      const error = await importFailure(importEsco(paths, { workers }));
      expect(error.reason).toBe("bad_value");
      expect(error.file).toBe(`${paths[0]} > skills_en.csv`);
      expect(error.line).toBe(line);
      expect(error.message).toMatch(/NUL character/);
    }
  });

  it("a NUL in any string column of any file is located the same way", async () => {
    for (const [name, where, column] of [
      ["occupations_en.csv", "language", 3],
      ["skillGroups_en.csv", "language", 2],
      ["greenSkillsCollection_en.csv", "language", 2],
      ["skillSkillRelations.csv", "relations", 2],
      ["occupationSkillRelations.csv", "relations", 0],
    ] as const) {
      const { paths, line } = withNul(name, where, column);
      const error = await importFailure(importEsco(paths, { workers: false }));
      expect(error.reason, name).toBe("bad_value");
      expect(error.file, name).toBe(`${where === "language" ? paths[0] : paths[1]} > ${name}`);
      expect(error.line, name).toBe(line);
    }
  });

  it("CLI: a NUL is one located error line and a hint, not an encodeBundle message", async () => {
    const { paths, line } = withNul("skills_en.csv", "language", 1, 3);
    const result = await cli(["import", ...paths, "--out", join(temp(), "x.gsb")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${LANGUAGE_ZIP} > skills_en.csv:${line}: a NUL character`);
    expect(result.stderr).not.toMatch(/encodeBundle/);
    expect(result.stderr).toMatch(/^hint: /m);
  });

  it("a byte that is not UTF-8 is located too (main thread and worker)", async () => {
    let line = 0;
    const paths = escoZips({
      language: (members) =>
        members.map((m) => {
          if (m.name !== "skills_en.csv") return m;
          const text = Buffer.from(m.data as string, "utf8");
          const third = text.indexOf("\r\n", text.indexOf("\r\n") + 2) + 2;
          text[third + 4] = 0xe9; // latin-1 é
          line = text.subarray(0, third).toString("latin1").split("\n").length;
          return { ...m, data: text };
        }),
    });
    for (const workers of [false, true]) {
      const error = await importFailure(importEsco(paths, { workers }));
      expect(error.reason).toBe("not_esco");
      expect(error.file).toBe(`${paths[0]} > skills_en.csv`);
      expect(error.line).toBe(line);
      expect(error.message).toContain(`line ${line}, column 5`);
    }
  });
});
