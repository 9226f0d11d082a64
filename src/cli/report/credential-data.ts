import { type Coverage, coverage } from "../../credential/coverage.js";
import type { CredentialIssue, ElementStatus } from "../../credential/issues.js";
import { parseDocument } from "../../credential/parse.js";
import { frameworkOf } from "../../framework/attach.js";
import { type GreenCompProfile, greenCompProfile } from "../../framework/greencomp-profile.js";
import { getConcept } from "../../query/concept.js";
import { type Taxonomy, storeOf } from "../../taxonomy/taxonomy.js";
import { displayLabel } from "../../search/lang/display.js";

/**
 * What a report for people shows about one credential file: the Annex I checklist, each outcome with its
 * mapped skills (label, type, green), the issues with their fixes, the green share, the GreenComp areas
 * and, on a full import, the coverage of each target occupation.
 *
 * @module
 */

/** A mapped skill as a report shows it. */
export interface ReportSkill {
  readonly uri: string;
  readonly label: string;
  /** `skill/competence`, `knowledge`, another kind, or `unknown` when the taxonomy lacks it. */
  readonly type: string;
  readonly green: boolean;
  /** The language `label` is in; differs from the report's language when the concept has no label in it (shown marked). */
  readonly labelLang?: string;
  /** The report's language, when `labelLang` differs from it. */
  readonly wantedLang?: string;
}

/** One credential in a report. */
export interface CredentialReportData {
  readonly file: string;
  readonly title: string;
  readonly valid: boolean;
  readonly counts: { error: number; warning: number; info: number };
  readonly issues: readonly CredentialIssue[];
  readonly elements: readonly ElementStatus[];
  readonly outcomes: readonly { id: string; statement: string; skills: ReportSkill[] }[];
  /** Green share of the distinct mapped skills the taxonomy knows. */
  readonly greenShare: { green: number; total: number };
  readonly greenComp: GreenCompProfile | null;
  readonly coverage: readonly Coverage[];
  /** Why coverage is missing, when it is. */
  readonly coverageNote?: string;
}

const text = (map: Record<string, string> | undefined, lang: string) =>
  map ? (map[lang] ?? map["en"] ?? Object.values(map)[0] ?? "") : "";

/** Gathers a credential's report data from its parsed document and validation result. */
export function credentialReportData(
  file: string,
  value: unknown,
  result: {
    valid: boolean;
    counts: CredentialReportData["counts"];
    issues: readonly CredentialIssue[];
    elements: readonly ElementStatus[];
  },
  taxonomy: Taxonomy,
  wanted?: string,
): CredentialReportData {
  const doc = value === undefined ? undefined : parseDocument(value);
  const definition = doc?.definition;
  // Without --lang: the credential's own language (the first of its title) when the taxonomy has it, else English.
  const titleLanguages = Object.keys((definition?.fields.title as Record<string, string> | undefined) ?? {});
  const lang = wanted ?? titleLanguages.find((l) => taxonomy.languages.includes(l)) ?? "en";
  const outcomes = (definition?.outcomes ?? []).map(({ outcome }) => ({
    id: outcome.id,
    statement: text(outcome.statement as Record<string, string>, lang),
    skills: (outcome.esco ?? []).map((uri): ReportSkill => {
      const concept = getConcept(taxonomy, uri, { lang });
      if (!concept) return { uri, label: uri, type: "unknown", green: false };
      const store = storeOf(taxonomy);
      const at = store.indexOf(uri);
      const shown = at >= 0 ? displayLabel(store, at, lang) : { label: concept.prefLabel, labelLang: lang };
      return {
        uri,
        label: shown.label || concept.prefLabel,
        type: concept.kind === "skill" ? (concept.skillType ?? "skill") : concept.kind,
        green: concept.kind === "skill" && concept.green,
        labelLang: shown.labelLang,
        ...(shown.labelLang !== lang ? { wantedLang: lang } : {}),
      };
    }),
  }));
  const distinct = new Map(
    outcomes
      .flatMap((o) => o.skills)
      .filter((s) => s.type !== "unknown")
      .map((s) => [s.uri, s]),
  );
  let greenComp: GreenCompProfile | null = null;
  try {
    if (frameworkOf(taxonomy) && outcomes.length > 0)
      greenComp = greenCompProfile(taxonomy, {
        learningOutcomes: (definition?.outcomes ?? []).map(({ outcome }) => ({
          id: outcome.id,
          esco: outcome.esco ?? [],
          greenComp: outcome.greenComp ?? [],
        })),
      });
  } catch {
    greenComp = null;
  }
  const targets = (definition?.fields.targetOccupations ?? []) as string[];
  const covered: Coverage[] = [];
  let coverageNote: string | undefined;
  if (targets.length > 0 && taxonomy.coverage !== "full")
    coverageNote = "coverage of the target occupations needs a full ESCO import (--esco)";
  else if (targets.length === 0) coverageNote = "no targetOccupations: no coverage to show";
  else {
    for (const uri of targets) {
      try {
        covered.push(coverage(taxonomy, { learningOutcomes: (definition?.outcomes ?? []).map((o) => o.outcome) }, uri));
      } catch {
        // An unknown or wrong-type target is an issue of the validation already.
      }
    }
  }
  return {
    file,
    title: text(definition?.fields.title as Record<string, string> | undefined, lang) || file,
    valid: result.valid,
    counts: result.counts,
    issues: result.issues,
    elements: result.elements,
    outcomes,
    greenShare: { green: [...distinct.values()].filter((s) => s.green).length, total: distinct.size },
    greenComp,
    coverage: covered,
    ...(coverageNote ? { coverageNote } : {}),
  };
}
