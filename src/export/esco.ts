import { CONCEPT, labelColumns } from "../bundle/names.js";
import type { ConceptKind } from "../bundle/format.js";
import type { Store } from "../taxonomy/store.js";
import type { Warnings } from "./warnings.js";

/**
 * What the exports need to know about a mapped ESCO concept: its labels in the requested languages (with
 * reported fallbacks), description, kind, skill type and reuse level.
 *
 * @module
 */

/** @internal An ESCO concept as the exports see it. */
export interface EscoConceptInfo {
  readonly uri: string;
  /** The last segment of the URI (the UUID, or the ISCED-F code of a knowledge group). */
  readonly code: string;
  /** `undefined` when the taxonomy does not hold the URI. */
  readonly kind: ConceptKind | undefined;
  /** The label in the requested language (or the fallback); never empty. */
  readonly label: string;
  /** The language `label` is in; `undefined` when the URI stands in for a missing concept. */
  readonly labelLang: string | undefined;
  /** Labels in each requested language the taxonomy has (at least the fallback). */
  readonly labels: Readonly<Record<string, string>>;
  /** The ESCO description in `labelLang`, if any. */
  readonly description: string | undefined;
  readonly skillType: "skill/competence" | "knowledge" | undefined;
  readonly reuseLevel: "transversal" | "cross-sector" | "sector-specific" | "occupation-specific" | undefined;
}

const REUSE = new Set(["transversal", "cross-sector", "sector-specific", "occupation-specific"]);

/** @internal Looks up `uri` for labels in `langs` (first = requested); reports fallbacks at `path`. */
export function escoConcept(
  store: Store,
  uri: string,
  langs: readonly string[],
  path: readonly (string | number)[],
  warnings: Warnings,
): EscoConceptInfo {
  const code = uri.slice(uri.lastIndexOf("/") + 1);
  const index = store.indexOf(uri);
  if (index < 0) {
    const hint =
      store.meta.coverage === "curated"
        ? "the embedded default holds only curated concepts; export with a full ESCO import for its label"
        : "check the mapping with `green-skills validate`";
    warnings.add(
      "concept_not_in_taxonomy",
      path,
      `${uri} is not in the loaded taxonomy (${hint}); the URI stands in for its label`,
    );
    return {
      uri,
      code,
      kind: undefined,
      label: uri,
      labelLang: undefined,
      labels: {},
      description: undefined,
      skillType: undefined,
      reuseLevel: undefined,
    };
  }
  const own = (lang: string) => store.str(labelColumns(lang).pref)?.get(index) ?? "";
  const labels: Record<string, string> = {};
  for (const lang of langs) {
    const label = own(lang);
    if (label) labels[lang] = label;
  }
  const requested = langs[0]!;
  let labelLang: string | undefined = labels[requested] ? requested : undefined;
  if (!labelLang) {
    labelLang = [...langs.slice(1), store.defaultLanguage, ...store.meta.esco.languages].find((l) => own(l) !== "");
    if (labelLang) {
      labels[labelLang] ??= own(labelLang);
      warnings.add(
        "label_fallback",
        path,
        `ESCO has no "${requested}" label for ${uri} in the loaded taxonomy; used the "${labelLang}" label "${own(labelLang)}"`,
      );
    }
  }
  const label = labelLang ? own(labelLang) : uri;
  if (!labelLang)
    warnings.add(
      "label_fallback",
      path,
      `${uri} has no label in any language of the loaded taxonomy; the URI stands in for it`,
    );
  const description = labelLang ? store.text(labelLang, "description", index) || undefined : undefined;
  const skillType = store.value(CONCEPT.skillType, index);
  const reuseLevel = store.value(CONCEPT.reuseLevel, index);
  return {
    uri,
    code,
    kind: store.kind(index),
    label,
    labelLang,
    labels,
    description,
    skillType: skillType === "skill/competence" || skillType === "knowledge" ? skillType : undefined,
    reuseLevel: reuseLevel && REUSE.has(reuseLevel) ? (reuseLevel as EscoConceptInfo["reuseLevel"]) : undefined,
  };
}

/** @internal "ESCO v1.1.1": the ESCO version the labels come from (the taxonomy's; else the mapping's). */
export function escoFramework(taxonomyVersion: string | null, mappingVersion: string, warnings: Warnings): string {
  if (taxonomyVersion && taxonomyVersion !== mappingVersion) {
    warnings.add(
      "esco_version_differs",
      ["escoVersion"],
      `the mapping was made against ESCO ${mappingVersion}; labels and the framework version come from the loaded ESCO ${taxonomyVersion}`,
    );
  }
  return `ESCO ${taxonomyVersion ?? mappingVersion}`;
}
