/**
 * Child process of bench/languages.ts (scale part, issue 15 item 4); not a benchmark module of its own
 * (bench/run.ts skips files ending in -child.ts). Modes:
 *
 * - `import <out.gsb> <path...>`: imports the paths single-threaded, writes the bundle, imports them again
 *   with the default options (parsing in worker threads, as `green-skills import` does), and times bare
 *   csv-parse of the same CSV files; prints JSON `{ importMs, defaultImportMs, parseMs, bytes }`;
 * - `load <bundle.gsb> <lang>`: cold load of the bundle, then the first search in `lang` (which builds that
 *   language's index); prints JSON `{ loadMs, firstSearchMs, maxRssMb }`.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { importEsco, loadTaxonomy, searchSkills } from "../src/node/index.js";

const [mode, target, ...rest] = process.argv.slice(2);

function csvFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith(".csv"))
          .map((f) => join(p, f))
      : [p],
  );
}

if (mode === "import") {
  const started = performance.now();
  const { bundle } = await importEsco(rest, { escoVersion: "v1.1.1", workers: false });
  const importMs = performance.now() - started;
  writeFileSync(target!, bundle);
  const defaultStart = performance.now();
  await importEsco(rest, { escoVersion: "v1.1.1" });
  const defaultImportMs = performance.now() - defaultStart;
  const files = csvFiles(rest);
  const parseStart = performance.now();
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    bytes += text.length;
    parse(text, { relax_column_count: true, bom: true });
  }
  process.stdout.write(JSON.stringify({ importMs, defaultImportMs, parseMs: performance.now() - parseStart, bytes }));
} else if (mode === "load") {
  const bytes = readFileSync(target!);
  const started = performance.now();
  const taxonomy = await loadTaxonomy(bytes);
  const loadMs = performance.now() - started;
  const searchStart = performance.now();
  searchSkills(taxonomy, "pompe à chaleur", { lang: rest[0] ?? "en" });
  const firstSearchMs = performance.now() - searchStart;
  process.stdout.write(JSON.stringify({ loadMs, firstSearchMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
