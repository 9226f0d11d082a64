import type * as z from "zod";
import { type AnySchema, readZodIssues } from "../zod-issues.js";
import { closest } from "./closest.js";
import { type CredentialIssue, type IssuePath, issue } from "./issues.js";
import { COUNTRY_CODE_ALIASES } from "./vocab/countries.js";
import { elementAt } from "./vocab/annex.js";

/**
 * Turns zod's issues into credential issues: a missing mandatory element becomes `missing_element`
 * (naming the Annex I element), an unexpected key `unknown_field` with the closest known key, and
 * everything else `invalid_value` with a readable message and, for closed value sets, the likely option.
 *
 * @module
 */

// Words people use for the ELM slugs.
const SLUG_ALIASES: Record<string, string> = {
  presential: "onsite",
  "in-person": "onsite",
  "face-to-face": "onsite",
  classroom: "onsite",
  "on-site": "onsite",
  distance: "online",
  "e-learning": "online",
  elearning: "online",
  remote: "online",
  hybrid: "blended",
  workbased: "work-based",
  "work-based-learning": "work-based",
  informal: "non-formal",
  standalone: "stand-alone",
  exam: "written-examination",
  "written-exam": "written-examination",
  "oral-exam": "oral-examination",
  project: "project-work",
  practical: "practical-assessment",
};

const isEmpty = (value: unknown) =>
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return value.length > 40 ? `the text "${value.slice(0, 37)}…"` : `the text "${value}"`;
  return `${typeof value} ${String(value)}`;
}

function slugSuggestion(value: unknown, options: readonly unknown[]): string | undefined {
  if (typeof value !== "string") return undefined;
  const strings = options.filter((o): o is string => typeof o === "string");
  const alias = COUNTRY_CODE_ALIASES[value.toUpperCase()];
  if (alias && strings.includes(alias.code)) return `use ${alias.code} (${alias.note})`;
  if (strings.includes(value.toUpperCase())) return `use ${value.toUpperCase()} (upper case)`;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const aliased = SLUG_ALIASES[key];
  if (aliased && strings.includes(aliased)) return `use "${aliased}"`;
  const near = closest(value, strings);
  if (near) return `did you mean "${near}"?`;
  return strings.length <= 16 ? `one of: ${strings.join(", ")}` : undefined;
}

/**
 * Maps the zod issues of one field to credential issues.
 *
 * @param fieldPath - Path of the field in the document (`["issuer"]`, `["definition", "level"]`).
 * @param fieldValue - The field's (sanitized) value, to tell a missing key from a wrong one.
 * @param schema - The field's schema, to list known keys for `unknown_field`.
 */
export function fromZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  fieldPath: IssuePath,
  fieldValue: unknown,
  schema: AnySchema,
): CredentialIssue[] {
  const out: CredentialIssue[] = [];
  for (const finding of readZodIssues(zodIssues, fieldPath, fieldValue, schema)) {
    const { path, zod: zi } = finding;
    const element = elementAt(path);
    if (finding.kind === "unknown_key") {
      const { key, known } = finding;
      const near = closest(key, known);
      out.push(
        issue("unknown_field", "error", path, `unknown field "${key}"`, {
          suggestion: near
            ? `did you mean "${near}"?`
            : known.length > 0
              ? `fields here: ${known.join(", ")}`
              : undefined,
          element: element?.id,
        }),
      );
      continue;
    }
    const value = finding.kind === "invalid" ? finding.value : undefined;
    const docDepth = path.length - (path[0] === "definition" ? 1 : 0);
    const missing = finding.kind === "missing";
    const mandatory = element?.obligation === "mandatory";
    const last = path[path.length - 1];
    if (missing && path.at(-2) === "level" && last === "eqf") {
      out.push(
        issue("eqf_level_missing", "error", path, "the level states no EQF level", {
          suggestion: 'add eqf: 1–8, or eqf: "not-applicable" if no EQF level applies',
          element: "level",
        }),
      );
      continue;
    }
    if (mandatory && docDepth <= 2 && (missing || isEmpty(value))) {
      out.push(
        issue(
          "missing_element",
          "error",
          path,
          `Annex I element "${element.label}" is ${missing ? `missing: add ${String(last)}` : "empty"}`,
          {
            suggestion: missing ? undefined : zi.message,
            element: element.id,
          },
        ),
      );
      continue;
    }
    if (missing) {
      out.push(
        issue("invalid_value", "error", path, `required field "${String(last)}" is missing`, { element: element?.id }),
      );
      continue;
    }
    // zod's own messages start with "Invalid"; messages written in the schema are kept.
    const custom = !zi.message.startsWith("Invalid");
    let message = zi.message;
    let suggestion: string | undefined;
    if (zi.code === "invalid_value" || zi.code === "invalid_type" || zi.code === "invalid_union") {
      if (custom) message = `${zi.message}; got ${describe(value)}`;
      else if (zi.code === "invalid_type")
        message = `expected ${zi.expected === "record" ? "a mapping" : zi.expected}, got ${describe(value)}`;
      else message = `${describe(value)} is not allowed here`;
      if (zi.code === "invalid_value") suggestion = slugSuggestion(value, zi.values);
    }
    out.push(issue("invalid_value", "error", path, message, { suggestion, element: element?.id }));
  }
  return out;
}
