import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { gunzipSync } from "node:zlib";
import { defaultFramework, loadDefaultTaxonomy } from "../data.js";
import {
  EscoImportError,
  InvalidArgumentError,
  InvalidBundleError,
  InvalidOptionError,
  OutputPathError,
} from "../errors.js";
import { attachFramework, hasFramework } from "../framework/attach.js";
import type { Framework } from "../framework/schema.js";
import { type LoadTaxonomyOptions, type TaxonomySource, loadTaxonomy as loadFromSource } from "../taxonomy/load.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { type ImportEscoOptions, importEsco } from "./import/import.js";
import { errnoOf, fsReason } from "./fs-messages.js";
import { readRegularFile } from "./read-file.js";
import { checkOutputPath, writeFileAtomic } from "./write.js";
import { argOptions, argString, argStringArray, isObjectLike, optObject, readOption } from "../guard.js";

/**
 * Options of {@link loadTaxonomyFile}.
 *
 * @category Taxonomy
 */
export interface LoadTaxonomyFileOptions extends LoadTaxonomyOptions {
  /** Options for importing when the path is an ESCO download rather than a bundle. */
  import?: Omit<ImportEscoOptions, "onProgress">;
  /**
   * The framework layer (sectors, GreenComp) to attach to a taxonomy that carries none: by default the
   * embedded default's; `false` attaches nothing. Mismatches are in `frameworkReport(taxonomy)`.
   */
  framework?: Framework | false;
}

const ESCO_INPUT = new Set([".zip", ".csv"]);

/** Largest bundle file (and largest gunzipped bundle) read: far above any ESCO download, below what Node can hold. */
const MAX_BUNDLE_BYTES = 2 ** 31 - 1;

/**
 * Loads a taxonomy from a bundle file, an ESCO download (zip, folder of CSV files) imported on the fly,
 * bundle bytes or a bundle object. Gzip-compressed bundle files are accepted. With no source it returns the
 * embedded default (the curated layer, `coverage: "curated"`). A loaded full taxonomy gets the default
 * framework layer attached (sectors, GreenComp); cited URIs missing or relabelled in the loaded ESCO version
 * are listed by `frameworkReport(taxonomy)`.
 *
 * @category Taxonomy
 * @param source - A path, bundle bytes or a bundle object; omit it for the embedded default.
 * @param options - Source name, import options, framework layer.
 * @returns The taxonomy, with a framework layer unless `options.framework` is `false`.
 * @throws {@link InvalidBundleError} for a corrupt or foreign bundle file.
 * @throws {@link EscoImportError} when an ESCO download cannot be imported or the path cannot be read.
 * @example
 * ```ts
 * import { loadTaxonomyFile } from "green-skills/node";
 * const taxonomy = await loadTaxonomyFile("esco-v1.1.1.gsb");
 * taxonomy.escoVersion //=> "v1.1.1"
 * ```
 */
export async function loadTaxonomyFile(
  source?: string | TaxonomySource,
  options: LoadTaxonomyFileOptions = {},
): Promise<Taxonomy> {
  argOptions("loadTaxonomyFile", options);
  if (source === "" || (source !== undefined && typeof source !== "string" && !isObjectLike(source)))
    throw new InvalidArgumentError(
      "loadTaxonomyFile",
      "source",
      "a path, bundle bytes or a bundle object (or nothing, for the embedded default)",
      source,
    );
  const frameworkOption = readOption("loadTaxonomyFile", options, "framework");
  if (frameworkOption !== undefined && frameworkOption !== false && !isObjectLike(frameworkOption))
    throw new InvalidOptionError("loadTaxonomyFile", "framework", "must be a framework object or false");
  optObject("loadTaxonomyFile", options, "import");
  const taxonomy = source === undefined ? loadDefaultTaxonomy() : await load(source, options);
  const framework = options.framework ?? defaultFramework;
  if (framework !== false && (options.framework !== undefined || !hasFramework(taxonomy)))
    attachFramework(taxonomy, framework);
  return taxonomy;
}

async function load(source: string | TaxonomySource, options: LoadTaxonomyFileOptions): Promise<Taxonomy> {
  if (typeof source !== "string") return loadFromSource(source, options);
  let info;
  try {
    info = await stat(source);
  } catch (cause) {
    throw new EscoImportError(
      "unreadable_path",
      errnoOf(cause) === "ENOENT" ? "no such file or folder" : `cannot read: ${fsReason(cause)}`,
      { file: source },
      { cause },
    );
  }
  if (info.isDirectory() || (info.isFile() && ESCO_INPUT.has(extname(source).toLowerCase()))) {
    const { bundle } = await importEsco([source], options.import ?? {});
    return loadFromSource(bundle, { sourceName: source });
  }
  const read = await readRegularFile(source, { maxBytes: MAX_BUNDLE_BYTES });
  if (!read.ok)
    throw new EscoImportError(
      "unreadable_path",
      `cannot read: ${read.message}`,
      { file: source },
      { cause: read.cause },
    );
  let bytes: Uint8Array = read.bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_BYTES });
    } catch (cause) {
      throw new InvalidBundleError("corrupt gzip data", source, { cause });
    }
  }
  if (bytes[0] === 0x7b || (bytes.length > 0 && /^\s*\{/.test(Buffer.from(bytes.subarray(0, 32)).toString("latin1")))) {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch (cause) {
      throw new InvalidBundleError(`not valid JSON (${(cause as Error).message})`, source, { cause });
    }
    return loadFromSource(json as TaxonomySource, { ...options, sourceName: source });
  }
  return loadFromSource(bytes, { ...options, sourceName: source });
}

/**
 * Imports an ESCO download and writes the bundle to `out` atomically (no partial file on failure).
 * Returns the import report with the bundle's path and size filled in.
 *
 * @category Import
 * @throws {@link OutputPathError} when `out` is one of `paths` (or a file inside an input folder), is not a
 * regular file, or is in a folder that does not exist: checked before the import starts; nothing is written.
 * @throws {@link EscoImportError} for bad input or when the bundle cannot be written.
 */
export async function importEscoToFile(paths: readonly string[], out: string, options: ImportEscoOptions = {}) {
  argStringArray("importEscoToFile", "paths", paths);
  argString("importEscoToFile", "out", out);
  argOptions("importEscoToFile", options);
  // Refuse a mistaken --out (an input, a device, a missing folder) before the import's work, and again at the write.
  await checkOutputPath(out, paths);
  const result = await importEsco(paths, options);
  try {
    await writeFileAtomic(out, result.bundle, { inputs: paths });
  } catch (cause) {
    if (cause instanceof OutputPathError && cause.reason !== "write_failed") throw cause;
    throw new EscoImportError(
      "write_failed",
      `cannot write the bundle: ${fsReason(cause instanceof OutputPathError ? cause.cause : cause)}; nothing was written`,
      { file: out },
      { cause },
    );
  }
  return { ...result, report: { ...result.report, bundle: { path: out, bytes: result.bundle.byteLength } } };
}
