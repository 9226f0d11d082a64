/**
 * The errors green-skills throws. Functions throw only for misuse or an environment fault (a missing
 * file, a corrupt bundle); user documents such as credentials are validated into issues instead.
 *
 * @module
 */

/**
 * Base class of every error green-skills throws.
 *
 * @category Errors
 */
export abstract class GreenSkillsError extends Error {
  override name = "GreenSkillsError";
  /** A stable machine-readable code, e.g. `E_CONCEPT_NOT_FOUND` (see {@link GreenSkillsErrorCode}). */
  readonly code: GreenSkillsErrorCode;

  /** Only the named subclasses construct it: every error thrown has its own class and code. */
  protected constructor(code: GreenSkillsErrorCode, message: string, options?: { cause?: unknown }) {
    super(text(message), options);
    this.code = code;
  }
}

/**
 * Every `code` a {@link GreenSkillsError} can carry. Codes are stable: match on them (or on the class).
 *
 * @category Errors
 */
export type GreenSkillsErrorCode =
  | "E_CONCEPT_NOT_FOUND"
  | "E_WRONG_CONCEPT_KIND"
  | "E_FULL_ESCO_REQUIRED"
  | "E_INVALID_OPTION"
  | "E_INVALID_ARGUMENT"
  | "E_NOT_A_TAXONOMY"
  | "E_INVALID_BUNDLE"
  | "E_UNKNOWN_SECTOR"
  | "E_UNKNOWN_COLLECTION"
  | "E_NO_FRAMEWORK"
  | "E_INVALID_FRAMEWORK"
  | "E_INVALID_MAPPING_SOURCE"
  | `E_IMPORT_${Uppercase<EscoImportErrorReason>}`
  | "E_CREDENTIAL_FILE"
  | `E_OUTPUT_${Uppercase<OutputPathErrorReason>}`
  | `E_EXPORT_${Uppercase<ExportErrorReason>}`;

/**
 * A concept URI was asked for explicitly and the taxonomy does not hold it.
 *
 * @category Errors
 */
export class ConceptNotFoundError extends GreenSkillsError {
  override name = "ConceptNotFoundError";
  /** The URI (or id) that was not found. */
  readonly uri: string;

  constructor(api: string, uri: string, hint?: string) {
    super("E_CONCEPT_NOT_FOUND", `${text(api)}: concept "${text(uri)}" not found${hint ? `. ${hint}` : "."}`);
    this.uri = uri;
  }
}

/**
 * A concept exists but is of the wrong kind for the call (an occupation where a skill was expected).
 *
 * @category Errors
 */
export class WrongConceptKindError extends GreenSkillsError {
  override name = "WrongConceptKindError";
  readonly uri: string;
  readonly expected: readonly string[];
  readonly actual: string;

