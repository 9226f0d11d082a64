import type * as z from "zod";
import type { ElmConceptSchema } from "./schema.js";
import { SCHEMES, type VocabConcept } from "../vocab.js";
import type { Warnings } from "../warnings.js";
import { countryNal, languageNal } from "./nal.js";

/**
 * Building SKOS concepts (`Concept` with `inScheme` and `prefLabel`), the way ELM references controlled
 * vocabularies, ESCO and the EU Named Authority Lists.
 *
 * @module
 */

/** An ELM/SKOS concept reference. @internal */
export type ElmConcept = z.infer<typeof ElmConceptSchema>;

/** An ELM note. @internal */
export type ElmNote = { type: "Note"; noteLiteral: Record<string, string>; subject?: ElmConcept };

/** @internal */
export function concept(
  id: string | undefined,
  scheme: string,
  prefLabel: Record<string, string>,
  notation?: string,
): ElmConcept {
  return {
    ...(id ? { id } : {}),
    type: "Concept",
    inScheme: { id: scheme, type: "ConceptScheme" },
    prefLabel,
    ...(notation ? { notation } : {}),
  };
}

/** @internal A controlled-vocabulary value (English label, as the vocabularies publish it). */
export function vocab(value: VocabConcept, scheme: string): ElmConcept {
  return concept(value.uri ?? undefined, scheme, { en: value.label });
}

/** @internal The Country NAL concept of an ISO alpha-2 code (`DE` → …/country/DEU). */
export function countryConcept(alpha2: string): ElmConcept {
  const nal = countryNal(alpha2) ?? { code: alpha2.toUpperCase(), name: alpha2.toUpperCase() };
  return concept(`${SCHEMES.country}/${nal.code}`, SCHEMES.country, { en: nal.name }, "country");
}

/** @internal The Language NAL concept of a language code, or `undefined` (reported) when there is none. */
export function languageConcept(
  lang: string,
  path: readonly (string | number)[],
  warnings: Warnings,
): ElmConcept | undefined {
  const nal = languageNal(lang);
  if (!nal) {
    warnings.add("not_exported", path, `no EU Language NAL code is known for "${lang}"; the language is not listed`);
    return undefined;
  }
  return concept(`${SCHEMES.language}/${nal.code}`, SCHEMES.language, { en: nal.name }, "language");
}

/**
 * @internal An xsd:duration for a number of hours: `PT140H`, `PT37H30M`. Hours are never written as
 * months (`P…M`, the mistake in the official sample).
 */
export function hoursDuration(hours: number): string {
  const totalSeconds = Math.round(hours * 3600 * 1000) / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds - h * 3600) / 60);
  const s = Math.round((totalSeconds - h * 3600 - m * 60) * 1000) / 1000;
  return `PT${h > 0 || (m === 0 && s === 0) ? `${h}H` : ""}${m > 0 ? `${m}M` : ""}${s > 0 ? `${s}S` : ""}`;
}

/** @internal A `Note` with text per language. */
export function note(text: Record<string, string>, subject?: ElmConcept): ElmNote {
  return { type: "Note", noteLiteral: text, ...(subject ? { subject } : {}) };
}

/** @internal English text joined with a user's language map (the English part first). */
export function withEnglish(english: string, user: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = { ...user };
  out["en"] = user?.["en"] ? `${english} ${user["en"]}` : english;
  return out;
}
