import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEscoToFile } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import { URI } from "./helpers/credential-fixture.js";
import { baseFixture, writeEscoFixture } from "./helpers/esco-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "gs-tables-"));
const bundle = join(dir, "esco.gsb");
const DEAD = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead";
const write = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
};

async function xlsx(name: string, sheets: Record<string, (string | null)[][]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    rows.forEach((row, i) => (sheet.getRow(i + 1).values = row.map((c) => c ?? "")));
  }
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

beforeAll(async () => {
  await importEscoToFile(writeEscoFixture(join(dir, "esco"), baseFixture()), bundle, { workers: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("validate: CSV mapping tables", () => {
  it("checks each row's URIs with the definition rules and locates issues by sheet, row and column", async () => {
    const file = write(
      "outcomes.csv",
      [
        "Learning outcome,ESCO URI",
        `"Install, connect and commission a heat pump",${URI.installHeatPump} ${URI.heatPumpTypes}`,
        `Weld pipes,${DEAD}`,
        `Run the old boiler,${URI.obsoleteBoiler}`,
        `Prepare for the job,${URI.installer}`,
        `Apply strips,install heat pump`,
      ].join("\n"),
    );
    const { code, stdout } = await cli(["validate", file, "--esco", bundle, "--json"]);
    expect(code).toBe(1);
    const [report] = JSON.parse(stdout) as {
      file: string;
      valid: boolean;
      kind: string;
      groups: unknown[];
      issues: Record<string, unknown>[];
    }[];
    expect(report).toMatchObject({
      file,
      valid: false,
      kind: "mapping-table",
      groups: [{ sheet: "outcomes.csv", credential: null, outcomes: 5, firstRow: 2 }],
    });
    const byCode = (code: string) => report!.issues.filter((i) => i.code === code);
    expect(byCode("unknown_esco_uri")).toMatchObject([
      { sheet: "outcomes.csv", row: 3, line: 3, column: 2, columnName: "ESCO URI", cell: "B3" },
    ]);
    expect(byCode("obsolete_esco_concept")).toMatchObject([{ severity: "warning", cell: "B4" }]);
    expect(byCode("wrong_concept_type")).toMatchObject([{ severity: "error", cell: "B5" }]);
    expect(byCode("invalid_value")).toMatchObject([
      { cell: "B6", suggestion: `the ESCO skill with this name is "install heat pump": ${URI.installHeatPump}` },
    ]);
    // The quoted cell with commas is one outcome, mapped to two URIs without issue.
    expect(report!.issues.filter((i) => i.row === 2)).toEqual([]);
    // Annex I elements a table does not state are not asked for.
    expect(byCode("missing_element")).toEqual([]);
  });

  it("prints sheet!cell locations in the human report", async () => {
    const file = write("human.csv", `outcome,esco\nWeld pipes,${DEAD}\n`);
    const { code, stdout } = await cli(["validate", file, "--esco", bundle]);
    expect(code).toBe(1);
    expect(stdout).toContain(`✖ ${file}  mapping table, 1 outcome row · `);
    expect(stdout).toMatch(/✖ human\.csv!B2 \(esco\) {2}ESCO v1\.1\.1 has no concept .*dead \[unknown_esco_uri\]/);
  });

  it("groups rows by a credential column and reads semicolon-separated files", async () => {
    const file = write(
      "grouped.csv",
      [
        "Credential;Outcome;ESCO URIs",
        `Heat pumps;Install a heat pump;${URI.installHeatPump}`,
        `Welding;Weld parts;${URI.weld}`,
        `Welding;Work in a team;${URI.teamwork}`,
      ].join("\r\n"),
    );
    const { stdout } = await cli(["validate", file, "--esco", bundle, "--json"]);
    const [report] = JSON.parse(stdout) as {
      groups: { credential: string }[];
      issues: { code: string; credential?: string }[];
    }[];
    expect(report!.groups.map((g) => g.credential)).toEqual(["Heat pumps", "Welding"]);
    // Welding maps no green skill; the heat pump credential does.
    expect(report!.issues.filter((i) => i.code === "no_green_outcome").map((i) => i.credential)).toEqual(["Welding"]);
  });

  it("takes --columns for other header names, and says which columns are missing", async () => {
    const file = write("german.csv", `Lernergebnis,Fertigkeiten\nWärmepumpe installieren,${URI.installHeatPump}\n`);
    const missing = await cli(["validate", file, "--esco", bundle]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /error: .*german\.csv: no esco column in the header row \("Lernergebnis", "Fertigkeiten"\)\nhint: .*--columns esco="…"/,
    );
    const ok = await cli(["validate", file, "--esco", bundle, "--columns", "esco=Fertigkeiten"]);
    expect(ok.code).toBe(0);
    const wrong = await cli(["validate", file, "--esco", bundle, "--columns", "esco=Skills"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no column "Skills" (for --columns esco=…)');
  });

  it("finds CSV and XLSX files in folders, beside YAML definitions", async () => {
    mkdirSync(join(dir, "folder"), { recursive: true });
    write("folder/a.csv", `outcome,esco\nInstall a heat pump,${URI.installHeatPump}\n`);
    await xlsx("folder/b.xlsx", {
      Sheet1: [
        ["outcome", "esco"],
        ["Install a heat pump", URI.installHeatPump],
      ],
    });
    const { code, stdout } = await cli(["validate", join(dir, "folder"), "--esco", bundle]);
    expect(code).toBe(0);
    expect(stdout).toContain("2 files: 2 valid, 0 invalid");
  });
});

describe("validate: XLSX mapping tables", () => {
  it("reads every sheet and locates issues by sheet and cell", async () => {
    const file = await xlsx("book.xlsx", {
      "Heat pumps": [
        ["Outcome ID", "Learning outcome", "ESCO skills"],
        ["lo-1", "Install a heat pump", `${URI.installHeatPump}\n${URI.heatPumpTypes}`],
      ],
      Welding: [
        ["Learning outcome", "ESCO skills"],
        ["Weld parts", `${URI.weld}; ${DEAD}`],
      ],
    });
    const { code, stdout } = await cli(["validate", file, "--esco", bundle, "--json"]);
    expect(code).toBe(1);
    const [report] = JSON.parse(stdout) as { groups: { sheet: string }[]; issues: Record<string, unknown>[] }[];
    expect(report!.groups.map((g) => g.sheet)).toEqual(["Heat pumps", "Welding"]);
    expect(report!.issues.find((i) => i.code === "unknown_esco_uri")).toMatchObject({
      sheet: "Welding",
      cell: "B2",
      message: expect.stringContaining(DEAD),
    });
    expect(report!.issues.filter((i) => i.sheet === "Heat pumps")).toEqual([]);
  });

  it("reports a file that is not a workbook as unreadable (exit 2)", async () => {
    const file = write("broken.xlsx", "not a zip");
    const { code, stderr } = await cli(["validate", file, "--esco", bundle]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: .*broken\.xlsx: not a readable XLSX workbook/);
  });
});

describe("suggest --table", () => {
  it("writes a CSV copy with suggestion columns; a quoted cell with commas is one outcome", async () => {
    const input = write(
      "to-suggest.csv",
      `id,Learning outcome\nlo-1,"Install, connect and commission a heat pump"\nlo-2,\n`,
    );
    const out = join(dir, "suggested.csv");
    const { code, stderr } = await cli(["suggest", "--table", input, "--out", out, "--esco", bundle, "-n", "2"]);
    expect(stderr).toMatch(/✔ 1 outcome → .*suggested\.csv/);
    expect(code).toBe(0);
    const rows = parse(readFileSync(out, "utf8")) as string[][];
    expect(rows[0]).toEqual([
      "id",
      "Learning outcome",
      "suggested ESCO URI",
      "suggested label",
      "suggestion score",
      "suggestion green",
    ]);
    expect(rows[1]![1]).toBe("Install, connect and commission a heat pump");
    expect(rows[1]![2]!.split("\n")[0]).toBe(URI.installHeatPump);
    expect(rows[1]![3]!.split("\n")[0]).toBe("install heat pump");
    expect(rows[1]![5]!.split("\n")[0]).toBe("green");
    expect(rows[2]).toEqual(["lo-2", "", "", "", "", ""]);
    // The suggested URIs can be validated straight away.
    expect((await cli(["validate", out, "--esco", bundle, "--columns", "esco=suggested ESCO URI"])).code).toBe(0);
  });

  it("writes an XLSX copy that keeps the other columns and sheets", async () => {
    const input = await xlsx("to-suggest.xlsx", {
      Outcomes: [
        ["Learning outcome", "Notes"],
        ["Conduct an energy audit of a building", "keep me"],
      ],
      Other: [["x"], ["y"]],
    });
    const out = join(dir, "suggested.xlsx");
    expect(
      (
        await cli([
          "suggest",
          "--table",
          input,
          "--out",
          out,
          "--esco",
          bundle,
          "--columns",
          "outcome=Learning outcome",
        ])
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("Outcomes")!;
    expect(sheet.getRow(1).getCell(3).text).toBe("suggested ESCO URI");
    expect(sheet.getRow(2).getCell(2).text).toBe("keep me");
    expect(sheet.getRow(2).getCell(3).text.split("\n")[0]).toBe(URI.energyAudit);
    expect(workbook.getWorksheet("Other")!.getRow(2).getCell(1).text).toBe("y");
  });

  it("never writes over the input, and needs both --table and --out", async () => {
    const input = write("keep.csv", "outcome\nInstall a heat pump\n");
    const before = readFileSync(input, "utf8");
    const same = await cli(["suggest", "--table", input, "--out", input, "--esco", bundle]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/refusing to overwrite it\.?\nhint: choose another output file/);
    expect(readFileSync(input, "utf8")).toBe(before);
    expect((await cli(["suggest", "--table", input, "--esco", bundle])).stderr).toContain("--table needs --out <file>");
  });
});