  constructor(api: string, uri: string, expected: readonly string[], actual: string) {
    super(
      "E_WRONG_CONCEPT_KIND",
      `${text(api)}: "${text(uri)}" is a ${text(actual)}, expected ${expected.join(" or ")}.`,
    );
    this.uri = uri;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * The call needs data that the loaded taxonomy does not hold (for example occupation–skill relations on
 * the embedded default, which carries only the curated layer).
 *
 * @category Errors
 */
export class FullEscoRequiredError extends GreenSkillsError {
  override name = "FullEscoRequiredError";

  constructor(api: string, what: string) {
    super(
      "E_FULL_ESCO_REQUIRED",
      `${api}: ${what} needs a full ESCO import; the embedded default holds only the curated layer. ` +
        "Import your ESCO download with `green-skills import` and load the bundle.",
    );
  }
}

/**
 * A function was called with an option it cannot use: a limit that is not a positive integer, a language
 * or collection the taxonomy does not have, an unknown skill type.
 *
 * @category Errors
 */
export class InvalidOptionError extends GreenSkillsError {
  override name = "InvalidOptionError";
  /** The option at fault, e.g. `lang`. */
  readonly option: string;

  constructor(api: string, option: string, message: string) {
    super("E_INVALID_OPTION", `${text(api)}: option "${text(option)}" ${text(message)}`);
    this.option = option;
  }
}

/**
 * A public function was called with an argument of the wrong type or shape (`importEsco(undefined)`,
 * `searchSkills(taxonomy, 42)`, an options argument that is not an object). Thrown before any work is done,
 * so no raw `TypeError` escapes from inside the library.
 *
 * @category Errors
 */
export class InvalidArgumentError extends GreenSkillsError {
  override name = "InvalidArgumentError";
  /** The parameter at fault, e.g. `query` or `options`. */
  readonly argument: string;

  constructor(api: string, argument: string, expected: string, actual: unknown) {
    super(
      "E_INVALID_ARGUMENT",
      `${text(api)}: ${text(argument)} must be ${text(expected)}, got ${describeValue(actual)}.`,
    );
    this.argument = argument;
  }
}

/** Text of a constructor argument: strings as they are, anything else described (never throws). */
const text = (value: unknown): string => (typeof value === "string" ? value : describeValue(value));

/** A short, safe description of a value for error messages (never calls user code, never throws). */
export function describeValue(value: unknown): string {
  try {
    return describeUnsafe(value);
  } catch {
    return "an object";
  }
}

function describeUnsafe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      return value.length > 40 ? `a string of length ${value.length}` : `the string ${JSON.stringify(value)}`;
    case "number":
    case "bigint":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      return ArrayBuffer.isView(value)
        ? `a ${Object.prototype.toString.call(value).slice(8, -1)} of ${value.byteLength} bytes`
        : "an object";
  }
}

/**
 * A function that needs a taxonomy was given something else: not a `Taxonomy` made by `loadTaxonomy`
 * (a plain object, a bundle, a copy made with the spread operator).
 *
 * @category Errors
 */
export class NotATaxonomyError extends GreenSkillsError {
  override name = "NotATaxonomyError";

  constructor(api?: string, value?: unknown) {
    // biome-ignore lint/complexity/noArguments: "no value passed" and "undefined passed" read differently.
    const got = arguments.length > 1 ? `, got ${describeValue(value)}` : "";
    super("E_NOT_A_TAXONOMY", `${api ? `${text(api)}: ` : ""}expected a Taxonomy created by loadTaxonomy()${got}.`);
  }
}

/**
 * A bundle could not be loaded: wrong magic bytes, unsupported format version, or a corrupt or truncated file.
 *
 * @category Errors
 */
export class InvalidBundleError extends GreenSkillsError {
  override name = "InvalidBundleError";
  /** Where the bundle came from (a file path), when known. */
  readonly source: string | undefined;

  constructor(message: string, source?: string, options?: { cause?: unknown }) {
    super("E_INVALID_BUNDLE", source ? `${text(source)}: ${text(message)}` : message, options);
    this.source = source;
  }
}

/**
 * A sector id was asked for explicitly and the attached framework has no such sector.
 *
 * @category Errors
 */
export class UnknownSectorError extends GreenSkillsError {
  override name = "UnknownSectorError";
  /** The id that was asked for. */
  readonly sectorId: string;
  /** The sector ids the framework does have. */
  readonly known: readonly string[];

  constructor(api: string, sectorId: string, known: readonly string[]) {
    super(
      "E_UNKNOWN_SECTOR",
      `${text(api)}: sector "${text(sectorId)}" not found (known sectors: ${known.join(", ") || "none"}).`,
    );
    this.sectorId = sectorId;
    this.known = known;
  }
}

/**
 * A collection was asked for by name and the taxonomy has no such collection (see `taxonomy.collections`).
 *
 * @category Errors
 */
export class UnknownCollectionError extends GreenSkillsError {
  override name = "UnknownCollectionError";
  /** The name that was asked for. */
  readonly collection: string;
  /** The collections the taxonomy does have. */
  readonly known: readonly string[];

