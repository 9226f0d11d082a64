/**
 * Access to the official ESCO v1.1.1 download beside the project (`../shared/esco/v1.1.1`) for
 * integration tests. Where it is absent (a user's fresh clone), suites skip with a clear message — or fail,
 * in CI, where `GREEN_SKILLS_REQUIRE_SHARED=1` (see ./data-gate.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importEsco, loadTaxonomyFile, type Taxonomy } from "green-skills/node";
import { describeIfData } from "./data-gate.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED_ESCO = resolve(PROJECT_ROOT, "../shared/esco/v1.1.1");
export const SHARED_ZIPS = existsSync(join(SHARED_ESCO, "download"))
  ? readdirSync(join(SHARED_ESCO, "download"))
      .filter((f) => f.endsWith(".zip"))
      .map((f) => join(SHARED_ESCO, "download", f))
  : [];
export const hasSharedEsco = SHARED_ZIPS.length === 2 && existsSync(join(SHARED_ESCO, "skills_en.csv"));
export const SKIP_MESSAGE = `skipped: ${SHARED_ESCO} not found (integration tests need the official ESCO v1.1.1 download beside the project; see docs/getting-esco.md)`;

if (!hasSharedEsco) process.stderr.write(`[green-skills tests] ${SKIP_MESSAGE}\n`);

/** A describe block that runs only with the shared ESCO data, and says so in its name when skipped. */
export function describeWithEsco(name: string, body: () => void): void {
  describeIfData(hasSharedEsco, SKIP_MESSAGE, name, body);
}

function cacheKey(): string {
  // Rebuild the cached import whenever the importer or bundle code changes.
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ["src/node/import", "src/bundle"]) walk(join(PROJECT_ROOT, dir));
  return hash.digest("hex").slice(0, 16);
}

let cachedPath: Promise<string> | undefined;
let cached: Promise<Taxonomy> | undefined;

/** The path of the full ESCO v1.1.1 bundle, imported once and cached on disk (under .tmp/) across test files. */
export function fullBundlePath(): Promise<string> {
  cachedPath ??= (async () => {
    const dir = join(PROJECT_ROOT, ".tmp", "test-cache");
    const path = join(dir, `esco-v1.1.1-${cacheKey()}.gsb`);
    if (!existsSync(path)) {
      const { bundle } = await importEsco(SHARED_ZIPS);
      mkdirSync(dir, { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, bundle);
      renameSync(temp, path);
    }
    return path;
  })();
  return cachedPath;
}

/** The full ESCO v1.1.1 taxonomy, loaded from {@link fullBundlePath}. */
export function fullTaxonomy(): Promise<Taxonomy> {
  cached ??= fullBundlePath().then((path) => loadTaxonomyFile(path));
  return cached;
}

/** The real non-English sets beside the English download (see ../shared/esco/README.md). */
export const SHARED_FR = resolve(PROJECT_ROOT, "../shared/esco/v1.1.1-fr");
export const SHARED_DE = resolve(PROJECT_ROOT, "../shared/esco/v1.2.1-de");
export const hasSharedLanguages =
  hasSharedEsco &&
  existsSync(join(SHARED_FR, "occupations_fr.csv")) &&
  existsSync(join(SHARED_DE, "occupations_de.csv"));
const LANG_SKIP = `skipped: ${SHARED_FR} or ${SHARED_DE} (or the English download) not found; these tests need the shared French and German ESCO files`;

/** A describe block that runs only with the shared English, French and German data. */
export function describeWithLanguages(name: string, body: () => void): void {
  describeIfData(hasSharedLanguages, LANG_SKIP, name, body);
}

const languageBundles = new Map<string, Promise<string>>();

/**
 * The English v1.1.1 download merged with the French v1.1.1 files (`fr`) or the German v1.2.1 files (`de`,
 * imported as v1.1.1: the German set is newer, so its labels of concepts that v1.1.1 lacks are kept aside or
 * stand without English labels), imported once and cached under .tmp/test-cache-languages/.
 */
export function languageBundlePath(lang: "fr" | "de"): Promise<string> {
  let path = languageBundles.get(lang);
  if (!path) {
    path = (async () => {
      // A folder of their own: other suites pick "the" English bundle out of .tmp/test-cache by name.
      const dir = join(PROJECT_ROOT, ".tmp", "test-cache-languages");
      const file = join(dir, `en-${lang}-v1.1.1-${cacheKey()}.gsb`);
      if (!existsSync(file)) {
        const { bundle } = await importEsco([...SHARED_ZIPS, lang === "fr" ? SHARED_FR : SHARED_DE], {
          escoVersion: "v1.1.1",
        });
        mkdirSync(dir, { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, bundle);
        renameSync(temp, file);
      }
      return file;
    })();
    languageBundles.set(lang, path);
  }
  return path;
}
