import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { isGreenSkillsError } from "green-skills";
import { OutputPathError } from "green-skills/node";
import {
  checkOutputPath,
  importEsco,
  importEscoToFile,
  loadTaxonomyFile,
  readCredentialFile,
  writeFileAtomic,
} from "green-skills/node";
import { cli } from "../helpers/cli.js";
import { S, fixtureCredential, newerFixture, olderFixture } from "../helpers/diff-fixtures.js";
import { writeEscoFixture } from "../helpers/esco-fixture.js";
import { PROJECT_ROOT } from "../helpers/shared-esco.js";

/**
 * Hostile input and output: outputs that are inputs (by path, link, hard link, "..", folder membership),
 * special files (devices, FIFOs, symbolic links, loops), file-system failures, and the exit codes of every
 * command that reads credentials. Everything is built under a temporary folder.
 */

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const DEFINITION = join(EXAMPLES, "construction-heat-pump-installation.yaml");
const ISSUED = join(EXAMPLES, "issued-heat-pump-installation.yaml");
const isWindows = process.platform === "win32";
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

let dir: string;
let zips: string[];
let csvFolder = "";
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const tmp = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gs-reliability-io-"));
  zips = writeEscoFixture(tmp("zips"), undefined, { zip: true });
  csvFolder = writeEscoFixture(tmp("csv"))[0]!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh copy of the example definition (and its issued credential beside it) in its own folder. */
function credentialCopy(name: string): { definition: string; issued: string; folder: string } {
  const folder = tmp(name);
  mkdirSync(folder, { recursive: true });
  const definition = join(folder, basename(DEFINITION));
  const issued = join(folder, basename(ISSUED));
  copyFileSync(DEFINITION, definition);
  copyFileSync(ISSUED, issued);
  return { definition, issued, folder };
}

const noBug = (stderr: string) => {
  expect(stderr).not.toMatch(/internal error|this is a bug|\n\s+at /);
  expect(stderr).toMatch(/^error: .+\nhint: .+\n$/);
};

