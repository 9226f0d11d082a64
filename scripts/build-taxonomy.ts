/**
 * Builds the embedded default, `taxonomy/dist/default.json`, from the reviewed sources in `taxonomy/src/`
 * (sector files, greencomp.yaml, esco-concepts.yaml). Reads no ESCO download: every fact it needs is in
 * the reviewed sources.
 *
 *   npm run taxonomy:build            write taxonomy/dist/default.json
 *   npm run taxonomy:build -- --check exit 1 when the committed file is out of date
 */
import { readFile, mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { formatIssue } from "../src/issue.js";
import { buildCuratedDefault } from "../src/node/framework-files.js";
import { writeFileAtomic } from "../src/node/write.js";

const ROOT = resolve(import.meta.dirname, "..");
const TARGET = join(ROOT, "taxonomy", "dist", "default.json");

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  const built = await buildCuratedDefault(join(ROOT, "taxonomy", "src"));
  for (const issue of built.issues) {
    process.stderr.write(`${formatIssue({ ...issue, ...(issue.file ? { file: relative(ROOT, issue.file) } : {}) })}\n`);
  }
  if (!built.json || !built.bundle) {
    process.stderr.write("error: taxonomy/dist/default.json was not written; fix the errors above\n");
    return 1;
  }
  if (check) {
    const current = await readFile(TARGET, "utf8").catch(() => "");
    if (current !== built.json) {
      process.stderr.write("error: taxonomy/dist/default.json is out of date; run `npm run taxonomy:build`\n");
      return 1;
    }
    process.stdout.write("taxonomy/dist/default.json is up to date\n");
    return 0;
  }
  await mkdir(join(ROOT, "taxonomy", "dist"), { recursive: true });
  await writeFileAtomic(TARGET, built.json);
  const framework = built.bundle.meta.extensions?.["green-skills/framework"] as { sectors: unknown[] };
  process.stdout.write(
    `wrote taxonomy/dist/default.json: ${built.bundle.meta.conceptCount} ESCO concepts, ${framework.sectors.length} sectors, GreenComp\n`,
  );
  return 0;
}

process.exitCode = await main();
