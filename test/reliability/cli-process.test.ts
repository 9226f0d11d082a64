import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEsco } from "green-skills/node";
import { newerFixture, olderFixture } from "../helpers/diff-fixtures.js";
import { writeEscoFixture } from "../helpers/esco-fixture.js";
import { PROJECT_ROOT } from "../helpers/shared-esco.js";

/**
 * The CLI as a real process: a reader that goes away (EPIPE), interrupts (SIGINT, SIGTERM) during a write,
 * and special files that must neither hang nor be read.
 */

const isWindows = process.platform === "win32";
const BIN = join(PROJECT_ROOT, "src/cli/bin.ts");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gs-reliability-proc-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function finished(child: ChildProcess, timeoutMs = 45_000): Promise<Exit> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs the CLI from source in a child process. */
const green = (args: string[], stdio: ("pipe" | "ignore")[] = ["ignore", "pipe", "pipe"]) =>
  spawn(process.execPath, ["--import", "tsx", BIN, ...args], {
    cwd: PROJECT_ROOT,
    stdio,
    env: { ...process.env, NO_COLOR: "1" },
  });

/** Runs a script (TypeScript, with the sources importable) in a child process. */
const script = (code: string, args: string[] = []) => {
  const file = join(dir, `script-${Math.random().toString(16).slice(2)}.mts`);
  writeFileSync(file, code);
  return spawn(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
};

describe.skipIf(isWindows)("EPIPE: a reader that goes away ends the output quietly", () => {
  let older: string;
  let newer: string;
  beforeAll(async () => {
    older = join(dir, "older.gsb");
    newer = join(dir, "newer.gsb");
    const [a, b] = await Promise.all([
      importEsco(writeEscoFixture(join(dir, "a"), olderFixture(), { layout: "v1.2.1", folder: "ESCO-v1.2.0" }), {
        workers: false,
      }),
      importEsco(writeEscoFixture(join(dir, "b"), newerFixture(), { layout: "v1.2.1", zip: true }), { workers: false }),
    ]);
    writeFileSync(older, a.bundle);
    writeFileSync(newer, b.bundle);
  });

  const cases: [string, () => string[]][] = [
    ["--help", () => ["--help"]],
    ["diff --json", () => ["diff", older, newer, "--json"]],
    ["sectors --json", () => ["sectors", "--json"]],
  ];
  for (const [name, args] of cases) {
    it(`${name} into a closed pipe: no stack trace, exit 141`, async () => {
      const child = green(args());
      // Close our end of the pipe before the child writes a byte: every write it makes fails with EPIPE.
      child.stdout!.destroy();
      const exit = await finished(child);
      expect(exit.stderr).toBe("");
      expect(exit.code).toBe(141);
    });
  }

  it("suggest in batch mode into a reader that stops after one line", async () => {
    const child = green(["suggest", "--json"], ["pipe", "pipe", "pipe"]);
    let first = "";
    const exited = finished(child);
    child.stdout!.once("data", (d: Buffer) => {
      first = d.toString();
      child.stdout!.destroy();
    });
    // Keep feeding outcomes: after the reader is gone, the next answer's write fails.
    const feed = setInterval(() => child.stdin!.write("heat pump installation\n", () => undefined), 20);
    child.stdin!.on("error", () => undefined);
    const exit = await exited;
    clearInterval(feed);
    expect(first).toMatch(/^\{"outcome"/);
    expect(exit.stderr).toBe("");
    expect(exit.code).toBe(141);
  });
});

describe.skipIf(isWindows)("signals: exit 130 on SIGINT, 143 on SIGTERM, and no temporary file left behind", () => {
  for (const [signal, status] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`the CLI exits ${status} on ${signal}`, async () => {
      const child = green(["suggest", "--json"], ["pipe", "pipe", "pipe"]);
      const exited = finished(child);
      child.stdin!.write("heat pump installation\n");
      // Once it has answered, it waits on standard input: interrupt it there.
      await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
      child.kill(signal);
      const exit = await exited;
      expect(exit.code).toBe(status);
      expect(exit.stderr).toBe("");
    });
  }

  // The child interrupts itself as soon as the temporary file appears, while the 64 MB write is under way.
  const interruptedWrite = (cliHandlers: boolean, signal: "SIGINT" | "SIGTERM") => `
import { watch } from "node:fs";
import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, "src/node/write.ts")).href)};
${cliHandlers ? `import { installProcessHandlers } from ${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, "src/cli/process.ts")).href)};\ninstallProcessHandlers();` : ""}
const [folder, out] = process.argv.slice(2);
const watcher = watch(folder, (_event, name) => {
  if (String(name).endsWith(".tmp")) {
    watcher.close();
    process.kill(process.pid, "${signal}");
  }
});
await writeFileAtomic(out, new Uint8Array(64 * 1024 * 1024).fill(1));
console.log("the write finished before the signal");
process.exit(3);
`;

  for (const [cliHandlers, signal, expected] of [
    [true, "SIGINT", { code: 130, signal: null }],
    [true, "SIGTERM", { code: 143, signal: null }],
    [false, "SIGINT", { code: null, signal: "SIGINT" }],
    [false, "SIGTERM", { code: null, signal: "SIGTERM" }],
  ] as const) {
    it(`${signal} during writeFileAtomic ${cliHandlers ? "in the CLI" : "in a library user's process"}: temporary file removed, output not written`, async () => {
      const folder = join(dir, `write-${signal}-${cliHandlers}`);
      mkdirSync(folder);
      const exit = await finished(script(interruptedWrite(cliHandlers, signal), [folder, join(folder, "out.gsb")]));
      expect(exit.stdout).toBe("");
      expect({ code: exit.code, signal: exit.signal }).toEqual(expected);
      expect(readdirSync(folder)).toEqual([]);
    });
  }
});

describe.skipIf(isWindows)("special files never hang the CLI", () => {
  it("a FIFO with no writer, as a credential, an ESCO path or inside an import folder: an error at once", async () => {
    const fifo = join(dir, "credential.yaml");
    execFileSync("mkfifo", [fifo]);
    const [folder] = writeEscoFixture(join(dir, "import-fifo"));
    execFileSync("mkfifo", [join(folder!, "occupations_fr.csv")]);
    const bundleFifo = join(dir, "bundle.gsb");
    execFileSync("mkfifo", [bundleFifo]);
    for (const args of [
      ["validate", fifo],
      ["gap", fifo, "--occupation", "http://data.europa.eu/esco/occupation/x"],
      ["stats", "--esco", bundleFifo],
      ["import", folder!, "--out", join(dir, "x.gsb")],
    ]) {
      const exit = await finished(green(args), 30_000);
      expect(exit.code, args.join(" ")).toBe(2);
      expect(exit.stdout + exit.stderr).toMatch(/FIFO \(named pipe\), not a regular file/);
      expect(exit.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it("validate /dev/zero fails without reading it", async () => {
    const started = Date.now();
    const exit = await finished(green(["validate", "/dev/zero"]), 30_000);
    expect(exit.code).toBe(2);
    expect(exit.stdout).toMatch(/character device, not a regular file/);
    // Startup under tsx takes a second or two; reading 640 MB took far longer.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
