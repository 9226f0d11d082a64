/**
 * Type-checks every `@example` code block in the TSDoc of src/: each block becomes a module under
 * .tmp/examples/ with a prelude declaring the free names examples may use (`taxonomy`, `credential`, …),
 * then `tsc` checks them all against the package's public entry points.
 *
 * Run: `tsx scripts/check-examples.ts` (exit 1 with tsc's messages when an example does not type-check).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, ".tmp", "examples");

/** Free names an example may use without defining them, with their types. */
const PRELUDE: Record<string, string> = {
  taxonomy: "import('green-skills').Taxonomy",
  esco: "import('green-skills').Taxonomy",
  fullTaxonomy: "import('green-skills').Taxonomy",
  installHeatPumpUri: "string",
  heatPumpInstallerUri: "string",
  occupationUri: "string",
  credential: "any",
  definition: "any",
  issued: "any",
  older: "import('green-skills').Taxonomy",
  newer: "import('green-skills').Taxonomy",
  yamlText: "string",
  credentials: "any[]",
  parsedObject: "unknown",
};

export interface Example {
  source: string;
  line: number;
  code: string;
}

/** Finds the fenced code blocks of every `@example` tag in the TypeScript files under `dir`. */
export function findExamples(dir = join(ROOT, "src")): Example[] {
  const out: Example[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        const lines = readFileSync(path, "utf8").split("\n");
        for (let i = 0; i < lines.length; i++) {
          if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
          let j = i + 1;
          while (
            j < lines.length &&
            !/^\s*\*\s*```/.test(lines[j]!) &&
            !/^\s*\*\s*@/.test(lines[j]!) &&
            !/\*\//.test(lines[j]!)
          )
            j++;
          if (!/^\s*\*\s*```/.test(lines[j] ?? "")) continue;
          const body: string[] = [];
          let k = j + 1;
          for (; k < lines.length && !/^\s*\*\s*```/.test(lines[k]!); k++) body.push(lines[k]!.replace(/^\s*\* ?/, ""));
          out.push({ source: relative(ROOT, path), line: j + 2, code: body.join("\n") });
          i = k;
        }
      }
    }
  };
  walk(dir);
  return out;
}

/** Finds the ```ts blocks of the README and the guides in docs/ (they are examples too). */
export function findDocExamples(): Example[] {
  const files = [
    join(ROOT, "README.md"),
    ...readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => join(ROOT, "docs", f)),
  ];
  const out: Example[] = [];
  for (const path of files) {
    const lines = readFileSync(path, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
      const body: string[] = [];
      let k = i + 1;
      for (; k < lines.length && !/^```\s*$/.test(lines[k]!); k++) body.push(lines[k]!);
      out.push({ source: relative(ROOT, path), line: i + 2, code: body.join("\n") });
      i = k;
    }
  }
  return out;
}

/** Writes the examples as modules and type-checks them; returns tsc's output (empty when all pass). */
export async function checkExamples(): Promise<{ examples: number; errors: string }> {
  const examples = [...findExamples(), ...findDocExamples()];
  // Public names an example may use without importing them (as the API docs show them in context):
  // those of green-skills/node (which re-exports the core) and of green-skills/schemas.
  const publicNames = Object.keys(await import(pathToFileURL(join(ROOT, "src/node/index.ts")).href));
  const schemaNames = Object.keys(await import(pathToFileURL(join(ROOT, "src/schemas.ts")).href));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  examples.forEach((example, n) => {
    const defined = (name: string) =>
      new RegExp(`(?:const|let|var|function|class)\\s+${name}\\b|import[^;]*\\b${name}\\b`).test(example.code);
    const prelude = Object.entries(PRELUDE)
      .filter(([name]) => !defined(name))
      .map(([name, type]) => `declare const ${name}: ${type};`)
      .join("\n");
    const used = publicNames.filter((name) => new RegExp(`\\b${name}\\b`).test(example.code) && !defined(name));
    const usedSchemas = schemaNames.filter((name) => new RegExp(`\\b${name}\\b`).test(example.code) && !defined(name));
    const imports =
      (used.length > 0 ? `import { ${used.join(", ")} } from "green-skills/node";\n` : "") +
      (usedSchemas.length > 0 ? `import { ${usedSchemas.join(", ")} } from "green-skills/schemas";\n` : "");
    const header = `// ${example.source}:${example.line}\n`;
    // Imports stay at the top; the rest goes in a block so that names it declares shadow the prelude's.
    const lines = example.code.split("\n");
    const own = lines.filter((l) => /^import\s/.test(l)).join("\n");
    const body = lines.filter((l) => !/^import\s/.test(l)).join("\n");
    writeFileSync(
      join(OUT, `example-${String(n).padStart(3, "0")}.ts`),
      `${header}${imports}${own}\n${prelude}\n{\n${body}\n}\nexport {};\n`,
    );
  });
  writeFileSync(
    join(OUT, "tsconfig.json"),
    JSON.stringify({
      extends: "../../tsconfig.json",
      compilerOptions: { noUnusedLocals: false, noUnusedParameters: false, baseUrl: "../..", types: ["node"] },
      include: ["./*.ts"],
    }),
  );
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(OUT, "tsconfig.json")], {
      encoding: "utf8",
      cwd: ROOT,
    });
    return { examples: examples.length, errors: "" };
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? ""}`;
    // Point each error at the example's source line.
    const mapped = output.replace(/\.tmp\/examples\/(example-\d+)\.ts\((\d+),(\d+)\)/g, (_, file: string) => {
      const first = readFileSync(join(OUT, `${file}.ts`), "utf8")
        .split("\n")[0]!
        .slice(3);
      return `${first} (${file})`;
    });
    return { examples: examples.length, errors: mapped };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { examples, errors } = await checkExamples();
  if (errors) {
    process.stderr.write(errors);
    process.exitCode = 1;
  } else process.stdout.write(`${examples} @example blocks type-check\n`);
}
