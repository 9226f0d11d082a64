/**
 * Hostile zips: corrupt members, lying headers, stored members, encrypted or exotic members, broken
 * containers. Every case must end in a located EscoImportError (CLI: one error line, one hint, exit 2), or,
 * for a valid archive, in the same import as the ordinary download.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { importEsco } from "green-skills/node";
import { cli } from "../helpers/cli.js";
import {
  LANGUAGE_ZIP,
  RELATIONS_ZIP,
  escoZipBytes,
  escoZips,
  fixtureTexts,
  importFailure,
  removeTemps,
  temp,
  writeZips,
} from "../helpers/esco-zips.js";
import { type ZipMemberSpec, centralEntry, memberData } from "../helpers/zip-writer.js";

afterAll(removeTemps);

/** The facts of an import that any undetected corruption would change. */
const summary = async (paths: string[]) => {
  const { report, meta } = await importEsco(paths, { workers: false });
  return {
    concepts: report.concepts,
    relations: report.relations,
    collections: report.collections,
    conceptCount: meta.conceptCount,
    warnings: report.warnings.length,
  };
};

/** Flips one bit of a copy of `bytes`. */
const flip = (bytes: Uint8Array, at: number, bit = 0) => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ (1 << bit);
  return copy;
};

/** A CLI import that must fail with exit 2, one error line and one hint line. */
const cliFailure = async (paths: string[], extra: string[] = []) => {
  const out = join(temp(), "out.gsb");
  const result = await cli(["import", ...paths, "--out", out, ...extra]);
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[1]).toMatch(/^hint: /);
  expect(result.stderr).not.toMatch(/internal error|this is a bug|\n\s+at /);
  expect(existsSync(out)).toBe(false);
  return { error: lines[0]!, hint: lines[1]! };
};

describe("zip members are checked against their CRC-32 and declared size", () => {
  it("one flipped bit in a stored member is a CRC error naming the zip and the member", async () => {
    const zips = escoZipBytes({ method: 0 });
    const { start, end } = memberData(zips.language, "skills_en.csv");
    const [language, relations] = writeZips({
      ...zips,
      language: flip(zips.language, Math.floor((start + end) / 2), 3),
    });
    const error = await importFailure(importEsco([language, relations]));
    expect(error.reason).toBe("bad_zip");
    expect(error.file).toBe(`${language} > skills_en.csv`);
    expect(error.message).toMatch(/CRC-32/);
  });

  it("no single flipped bit in a deflated member passes unnoticed", async () => {
    const zips = escoZipBytes();
    const original = await summary(writeZips(zips));
    const { start, end } = memberData(zips.language, "skills_en.csv");
    const span = end - start;
    for (let i = 0; i < 24; i++) {
      const at = start + Math.floor((span * (i + 0.5)) / 24);
      const paths = writeZips({ ...zips, language: flip(zips.language, at, i % 8) });
      let outcome: string;
      try {
        await summary(paths);
        outcome = "imported";
      } catch (error) {
        outcome = (error as { name?: string }).name ?? "thrown";
        expect((error as { file?: string }).file, `bit ${i % 8} of byte ${at}`).toBe(`${paths[0]} > skills_en.csv`);
      }
      expect(outcome, `bit ${i % 8} of byte ${at}`).toBe("EscoImportError");
    }
    expect(original.concepts.skill).toBeGreaterThan(0);
  });

  it("a wrong CRC in the header (intact data) is an error too", async () => {
    const paths = escoZips({
      relations: (members) =>
        members.map((m) => (m.name === "skillSkillRelations.csv" ? { ...m, crc: 0x12345678 } : m)),
    });
    const error = await importFailure(importEsco(paths));
    expect(error).toMatchObject({ reason: "bad_zip", file: `${paths[1]} > skillSkillRelations.csv` });
    expect(error.message).toMatch(/CRC-32/);
  });

  it("a declared size that differs from the real one is an error, both ways and for both methods", async () => {
    for (const method of [0, 8]) {
      for (const delta of [-1, 1, -1000]) {
        const paths = escoZips({
          method,
          language: (members) =>
            members.map((m) =>
              m.name === "occupations_en.csv"
                ? { ...m, size: Math.max(0, Buffer.byteLength(m.data as string) + delta) }
                : m,
            ),
        });
        const error = await importFailure(importEsco(paths));
        expect(error.reason, `method ${method}, size ${delta}`).toBe("bad_zip");
        expect(error.file).toBe(`${paths[0]} > occupations_en.csv`);
      }
    }
  });

  it("CLI: a corrupt member is one error line naming it and a hint, exit 2, no bundle", async () => {
    const zips = escoZipBytes({ method: 0 });
    const { start } = memberData(zips.relations, "occupationSkillRelations.csv");
    const paths = writeZips({ ...zips, relations: flip(zips.relations, start + 200) });
    const { error, hint } = await cliFailure(paths);
    expect(error).toContain(`${RELATIONS_ZIP} > occupationSkillRelations.csv`);
    expect(error).toMatch(/CRC-32/);
    expect(hint).toMatch(/download/);
  });
});

