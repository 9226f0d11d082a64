import { CONCEPT } from "../bundle/names.js";
import type { RuleContext, ValidateCredentialOptions } from "../credential/context.js";
import { type Candidate, type CredentialIssue, type IssuePath, countIssues, issue } from "../credential/issues.js";
import type { EscoRef, NormalisedDefinition } from "../credential/resolve-definition.js";
import type { ParsedDocument } from "../credential/parse.js";
import { ectsRecommended } from "../credential/rules/ects-recommended.js";
import { escoVersion } from "../credential/rules/esco-version.js";
import { noGreenOutcome } from "../credential/rules/no-green-outcome.js";
import { obsoleteEscoConcept } from "../credential/rules/obsolete-esco-concept.js";
import { unknownEscoUri } from "../credential/rules/unknown-esco-uri.js";
import { workload } from "../credential/rules/workload.js";
import { wrongConceptType } from "../credential/rules/wrong-concept-type.js";
import type { LearningOutcome } from "../credential/schema.js";
import { defaultSuggest } from "../credential/suggest.js";
import { validateOptions } from "../credential/validate.js";
import { InvalidArgumentError } from "../errors.js";
import { storeOf, type Taxonomy } from "../taxonomy/taxonomy.js";
import { at, isObject } from "./json.js";
import { plainInput, readForeignCredential } from "./read.js";
import type { ForeignCredential, ForeignElement, ForeignEscoReference, ForeignFormat, Located } from "./types.js";

/**
 * Checking a credential someone else issued against ESCO and Annex I, with the rules that check our own
 * definitions: the ESCO references become the rules' references, located at their JSON paths.
 *
 * @module
 */

const API = "checkForeignCredential";

/**
 * One ESCO reference of a checked credential, with what the loaded ESCO says about it.
 *
 * @category Foreign credentials
 */
export interface CheckedEscoReference extends ForeignEscoReference {
  /**
   * `ok`; `unknown` (not in the loaded ESCO version); `wrong-type` (an occupation where a skill is called
   * for, a skill group, …); `obsolete` (not released); `unchecked` (outside the embedded default's
   * curated set: pass a full ESCO import).
   */
  readonly status: "ok" | "unknown" | "wrong-type" | "obsolete" | "unchecked";
  /** What the concept is in ESCO (`skill`, `occupation`, `skillGroup`, …), when known. */
  readonly kind?: string;
  /** ESCO's preferred label in the check's language, when known. */
  readonly escoLabel?: string;
  /** In ESCO's green skills collection. */
  readonly green: boolean;
}

/**
 * The result of {@link checkForeignCredential}: the shared result shape (`success` when there is no
 * `error` issue, with the credential as read in `data`; at least one issue on failure) plus the report.
 *
 * @category Foreign credentials
 */
export type ForeignCheckResult =
  | (ForeignCheckReport & {
      readonly success: true;
      readonly data: ForeignCredential;
      readonly issues: CredentialIssue[];
    })
  | (ForeignCheckReport & {
      readonly success: false;
      readonly data?: undefined;
      readonly issues: [CredentialIssue, ...CredentialIssue[]];
    });

/**
 * What {@link checkForeignCredential} reports besides the result: format, Annex I elements, ESCO
 * references with their status, and the taxonomy checked against.
 *
 * @category Foreign credentials
 */
export interface ForeignCheckReport {
  readonly format: ForeignFormat;
  readonly kind: ForeignCredential["kind"];
  readonly counts: { error: number; warning: number; info: number };
  /** The 16 Annex I elements, and where the document carries them. */
  readonly elements: readonly ForeignElement[];
  readonly escoReferences: readonly CheckedEscoReference[];
  /** Where the credential presents itself as green (a word in its title, description, tags …), if it does. */
  readonly greenClaim?: Located<string>;
  readonly taxonomy: { escoVersion: string | null; coverage: "full" | "curated" };
}

/** Options of {@link checkForeignCredential}: those of `validateCredential` that apply. @category Foreign credentials */
export type CheckForeignCredentialOptions = Pick<
  ValidateCredentialOptions,
  "suggest" | "suggestions" | "hoursPerEcts" | "lang"
