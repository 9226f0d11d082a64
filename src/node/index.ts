/**
 * The Node.js entry of green-skills: import ESCO downloads, load bundles and ESCO folders from disk.
 * Everything in the core entry is re-exported here too, with `loadTaxonomy` extended to accept paths (and
 * to return the embedded default with no argument), and the embedded default of `green-skills/data`.
 *
 * @packageDocumentation
 */

export * from "../index.js";
export { loadTaxonomy, importEscoToFile } from "./load.js";
export type { LoadTaxonomyFromPathOptions } from "./load.js";
export { checkOutputPath, writeFileAtomic, type WriteFileAtomicOptions } from "./write.js";
export { defaultBundle, defaultFramework, loadDefaultTaxonomy } from "../data.js";
export { buildCuratedDefault, readSectorFiles } from "./framework-files.js";
export type { BuildCuratedDefaultOptions, BuiltCuratedDefault, ReadSectorFilesResult } from "./framework-files.js";
export { importEsco } from "./import/import.js";
export type { ImportEscoOptions, ImportProgress, ImportResult } from "./import/import.js";
export { DanglingSummarySchema, ImportReportSchema, ImportWarningSchema, ImportedFileSchema } from "./import/report.js";
export type { DanglingSummary, ImportReport, ImportWarning, ImportedFile } from "./import/report.js";
export { parseCredentialText, readCredentialFile } from "./credential-file.js";
export type { CredentialSource, ReadCredentialFileOptions } from "./credential-file.js";
export { CredentialFileResultSchema, validateCredentialFile } from "./validate-credential-file.js";
export type { CredentialFileResult, ValidateCredentialFileOptions } from "./validate-credential-file.js";
export { readIssuedCredentialFile } from "./issued-credential-file.js";
export type { ReadIssuedCredentialFileResult } from "./issued-credential-file.js";
export { readForeignCredentialFile } from "./foreign-file.js";
