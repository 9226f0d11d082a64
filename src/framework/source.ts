import * as z from "zod";
import { EscoConceptsFileSchema, GreenCompSchema, SectorSchema } from "./schema.js";
import { argString } from "../guard.js";
import { parseYamlSource } from "../text/yaml-source.js";
import { readZodIssues } from "../zod-issues.js";
import { type Failure, type Issue, IssueSchema, type Success, failure } from "../issue.js";

/**
 * Parsing the framework's YAML sources (sector files, GreenComp, cited ESCO facts) into validated values,
 * with every problem located by file, line, column and path. Browser-safe: it takes text, not paths.
 *
 * @module
 */

/**
 * A problem found in a framework source file.
 *
 * @category Framework
 */
export const SourceIssueSchema = /* @__PURE__ */ (() =>
  IssueSchema.extend({
    /** Stable snake_case code: `yaml_syntax`, `missing_field`, `unknown_key`, `invalid_value`, `duplicate_id` … */
    code: z.string(),
  }))();
/** A problem found in a framework source file: an {@link Issue} whose `file`, `line` and `column` point at the node. @category Framework */
export type SourceIssue = z.infer<typeof SourceIssueSchema>;

/**
 * Where a path into a source document is: 1-based line and column, or `undefined` when unknown.
 *
 * @category Framework
 */
export type Locate = (path: readonly (string | number)[]) => { line: number; column: number } | undefined;

/**
 * The result of parsing a source: the value (`data`) with a locator for later cross-checks, or the issues
 * (never empty on failure).
 *
 * @category Framework
 */
export type SourceResult<T> =
  | (Success<T, SourceIssue> & { file: string | undefined; locate: Locate })
  | (Failure<SourceIssue> & { file: string | undefined });

/** Limits that keep a hostile file from exhausting memory. */
const MAX_BYTES = 2_000_000;
const MAX_ALIASES = 100;
const MAX_FLOW_DEPTH = 64;

/** Turns zod issues into located source issues; `data` is the parsed input, to tell a missing field from a wrong one. */
export function zodIssuesToSource(
  error: z.ZodError,
  data: unknown,
  file: string | undefined,
  locate: Locate,
  prefix: readonly (string | number)[] = [],
): SourceIssue[] {
  return readZodIssues(error.issues, [...prefix], data).map((finding): SourceIssue => {
    const { path } = finding;
    if (finding.kind === "unknown_key") {
      return {
        code: "unknown_key",
        severity: "error",
        path,
        message: `unknown key "${finding.key}"`,
        suggestion: "check the spelling; see docs/sectors.md for the fields",
        ...where(file, locate(path)),
      };
    }
    const missing = finding.kind === "missing" && finding.zod.code === "invalid_type";
    const message = missing ? `"${String(path.at(-1) ?? "value")}" is required` : finding.zod.message;
    return {
      code: missing ? "missing_field" : "invalid_value",
      severity: "error",
      path,
      message,
      ...where(file, locate(path)),
    };
  });
}

const where = (file: string | undefined, at: { line: number; column: number } | undefined) => ({
  ...(file === undefined ? {} : { file }),
  ...(at ? { line: at.line, column: at.column } : {}),
});

/** Parses YAML (or JSON, which is YAML) text and validates it with `schema`. Never throws on bad input. */
export function parseSource<T>(schema: z.ZodType<T>, text: string, file?: string): SourceResult<T> {
  if (text.length > MAX_BYTES) {
    return {
      ...failure([
        {
          code: "file_too_large",
          severity: "error",
          path: [],
          message: `the file is larger than ${MAX_BYTES} bytes`,
          ...where(file, undefined),
        },
      ]),
      file,
    };
  }
  const yaml = parseYamlSource(text, { maxAliasCount: MAX_ALIASES, maxFlowDepth: MAX_FLOW_DEPTH });
  const position = (offset: number | undefined) => {
    if (offset === undefined) return undefined;
    const { line, col } = yaml.lineCounter.linePos(offset);
    return { line, column: col };
  };
  // A map entry is located at its key, a missing key at its deepest existing ancestor, else the document.
  const locate: Locate = (path) => position(yaml.offsetOf(path) ?? yaml.rootOffset);
  const errors = yaml.problems.filter((p) => p.kind !== "warning");
  if (errors.length > 0) {
    const issues = errors.map(
      (p): SourceIssue => ({
        code: "yaml_syntax",
        severity: "error",
        path: [],
        message: p.message,
        ...(p.hint ? { suggestion: p.hint } : {}),
        ...where(file, p.kind === "syntax" ? position(p.offset) : undefined),
      }),
    );
    return { ...failure(issues), file };
  }
  const warnings = yaml.problems.map(
    (p): SourceIssue => ({
      code: "yaml_warning",
      severity: "warning",
      path: [],
      message: p.message,
      ...where(file, position(p.offset)),
    }),
  );
  const data = yaml.value;
  if (typeof data !== "object" || data === null) {
    return {
      ...failure([
        ...warnings,
        {
          code: "invalid_value",
          severity: "error",
          path: [],
          message: "expected a YAML mapping at the top level",
          ...where(file, locate([])),
        },
      ]),
      file,
    };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    return { ...failure([...warnings, ...zodIssuesToSource(parsed.error, data, file, locate)]), file };
  return { success: true, data: parsed.data, file, locate, issues: warnings };
}

/**
 * Parses a sector file (YAML or JSON text) such as `taxonomy/src/sectors/construction.yaml` or one a user
 * writes to add a sector. Returns located issues instead of throwing.
 *
 * @category Framework
 * @param text - The file's content.
 * @param file - The file name, used in issues.
 * @returns The sector, or the issues with file, line and path.
 * @example
 * ```ts
 * const result = parseSectorSource("id: retrofit\nlabel: { en: Retrofit }\ndescription: { en: Deep renovation }\n", "retrofit.yaml");
 * result.success && result.data.id //=> "retrofit"
 * ```
 */
export function parseSectorSource(text: string, file?: string): SourceResult<z.infer<typeof SectorSchema>> {
  argString("parseSectorSource", "text", text, true);
  if (file !== undefined) argString("parseSectorSource", "file", file, true);
  return parseSource(SectorSchema, text, file);
}

/**
 * Parses `taxonomy/src/greencomp.yaml`.
 *
 * @category Framework
 * @param text - The file's content.
 * @param file - The file name, used in issues.
 * @returns GreenComp with its crosswalk, or located issues.
 */
export function parseGreenCompSource(text: string, file?: string): SourceResult<z.infer<typeof GreenCompSchema>> {
  argString("parseGreenCompSource", "text", text, true);
  if (file !== undefined) argString("parseGreenCompSource", "file", file, true);
  return parseSource(GreenCompSchema, text, file);
}

/**
 * Parses `taxonomy/src/esco-concepts.yaml`, the offline facts of every cited ESCO concept.
 *
 * @category Framework
 * @param text - The file's content.
 * @param file - The file name, used in issues.
 * @returns The facts, or located issues.
 */
export function parseEscoConceptsSource(
  text: string,
  file?: string,
): SourceResult<z.infer<typeof EscoConceptsFileSchema>> {
  argString("parseEscoConceptsSource", "text", text, true);
  if (file !== undefined) argString("parseEscoConceptsSource", "file", file, true);
  return parseSource(EscoConceptsFileSchema, text, file);
}
