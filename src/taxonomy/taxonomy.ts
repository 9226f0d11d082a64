import type { ColumnSource } from "../bundle/columns.js";
import type { BundleMeta, CollectionInfo } from "../bundle/format.js";
import { NotATaxonomyError } from "../errors.js";
import { Store } from "./store.js";
import { argObject, readingArgument } from "../guard.js";

const stores = new WeakMap<Taxonomy, Store>();

/**
 * A loaded taxonomy: one ESCO version (or the curated embedded default) ready for queries. Create one
 * with `loadTaxonomy`; pass it to the query functions (`getConcept`, `skillsOfOccupation`, …), which are
 * standalone functions in the style of graphology's standard library.
 *
 * @category Taxonomy
 */
export class Taxonomy {
  /** The bundle header: ESCO version, languages, sources, collections, unresolved rows. */
  readonly meta: BundleMeta;
  /** ESCO version such as `v1.1.1`, or `null` when unknown. */
  readonly escoVersion: string | null;
  /** Language codes with labels, default first. */
  readonly languages: readonly string[];
  /** `full` for an ESCO import; `curated` for the embedded default. */
  readonly coverage: "full" | "curated";
  /** Number of ESCO concepts. */
  readonly size: number;

  /** @internal Use `loadTaxonomy`. */
  constructor(meta: BundleMeta, columns: ColumnSource, source?: string) {
    argObject("new Taxonomy", "meta", meta, "a bundle header (use loadTaxonomy)");
    argObject("new Taxonomy", "columns", columns, "bundle columns (use loadTaxonomy)");
    const store = readingArgument("new Taxonomy", "meta", meta, () => new Store(meta, columns, source));
    stores.set(this, store);
    this.meta = meta;
    this.escoVersion = meta.esco.version;
    this.languages = meta.esco.languages;
    this.coverage = meta.coverage;
    this.size = store.size;
  }

  /** The collections this taxonomy knows (green, digital, transversal …). */
  get collections(): readonly CollectionInfo[] {
    return this.meta.collections;
  }
}

/** @internal The compact store behind a taxonomy. */
export function storeOf(taxonomy: Taxonomy, api?: string): Store {
  const store = typeof taxonomy === "object" && taxonomy !== null ? stores.get(taxonomy) : undefined;
  if (!store) throw api ? new NotATaxonomyError(api, taxonomy) : new NotATaxonomyError();
  return store;
}
