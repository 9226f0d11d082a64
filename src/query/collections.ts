import type { ConceptRef } from "../model/concept.js";
import { collectionColumn } from "../bundle/names.js";
import { UnknownCollectionError } from "../errors.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type LabelOptions, refAt } from "./concept.js";
import { argString, checkOptions } from "../guard.js";

/**
 * ESCO collections: green skills, digital, transversal, language, research … (whatever the import held).
 *
 * @module
 */

/**
 * True when the concept is in ESCO's green skills collection of the loaded version.
 *
 * @category Collections
 * @example
 * ```ts
 * isGreen(taxonomy, "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f") //=> true
 * ```
 */
export function isGreen(taxonomy: Taxonomy, uri: string): boolean {
  return isInCollection(taxonomy, "green", uri);
}

/**
 * True when the concept is a member of collection `name`. False for unknown URIs.
 *
 * @category Collections
 */
export function isInCollection(taxonomy: Taxonomy, name: string, uri: string): boolean {
  argString("isInCollection", "name", name);
  argString("isInCollection", "uri", uri);
  const store = storeOf(taxonomy);
  const index = store.indexOf(uri);
  return index >= 0 && store.collection(name)?.[index] === 1;
}

/**
 * The names of the collections a concept belongs to.
 *
 * @category Collections
 */
export function collectionsOf(taxonomy: Taxonomy, uri: string): string[] {
  argString("collectionsOf", "uri", uri);
  const store = storeOf(taxonomy);
  const index = store.indexOf(uri);
  return index < 0 ? [] : store.collectionsOf(index);
}

/**
 * The members of a collection.
 *
 * @category Collections
 * @throws {@link UnknownCollectionError} `E_UNKNOWN_COLLECTION` when the taxonomy has no such collection.
 */
export function collectionMembers(taxonomy: Taxonomy, name: string, options: LabelOptions = {}): ConceptRef[] {
  argString("collectionMembers", "name", name);
  options = checkOptions("collectionMembers", options, { lang: "string" });
  const store = storeOf(taxonomy);
  const members = store.columns.i32(collectionColumn(name));
  if (!members) {
    throw new UnknownCollectionError(
      "collectionMembers",
      name,
      taxonomy.collections.map((c) => c.name),
    );
  }
  return Array.from(members, (index) => refAt(store, index, options.lang));
}
