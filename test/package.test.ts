/**
 * The published package, tested as users get it: `npm pack` → install the tarball into a fresh project →
 * import every entry point with plain Node (ESM and CJS) and run the bin. Also bundles the browser entry
 * with esbuild to prove it pulls in no Node built-ins and none of the curated data unless asked.
 * Needs `npm run build` first (the test script does it).
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

/** A string that only the embedded default's data holds (the construction sector's description). */
function curatedMarker(): string {
  const bundle = JSON.parse(readFileSync(join(PROJECT_ROOT, "taxonomy/dist/default.json"), "utf8")) as {
    meta: { extensions: Record<string, { sectors: { id: string; description: Record<string, string> }[] }> };
  };
  const framework = Object.values(bundle.meta.extensions).find((e) => Array.isArray(e?.sectors));
  const description = framework?.sectors.find((sector) => sector.id === "construction")?.description["en"];
  if (!description) throw new Error("no construction sector description in taxonomy/dist/default.json");
  return description.slice(0, 60);
}

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
  version: string;
  exports: Record<string, unknown>;
  homepage?: string;
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
};
/** The packed-size budget (issue 13): the tarball `npm pack` writes, in bytes. */
const PACKED_BUDGET = 500 * 1024;
const dir = mkdtempSync(join(tmpdir(), "gs-pack-"));
const app = join(dir, "app");
let tarballPath = "";
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = (args: string[], cwd = app) =>
  execFileSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the packed tarball", () => {
  beforeAll(() => {
    if (!existsSync(join(PROJECT_ROOT, "dist/index.js")))
      throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop()!;
    tarballPath = join(dir, tarball);
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, version: "1.0.0" }));
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", join(dir, tarball)],
      { cwd: app, encoding: "utf8" },
    );
  }, 300_000);

  it("holds only what users need", () => {
    const files = execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    const paths = (JSON.parse(files) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(paths).toContain("dist/index.js");
    expect(paths).toContain("dist/cli/bin.js");
    expect(paths.some((p) => p.startsWith("src/") || p.startsWith("test/") || p.endsWith(".csv"))).toBe(false);
    // What the README and the guides use: the examples and the guides themselves.
    expect(paths).toContain("taxonomy/examples/construction-heat-pump-installation.yaml");
    expect(paths).toContain("docs/writing-credentials.md");
    expect(paths).toContain("docs/images/validate-report.png");
    expect(
      paths.some((p) => p.startsWith("docs/api/")),
      "the generated API docs are not shipped",
    ).toBe(false);
  });

  it(`packs to at most ${PACKED_BUDGET / 1024} KB`, () => {
    const size = statSync(tarballPath).size;
    expect(size, `packed size ${(size / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(PACKED_BUDGET);
  });

  it("publishes no source map that inlines the sources", () => {
    const installed = join(app, "node_modules/green-skills");
    const files = (readdirSync(installed, { recursive: true }) as string[]).map((f) => join(installed, f));
    for (const map of files.filter((f) => f.endsWith(".map"))) {
      const content =
        (JSON.parse(readFileSync(map, "utf8")) as { sourcesContent?: (string | null)[] }).sourcesContent ?? [];
      expect(
        content.filter((c) => c !== null),
        map,
      ).toEqual([]);
    }
    for (const js of files.filter((f) => /\.(c|m)?js$/.test(f))) {
      expect(readFileSync(js, "utf8").includes("sourceMappingURL=data:"), `${js} inlines a source map`).toBe(false);
    }
  });

  it("names its repository, homepage and issue tracker", () => {
    const repo = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository?.url ?? "")?.[1];
    expect(pkg.repository?.type).toBe("git");
    expect(repo, "repository.url").toBeDefined();
    expect(pkg.homepage?.startsWith(repo!)).toBe(true);
    expect(pkg.bugs?.url).toBe(`${repo}/issues`);
  });

  it("ships the examples with $schema lines that resolve inside the installed package", () => {
    const dir = join(app, "node_modules/green-skills/taxonomy/examples");
    const examples = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const file of examples) {
      const ref = /^\$schema: (.+)$/m.exec(readFileSync(join(dir, file), "utf8"))?.[1];
      expect(ref, file).toBeDefined();
      expect(existsSync(resolve(dir, ref!)), `${file}: ${ref}`).toBe(true);
    }
    // The README's library example reads an example by its installed path.
    const out = node([
      "--input-type=module",
      "-e",
      `import { loadTaxonomyFile, validateCredentialFile } from "green-skills/node"; const r = await validateCredentialFile(await loadTaxonomyFile(), "node_modules/green-skills/taxonomy/examples/construction-heat-pump-installation.yaml"); console.log(r.success)`,
    ]);
    expect(out.trim()).toBe("true");
  });

  it("imports every entry point with plain Node as ESM", () => {
    const entries = Object.keys(pkg.exports).filter((k) => !k.endsWith(".json"));
    const script = entries
      .map(
        (entry, i) =>
          `import * as m${i} from ${JSON.stringify(`green-skills${entry.slice(1)}`)}; if (Object.keys(m${i}).length === 0) throw new Error("empty ${entry}");`,
      )
      .join("\n");
    node(["--input-type=module", "-e", `${script}\nconsole.log("ok")`]);
    const out = node([
      "--input-type=module",
      "-e",
      `import { VERSION, isEscoUri } from "green-skills"; import { importEsco } from "green-skills/node"; import p from "green-skills/package.json" with { type: "json" }; console.log(VERSION, p.version, typeof importEsco, isEscoUri("http://data.europa.eu/esco/isco/C1"))`,
    ]);
    expect(out.trim()).toBe(`${pkg.version} ${pkg.version} function true`);
  });

  it("requires every entry point as CJS", () => {
    const entries = Object.keys(pkg.exports).filter((k) => !k.endsWith(".json"));
    const script = entries
      .map(
        (entry) =>
          `if (Object.keys(require(${JSON.stringify(`green-skills${entry.slice(1)}`)})).length === 0) throw new Error("empty ${entry}");`,
      )
      .join("\n");
    expect(node(["-e", `${script}\nconsole.log(require("green-skills").VERSION)`]).trim()).toBe(pkg.version);
  });

  it("exports the zod schemas from green-skills/schemas (ESM and CJS), not from the root", () => {
    const esm = node([
      "--input-type=module",
      "-e",
      `import { MicroCredentialSchema, ISSUE_CODES } from "green-skills/schemas"; import * as root from "green-skills"; console.log(MicroCredentialSchema.safeParse({}).success, typeof ISSUE_CODES.unknown_esco_uri, "MicroCredentialSchema" in root)`,
    ]);
    expect(esm.trim()).toBe("false string false");
    const cjs = node([
      "-e",
      `const s = require("green-skills/schemas"); console.log(s.CredentialIssueSchema.safeParse({ code: "todo", severity: "info", path: [], message: "m" }).success)`,
    ]);
    expect(cjs.trim()).toBe("true");
  });

  it("keeps the root entry to at most 100 value exports", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import * as root from "green-skills"; console.log(Object.keys(root).length)`,
    ]);
    expect(Number(out.trim())).toBeLessThanOrEqual(100);
  });

  it("exports the micro-credential JSON Schemas", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import d from "green-skills/micro-credential.schema.json" with { type: "json" }; import i from "green-skills/issued-micro-credential.schema.json" with { type: "json" }; console.log(d.title, "|", i.title)`,
    ]);
    expect(out.trim()).toBe("green-skills micro-credential definition | green-skills issued micro-credential");
  });

  it("exports the JSON-LD context of the ext: terms", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import c from "green-skills/context-v1.json" with { type: "json" }; import { GREEN_SKILLS_CONTEXT } from "green-skills/schemas"; console.log(JSON.stringify(c) === JSON.stringify(GREEN_SKILLS_CONTEXT))`,
    ]);
    expect(out.trim()).toBe("true");
  });

  it("runs the bin: --help, --version", () => {
    const bin = join(app, "node_modules/.bin/green-skills");
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toBe(pkg.version);
    expect(execFileSync(bin, ["--help"], { encoding: "utf8" })).toMatch(/Usage: green-skills/);
  });

  it("runs real commands on the embedded default: validate an example, list sectors", () => {
    const bin = join(app, "node_modules/.bin/green-skills");
    const example = join(app, "heat-pumps.yaml");
    copyFileSync(join(PROJECT_ROOT, "taxonomy/examples/construction-heat-pump-installation.yaml"), example);
    const report = JSON.parse(execFileSync(bin, ["validate", example, "--json"], { encoding: "utf8", cwd: app })) as {
      file: string;
      valid: boolean;
    }[];
    expect(report).toEqual([expect.objectContaining({ valid: true })]);
    const sectors = JSON.parse(execFileSync(bin, ["sectors", "--json"], { encoding: "utf8", cwd: app })) as {
      sectors: { id: string }[];
    };
    expect(sectors.sectors.map((s) => s.id)).toContain("construction");
    // init points $schema at the installed package's JSON Schema.
    execFileSync(bin, ["init", "--out", "my-credential.yaml"], { encoding: "utf8", cwd: app });
    expect(readFileSync(join(app, "my-credential.yaml"), "utf8")).toMatch(
      /^\$schema: \.\/node_modules\/green-skills\/schema\/micro-credential\.schema\.json$/m,
    );
  });
});

