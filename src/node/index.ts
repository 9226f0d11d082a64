/**
 * The Node.js entry of green-skills: import ESCO downloads, load bundles and ESCO folders from disk, read
 * and validate credential files. Everything in the core entry is re-exported here too, with the embedded
 * default of `green-skills/data`. `loadTaxonomyFile` (async, takes a path) is the file loader; the core's
 * `loadTaxonomy` (sync, takes bytes or a bundle object) stays as it is.
 *
 * @packageDocumentation
 */

import "./checksum.js";
import "./languages.js";

export * from "../index.js";
export { CredentialFileError, EscoImportError, OutputPathError } from "../errors.js";
export type { EscoImportErrorReason, OutputPathErrorReason } from "../errors.js";
export { loadTaxonomyFile, importEscoToFile } from "./load.js";
export type { LoadTaxonomyFileOptions } from "./load.js";
export { checkOutputPath, writeFileAtomic, type WriteFileAtomicOptions } from "./write.js";
export { defaultBundle, defaultFramework, loadDefaultTaxonomy } from "../data.js";
export { readSectorFiles } from "./framework-files.js";
export type { ReadSectorFilesResult } from "./framework-files.js";
export { importEsco } from "./import/import.js";
export type { ImportEscoOptions, ImportProgress, ImportResult } from "./import/import.js";
export type { DanglingSummary, ImportReport, ImportWarning, ImportedFile } from "../model/import-report.js";
export { parseCredentialText, readCredentialFile } from "./credential-file.js";
export type { CredentialSource, ReadCredentialFileOptions } from "./credential-file.js";
export { validateCredentialFile } from "./validate-credential-file.js";
export type { CredentialFileResult, ValidateCredentialFileOptions } from "./validate-credential-file.js";
export { readIssuedCredentialFile } from "./issued-credential-file.js";
export type { ReadIssuedCredentialFileResult } from "./issued-credential-file.js";
export { readForeignCredentialFile } from "./foreign-file.js";