describe("--out never overwrites an input and never replaces a non-regular file", () => {
  it("import: the zips, a CSV file of a folder input, links to them and paths through '..' are refused, before the import", async () => {
    const before = zips.map(hash);
    const member = join(csvFolder, readdirSync(csvFolder).find((n) => n.endsWith(".csv"))!);
    const memberHash = hash(member);
    const symlink = tmp("zip-link.gsb");
    const hardlink = tmp("zip-hard.gsb");
    symlinkSync(zips[0]!, symlink);
    linkSync(zips[1]!, hardlink);
    const viaDots = join(dirname(zips[0]!), "..", basename(dirname(zips[0]!)), basename(zips[0]!));
    for (const out of [zips[0]!, zips[1]!, symlink, hardlink, viaDots]) {
      const { code, stderr } = await cli(["import", ...zips, "--out", out]);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(/is one of the inputs .*refusing to overwrite it\nhint: choose another output file/);
      noBug(stderr);
    }
    const member2 = await cli(["import", csvFolder, "--out", member]);
    expect(member2.code).toBe(2);
    expect(member2.stderr).toMatch(/inside the input folder/);
    expect(zips.map(hash)).toEqual(before);
    expect(hash(member)).toBe(memberHash);
    expect(lstatSync(symlink).isSymbolicLink()).toBe(true);

    // Checked before the work: no progress is ever reported.
    let progress = 0;
    const error = await importEscoToFile(zips, zips[0]!, { onProgress: () => void progress++, workers: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutputPathError);
    expect((error as OutputPathError).code).toBe("E_OUTPUT_IS_INPUT");
    expect(progress).toBe(0);
  });

  it("a hard link, elsewhere, to a file inside a folder input is refused", async () => {
    const member = join(csvFolder, readdirSync(csvFolder).find((n) => n.endsWith(".csv"))!);
    const elsewhere = tmp("member-hard.csv");
    linkSync(member, elsewhere);
    const error = await writeFileAtomic(elsewhere, "x", { inputs: [csvFolder] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputPathError);
    expect((error as OutputPathError).reason).toBe("is_input");
    expect(readFileSync(elsewhere, "utf8")).toBe(readFileSync(member, "utf8"));
    // A new file inside an input folder is not an input.
    await writeFileAtomic(join(csvFolder, "new.gsb"), "ok", { inputs: [csvFolder] });
    rmSync(join(csvFolder, "new.gsb"));
  });

  it("export: the credential, the --issued learner file, the --esco bundle and the issued credential's definition are refused", async () => {
    const { definition, issued, folder } = credentialCopy("export-inputs");
    const learner = join(folder, "learner.yaml");
    writeFileSync(
      learner,
      YAML.stringify({
        learner: { givenName: "A", familyName: "B", id: "mailto:a@example.org" },
        issued: "2026-06-30",
      }),
    );
    const bundle = tmp("export.gsb");
    await importEscoToFile(zips, bundle, { workers: false });
    const hashes = [definition, issued, learner, bundle].map(hash);
    const cases: string[][] = [
      ["export", definition, "--to", "elm", "--out", definition],
      ["export", definition, "--to", "openbadges", "--issued", learner, "--out", learner],
      ["export", definition, "--to", "openbadges", "--esco", bundle, "--out", bundle],
      ["export", issued, "--to", "openbadges", "--out", issued],
      ["export", issued, "--to", "openbadges", "--issuer-id", "https://example.org/issuer", "--out", definition],
    ];
    for (const argv of cases) {
      const { code, stderr } = await cli(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toMatch(/is one of the inputs/);
      noBug(stderr);
    }
    // GREEN_SKILLS_ESCO is an input too.
    const env = await cli(["export", definition, "--to", "openbadges", "--out", bundle], {
      env: { GREEN_SKILLS_ESCO: bundle },
    });
    expect(env.code).toBe(2);
    expect([definition, issued, learner, bundle].map(hash)).toEqual(hashes);
  });

  it.skipIf(isWindows)("refuses to replace a device, a FIFO or a folder, and leaves them as they were", async () => {
    const { execFileSync } = await import("node:child_process");
    const fifo = tmp("out.fifo");
    execFileSync("mkfifo", [fifo]);
    const folder = tmp("out-folder");
    mkdirSync(folder);
    for (const out of ["/dev/full", "/dev/null", fifo, folder]) {
      const { code, stderr } = await cli(["export", DEFINITION, "--to", "elm", "--out", out]);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(/not a regular file; refusing to replace it\nhint: /);
      noBug(stderr);
    }
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(folder).isDirectory()).toBe(true);
    const imported = await cli(["import", ...zips, "--out", "/dev/full"]);
    expect(imported.code).toBe(2);
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("checkOutputPath and writeFileAtomic throw a named error with a stable code, and check their arguments", async () => {
    const error = await checkOutputPath(DEFINITION, [DEFINITION]).catch((e: unknown) => e);
    expect(isGreenSkillsError(error)).toBe(true);
    expect(error).toMatchObject({
      name: "OutputPathError",
      code: "E_OUTPUT_IS_INPUT",
      reason: "is_input",
      input: DEFINITION,
    });
    await expect(checkOutputPath(tmp("missing/x.json"))).rejects.toMatchObject({
      code: "E_OUTPUT_NO_FOLDER",
      errno: "ENOENT",
    });
    await expect(checkOutputPath(join(DEFINITION, "x.json"))).rejects.toMatchObject({
      code: "E_OUTPUT_NO_FOLDER",
      errno: "ENOTDIR",
    });
    await expect(checkOutputPath(undefined as unknown as string)).rejects.toMatchObject({ code: "E_INVALID_ARGUMENT" });
    await expect(writeFileAtomic(tmp("x"), 42 as unknown as string)).rejects.toMatchObject({
      code: "E_INVALID_ARGUMENT",
    });
    await expect(checkOutputPath(tmp("fresh.json"), [DEFINITION])).resolves.toBeUndefined();
  });
});

describe("file-system failures are named, not called bugs", () => {
  it("export --out into a missing folder, through a file, or onto a folder", async () => {
    const cases: [string, RegExp][] = [
      [join(dir, "nonexistent", "x.json"), /the folder .*nonexistent does not exist\nhint: create the folder first/],
      [join(DEFINITION, "x.json"), /is not a folder\nhint: /],
      [dir, /is a folder, not a regular file/],
    ];
    for (const [out, message] of cases) {
      const { code, stderr } = await cli(["export", DEFINITION, "--to", "elm", "--out", out]);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(message);
      noBug(stderr);
    }
  });

  it("import --out into a missing folder: a write hint, not the ESCO-download hint", async () => {
    const { code, stderr } = await cli(["import", ...zips, "--out", join(dir, "nonexistent", "esco.gsb")]);
    expect(code).toBe(2);
    noBug(stderr);
    expect(stderr).not.toMatch(/ESCO CSV download|download .* again/);
    expect(stderr).toMatch(/hint: create the folder first/);
  });

  // sysfs refuses new files, even to root: a real failure of the write itself, after the checks pass.
  it.skipIf(process.platform !== "linux" || !existsSync("/sys/kernel"))(
    "a write the file system refuses: named with its errno, a write hint, nothing left behind",
    async () => {
      const exported = await cli(["export", DEFINITION, "--to", "elm", "--out", "/sys/green-skills-test.json"]);
      expect(exported.code).toBe(2);
      expect(exported.stderr).toMatch(
        /cannot write: permission denied \(EACCES\); nothing was written\nhint: choose a folder you may write to/,
      );
      noBug(exported.stderr);
      const imported = await cli(["import", ...zips, "--out", "/sys/green-skills-test.gsb"]);
      expect(imported.code).toBe(2);
      expect(imported.stderr).toMatch(/cannot write the bundle: permission denied \(EACCES\)/);
      expect(imported.stderr).not.toMatch(/ESCO CSV download/);
      noBug(imported.stderr);
      expect(readdirSync("/sys").filter((n) => n.includes("green-skills"))).toEqual([]);
    },
  );

  it.skipIf(isWindows || isRoot)("an unreadable subfolder of a credential folder", async () => {
    const { chmodSync } = await import("node:fs");
    const { folder } = credentialCopy("unreadable-sub");
    const sub = join(folder, "locked");
    mkdirSync(sub);
    writeFileSync(join(sub, "x.yaml"), "title: x\n");
    chmodSync(sub, 0o000);
    try {
      const { code, stderr } = await cli(["validate", folder]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/cannot read the folder .*locked: permission denied/);
      noBug(stderr);
    } finally {
      chmodSync(sub, 0o755);
    }
  });

  it.skipIf(isWindows)("a symbolic link loop inside a credential folder is named, not a crash", async () => {
    const { folder } = credentialCopy("self-loop");
    symlinkSync(join(folder, "loop"), join(folder, "loop"));
    const { code, stderr } = await cli(["validate", folder]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/loop: too many levels of symbolic links/);
    noBug(stderr);
  });
});

describe.skipIf(isWindows)("special files: only regular files are read", () => {
  it("validate /dev/zero fails at once, naming the device", async () => {
    const started = Date.now();
    const { code, stdout } = await cli(["validate", "/dev/zero", "--json"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(2);
    const [report] = JSON.parse(stdout) as { issues: { code: string; message: string }[] }[];
    expect(report?.issues[0]).toMatchObject({
      code: "unreadable_file",
      message: expect.stringMatching(/character device, not a regular file/),
    });
    await expect(readCredentialFile("/dev/zero")).rejects.toMatchObject({ code: "E_CREDENTIAL_FILE" });
  });

  it("a bundle or ESCO path that is a device is refused before it is read", async () => {
    for (const argv of [
      ["stats", "--esco", "/dev/zero"],
      ["import", "/dev/zero", "--out", tmp("dev.gsb")],
    ]) {
      const { code, stderr } = await cli(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toMatch(/character device, not a regular file/);
      noBug(stderr);
    }
    await expect(loadTaxonomyFile("/dev/zero")).rejects.toMatchObject({ code: "E_IMPORT_UNREADABLE_PATH" });
  });

  it("a credential file over the size limit is refused from its size, before reading", async () => {
    const big = tmp("big.yaml");
    writeFileSync(big, `title: ${"x".repeat(2000)}\n`);
    const source = await readCredentialFile(big, { maxBytes: 1000 });
    expect(source.issues[0]).toMatchObject({
      code: "input_too_large",
      message: expect.stringMatching(/2,008 bytes; the limit is 1,000 bytes/),
    });
  });

  it("inside a credential folder: symbolic links to files and folders are followed once, loops end, dangling links are reported", async () => {
    const { folder } = credentialCopy("links");
    const elsewhere = tmp("links-elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "other.yaml"), readFileSync(DEFINITION));
    rmSync(join(folder, basename(ISSUED)));
    symlinkSync(join(elsewhere, "other.yaml"), join(folder, "linked.yaml"));
    symlinkSync(elsewhere, join(folder, "linked-folder"));
    symlinkSync(folder, join(folder, "back-up"));
    const ok = await cli(["validate", folder, "--json"]);
    const files = (JSON.parse(ok.stdout) as { file: string }[]).map((r) => basename(r.file)).sort();
    // other.yaml is reached twice (link to the file, link to its folder) and validated once; the link
    // back up the tree is not followed again.
    expect(files).toHaveLength(2);
    expect(files).toContain("construction-heat-pump-installation.yaml");
    expect(files.some((f) => f === "linked.yaml" || f === "other.yaml")).toBe(true);
    expect(ok.code).toBe(0);

    symlinkSync(join(folder, "gone.yaml"), join(folder, "dangling.yaml"));
    const dangling = await cli(["validate", folder, "--json"]);
    expect(dangling.code).toBe(2);
    const report = (JSON.parse(dangling.stdout) as { file: string; issues: { message: string }[] }[]).find((r) =>
      r.file.endsWith("dangling.yaml"),
    );
    expect(report?.issues[0]?.message).toMatch(/no such file/);
  });

  it("an import folder reports every entry it does not read; a FIFO or dangling link named .csv is an error", async () => {
    const { execFileSync } = await import("node:child_process");
    const [folder] = writeEscoFixture(tmp("import-special"));
    mkdirSync(join(folder!, "nested"));
    symlinkSync(join(folder!, "nowhere"), join(folder!, "dangling-link"));
    const { report } = await importEsco([folder!], { workers: false });
    const skipped = report.files.filter((f) => f.kind === "ignored").map((f) => `${basename(f.file)}: ${f.skipped}`);
    expect(skipped).toContainEqual(expect.stringMatching(/^nested: a folder/));
    expect(skipped).toContainEqual(expect.stringMatching(/^dangling-link: cannot be read: no such file/));

    execFileSync("mkfifo", [join(folder!, "extra_en.csv")]);
    const error = await importEsco([folder!], { workers: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "E_IMPORT_UNREADABLE_PATH",
      message: expect.stringMatching(/extra_en\.csv: cannot read: is a FIFO/),
    });
  });
});

describe("exit codes: 1 for a credential read and found wanting, 2 for a path that cannot be read", () => {
  let older: string;
  let newer: string;
  beforeAll(async () => {
    older = tmp("older.gsb");
    newer = tmp("newer.gsb");
    const [a, b] = await Promise.all([
      importEsco(writeEscoFixture(tmp("diff-a"), olderFixture(), { layout: "v1.2.1", folder: "ESCO-v1.2.0" }), {
        workers: false,
      }),
      importEsco(writeEscoFixture(tmp("diff-b"), newerFixture(), { layout: "v1.2.1", zip: true }), { workers: false }),
    ]);
    writeFileSync(older, a.bundle);
    writeFileSync(newer, b.bundle);
  });

  it("malformed credential: validate, export, gap and diff --credentials all exit 1; a missing one 2", async () => {
    const malformed = tmp("malformed.yaml");
    writeFileSync(malformed, "title: {en: x\nlearningOutcomes: [\n");
    const missing = tmp("missing.yaml");
    const occupation = "http://data.europa.eu/esco/occupation/7259dc48-004a-4ceb-aa4e-5bbd548c2397";
    const commands = (file: string) => [
      ["validate", file],
      ["export", file, "--to", "openbadges"],
      ["gap", file, "--occupation", occupation],
      ["diff", older, newer, "--credentials", file],
    ];
    for (const argv of commands(malformed)) {
      const { code, stderr } = await cli(argv);
      expect(code, argv.join(" ")).toBe(1);
      expect(stderr).not.toMatch(/internal error/);
    }
    for (const argv of commands(missing)) expect((await cli(argv)).code, argv.join(" ")).toBe(2);
    // Sector files follow the same rule.
    const badSector = tmp("bad-sector.yaml");
    writeFileSync(badSector, "id: x\nnace: [\n");
    expect((await cli(["sectors", "--sectors", badSector])).code).toBe(1);
    expect((await cli(["sectors", "--sectors", tmp("no-sector.yaml")])).code).toBe(2);
    // A credential without outcomes was read and found wanting too.
    const empty = tmp("no-outcomes.yaml");
    writeFileSync(empty, "title:\n  en: Nothing\n");
    expect((await cli(["gap", empty, "--occupation", occupation])).code).toBe(1);
  });

  it("diff --credentials on a folder with an issued credential uses its definition (inline or by path)", async () => {
    const folder = tmp("diff-creds");
    mkdirSync(folder);
    writeFileSync(join(folder, "heat-pump.yaml"), YAML.stringify(fixtureCredential()));
    writeFileSync(
      join(folder, "issued-by-path.yaml"),
      YAML.stringify({
        definition: "./heat-pump.yaml",
        learner: { givenName: "A", familyName: "B" },
        issued: "2026-06-30",
      }),
    );
    writeFileSync(
      join(folder, "issued-inline.yaml"),
      YAML.stringify({
        definition: {
          title: { en: "Bleeding" },
          learningOutcomes: [{ id: "a", esco: [`http://data.europa.eu/esco/skill/${S.bleed}`] }],
        },
        learner: { givenName: "A" },
        issued: "2026-06-30",
      }),
    );
    const other = tmp("diff-creds-def");
    mkdirSync(other);
    writeFileSync(join(other, "def.yaml"), YAML.stringify(fixtureCredential()));
    writeFileSync(
      join(folder, "issued-elsewhere.yaml"),
      YAML.stringify({ definition: "../diff-creds-def/def.yaml", learner: { givenName: "A" }, issued: "2026-06-30" }),
    );
    const { code, stdout, stderr } = await cli(["diff", older, newer, "--credentials", folder, "--json"]);
    expect(stderr).not.toMatch(/expected array/);
    expect(code).toBe(1); // the fixture credential has a broken mapping: read and found wanting
    const files = (JSON.parse(stdout) as { credentials: { file: string }[] }).credentials
      .map((c) => basename(c.file))
      .sort();
    expect(files).toEqual(["def.yaml", "heat-pump.yaml", "issued-inline.yaml"]);
  });

  it("the README's example folder: diff --credentials taxonomy/examples reads every file", async () => {
    const { code, stderr } = await cli(["diff", older, newer, "--credentials", EXAMPLES]);
    expect(stderr).not.toMatch(/issued-heat-pump-installation\.yaml/);
    expect([0, 1]).toContain(code);
  });
});
