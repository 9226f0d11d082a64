/**
 * Zip bombs and the unzip limits: a member that inflates far beyond its compressed size, or an import
 * whose unzipped data passes the total limit, is refused within moments and in bounded memory; the
 * options (CLI flags) raise the limits.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidArgumentError, importEsco } from "green-skills/node";
import { cli } from "../helpers/cli.js";
import { escoZips, importFailure, removeTemps, temp } from "../helpers/esco-zips.js";
import { PROJECT_ROOT, SHARED_ZIPS, describeWithEsco } from "../helpers/shared-esco.js";
import { type ZipMemberSpec, deflatedZeros } from "../helpers/zip-writer.js";

afterAll(removeTemps);

const SKILLS_HEADER =
  "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\r\n";

/** The fixture zips with `skills_en.csv` replaced by its header and `zeros` zero bytes. */
const bombZips = (zeros: number, declare?: (real: number) => number) => {
  const bomb = deflatedZeros(SKILLS_HEADER, zeros);
  return escoZips({
    language: (members) =>
      members.map(
        (m): ZipMemberSpec =>
          m.name === "skills_en.csv"
            ? {
                name: m.name,
                data: "",
                payload: bomb.payload,
                crc: bomb.crc,
                size: declare ? declare(bomb.size) : bomb.size,
              }
            : m,
      ),
  });
};

const MiB = 1024 * 1024;

/** Runs an import in a child process and returns its outcome, time and peak memory. */
function importInChild(paths: string[]): { outcome: string; ms: number; maxRssMb: number } {
  const script = join(temp(), "import.mts");
  writeFileSync(
    script,
    `import { importEsco } from ${JSON.stringify(join(PROJECT_ROOT, "src/node/index.ts"))};
const started = performance.now();
let outcome = "imported";
try { await importEsco(process.argv.slice(2)); } catch (error) { outcome = error.reason ?? String(error); }
console.log(JSON.stringify({ outcome, ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`,
  );
  const out = execFileSync(process.execPath, ["--import", "tsx", script, ...paths], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as { outcome: string; ms: number; maxRssMb: number };
}

describe("zip bombs", () => {
  it("a member of ~32 KB that expands to 32 MB is refused at once, naming the member and the option", async () => {
    const paths = bombZips(32 * MiB);
    const started = performance.now();
    const error = await importFailure(importEsco(paths));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.reason).toBe("too_large");
    expect(error.file).toBe(`${paths[0]} > skills_en.csv`);
    expect(error.message).toMatch(/more than 100 times its compressed size/);
    expect(error.message).toMatch(/maxCompressionRatio/);
  });

  it("a 1 GiB member is refused within seconds and in bounded memory (child process)", () => {
    const result = importInChild(bombZips(1024 * MiB));
    expect(result.outcome).toBe("too_large");
    expect(result.ms).toBeLessThan(5000);
    expect(result.maxRssMb).toBeLessThan(400);
  });

  it("a bomb that declares a small size is stopped right after the declared size, not inflated in full", () => {
    const result = importInChild(bombZips(1024 * MiB, () => 5000));
    expect(result.outcome).toBe("bad_zip");
    expect(result.ms).toBeLessThan(5000);
    expect(result.maxRssMb).toBeLessThan(400);
  });

  it("a bomb that declares a size of zero is stopped at once", async () => {
    const paths = bombZips(64 * MiB, () => 0);
    const error = await importFailure(importEsco(paths));
    expect(error.reason).toBe("bad_zip");
    expect(error.message).toMatch(/more than the 0 bytes its header declares/);
  });

  it("maxCompressionRatio raises the ratio limit: the same member then gets past the zip check", async () => {
    const paths = bombZips(8 * MiB);
    expect((await importFailure(importEsco(paths))).reason).toBe("too_large");
    // Past the limit, the member is read; its zero bytes are then refused as CSV content (a NUL character).
    const error = await importFailure(importEsco(paths, { maxCompressionRatio: 5000 }));
    expect(error.reason).not.toBe("too_large");
    expect(error.file).toMatch(/skills_en\.csv/);
  });
});

