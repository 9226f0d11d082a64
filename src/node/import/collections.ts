import { readHeader, unusedColumns } from "./columns-spec.js";
import type { ImportedFile } from "../../model/import-report.js";
import type { ImportState } from "./state.js";
import type { Table } from "./table.js";
import { lookup } from "../../lookup.js";

/**
 * Imports collection files (`greenSkillsCollection_en.csv` and any other `*Collection_<lang>.csv`). A
 * collection row repeats its concept's label, type and description; the importer checks the label
 * against the concept files and otherwise takes only the membership.
 *
 * @module
 */

const COPY = "copy of the concept's own data, read from the concept files";

const LABELS: Record<string, string> = {
  green: "Green skills",
  digital: "Digital skills",
  ict: "ICT skills",
  digComp: "DigComp skills",
  language: "Language skills",
  research: "Research skills",
  researchOccupations: "Research occupations",
  transversal: "Transversal skills",
};

/** Human label for a collection name. */
export function collectionLabel(name: string): string {
  return lookup(LABELS, name) ?? name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
}

/** Imports one collection file into collection `name`. */
export function importCollectionFile(state: ImportState, table: Table, name: string, lang: string): ImportedFile {
  const header = readHeader(table, ["conceptUri"], "an ESCO collection file");
  const uriAt = header.need("conceptUri");
  const prefAt = header.at("preferredLabel");
  const altAt = header.at("altLabels");
  const descriptionAt = header.at("description");
  const { ignored, unknown } = unusedColumns(table, new Set(["conceptUri", "preferredLabel"]), {
    conceptType: COPY,
    skillType: COPY,
    reuseLevel: COPY,
    status: COPY,
    altLabels: COPY,
    hiddenLabels: COPY,
    description: COPY,
    broaderConceptUri: "copy of the broader relations, read from the broader relations files",
    broaderConceptPT: "copy of the broader concepts' labels",
    iscoGroup: COPY,
    code: COPY,
  });
  let collection = state.collections.get(name);
  if (!collection)
    state.collections.set(name, (collection = { label: collectionLabel(name), files: [], members: new Set() }));
  collection.files.push(table.file);
  let imported = 0;
  let unresolved = 0;
  let mismatches = 0;
  let labelledHere = 0;
  for (let row = 0; row < table.rows; row++) {
    const uri = table.cell(row, uriAt).trim();
    const index = state.index.get(uri);
    if (index === undefined) {
      state.warn(
        "dangling_reference",
        table,
        `collection member ${uri || "(empty)"} is not defined by the concept files; row kept aside`,
        row,
      );
      state.keepUnresolved(table, row, `collection:${name}`, "conceptUri", uri);
      unresolved++;
      continue;
    }
    let labelled = false;
    if (prefAt >= 0) {
      const label = state.normaliser.label(table.cell(row, prefAt));
      const own = state.prefLabel(index, lang);
      if (!own && label) {
        // No concept file of this language labels the concept (ESCO's French v1.1.1 set lacks
        // skills_fr.csv): the collection row's labels and description are the concept's in this language.
        labelFromCollection(state, table, row, index, lang, label, altAt, descriptionAt);
        labelled = true;
      } else if (own && label && label !== own) {
        mismatches++;
        state.warn(
          "label_mismatch",
          table,
          `preferredLabel "${label}" differs from the concept file's "${own}" for ${uri}; the concept file wins`,
          row,
        );
      }
    }
    collection.members.add(index);
    imported++;
    if (labelled) labelledHere++;
  }
  if (mismatches > 0) state.normaliser.count("collectionLabelMismatches", mismatches);
  if (labelledHere > 0) state.normaliser.count(`labelsFromCollections:${lang}`, labelledHere);
  return {
    file: table.file,
    kind: "collection",
    language: lang,
    rows: table.rows,
    imported,
    unresolved,
    keptColumns:
      labelledHere > 0
        ? ["preferredLabel", ...(altAt >= 0 ? ["altLabels"] : []), ...(descriptionAt >= 0 ? ["description"] : [])]
        : [],
    ignoredColumns: [
      ...ignored.filter((i) => labelledHere === 0 || !["altLabels", "description"].includes(i.column)),
      ...unknown.map((column) => ({
        column,
        why: "unknown column in a collection file; membership is the collection's only data",
      })),
    ],
  };
}

/** Takes a concept's labels and description in `lang` from a collection row (no concept file of `lang` has them). */
function labelFromCollection(
  state: ImportState,
  table: Table,
  row: number,
  index: number,
  lang: string,
  label: string,
  altAt: number,
  descriptionAt: number,
): void {
  const data = state.language(lang);
  data.pref[index] = label;
  if (altAt >= 0) {
    const alt = state.normaliser.labelList(table.cell(row, altAt), new Set([label]));
    if (alt.length > 0) data.alt[index] = alt;
  }
  if (descriptionAt >= 0) {
    const description = state.normaliser.text(table.cell(row, descriptionAt));
    if (description !== "") data.texts.description[index] = description;
  }
}
