import { CONCEPT, labelColumns } from "../bundle/names.js";
import { ConceptNotFoundError, WrongConceptKindError } from "../errors.js";
import type { Concept, ConceptRef, LabelSet, LangText } from "../model/concept.js";
import { CONCEPT_KINDS, type ConceptKind } from "../bundle/format.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import type { EscoUri } from "../uri.js";
import { argString, checkOptions } from "../guard.js";

/**
 * Options of {@link getConcept} and the other lookups that return labels.
 *
 * @category Query
 */
export interface LabelOptions {
  /** Language of `prefLabel` / `label` (falls back to the default language). */
  lang?: string;
}

/** @internal A result reference for concept `index`. */
export function refAt(store: Store, index: number, lang?: string): ConceptRef {
  return { uri: store.uris[index] as EscoUri, kind: store.kind(index), label: store.label(index, lang) };
}

/** @internal Index of `uri`, throwing when absent or of the wrong kind. */
export function requireIndex(store: Store, api: string, uri: string, kinds?: readonly ConceptKind[]): number {
  const index = store.indexOf(uri);
  if (index < 0) {
    const hint =
      store.meta.coverage === "curated"
        ? "The embedded default holds only the curated concepts; load a full ESCO import for the rest."
        : undefined;
    throw new ConceptNotFoundError(api, uri, hint);
  }
  if (kinds && !kinds.includes(store.kind(index))) throw new WrongConceptKindError(api, uri, kinds, store.kind(index));
  return index;
}

function perLanguage(
  store: Store,
  field: "description" | "definition" | "scopeNote" | "title",
  index: number,
): LangText {
  const out: LangText = {};
  for (const lang of store.meta.esco.languages) {
    const value = store.text(lang, field, index);
    if (value) out[lang] = value;
  }
  return out;
}

function labels(store: Store, index: number): Record<string, LabelSet> {
  const out: Record<string, LabelSet> = {};
  for (const lang of store.meta.esco.languages) {
    const names = labelColumns(lang);
    const pref = store.str(names.pref)?.get(index) ?? "";
    const alt = [...(store.strList(names.alt)?.get(index) ?? [])];
    const hidden = [...(store.strList(names.hidden)?.get(index) ?? [])];
    if (pref || alt.length > 0 || hidden.length > 0) out[lang] = { pref, alt, hidden };
  }
  return out;
}

function extra(store: Store, index: number): Record<string, string> {
  return store.extra(index);
}

const share = (store: Store, index: number): number | null => {
  const value = store.columns.f64(CONCEPT.greenShare)?.[index];
  return value === undefined || Number.isNaN(value) ? null : value;
};

/** @internal Materialises concept `index`. */
export function conceptAt(store: Store, index: number, lang?: string): Concept {
  const base = {
    uri: store.uris[index] as EscoUri,
    prefLabel: store.label(index, lang),
    labels: labels(store, index),
    description: perLanguage(store, "description", index),
    status: store.value(CONCEPT.status, index),
    code: store.value(CONCEPT.code, index),
    inScheme: [...store.list(CONCEPT.inScheme, index)],
    collections: store.collectionsOf(index),
    extra: extra(store, index),
  };
  const kind = store.kind(index);
  switch (kind) {
    case "skill": {
      const skillType = store.value(CONCEPT.skillType, index);
      const reuseLevel = store.value(CONCEPT.reuseLevel, index);
      return {
        ...base,
        kind,
        skillType: skillType === "skill/competence" || skillType === "knowledge" ? skillType : null,
        reuseLevel:
          reuseLevel === "transversal" ||
          reuseLevel === "cross-sector" ||
          reuseLevel === "sector-specific" ||
          reuseLevel === "occupation-specific"
            ? reuseLevel
            : null,
        green: store.collection("green")?.[index] === 1,
        scopeNote: perLanguage(store, "scopeNote", index),
        definition: perLanguage(store, "definition", index),
        modifiedDate: store.value(CONCEPT.modifiedDate, index),
      };
    }
    case "skillGroup":
      return {
        ...base,
        kind,
        scopeNote: perLanguage(store, "scopeNote", index),
        modifiedDate: store.value(CONCEPT.modifiedDate, index),
      };
    case "occupation":
      return {
        ...base,
        kind,
        iscoGroup: store.value(CONCEPT.iscoGroup, index),
        naceCodes: [...store.list(CONCEPT.naceCode, index)],
        greenShareOfficial: share(store, index),
        regulatedProfessionNote: store.value(CONCEPT.regulatedProfessionNote, index),
        scopeNote: perLanguage(store, "scopeNote", index),
        definition: perLanguage(store, "definition", index),
        modifiedDate: store.value(CONCEPT.modifiedDate, index),
      };
    case "iscoGroup":
      return { ...base, kind, greenShareOfficial: share(store, index) };
    case "conceptScheme":
      return {
        ...base,
        kind,
        title: perLanguage(store, "title", index),
        hasTopConcept: [...store.list(CONCEPT.hasTopConcept, index)],
      };
  }
}