describe("the total limit on unzipped data", () => {
  it("is counted over all members of all zips, and names the member that passes it", async () => {
    const paths = escoZips();
    const { report } = await importEsco(paths, { workers: false });
    expect(report.concepts.skill).toBeGreaterThan(0);
    const error = await importFailure(importEsco(paths, { maxUnzippedSize: 20_000, workers: false }));
    expect(error.reason).toBe("too_large");
    expect(error.file).toMatch(/\.zip > .+\.csv$/);
    expect(error.message).toMatch(/limit of 19\.5 KiB/);
    expect(error.message).toMatch(/maxUnzippedSize/);
  });

  it("options are checked: a limit must be a positive number", async () => {
    const paths = escoZips();
    for (const bad of [0, -1, Number.NaN, "4GiB", null]) {
      await expect(importEsco(paths, { maxUnzippedSize: bad as number })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(importEsco(paths, { maxCompressionRatio: bad as number })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    }
  });
});

describe("importEsco arguments", () => {
  it("misuse is an InvalidArgumentError, never a raw TypeError", async () => {
    const paths = escoZips();
    for (const bad of [undefined, null, "a.zip", [42], [""], {}]) {
      await expect(importEsco(bad as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    for (const bad of [
      null,
      42,
      "x",
      [],
      { workers: "yes" },
      { escoVersion: 1 },
      { defaultLanguage: [] },
      { onProgress: "x" },
    ]) {
      await expect(importEsco(paths, bad as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    }
  });
});

describe("CLI flags", () => {
  it("--max-unzipped-size and --max-compression-ratio raise (or lower) the limits; a refusal hints at them", async () => {
    const paths = escoZips();
    const out = join(temp(), "out.gsb");
    const low = await cli(["import", ...paths, "--out", out, "--max-unzipped-size", "20KB"]);
    expect(low.code).toBe(2);
    expect(low.stderr).toMatch(/^error: .*too_large|^error: .*limit of 19\.5 KiB/m);
    expect(low.stderr).toMatch(/^hint: .*--max-unzipped-size/m);
    expect(existsSync(out)).toBe(false);
    const ok = await cli([
      "import",
      ...paths,
      "--out",
      out,
      "--max-unzipped-size",
      "1GiB",
      "--max-compression-ratio",
      "20",
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);

    const bomb = bombZips(32 * MiB);
    const refused = await cli(["import", ...bomb, "--out", join(temp(), "bomb.gsb")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^hint: .*--max-compression-ratio/m);
    expect(refused.stderr.trimEnd().split("\n")).toHaveLength(2);
  });

  it("a malformed limit is a usage error, exit 2", async () => {
    const paths = escoZips();
    for (const [flag, value] of [
      ["--max-unzipped-size", "lots"],
      ["--max-unzipped-size", "0"],
      ["--max-unzipped-size", "-5MB"],
      ["--max-compression-ratio", "ten"],
      ["--max-compression-ratio", "0"],
    ] as const) {
      const result = await cli(["import", ...paths, "--out", join(temp(), "x.gsb"), flag, value]);
      expect(result.code, `${flag} ${value}`).toBe(2);
      expect(result.stderr).toContain(flag);
      expect(result.stderr).toMatch(/^hint: /m);
    }
  });
});

describeWithEsco("the official ESCO v1.1.1 download and the limits", () => {
  it("imports well inside the defaults: under a ratio of 10 and a total of 48 MiB (it unzips to 42.8 MB)", async () => {
    const { report } = await importEsco(SHARED_ZIPS, { maxCompressionRatio: 10, maxUnzippedSize: 48 * MiB });
    expect(report.concepts.skill).toBe(13896);
    // …and a total limit just below its size is reached.
    const error = await importFailure(importEsco(SHARED_ZIPS, { maxUnzippedSize: 40 * MiB }));
    expect(error.reason).toBe("too_large");
  }, 120_000);
});