describe("the browser entry", () => {
  it("bundles for the browser with no Node built-ins", async () => {
    const result = await build({
      stdin: {
        contents: `import { loadTaxonomy, getConcept, skillsOfOccupation, validateCredential, coverage, toOpenBadgeCredential, toEuropeanDigitalCredential } from "green-skills"; export { loadTaxonomy, getConcept, skillsOfOccupation, validateCredential, coverage, toOpenBadgeCredential, toEuropeanDigitalCredential };`,
        resolveDir: PROJECT_ROOT,
        loader: "js",
      },
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
      alias: { "green-skills": join(PROJECT_ROOT, "dist/index.js") },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith("node:") || /(^|\/)node_modules\/(fs|path|os|zlib)\//.test(i))).toEqual(
      [],
    );
    expect(inputs.some((i) => i.includes("dist/index.js") || i.includes("dist/chunk-"))).toBe(true);
    // None of the curated data unless asked: a sector description from the embedded default is absent…
    const marker = curatedMarker();
    expect(result.outputFiles[0]!.text.includes(marker), "the core bundle pulled in the embedded default").toBe(false);
  });

  it("ships the curated data only through green-skills/data", async () => {
    const result = await build({
      stdin: {
        contents: `export { loadDefaultTaxonomy } from "green-skills/data";`,
        resolveDir: PROJECT_ROOT,
        loader: "js",
      },
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      logLevel: "silent",
      alias: { "green-skills/data": join(PROJECT_ROOT, "dist/data.js") },
    });
    expect(result.outputFiles[0]!.text.includes(curatedMarker())).toBe(true);
  });
});