describe("stored (uncompressed) members", () => {
  it("an archive of stored members (zip -0) imports exactly like the deflated one", async () => {
    const deflated = await summary(escoZips());
    expect(await summary(escoZips({ method: 0 }))).toEqual(deflated);
  });

  it("fflate's stored zips (level 0) and a mix of stored and deflated members import", async () => {
    const deflated = await summary(escoZips());
    const texts = fixtureTexts();
    const pack = (files: Record<string, string>, level: (i: number) => 0 | 6) =>
      zipSync(
        Object.fromEntries(
          Object.entries(files).map(([name, text], i) => [name, [strToU8(text), { level: level(i) }]]),
        ),
      );
    expect(
      await summary(writeZips({ language: pack(texts.language, () => 0), relations: pack(texts.relations, () => 0) })),
    ).toEqual(deflated);
    expect(
      await summary(
        writeZips({
          language: pack(texts.language, (i) => (i % 2 ? 0 : 6)),
          relations: pack(texts.relations, (i) => (i % 2 ? 6 : 0)),
        }),
      ),
    ).toEqual(deflated);
  });

  it.runIf(hasZipTool())("an archive made by `zip -0` imports", async () => {
    const dir = temp();
    const texts = fixtureTexts();
    const write = (files: Record<string, string>, sub: string) => {
      mkdirSync(join(dir, sub));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, sub, name), text);
    };
    write(texts.language, "en");
    write(texts.relations, "rel");
    const language = join(dir, LANGUAGE_ZIP);
    const relations = join(dir, RELATIONS_ZIP);
    execFileSync("zip", ["-0", "-q", "-j", language, ...Object.keys(texts.language).map((n) => join(dir, "en", n))]);
    execFileSync("zip", ["-0", "-q", "-j", relations, ...Object.keys(texts.relations).map((n) => join(dir, "rel", n))]);
    expect(await summary([language, relations])).toEqual(await summary(escoZips()));
  });

  it("CLI: a stored archive imports with exit 0", async () => {
    const out = join(temp(), "stored.gsb");
    const result = await cli(["import", ...escoZips({ method: 0 }), "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe("members green-skills cannot read", () => {
  it("an encrypted member is a located error that says so", async () => {
    const paths = escoZips({
      language: (members) => members.map((m) => (m.name === "skills_en.csv" ? { ...m, flags: 0x1 } : m)),
    });
    const error = await importFailure(importEsco(paths));
    expect(error.reason).toBe("unsupported_zip");
    expect(error.file).toBe(`${paths[0]} > skills_en.csv`);
    expect(error.message).toMatch(/encrypted/);
    const { hint } = await cliFailure(paths);
    expect(hint).not.toMatch(/bug/);
  });

  it("an unsupported compression method (bzip2, LZMA, zstd, unknown) is a located error naming the method", async () => {
    for (const [method, name] of [
      [12, "bzip2"],
      [14, "LZMA"],
      [93, "Zstandard"],
      [77, "compression method 77;"],
    ] as const) {
      const paths = escoZips({
        relations: (members) => members.map((m) => (m.name === "skillSkillRelations.csv" ? { ...m, method } : m)),
      });
      const error = await importFailure(importEsco(paths));
      expect(error.reason).toBe("unsupported_zip");
      expect(error.file).toBe(`${paths[1]} > skillSkillRelations.csv`);
      expect(error.message).toContain(name);
    }
    const paths = escoZips({
      relations: (members) => members.map((m) => (m.name === "skillSkillRelations.csv" ? { ...m, method: 12 } : m)),
    });
    const { hint } = await cliFailure(paths);
    expect(hint).toMatch(/deflate|extract/);
  });

  it("zip64: correct zip64 sizes import; sizes of 0xFFFFFFFF without the zip64 field are a located error", async () => {
    const zip64 = (mode: true | "no-extra") =>
      escoZips({
        language: (members) => members.map((m) => (m.name === "skillGroups_en.csv" ? { ...m, zip64: mode } : m)),
      });
    expect(await summary(zip64(true))).toEqual(await summary(escoZips()));
    const paths = zip64("no-extra");
    const error = await importFailure(importEsco(paths));
    expect(error.reason).toBe("bad_zip");
    expect(error.file).toBe(`${paths[0]} > skillGroups_en.csv`);
    await cliFailure(paths);
  });

  it("zip64: a member declaring a terabyte is refused at once, before inflating", async () => {
    const paths = escoZips({
      language: (members) =>
        members.map((m) => (m.name === "skills_en.csv" ? { ...m, zip64: true, size: 2 ** 40 } : m)),
    });
    const started = performance.now();
    const error = await importFailure(importEsco(paths));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.reason).toBe("too_large");
    expect(error.file).toBe(`${paths[0]} > skills_en.csv`);
    expect(error.message).toMatch(/1 TiB/);
  });

  it("two members with the same name in one zip are refused, naming the member", async () => {
    // Which of the two is meant is ambiguous (a relation file repeated would otherwise pass as a "copy").
    for (const [zip, name] of [
      ["language", "skills_en.csv"],
      ["relations", "occupationSkillRelations.csv"],
    ] as const) {
      const twice = (members: ZipMemberSpec[]) => [...members, { ...members.find((m) => m.name === name)! }];
      const paths = escoZips(zip === "language" ? { language: twice } : { relations: twice });
      const error = await importFailure(importEsco(paths));
      expect(error.reason).toBe("bad_zip");
      expect(error.file).toBe(`${zip === "language" ? paths[0] : paths[1]} > ${name}`);
      expect(error.message).toContain(`"${name}" twice`);
    }
  });
});

describe("broken containers", () => {
  it("truncated at any point: a located bad_zip error (or a member error), never a crash", async () => {
    const zips = escoZipBytes();
    const cuts = [10, 100, 0.25, 0.5, 0.75, 0.9, 0.99].map((f) => (f < 1 ? Math.floor(zips.language.length * f) : f));
    cuts.push(zips.language.length - 1, zips.language.length - 22, zips.language.length - 30);
    for (const cut of cuts) {
      const paths = writeZips({ ...zips, language: zips.language.subarray(0, cut) });
      const error = await importFailure(importEsco(paths));
      expect(["bad_zip", "unsupported_zip"], `cut at ${cut}: ${error.message}`).toContain(error.reason);
      expect(error.file?.startsWith(paths[0]), `cut at ${cut}`).toBe(true);
    }
  });

  it("bad central directory: wrong signature, offset out of range, wrong entry count, wrong local header", async () => {
    const zips = escoZipBytes();
    const eocd = zips.language.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const directory = zips.language.readUInt32LE(eocd + 16);
    const edits: [string, (b: Buffer) => void][] = [
      ["central directory signature", (b) => b.writeUInt32LE(0x12345678, directory)],
      ["directory offset past the end", (b) => b.writeUInt32LE(b.length + 1000, eocd + 16)],
      ["more entries than present", (b) => (b.writeUInt16LE(200, eocd + 8), b.writeUInt16LE(200, eocd + 10))],
      ["local header signature", (b) => b.writeUInt32LE(0, 0)],
      ["local header offset past the end", (b) => b.writeUInt32LE(b.length + 5, directory + 42)],
      ["compressed size past the end", (b) => b.writeUInt32LE(0x7fffffff, directory + 20)],
    ];
    for (const [what, edit] of edits) {
      const bytes = Buffer.from(zips.language);
      edit(bytes);
      const paths = writeZips({ ...zips, language: bytes });
      const error = await importFailure(importEsco(paths));
      expect(error.reason, what).toBe("bad_zip");
      expect(error.file?.startsWith(paths[0]), what).toBe(true);
    }
  });

  it("members whose data overlap (a zip-bomb trick) are refused", async () => {
    const zips = escoZipBytes();
    const bytes = Buffer.from(zips.language);
    // Point the central record of occupations_en.csv at the local header of skills_en.csv.
    bytes.writeUInt32LE(centralEntry(bytes, "skills_en.csv").local, centralEntry(bytes, "occupations_en.csv").at + 42);
    const paths = writeZips({ ...zips, language: bytes });
    const error = await importFailure(importEsco(paths));
    expect(error.reason).toBe("bad_zip");
    expect(error.file).toBe(`${paths[0]} > occupations_en.csv`);
    expect(error.message).toMatch(/overlap/);
  });

  it("an archive of thousands of members is read in linear time (each member found by name, not by a scan)", async () => {
    const extra = Array.from(
      { length: 4000 },
      (_, i): ZipMemberSpec => ({ name: `notes/n${i}.csv`, data: `a,b\r\n${i},x\r\n` }),
    );
    const paths = escoZips({ relations: (members) => [...members, ...extra] });
    const started = performance.now();
    const { report } = await importEsco(paths, { workers: false });
    expect(report.files.filter((f) => f.kind === "ignored")).toHaveLength(4000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("seeded random mutations of a zip: each one is caught or changes nothing", async () => {
    const zips = escoZipBytes();
    const original = await summary(writeZips(zips));
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(zips.relations);
      const count = 1 + Math.floor(random() * 3);
      for (let k = 0; k < count; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const paths = writeZips({ ...zips, relations: bytes });
      try {
        expect(await summary(paths), `mutation ${i}`).toEqual(original);
      } catch (error) {
        expect((error as Error).name, `mutation ${i}: ${(error as Error).message}`).toBe("EscoImportError");
      }
    }
  });

  it("CLI: a truncated zip is one error line and a hint, exit 2", async () => {
    const zips = escoZipBytes();
    const paths = writeZips({ ...zips, relations: zips.relations.subarray(0, zips.relations.length / 2) });
    const { error } = await cliFailure(paths);
    expect(error).toContain(RELATIONS_ZIP);
  });
});

describe("the same input twice", () => {
  it("the same zip given twice, or through a symbolic link, is refused", async () => {
    const [language, relations] = escoZips();
    expect((await importFailure(importEsco([language, relations, relations]))).reason).toBe("duplicate_file");
    expect((await importFailure(importEsco([language, language, relations]))).reason).toBe("duplicate_file");
    const link = join(temp(), "linked.zip");
    symlinkSync(relations, link);
    const error = await importFailure(importEsco([language, relations, link]));
    expect(error.reason).toBe("duplicate_file");
    expect(error.message).toMatch(/twice/);
  });

  it("a CSV file given alone and in its folder is refused", async () => {
    const dir = temp();
    const texts = fixtureTexts();
    for (const [name, text] of Object.entries({ ...texts.language, ...texts.relations }))
      writeFileSync(join(dir, name), text);
    const error = await importFailure(importEsco([dir, join(dir, "broaderRelationsOccPillar.csv")]));
    expect(error.reason).toBe("duplicate_file");
  });
});

function hasZipTool(): boolean {
  try {
    execFileSync("zip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

it.runIf(hasZipTool())("the test's zip writer makes archives that `unzip -t` accepts", () => {
  for (const path of escoZips()) expect(execFileSync("unzip", ["-t", path]).toString()).toMatch(/No errors detected/);
  for (const path of escoZips({ method: 0 }))
    expect(execFileSync("unzip", ["-t", path]).toString()).toMatch(/No errors detected/);
});
