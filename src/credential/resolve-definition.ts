import type { ConceptKind } from "../bundle/format.js";
import { CONCEPT } from "../bundle/names.js";
import type { Store } from "../taxonomy/store.js";
import type { IssuePath } from "./issues.js";
import type { ParsedDefinition } from "./parse.js";
import type { LanguageMap, LearningOutcome } from "./schema.js";

/**
 * The normalise stage: everything the rules look up more than once, computed once. Each ESCO URI of the
 * definition is resolved against the taxonomy's index here, so the rules are simple loops.
 *
 * @module
 */

/** One ESCO URI cited by a definition, resolved. @internal */
export interface EscoRef {
  readonly uri: string;
  /** Where it is cited. */
  readonly path: IssuePath;
  /** What the field requires. */
  readonly expected: "skill" | "occupation";
  /** The learning outcome citing it (for `expected: "skill"`). */
  readonly outcome?: { index: number; outcome: LearningOutcome };
  /** Index in the taxonomy store, or -1 when the taxonomy does not hold it. */
  readonly index: number;
  readonly kind: ConceptKind | undefined;
  /** ESCO status (`released` …), or null when the data has none. */
  readonly status: string | null;
  readonly green: boolean;
}

/** A definition prepared for the rules. @internal */
export interface NormalisedDefinition {
  readonly parsed: ParsedDefinition;
  readonly refs: readonly EscoRef[];
  /** Path of a field of the definition, with the inline-definition prefix. */
  path(...parts: (string | number)[]): IssuePath;
}

function resolve(store: Store, uri: string): Pick<EscoRef, "index" | "kind" | "status" | "green"> {
  const index = store.indexOf(uri);
  if (index < 0) return { index, kind: undefined, status: null, green: false };
  return {
    index,
    kind: store.kind(index),
    status: store.value(CONCEPT.status, index),
    green: store.collection("green")?.[index] === 1,
  };
}

/** Resolves the definition's ESCO URIs. @internal */
export function normaliseDefinition(parsed: ParsedDefinition, store: Store): NormalisedDefinition {
  const path = (...parts: (string | number)[]): IssuePath => [...parsed.prefix, ...parts];
  const refs: EscoRef[] = [];
  for (const entry of parsed.outcomes) {
    entry.outcome.esco.forEach((uri, i) => {
      refs.push({
        uri,
        path: path("learningOutcomes", entry.index, "esco", i),
        expected: "skill",
        outcome: entry,
        ...resolve(store, uri),
      });
    });
  }
  parsed.fields.targetOccupations?.forEach((uri, i) => {
    refs.push({ uri, path: path("targetOccupations", i), expected: "occupation", ...resolve(store, uri) });
  });
  return { parsed, refs, path };
}

/** The text of a language map in `lang`, else English, else any language. @internal */
export function textIn(map: LanguageMap | string | undefined, lang?: string): string {
  if (map === undefined) return "";
  if (typeof map === "string") return map;
  return (lang ? map[lang] : undefined) ?? map["en"] ?? Object.values(map)[0] ?? "";
}