/**
 * The concept with this URI, or `undefined`.
 *
 * @category Query
 * @example
 * ```ts
 * const skill = getConcept(taxonomy, "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f");
 * skill?.kind === "skill" && skill.green //=> true
 * ```
 */
export function getConcept(taxonomy: Taxonomy, uri: string, options: LabelOptions = {}): Concept | undefined {
  argString("getConcept", "uri", uri);
  options = checkOptions("getConcept", options, { lang: "string" });
  const store = storeOf(taxonomy);
  const index = store.indexOf(uri);
  return index < 0 ? undefined : conceptAt(store, index, options.lang);
}

/**
 * The concept with this URI.
 *
 * @category Query
 * @throws {@link ConceptNotFoundError} when the taxonomy does not hold it.
 */
export function requireConcept(taxonomy: Taxonomy, uri: string, options: LabelOptions = {}): Concept {
  argString("requireConcept", "uri", uri);
  options = checkOptions("requireConcept", options, { lang: "string" });
  const store = storeOf(taxonomy);
  return conceptAt(store, requireIndex(store, "requireConcept", uri), options.lang);
}

/**
 * True when the taxonomy holds a concept with this URI.
 *
 * @category Query
 */
export function hasConcept(taxonomy: Taxonomy, uri: string): boolean {
  argString("hasConcept", "uri", uri);
  return storeOf(taxonomy).indexOf(uri) >= 0;
}

/**
 * The kind of the concept with this URI, or `undefined`.
 *
 * @category Query
 */
export function conceptKind(taxonomy: Taxonomy, uri: string): ConceptKind | undefined {
  argString("conceptKind", "uri", uri);
  const store = storeOf(taxonomy);
  const index = store.indexOf(uri);
  return index < 0 ? undefined : store.kind(index);
}

/**
 * The preferred label of a concept in `lang` (falling back to the default language), or `undefined`.
 *
 * @category Query
 */
export function prefLabel(taxonomy: Taxonomy, uri: string, lang?: string): string | undefined {
  argString("prefLabel", "uri", uri);
  if (lang !== undefined) argString("prefLabel", "lang", lang);
  const store = storeOf(taxonomy);
  const index = store.indexOf(uri);
  return index < 0 ? undefined : store.label(index, lang);
}

/**
 * All concepts, optionally of one kind, as references (URI, kind, label).
 *
 * @category Query
 */
export function listConcepts(taxonomy: Taxonomy, options: LabelOptions & { kind?: ConceptKind } = {}): ConceptRef[] {
  options = checkOptions("listConcepts", options, { lang: "string", kind: CONCEPT_KINDS });
  const store = storeOf(taxonomy);
  const out: ConceptRef[] = [];
  for (let i = 0; i < store.size; i++)
    if (!options.kind || store.kind(i) === options.kind) out.push(refAt(store, i, options.lang));
  return out;
}