>;

const GREEN_WORDS =
  /\b(green|sustainab\w*|climate|circular|environment\w*|renewable\w*|decarboni[sz]\w*|energy[- ]efficien\w*|net[- ]zero|biodiversity|eco[- ]?design|low[- ]carbon|heat pumps?|photovoltaic\w*|solar)\b/i;

/** The first place where the credential calls itself green. */
function greenClaim(read: ForeignCredential): Located<string> | undefined {
  const texts: { text: string; path: IssuePath }[] = [];
  if (read.title)
    for (const [l, t] of Object.entries(read.title.value))
      texts.push({
        text: t,
        path: [
          ...read.title.path,
          ...(Object.keys(read.title.value).length > 1 || isObject(at(read.document, read.title.path)) ? [l] : []),
        ],
      });
  if (read.description)
    for (const [l, t] of Object.entries(read.description.value))
      texts.push({
        text: t,
        path: [...read.description.path, ...(isObject(at(read.document, read.description.path)) ? [l] : [])],
      });
  const base = read.achievementPath ?? [];
  for (const key of ["tag", "keywords", "category", "thematicArea"]) {
    const value = at(read.document, [...base, key]);
    (Array.isArray(value) ? value : [value]).forEach((v, i) => {
      if (typeof v === "string") texts.push({ text: v, path: [...base, key, ...(Array.isArray(value) ? [i] : [])] });
      else if (isObject(v))
        for (const [k, t] of Object.entries(v))
          if (typeof t === "string")
            texts.push({ text: t, path: [...base, key, ...(Array.isArray(value) ? [i] : []), k] });
    });
  }
  for (const t of texts) {
    const m = GREEN_WORDS.exec(t.text);
    if (m) return { value: m[0], path: t.path };
  }
  return undefined;
}

/** Rule references from the foreign ones (paths into the foreign document). */
function toRefs(
  read: ForeignCredential,
  outcomes: { index: number; outcome: LearningOutcome }[],
  taxonomy: Taxonomy,
): EscoRef[] {
  const store = storeOf(taxonomy);
  const green = store.collection("green");
  return read.escoReferences.map((r) => {
    const index = store.indexOf(r.uri);
    const outcome = r.outcome !== undefined ? outcomes[r.outcome] : undefined;
    return {
      uri: r.uri,
      path: r.path,
      expected: r.expected,
      ...(outcome ? { outcome } : {}),
      index,
      kind: index >= 0 ? store.kind(index) : undefined,
      status: index >= 0 ? store.value(CONCEPT.status, index) : null,
      green: index >= 0 && green?.[index] === 1,
    };
  });
}

/**
 * Checks a credential that someone else issued (Open Badges 3.0 in any container, or an ELM / EDC):
 * its ESCO references (unknown, obsolete or of the wrong type, with the rules `validateCredential` uses),
 * non-green skills where the credential presents itself as green, the Annex I elements it carries or
 * lacks, EQF and ECTS plausibility, and the problems of reading it. Every issue has a path into the
 * document. Missing Annex I elements are warnings: a valid badge that lacks them is not wrong as a badge,
 * only short of an EU micro-credential. Never throws on the document.
 *
 * @category Foreign credentials
 * @param input - A result of {@link readForeignCredential}, or what it reads (bytes, text, a parsed object).
 * @param taxonomy - The ESCO taxonomy to check against.
 * @param options - Suggestions, language, workload convention.
 * @returns The format, `valid`, the issues, the Annex I checklist and every ESCO reference with its status.
 * @throws {@link InvalidArgumentError} for an input that is not a document; {@link GreenSkillsError}
 *   `E_NOT_A_TAXONOMY` when `taxonomy` is not a loaded taxonomy.
 * @example
 * ```ts
 * import { checkForeignCredential } from "green-skills";
 * import { loadDefaultTaxonomy } from "green-skills/data";
 * const result = checkForeignCredential(await loadDefaultTaxonomy(), await (await fetch("https://example.org/badge.json")).text());
 * result.format //=> "openbadges-3.0"
 * result.escoReferences.map((r) => `${r.status} ${r.uri}`)
 * ```
 */