  constructor(api: string, collection: string, known: readonly string[]) {
    super(
      "E_UNKNOWN_COLLECTION",
      `${text(api)}: no collection "${text(collection)}" (this taxonomy has: ${known.join(", ") || "none"}).`,
    );
    this.collection = collection;
    this.known = known;
  }
}

/**
 * A framework query (sectors, GreenComp) was called on a taxonomy that has no framework layer attached.
 *
 * @category Errors
 */
export class FrameworkNotAttachedError extends GreenSkillsError {
  override name = "FrameworkNotAttachedError";

  constructor(api: string) {
    super(
      "E_NO_FRAMEWORK",
      `${text(api)}: this taxonomy has no framework layer (sectors, GreenComp). Load it with \`loadTaxonomy\` from ` +
        "green-skills/node, or call attachFramework(taxonomy, defaultFramework) with defaultFramework from green-skills/data.",
    );
  }
}

/**
 * A framework object handed to the library is not valid (it did not come from the curated sources or
 * `parseSectorSource`, or was changed into an invalid shape).
 *
 * @category Errors
 */
export class InvalidFrameworkError extends GreenSkillsError {
  override name = "InvalidFrameworkError";
  /** Where in the framework object the first problem is, e.g. `sectors.2.nace.0.rev21`. */
  readonly path: string;

  constructor(api: string, path: string, message: string) {
    super("E_INVALID_FRAMEWORK", `${text(api)}: invalid framework at ${path || "(root)"}: ${text(message)}`);
    this.path = path;
  }
}

/**
 * A value passed as a credential definition to `migrateMappings` does not have the shape of one (see
 * `MappingSourceSchema`). Validate untrusted documents with `MappingSourceSchema.safeParse` first to get
 * every problem as data instead.
 *
 * @category Errors
 */
export class InvalidMappingSourceError extends GreenSkillsError {
  override name = "InvalidMappingSourceError";
  /** Every problem found, with its path into the document. */
  readonly issues: readonly { readonly path: readonly (string | number)[]; readonly message: string }[];

  constructor(
    api: string,
    issues: readonly { readonly path: readonly (string | number)[]; readonly message: string }[],
  ) {
    issues = Array.isArray(issues) ? issues : [];
    const first = issues[0];
    const where = first && Array.isArray(first.path) && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
    super(
      "E_INVALID_MAPPING_SOURCE",
      `${text(api)}: not a credential definition${where}: ${first?.message ?? "invalid"}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ""}.`,
    );
    this.issues = issues;
  }
}

/**
 * What went wrong while importing an ESCO download. `bad_zip`: a damaged archive or member (truncated,
 * CRC-32 or size mismatch); `unsupported_zip`: an encrypted member or a compression method other than
 * deflate or stored; `too_large`: a member over the unzip limits (`maxUnzippedSize`,
 * `maxCompressionRatio`); `no_data`: a required file with no data rows.
 */
export type EscoImportErrorReason =
  | "unreadable_path"
  | "missing_file"
  | "bad_header"
  | "csv_syntax"
  | "bad_zip"
  | "unsupported_zip"
  | "too_large"
  | "not_esco"
  | "duplicate_file"
  | "bad_value"
  | "no_data"
  | "write_failed";

/**
 * An ESCO download could not be imported. Carries the file (and line, where there is one).
 *
 * @category Errors
 */
export class EscoImportError extends GreenSkillsError {
  override name = "EscoImportError";
  readonly reason: EscoImportErrorReason;
  /** The file (or `zip > member`) at fault. */
  readonly file: string | undefined;
  /** 1-based line in that file, when the fault has one. */
  readonly line: number | undefined;

  constructor(
    reason: EscoImportErrorReason,
    message: string,
    location: { file?: string; line?: number } = {},
    options?: { cause?: unknown },
  ) {
    const where = location.file ? `${location.file}${location.line ? `:${location.line}` : ""}: ` : "";
    super(`E_IMPORT_${reason.toUpperCase() as Uppercase<EscoImportErrorReason>}`, `${where}${text(message)}`, options);
    this.reason = reason;
    this.file = location.file;
    this.line = location.line;
  }
}

