import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { storeOf } from "../taxonomy/taxonomy.js";
import type { IssueLocator, RuleContext, SuggestSkills, ValidateCredentialOptions } from "./context.js";
import { InvalidOptionError } from "../errors.js";
import { argOptions, optBoolean, optNumber, optObject, optString, readOption } from "../guard.js";
import { elementStatuses } from "./elements.js";
import {
  type Candidate,
  type CredentialIssue,
  type CredentialValidationResult,
  type ValidationReport,
  countIssues,
  issue,
} from "./issues.js";
import { normaliseDefinition } from "./resolve-definition.js";
import { type ParsedDefinition, type ParsedDocument, parseDocument } from "./parse.js";
import type { IssuedMicroCredential, MicroCredential } from "./schema.js";
import { RULES } from "./rules/index.js";
import { defaultSuggest } from "./suggest.js";
import { applyTodos, stripTodos } from "./todo.js";

/**
 * Validates a micro-credential definition, or an issued micro-credential, against a taxonomy: parse
 * (zod) → normalise → semantic rules. Never throws on user input: every problem becomes an issue with a
 * stable `code`, a `severity`, a `path` into the document and, where possible, a `suggestion`.
 *
 * On the embedded default (curated concepts only), ESCO URIs outside the curated set are not judged;
 * a `full_esco_required` info issue says so.
 *
 * @category Validation
 * @param input - The parsed document (from JSON or YAML), of any shape.
 * @param taxonomy - The ESCO taxonomy to check skills against.
 * @param options - Suggestions, known sectors, workload convention, limits.
 * @returns `success` (no `error` issue) with the typed document as `data`, the issues, and the Annex I
 *   checklist.
 * @throws {@link GreenSkillsError} `E_NOT_A_TAXONOMY` when `taxonomy` is not a loaded taxonomy (misuse).
 * @example
 * ```ts
 * import { validateCredential } from "green-skills";
 * const { success, issues } = validateCredential(taxonomy, definition);
 * issues.map((i) => `${i.severity} ${i.code} at ${i.path.join(".")}`)
 * //=> ["warning unmapped_outcome at learningOutcomes.2.esco"]
 * ```
 */
export function validateCredential(
  taxonomy: Taxonomy,
  input: unknown,
  options: ValidateCredentialOptions = {},
): CredentialValidationResult {
  const store = storeOf(taxonomy, "validateCredential");
  options = validateOptions(options);
  const todo = stripTodos(input);
  const doc = parseDocument(todo.value, options.limits);
  let issues: CredentialIssue[] = [...(options.issues ?? []), ...doc.issues];
  const lang = options.lang ?? taxonomy.languages[0] ?? "en";
  const suggestFn = options.suggest === false ? undefined : (options.suggest ?? defaultSuggest(taxonomy));
  const limit = options.suggestions ?? 3;
  const context: RuleContext = {
    doc,
    definition: doc.definition ? normaliseDefinition(doc.definition, store) : undefined,
    taxonomy,
    store,
    lang,
    options,
    curated: taxonomy.coverage === "curated",
    report: (issue) => void issues.push(issue),
    suggest: (text: string): Candidate[] => {
      if (!suggestFn || !text.trim() || limit <= 0) return [];
      // Without a `lang` option, a many-language taxonomy suggests in the text's own (detected) language.
      const suggestLang = options.lang === undefined && taxonomy.languages.length > 1 ? {} : { lang };
      return suggestFn(text, { limit, ...suggestLang })
        .slice(0, limit)
        .map((c) => ({ uri: c.uri, label: c.label }));
    },
  };
  for (const rule of RULES) rule.run(context);
  issues = applyTodos(issues, todo.todos);
  const counts = countIssues(issues);
  const max = options.maxIssues ?? 200;
  let listed = issues.length > max ? [...issues.slice(0, max), tooMany(issues.length - max)] : issues;
  if (listed !== issues) counts.info++;
  if (options.locate) listed = inSourceOrder(listed.map((i) => located(i, options.locate!)));
  const report: ValidationReport = {
    kind: doc.kind,
    counts,
    elements: elementStatuses(doc, issues),
    taxonomy: { escoVersion: taxonomy.escoVersion, coverage: taxonomy.coverage },
  };
  return resultOf(report, listed, counts.error === 0 ? typedDocument(doc) : undefined);
}

/** @internal The result from a report, its listed issues and, when there is no error, the typed document. */
export function resultOf(
  report: ValidationReport,
  issues: CredentialIssue[],
  data: TypedDocument | undefined,
): CredentialValidationResult {
  if (data && report.counts.error === 0) return { ...report, ...data, success: true, issues };
  return { ...report, success: false, issues: issues as [CredentialIssue, ...CredentialIssue[]] };
}

/** @internal A document that parsed without error, typed by its kind. */
export type TypedDocument =
  | { kind: "definition"; data: MicroCredential }
  | { kind: "issued"; data: IssuedMicroCredential };

