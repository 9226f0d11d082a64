import * as z from "zod";
import { IssuePathSchema, IssueSchema } from "../issue.js";

/**
 * What an export reports besides the document: places where it had to fall back (a label in another
 * language) or could not carry something over. Exports never drop data silently.
 *
 * @module
 */

/**
 * Every export warning code, with what it means.
 *
 * @category Export
 */
export const EXPORT_WARNING_CODES = {
  label_fallback: "An ESCO label is missing in the requested language; the label in another language was used.",
  text_fallback:
    "A text of the credential is missing in the requested language; the text in another language was used.",
  concept_not_in_taxonomy:
    "A mapped ESCO URI is not in the loaded taxonomy (e.g. the embedded default holds only curated concepts); its label could not be looked up, so the URI stands in for it.",
  esco_version_differs: "The mapping was made against another ESCO version than the taxonomy the labels come from.",
  assumed_value:
    "The target format requires a value the credential does not give; a documented default was used (the message says which).",
  not_exported: "A value has no place in the target format and was left out (the message says which).",
} as const;

/** An export warning code. @category Export */
export type ExportWarningCode = keyof typeof EXPORT_WARNING_CODES;

/**
 * One warning of an export.
 *
 * @category Export
 */
export const ExportWarningSchema = /* @__PURE__ */ (() =>
  IssueSchema.extend({
    code: z.enum(Object.keys(EXPORT_WARNING_CODES) as [ExportWarningCode, ...ExportWarningCode[]]),
    /** Always `warning`: an export of a valid credential has nothing worse to say. */
    severity: z.literal("warning"),
    /** Where in the credential the value comes from: `["learningOutcomes", 0, "esco", 1]`. */
    path: IssuePathSchema,
  }))();
/** One warning of an export. @category Export */
export type ExportWarning = z.infer<typeof ExportWarningSchema>;

/**
 * The result of an export: the document (plain JSON) and the warnings.
 *
 * @category Export
 */
export interface ExportResult<T> {
  readonly document: T;
  readonly warnings: ExportWarning[];
}

/** @internal Collects warnings once per (code, path, message). */
export class Warnings {
  readonly list: ExportWarning[] = [];
  readonly #seen = new Set<string>();

  add(code: ExportWarningCode, path: readonly (string | number)[], message: string): void {
    const key = `${code}\u0000${path.join("\u0000")}\u0000${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push({ code, severity: "warning", path: [...path], message });
  }
}
