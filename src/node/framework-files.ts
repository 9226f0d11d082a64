import { readdir, stat } from "node:fs/promises";
import { failure } from "../issue.js";
import { join } from "node:path";
import type { BundleObject } from "../bundle/format.js";
import { readRegularFile } from "./read-file.js";
import { buildCuratedBundle } from "../framework/build.js";
import { type FrameworkSources, type LocatedValue, compileFramework } from "../framework/compile.js";
import type { EscoConceptsFile, GreenComp, Sector } from "../framework/schema.js";
import {
  type SourceIssue,
  type SourceResult,
  parseEscoConceptsSource,
  parseGreenCompSource,
  parseSectorSource,
} from "../framework/source.js";
import { argOptions, argString, argStringArray } from "../guard.js";

/**
 * Reading framework sources from disk: user sector files, and the reviewed `taxonomy/src/` tree that
 * builds the embedded default.
 *
 * @module
 */

const SOURCE_FILE = /\.(ya?ml|json)$/i;

async function readText(file: string): Promise<{ text: string } | { issue: SourceIssue }> {
  const read = await readRegularFile(file);
  if (read.ok) return { text: read.bytes.toString("utf8") };
  return {
    issue: {
      code: "unreadable_file",
      severity: "error",
      path: [],
      file,
      message: read.reason === "missing" ? "no such file" : `cannot read: ${read.message}`,
    },
  };
}

async function expand(path: string): Promise<string[] | SourceIssue> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return [path];
    return (await readdir(path))
      .filter((name) => SOURCE_FILE.test(name))
      .sort()
      .map((name) => join(path, name));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return {
      code: "unreadable_file",
      severity: "error",
      path: [],
      file: path,
      message: code === "ENOENT" ? "no such file or folder" : `cannot read (${code ?? String(cause)})`,
    };
  }
}

async function readSource<T>(
  file: string,
  parse: (text: string, file: string) => SourceResult<T>,
): Promise<SourceResult<T>> {
  const read = await readText(file);
  if ("issue" in read) return { ...failure([read.issue]), file };
  return parse(read.text, file);
}

const located = <T>(result: SourceResult<T> & { success: true }): LocatedValue<T> => ({
  value: result.data,
  file: result.file,
  locate: result.locate,
});

/**
 * The result of {@link readSectorFiles}.
 *
 * @category Framework
 */
export interface ReadSectorFilesResult {
  /** The sectors of every file that parsed. */
  sectors: Sector[];
  /** Problems, each with file, line and path; any `error` means a file was skipped. */
  issues: SourceIssue[];
}

/**
 * Reads sector files (YAML or JSON) — each path a file or a folder of `*.yaml`, `*.yml` and `*.json` —
 * for `withSectors`. Never throws on bad files: problems come back as located issues.
 *
 * @category Framework
 * @param paths - Files or folders.
 * @returns The valid sectors and the issues.
 * @example
 * ```ts
 * import { readSectorFiles, withSectors, attachFramework, loadTaxonomyFile } from "green-skills/node";
 * import { defaultFramework } from "green-skills/data";
 * const { sectors, issues } = await readSectorFiles(["./my-sectors"]);
 * if (issues.length === 0) attachFramework(taxonomy, withSectors(defaultFramework, sectors));
 * ```
 */
export async function readSectorFiles(paths: readonly string[]): Promise<ReadSectorFilesResult> {
  argStringArray("readSectorFiles", "paths", paths);
  const sectors: Sector[] = [];
  const issues: SourceIssue[] = [];
  for (const path of paths) {
    const files = await expand(path);
    if (!Array.isArray(files)) {
      issues.push(files);
      continue;
    }
    if (files.length === 0)
      issues.push({
        code: "no_sector_files",
        severity: "error",
        path: [],
        file: path,
        message: "no *.yaml, *.yml or *.json files in this folder",
      });
    for (const file of files) {
      const result = await readSource(file, parseSectorSource);
      issues.push(...result.issues);
      if (result.success) sectors.push(result.data);
    }
  }
  return { sectors, issues };
}

const ESCO_URI = /http:\/\/data\.europa\.eu\/esco\/[a-z-]+\/[A-Za-z0-9._-]+/g;

/**
 * Options of {@link buildCuratedDefault}.
 *
 * @category Framework
 */
export interface BuildCuratedDefaultOptions {
  /** Folder of example credentials whose ESCO URIs count as cited (default `<sourceDir>/../examples`). */
  examplesDir?: string;
}

/**
 * The result of {@link buildCuratedDefault}.
 *
 * @category Framework
 */
export interface BuiltCuratedDefault {
  /** The curated bundle, absent when a source has an error. */
  bundle: BundleObject | undefined;
  /** Its serialised form, byte for byte what `taxonomy/dist/default.json` holds. */
  json: string | undefined;
  issues: SourceIssue[];
}

/**
 * Reads a reviewed source tree (`sectors/*.yaml`, `greencomp.yaml`, `esco-concepts.yaml`), cross-checks
 * it and builds the curated bundle — what `npm run taxonomy:build` writes to `taxonomy/dist/default.json`.
 * Reads nothing but the source tree and the examples folder (no ESCO download).
 *
 * @category Framework
 * @param sourceDir - The source folder, e.g. `taxonomy/src`.
 * @param options - Where the example credentials are.
 * @returns The bundle and its JSON, or the located issues.
 */
export async function buildCuratedDefault(
  sourceDir: string,
  options: BuildCuratedDefaultOptions = {},
): Promise<BuiltCuratedDefault> {
  argString("buildCuratedDefault", "sourceDir", sourceDir);
  argOptions("buildCuratedDefault", options);
  const issues: SourceIssue[] = [];
  const sectorFiles = await expand(join(sourceDir, "sectors"));
  const sectors: LocatedValue<Sector>[] = [];
  if (!Array.isArray(sectorFiles)) issues.push(sectorFiles);
  else {
    for (const file of sectorFiles) {
      const result = await readSource(file, parseSectorSource);
      issues.push(...result.issues);
      if (result.success) sectors.push(located(result));
    }
  }
  const greenComp = await readSource(join(sourceDir, "greencomp.yaml"), parseGreenCompSource);
  const concepts = await readSource(join(sourceDir, "esco-concepts.yaml"), parseEscoConceptsSource);
  issues.push(...greenComp.issues, ...concepts.issues);
  if (!greenComp.success || !concepts.success || issues.some((i) => i.severity === "error"))
    return { bundle: undefined, json: undefined, issues };
  const alsoCited = await exampleUris(options.examplesDir ?? join(sourceDir, "..", "examples"));
  const sources: FrameworkSources = {
    sectors,
    greenComp: located<GreenComp>(greenComp),
    concepts: located<EscoConceptsFile>(concepts),
    alsoCited,
  };
  const compiled = compileFramework(sources);
  issues.push(...compiled.issues);
  if (!compiled.framework) return { bundle: undefined, json: undefined, issues };
  const bundle = buildCuratedBundle(compiled.framework, concepts.data);
  return { bundle, json: `${JSON.stringify(bundle)}\n`, issues };
}

/** ESCO URIs cited in the example credentials (any `*.yaml`/`*.json` in the folder; none when it is absent). */
export async function exampleUris(dir: string): Promise<Set<string>> {
  const uris = new Set<string>();
  const files = await expand(dir);
  if (!Array.isArray(files)) return uris;
  for (const file of files) {
    const read = await readText(file);
    if ("text" in read) for (const match of read.text.matchAll(ESCO_URI)) uris.add(match[0]);
  }
  return uris;
}
