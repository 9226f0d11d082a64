import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  CONCEPT_KINDS,
  type BundleObject,
  type CollectionInfo,
} from "../bundle/format.js";
import { CONCEPT, RELATION, collectionColumn, labelColumns } from "../bundle/names.js";
import { NACE_REV21_URI_PREFIX } from "./nace.js";
import type { EscoConceptsFile, Framework } from "./schema.js";
import { argObject, argOptions, readingArgument } from "../guard.js";

/**
 * Builds the curated bundle (the embedded default) from a framework and the facts of its cited ESCO
 * concepts: the concepts with label, kind, skill type, reuse level, collections and ISCO group, occupation →
 * ISCO group broader links, and the framework itself in `meta.extensions`. Pure and deterministic, so the
 * committed `taxonomy/dist/default.json` can be checked for drift.
 *
 * @module
 */

/** The `meta.extensions` key under which a bundle carries its framework layer. */
export const FRAMEWORK_EXTENSION = "green-skills/framework";

const COLLECTION_LABELS: Record<string, string> = {
  green: "Green skills",
  transversal: "Transversal skills",
  digital: "Digital skills",
  digComp: "DigComp skills",
  language: "Language skills",
  research: "Research skills",
  researchOccupations: "Research occupations",
};

/**
 * Options of {@link buildCuratedBundle}.
 *
 * @category Framework
 */
export interface BuildCuratedBundleOptions {
  /** The bundle's `createdAt` (default: the facts' `checkedOn` date, so rebuilding is deterministic). */
  createdAt?: string;
  /** The bundle's `generator` tag. */
  generator?: string;
}

/**
 * Builds a curated bundle object from a compiled framework and its ESCO facts.
 *
 * @category Framework
 * @param framework - The framework (from `compileFramework`).
 * @param facts - The facts of the cited ESCO concepts.
 * @param options - Timestamp and generator tag.
 * @returns A bundle object with `coverage: "curated"` that `loadTaxonomy` accepts.
 */
export function buildCuratedBundle(
  framework: Framework,
  facts: EscoConceptsFile,
  options: BuildCuratedBundleOptions = {},
): BundleObject {
  argObject("buildCuratedBundle", "framework", framework, "a framework object");
  argObject("buildCuratedBundle", "facts", facts, "the ESCO concept facts (EscoConceptsFile)");
  argOptions("buildCuratedBundle", options);
  return readingArgument("buildCuratedBundle", "framework", framework, () =>
    buildCuratedBundleUnchecked(framework, facts, options),
  );
}

function buildCuratedBundleUnchecked(
  framework: Framework,
  facts: EscoConceptsFile,
  options: BuildCuratedBundleOptions,
): BundleObject {
  const concepts = facts.concepts;
  const index = new Map(concepts.map((c, i) => [c.uri, i]));
  const str = (pick: (i: number) => string) => ({ type: "str" as const, values: concepts.map((_, i) => pick(i)) });
  const members = new Map<string, number[]>();
  const broaderChild: number[] = [];
  const broaderParent: number[] = [];
  concepts.forEach((concept, i) => {
    if (concept.kind !== "iscoGroup")
      for (const name of concept.collections) (members.get(name) ?? members.set(name, []).get(name)!).push(i);
    if (concept.kind === "occupation") {
      const parent = index.get(`http://data.europa.eu/esco/isco/C${concept.iscoGroup}`);
      if (parent !== undefined) {
        broaderChild.push(i);
        broaderParent.push(parent);
      }
    }
  });
  const collectionNames = [...members.keys()].sort();
  const collections: CollectionInfo[] = collectionNames.map((name) => ({
    name,
    label: COLLECTION_LABELS[name] ?? name,
    size: members.get(name)!.length,
  }));
  const columns: BundleObject["columns"] = {
    [CONCEPT.uri]: str((i) => concepts[i]!.uri),
    [CONCEPT.kind]: { type: "u8", values: concepts.map((c) => CONCEPT_KINDS.indexOf(c.kind)) },
    [CONCEPT.status]: str((i) => concepts[i]!.status ?? ""),
    [CONCEPT.code]: str((i) => {
      const c = concepts[i]!;
      return c.kind === "skill" ? "" : (c.code ?? "");
    }),
    [CONCEPT.skillType]: str((i) => {
      const c = concepts[i]!;
      return c.kind === "skill" ? (c.skillType ?? "") : "";
    }),
    [CONCEPT.reuseLevel]: str((i) => {
      const c = concepts[i]!;
      return c.kind === "skill" ? (c.reuseLevel ?? "") : "";
    }),
    [CONCEPT.iscoGroup]: str((i) => {
      const c = concepts[i]!;
      return c.kind === "occupation" ? c.iscoGroup : "";
    }),
    [CONCEPT.naceCode]: {
      type: "strList",
      values: concepts.map((c) =>
        c.kind === "occupation" ? (c.nace ?? []).map((code) => `${NACE_REV21_URI_PREFIX}${code}`) : [],
      ),
    },
    [labelColumns("en").pref]: str((i) => concepts[i]!.label),
    [RELATION.broaderOcc.child]: { type: "i32", values: broaderChild },
    [RELATION.broaderOcc.parent]: { type: "i32", values: broaderParent },
  };
  for (const name of collectionNames) columns[collectionColumn(name)] = { type: "i32", values: members.get(name)! };
  return {
    meta: {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      createdAt: options.createdAt ?? `${facts.checkedOn}T00:00:00.000Z`,
      generator: options.generator ?? "green-skills scripts/build-taxonomy.ts",
      coverage: "curated",
      esco: { version: facts.escoVersion, languages: ["en"], sources: [] },
      conceptCount: concepts.length,
      collections,
      unresolved: [],
      extensions: { [FRAMEWORK_EXTENSION]: framework },
    },
    columns,
  };
}
