import type * as z from "zod";
import { type CredentialIssue, type IssuePath, issue } from "./issues.js";
import { type SanitizeLimits, sanitize } from "./sanitize.js";
import {
  IssuedMicroCredentialSchema,
  type IssuedMicroCredential,
  type LearningOutcome,
  LearningOutcomeSchema,
  type MicroCredential,
  MicroCredentialSchema,
} from "./schema.js";
import { closest } from "./closest.js";
import { fromZodIssues } from "./zod-issues.js";

/**
 * Parsing, field by field: each top-level field (and each learning outcome) is checked against its own
 * schema, so one broken field does not hide the rest of the document from the semantic rules. A document
 * with an `issuer` typo still gets its ESCO mapping checked.
 *
 * @module
 */

/** A definition as far as it parsed. @internal */
export interface ParsedDefinition {
  /** `[]` for a definition file, `["definition"]` for one inline in an issued credential. */
  readonly prefix: IssuePath;
  /** Fields that parsed (learning outcomes are in `outcomes`). */
  readonly fields: Partial<MicroCredential>;
  /** Top-level keys that are present, valid or not. */
  readonly present: ReadonlySet<string>;
  /** Top-level keys that are present but did not parse. */
  readonly invalid: ReadonlySet<string>;
  /** The learning outcomes that parsed, with their index in the document. */
  readonly outcomes: readonly { index: number; outcome: LearningOutcome }[];
}

/** An issued credential as far as it parsed. @internal */
export interface ParsedIssued {
  readonly fields: Partial<Omit<IssuedMicroCredential, "definition">>;
  readonly present: ReadonlySet<string>;
  readonly invalid: ReadonlySet<string>;
  /** The definition's file reference, when it is one. */
  readonly definitionRef?: string;
}

/** The outcome of parsing one document. @internal */
export interface ParsedDocument {
  readonly kind: "definition" | "issued" | "unknown";
  readonly definition?: ParsedDefinition;
  readonly issued?: ParsedIssued;
  readonly issues: CredentialIssue[];
}

const ISSUED_KEYS = ["definition", "learner", "issued"];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseFields(
  shape: Record<string, z.core.$ZodType>,
  raw: Record<string, unknown>,
  prefix: IssuePath,
  issues: CredentialIssue[],
  special: Record<string, (value: unknown, path: IssuePath) => boolean> = {},
): { fields: Record<string, unknown>; present: Set<string>; invalid: Set<string> } {
  const fields: Record<string, unknown> = {};
  const present = new Set<string>();
  const invalid = new Set<string>();
  const known = Object.keys(shape);
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!Object.hasOwn(shape, key)) {
      const near = closest(key, known);
      issues.push(
        issue("unknown_field", "error", [...prefix, key], `unknown field "${key}"`, {
          suggestion: near ? `did you mean "${near}"?` : undefined,
        }),
      );
      continue;
    }
    if (value === undefined) continue;
    present.add(key);
    const path = [...prefix, key];
    const handler = special[key];
    if (handler) {
      if (!handler(value, path)) invalid.add(key);
      continue;
    }
    const schema = shape[key]!;
    const result = (schema as z.ZodType).safeParse(value);
    if (result.success) fields[key] = result.data;
    else {
      invalid.add(key);
      issues.push(...fromZodIssues(result.error.issues, path, value, schema));
    }
  }
  return { fields, present, invalid };
}

function parseDefinition(raw: Record<string, unknown>, prefix: IssuePath, issues: CredentialIssue[]): ParsedDefinition {
  const outcomes: { index: number; outcome: LearningOutcome }[] = [];
  const parsed = parseFields(MicroCredentialSchema.shape, raw, prefix, issues, {
    learningOutcomes: (value, path) => {
      if (!Array.isArray(value)) {
        issues.push(
          ...fromZodIssues(
            MicroCredentialSchema.shape.learningOutcomes.safeParse(value).error?.issues ?? [],
            path,
            value,
            MicroCredentialSchema.shape.learningOutcomes,
          ),
        );
        return false;
      }
      if (value.length === 0) {
        issues.push(
          issue("missing_element", "error", path, 'Annex I element "Learning outcomes" is empty', {
            suggestion: "state at least one learning outcome",
            element: "learning-outcomes",
          }),
        );
        return false;
      }
      let ok = true;
      value.forEach((item, index) => {
        const result = LearningOutcomeSchema.safeParse(item);
        if (result.success) outcomes.push({ index, outcome: result.data });
        else {
          ok = false;
          issues.push(...fromZodIssues(result.error.issues, [...path, index], item, LearningOutcomeSchema));
        }
      });
      return ok;
    },
  });
  return {
    prefix,
    fields: parsed.fields as Partial<MicroCredential>,
    present: parsed.present,
    invalid: parsed.invalid,
    outcomes,
  };
}

/**
 * Sanitizes and parses a credential document (a definition or an issued credential) field by field.
 *
 * @internal
 */
export function parseDocument(input: unknown, limits: SanitizeLimits = {}): ParsedDocument {
  const sanitized = sanitize(input, limits, "validateCredential");
  const issues = sanitized.issues;
  // Past a size or nesting limit the copy is incomplete: judging it would only add noise.
  if (issues.some((i) => i.code === "input_too_large")) return { kind: "unknown", issues };
  const raw = sanitized.value;
  if (!isRecord(raw)) {
    const got =
      raw === undefined || raw === null ? "an empty document" : Array.isArray(raw) ? "a list" : `a ${typeof raw}`;
    issues.push(
      issue(
        "invalid_value",
        "error",
        [],
        `expected a micro-credential (a mapping of fields such as title and learningOutcomes), got ${got}`,
      ),
    );
    return { kind: "unknown", issues };
  }
  if (!ISSUED_KEYS.some((key) => key in raw))
    return { kind: "definition", definition: parseDefinition(raw, [], issues), issues };

  const { definition, ...rest } = raw;
  const parsed = parseFields(IssuedMicroCredentialSchema.shape, rest, [], issues);
  const present = new Set(parsed.present);
  const invalid = new Set(parsed.invalid);
  let inline: ParsedDefinition | undefined;
  let definitionRef: string | undefined;
  if (definition !== undefined) present.add("definition");
  if (typeof definition === "string" && definition.trim()) definitionRef = definition.trim();
  else if (isRecord(definition)) inline = parseDefinition(definition, ["definition"], issues);
  else if (definition !== undefined) {
    invalid.add("definition");
    issues.push(
      issue(
        "invalid_value",
        "error",
        ["definition"],
        "expected an inline definition or a relative path to a definition file",
      ),
    );
  }
  const issued: ParsedIssued = {
    fields: parsed.fields as ParsedIssued["fields"],
    present,
    invalid,
    ...(definitionRef ? { definitionRef } : {}),
  };
  return { kind: "issued", issued, ...(inline ? { definition: inline } : {}), issues };
}