/**
 * A credential file could not be read: it does not exist, is a folder, or is not readable. (Problems in
 * its content are reported as validation issues instead.)
 *
 * @category Errors
 */
export class CredentialFileError extends GreenSkillsError {
  override name = "CredentialFileError";
  /** The path that could not be read. */
  readonly file: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super("E_CREDENTIAL_FILE", `${text(file)}: ${text(reason)}`, options);
    this.file = file;
  }
}

/** Why an output file was not written. */
export type OutputPathErrorReason = "is_input" | "not_regular" | "no_folder" | "write_failed";

/**
 * An output file was refused or could not be written: it is one of the command's inputs (the same file
 * by device and inode, or a file inside an input folder), it is not a regular file (a device, FIFO or
 * folder), the folder it would go into does not exist, or the write itself failed (`errno` says why, e.g.
 * `ENOSPC`). Nothing was written and the existing file, if any, is unchanged.
 *
 * @category Errors
 */
export class OutputPathError extends GreenSkillsError {
  override name = "OutputPathError";
  readonly reason: OutputPathErrorReason;
  /** The output path as given. */
  readonly path: string;
  /** For `is_input`: the input it coincides with. */
  readonly input: string | undefined;
  /** For `write_failed` (and a missing folder): the file-system error code, e.g. `ENOSPC`. */
  readonly errno: string | undefined;

  constructor(
    reason: OutputPathErrorReason,
    path: string,
    message: string,
    details: { input?: string; errno?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(`E_OUTPUT_${reason.toUpperCase() as Uppercase<OutputPathErrorReason>}`, `${path}: ${message}`, options);
    this.reason = reason;
    this.path = path;
    this.input = details.input;
    this.errno = details.errno;
  }
}

/** Why an export could not be made. */
export type ExportErrorReason = "invalid_input" | "missing_data" | "unresolved_definition";

/**
 * A credential could not be exported (to Open Badges 3.0 or ELM): the value passed is not a parsed
 * definition or issued credential (`invalid_input`, with the first problems), the target format needs data
 * that neither the credential nor the options give (`missing_data`, e.g. the issuer's eIDAS legal
 * identifier for a European Digital Credential), or an issued credential still refers to its definition
 * by file path (`unresolved_definition`).
 *
 * @category Errors
 */
export class ExportError extends GreenSkillsError {
  override name = "ExportError";
  readonly reason: ExportErrorReason;
  /** Where in the input, or which option, the problem concerns (e.g. `["awardingBodies", 0, "legalIdentifier"]`). */
  readonly path: readonly (string | number)[];

  constructor(api: string, reason: ExportErrorReason, message: string, path: readonly (string | number)[] = []) {
    super(`E_EXPORT_${reason.toUpperCase() as Uppercase<ExportErrorReason>}`, `${text(api)}: ${text(message)}`);
    this.reason = reason;
    this.path = path;
  }
}

/**
 * True for any error thrown by green-skills. Checks `name` and `code` rather than `instanceof`, so it also
 * works across realms and duplicated installs.
 *
 * @category Errors
 * @example
 * ```ts
 * import { isGreenSkillsError } from "green-skills";
 * try { JSON.parse("{") } catch (error) { isGreenSkillsError(error) } //=> false
 * ```
 */
export function isGreenSkillsError(error: unknown): error is GreenSkillsError {
  try {
    return looksLikeGreenSkillsError(error);
  } catch {
    return false;
  }
}

function looksLikeGreenSkillsError(error: unknown): error is GreenSkillsError {
  return (
    error instanceof GreenSkillsError ||
    (typeof error === "object" &&
      error !== null &&
      typeof (error as { name?: unknown }).name === "string" &&
      typeof (error as { code?: unknown }).code === "string" &&
      /Error$/.test((error as { name: string }).name) &&
      /^E_[A-Z_]+$/.test((error as { code: string }).code))
  );
}
