/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `run(): Promise<string>`, a
 * Markdown section whose figures are measured in the same run as their baselines) and prints them.
 * Pass names to run only some: `npm run bench -- search diff`.
 */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["run.ts", "util.ts"].includes(f) && !f.endsWith("-child.ts"))
  .map((f) => basename(f, ".ts"))
  .filter((name) => wanted.length === 0 || wanted.includes(name));

const order = ["foundation", "search", "languages", "credential", "framework", "diff"];
modules.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

process.stdout.write(
  `# green-skills benchmarks\n\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n\n`,
);
for (const name of modules) {
  const module = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run: () => Promise<string> };
  process.stdout.write(`${await module.run()}\n`);
}