export function checkForeignCredential(
  taxonomy: Taxonomy,
  input: ForeignCredential | string | Uint8Array | object,
  options: CheckForeignCredentialOptions = {},
): ForeignCheckResult {
  if (input === null || input === undefined || (typeof input !== "string" && typeof input !== "object")) {
    throw new InvalidArgumentError(
      API,
      "input",
      "a read foreign credential, or the document's bytes, text or parsed JSON",
      input,
    );
  }
  const store = storeOf(taxonomy, API);
  options = validateOptions(options, API);
  const plain = plainInput(API, input);
  const read = isForeign(plain) ? plain : readForeignCredential(plain);
  const issues: CredentialIssue[] = [...read.issues];
  const lang = options.lang ?? taxonomy.languages[0] ?? "en";
  const base = read.achievementPath ?? [];
  const outcomes = read.learningOutcomes.map((o, index) => ({
    index,
    outcome: {
      id: o.id ?? `lo-${index + 1}`,
      statement: o.statement,
      esco: read.escoReferences.filter((r) => r.outcome === index).map((r) => r.uri),
    } as LearningOutcome,
  }));
  const refs = toRefs(read, outcomes, taxonomy);
  const paths: Record<string, IssuePath | undefined> = {
    workload: read.ects?.path ?? read.hours?.path,
    learningOutcomes: read.learningOutcomes[0]?.path,
    escoVersion: read.escoVersion?.path,
  };
  const eqf = read.eqfLevel?.value;
  const definition: NormalisedDefinition = {
    parsed: {
      prefix: [],
      fields: {
        ...(read.ects || read.hours
          ? {
              workload: {
                ...(read.ects ? { ects: read.ects.value } : {}),
                ...(read.hours ? { hours: read.hours.value } : {}),
              },
            }
          : {}),
        ...(read.escoVersion ? { escoVersion: read.escoVersion.value } : {}),
      },
      present: new Set(),
      invalid: new Set(),
      outcomes,
    },
    refs,
    path: (field?: string | number) => paths[String(field)] ?? base,
  };
  const suggestFn = options.suggest === false ? undefined : (options.suggest ?? defaultSuggest(taxonomy));
  const limit = options.suggestions ?? 3;
  const context: RuleContext = {
    doc: { kind: "unknown", issues: [] } as unknown as ParsedDocument,
    definition,
    taxonomy,
    store,
    lang,
    options,
    curated: taxonomy.coverage === "curated",
    report: (found) => void issues.push(found),
    suggest: (text: string): Candidate[] =>
      !suggestFn || !text.trim() || limit <= 0
        ? []
        : suggestFn(text, { limit, lang })
            .slice(0, limit)
            .map((c) => ({ uri: c.uri, label: c.label })),
  };
  const before = issues.length;
  for (const rule of [unknownEscoUri, wrongConceptType, obsoleteEscoConcept, workload, ectsRecommended, escoVersion])
    rule.run(context);
  // The rules' hints name our definition fields; for a received credential, name the field that carries the reference.
  for (let i = before; i < issues.length; i++) {
    const found = issues[i]!;
    if (found.code !== "wrong_concept_type") continue;
    const ref = read.escoReferences.find((r) => r.path === found.path);
    if (ref)
      issues[i] = {
        ...found,
        message: found.message.replace(
          /; .*$/,
          `; ${ref.via} calls for ${ref.expected === "skill" ? "a skill or knowledge concept" : "an occupation"}`,
        ),
      };
  }

  if (read.format !== "unknown" && read.escoReferences.length === 0) {
    issues.push(
      issue(
        "no_esco_reference",
        "info",
        base,
        "the credential cites no ESCO skill or occupation, so nothing can be checked against ESCO",
        {
          suggestion: read.format.startsWith("openbadges")
            ? "align the achievement to ESCO: alignment: [{ targetUrl: http://data.europa.eu/esco/skill/…, targetName, targetFramework: ESCO }]"
            : "name ESCO skills in relatedESCOSkill of the learning outcomes",
        },
      ),
    );
  }
  const claim = read.format === "unknown" ? undefined : greenClaim(read);
  if (claim) {
    for (const ref of refs) {
      if (ref.expected !== "skill" || ref.index < 0 || ref.green || ref.kind !== "skill") continue;
      issues.push(
        issue(
          "non_green_skill",
          "warning",
          ref.path,
          `"${store.label(ref.index, lang)}" (${ref.uri}) is not in ESCO's green skills collection, though the credential presents itself as green ("${claim.value}" at ${claim.path.join(".")})`,
          { suggestion: "check that the credential develops green skills, and map them", element: "learning-outcomes" },
        ),
      );
    }
    if (refs.some((r) => r.expected === "skill")) noGreenOutcome.run(context);
  }
  if (typeof eqf === "number" && (!Number.isInteger(eqf) || eqf < 1 || eqf > 8))
    issues.push(
      issue("invalid_value", "error", read.eqfLevel!.path, `EQF levels run from 1 to 8, not ${eqf}`, {
        element: "level",
      }),
    );
  if (read.ects) {
    const ects = read.ects.value;
    if (ects <= 0)
      issues.push(
        issue("invalid_value", "error", read.ects.path, `${ects} ECTS credits: credits are more than 0`, {
          element: "notional-workload",
        }),
      );
    else if (ects > 60)
      issues.push(
        issue(
          "invalid_value",
          "warning",
          read.ects.path,
          `${ects} ECTS credits is more than a year of full-time study (60); micro-credentials are small units of learning`,
          { element: "notional-workload" },
        ),
      );
  }
  if (read.format !== "unknown" && read.format !== "europass-xml") {
    let first = true;
    for (const e of read.elements) {
      if (e.status !== "missing" || e.obligation !== "mandatory") continue;
      const suggestion = !first
        ? undefined
        : read.format.startsWith("openbadges")
          ? "Open Badges 3.0 has no field for several Annex I elements; green-skills' export carries them as ext: terms (docs/export-openbadges.md)"
          : "add the missing elements to the ELM specification (docs/export-elm.md maps every element)";
      first = false;
      issues.push(
        issue(
          "missing_element",
          "warning",
          base,
          `Annex I element "${e.label.split(" (")[0]}" is not in the credential`,
          { element: e.element, suggestion },
        ),
      );
    }
  }
  const counts = countIssues(issues);
  const status = (r: EscoRef): CheckedEscoReference["status"] =>
    r.index < 0
      ? taxonomy.coverage === "curated"
        ? "unchecked"
        : "unknown"
      : r.kind !== r.expected
        ? "wrong-type"
        : r.status && r.status !== "released"
          ? "obsolete"
          : "ok";
  const report: ForeignCheckReport = {
    format: read.format,
    kind: read.kind,
    counts,
    elements: read.elements,
    escoReferences: read.escoReferences.map((r, i) => {
      const ref = refs[i]!;
      return {
        ...r,
        status: status(ref),
        ...(ref.kind ? { kind: ref.kind } : {}),
        ...(ref.index >= 0 ? { escoLabel: store.label(ref.index, lang) } : {}),
        green: ref.green,
      };
    }),
    ...(claim ? { greenClaim: claim } : {}),
    taxonomy: { escoVersion: taxonomy.escoVersion, coverage: taxonomy.coverage },
  };
  return counts.error === 0
    ? { ...report, success: true, data: read, issues }
    : { ...report, success: false, issues: issues as [CredentialIssue, ...CredentialIssue[]] };
}

function isForeign(input: object | string): input is ForeignCredential {
  return (
    isObject(input) &&
    typeof input["format"] === "string" &&
    Array.isArray(input["escoReferences"]) &&
    Array.isArray(input["elements"]) &&
    Array.isArray(input["issues"]) &&
    "document" in input
  );
}