/** The typed document, put back together from the fields that parsed (all of them, when nothing failed). */
function typedDocument(doc: ParsedDocument): TypedDocument | undefined {
  const definition = (d: ParsedDefinition): MicroCredential =>
    ({ ...d.fields, learningOutcomes: d.outcomes.map((o) => o.outcome) }) as MicroCredential;
  if (doc.kind === "definition" && doc.definition) return { kind: "definition", data: definition(doc.definition) };
  if (doc.kind === "issued" && doc.issued) {
    const inline = doc.definition ? definition(doc.definition) : doc.issued.definitionRef;
    if (inline === undefined) return undefined;
    return { kind: "issued", data: { ...doc.issued.fields, definition: inline } as IssuedMicroCredential };
  }
  return undefined;
}

/** The issue placed by the locator, unless it already has a place. */
function located(i: CredentialIssue, locate: IssueLocator): CredentialIssue {
  if (i.file !== undefined || i.line !== undefined) return i;
  const at = locate(i.path);
  if (!at) return i;
  const out: CredentialIssue = { ...i };
  if (at.path) out.path = [...at.path];
  if (at.file !== undefined) out.file = at.file;
  if (at.line !== undefined) out.line = at.line;
  if (at.column !== undefined) out.column = at.column;
  return out;
}

/** Issues of the document first, then those of other files by name; by line and column within each (stable). */
function inSourceOrder(issues: CredentialIssue[]): CredentialIssue[] {
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => {
      const fa = a.i.file ? 1 : 0;
      const fb = b.i.file ? 1 : 0;
      if (fa !== fb || a.i.file !== b.i.file) return fa - fb || String(a.i.file).localeCompare(String(b.i.file));
      return (a.i.line ?? 0) - (b.i.line ?? 0) || (a.i.column ?? 0) - (b.i.column ?? 0) || a.n - b.n;
    })
    .map(({ i }) => i);
}

function tooMany(omitted: number): CredentialIssue {
  return issue(
    "too_many_issues",
    "info",
    [],
    `${omitted.toLocaleString("en-US")} further issues are counted but not listed`,
    { suggestion: "fix the issues above and validate again" },
  );
}

const API = "validateCredential";

/** The options, checked field by field and copied (so a getter runs once, and bad values fail here). */
/** @internal Checks and copies validation options (also for `checkForeignCredential`, which takes a subset). */
export function validateOptions(value: ValidateCredentialOptions, api: string = API): ValidateCredentialOptions {
  const options = argOptions(api, value);
  const out: ValidateCredentialOptions = {};
  const suggest = readOption(api, options, "suggest");
  if (suggest !== undefined && suggest !== false && typeof suggest !== "function")
    throw new InvalidOptionError(api, "suggest", "must be a function or false");
  if (suggest !== undefined) out.suggest = suggest as SuggestSkills | false;
  const suggestions = optNumber(api, options, "suggestions", 0, 100, true);
  if (suggestions !== undefined) out.suggestions = suggestions;
  const sectors = readOption(api, options, "sectors");
  if (sectors !== undefined) {
    if (!Array.isArray(sectors) || sectors.length > 10_000 || !sectors.every((s) => typeof s === "string"))
      throw new InvalidOptionError(api, "sectors", "must be an array of sector ids");
    out.sectors = [...(sectors as string[])];
  }
  const hours = readOption(api, options, "hoursPerEcts");
  if (hours !== undefined) {
    const ok =
      Array.isArray(hours) &&
      hours.length === 2 &&
      hours.every((h) => typeof h === "number" && Number.isFinite(h) && h > 0) &&
      (hours[0] as number) <= (hours[1] as number);
    if (!ok) throw new InvalidOptionError(api, "hoursPerEcts", "must be [min, max]: two positive numbers, min ≤ max");
    out.hoursPerEcts = [hours[0] as number, hours[1] as number];
  }
  const lang = optString(api, options, "lang");
  if (lang !== undefined) out.lang = lang;
  const limits = optObject(api, options, "limits");
  if (limits !== undefined) out.limits = limits;
  const plausibility = optBoolean(api, options, "plausibility");
  if (plausibility !== undefined) out.plausibility = plausibility;
  const maxIssues = optNumber(api, options, "maxIssues", 0, 1_000_000, true);
  if (maxIssues !== undefined) out.maxIssues = maxIssues;
  const locate = readOption(api, options, "locate");
  if (locate !== undefined && typeof locate !== "function")
    throw new InvalidOptionError(api, "locate", "must be a function from an issue path to its place");
  if (locate !== undefined) out.locate = locate as IssueLocator;
  const prior = readOption(api, options, "issues");
  if (prior !== undefined) {
    if (
      !Array.isArray(prior) ||
      prior.length > 1_000_000 ||
      !prior.every((i) => typeof i === "object" && i !== null && typeof i.code === "string" && Array.isArray(i.path))
    )
      throw new InvalidOptionError(api, "issues", "must be an array of issues");
    out.issues = [...(prior as CredentialIssue[])];
  }
  return out;
}
