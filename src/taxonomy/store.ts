import type { ColumnSource, StringListReader, StringReader } from "../bundle/columns.js";
import { CONCEPT_KINDS, type BundleMeta, type ConceptKind } from "../bundle/format.js";
import { CONCEPT, HIERARCHY_PATH, RELATION, collectionColumn, labelColumns, textColumn, type TextField } from "../bundle/names.js";
import { InvalidBundleError } from "../errors.js";
import { type Adjacency, buildAdjacency } from "./adjacency.js";

/**
 * The compact, index-based view of a bundle that every query reads. Concepts are numbered `0..size-1`;
 * relations become CSR adjacency on first use.
 *
 * @internal
 */
export class Store {
  readonly meta: BundleMeta;
  readonly columns: ColumnSource;
  readonly size: number;
  readonly kinds: Uint8Array;
  readonly uris: readonly string[];
  readonly defaultLanguage: string;
  readonly #index = new Map<string, number>();
  readonly #lazy = new Map<string, unknown>();

  constructor(meta: BundleMeta, columns: ColumnSource, source?: string) {
    this.meta = meta;
    this.columns = columns;
    const uris = columns.str(CONCEPT.uri);
    const kinds = columns.u8(CONCEPT.kind);
    if (!uris || !kinds) throw new InvalidBundleError(`missing column ${uris ? CONCEPT.kind : CONCEPT.uri}`, source);
    if (uris.length !== meta.conceptCount || kinds.length !== meta.conceptCount) {
      throw new InvalidBundleError(`concept columns disagree with conceptCount ${meta.conceptCount}`, source);
    }
    this.size = meta.conceptCount;
    this.kinds = kinds;
    this.uris = uris.all();
    for (let i = 0; i < this.size; i++) {
      if ((kinds[i] ?? 255) >= CONCEPT_KINDS.length) throw new InvalidBundleError(`concept ${i} has an unknown kind code`, source);
      this.#index.set(this.uris[i]!, i);
    }
    this.defaultLanguage = meta.esco.languages[0] ?? "en";
    for (const name of columns.names()) {
      if (name.startsWith("rel.") || name.startsWith("collection.") || name === HIERARCHY_PATH) continue;
      const type = columns.type(name);
      const length =
        type === "str" ? columns.str(name)?.length : type === "strList" ? columns.strList(name)?.length : undefined;
      if (length !== undefined && length !== this.size) {
        throw new InvalidBundleError(`column "${name}" has ${length} rows, expected ${this.size}`, source);
      }
    }
  }

  indexOf(uri: string): number {
    return this.#index.get(uri) ?? -1;
  }

  kind(index: number): ConceptKind {
    return CONCEPT_KINDS[this.kinds[index]!]!;
  }

  #memo<T>(key: string, build: () => T): T {
    if (this.#lazy.has(key)) return this.#lazy.get(key) as T;
    const value = build();
    this.#lazy.set(key, value);
    return value;
  }

  str(name: string): StringReader | undefined {
    return this.columns.str(name);
  }
  strList(name: string): StringListReader | undefined {
    return this.columns.strList(name);
  }
  value(name: string, index: number): string | null {
    const v = this.columns.str(name)?.get(index);
    return v ? v : null;
  }
  list(name: string, index: number): readonly string[] {
    return this.columns.strList(name)?.get(index) ?? [];
  }
  text(lang: string, field: TextField, index: number): string {
    return this.columns.str(textColumn(lang, field))?.get(index) ?? "";
  }

  /** Preferred label in `lang`, falling back to the default language, then any language. */
  label(index: number, lang?: string): string {
    if (lang) {
      const v = this.columns.str(labelColumns(lang).pref)?.get(index);
      if (v) return v;
    }
    const v = this.columns.str(labelColumns(this.defaultLanguage).pref)?.get(index);
    if (v) return v;
    for (const other of this.meta.esco.languages) {
      const w = this.columns.str(labelColumns(other).pref)?.get(index);
      if (w) return w;
    }
    return "";
  }

  #rel(name: string): Int32Array {
    return this.columns.i32(name) ?? new Int32Array(0);
  }
  #relU8(name: string): Uint8Array {
    return this.columns.u8(name) ?? new Uint8Array(0);
  }

  /** Whether the bundle has occupation–skill relations at all. */
  get hasRelations(): boolean {
    return this.columns.has(RELATION.occupationSkill.occupation);
  }

  /** child → parents over both pillars. */
  get broader(): Adjacency {
    return this.#memo("broader", () => {
      const { from, to } = this.#broaderEdges;
      return buildAdjacency(this.size, from, to);
    });
  }
  /** parent → children over both pillars. */
  get narrower(): Adjacency {
    return this.#memo("narrower", () => {
      const { from, to } = this.#broaderEdges;
      return buildAdjacency(this.size, to, from);
    });
  }
  get #broaderEdges(): { from: Int32Array; to: Int32Array } {
    return this.#memo("broaderEdges", () => {
      const a1 = this.#rel(RELATION.broaderSkill.child);
      const b1 = this.#rel(RELATION.broaderSkill.parent);
      const a2 = this.#rel(RELATION.broaderOcc.child);
      const b2 = this.#rel(RELATION.broaderOcc.parent);
      const from = new Int32Array(a1.length + a2.length);
      const to = new Int32Array(b1.length + b2.length);
      from.set(a1);
      from.set(a2, a1.length);
      to.set(b1);
      to.set(b2, b1.length);
      return { from, to };
    });
  }

  get occupationSkillTypes(): Uint8Array {
    return this.#relU8(RELATION.occupationSkill.type);
  }
  /** occupation → skills (edge index gives the relation type). */
  get skillsOfOccupation(): Adjacency {
    return this.#memo("occSkill", () =>
      buildAdjacency(this.size, this.#rel(RELATION.occupationSkill.occupation), this.#rel(RELATION.occupationSkill.skill)),
    );
  }
  /** skill → occupations. */
  get occupationsOfSkill(): Adjacency {
    return this.#memo("skillOcc", () =>
      buildAdjacency(this.size, this.#rel(RELATION.occupationSkill.skill), this.#rel(RELATION.occupationSkill.occupation)),
    );
  }

  get skillSkillTypes(): Uint8Array {
    return this.#relU8(RELATION.skillSkill.type);
  }
  /** original skill → related skills. */
  get relatedOut(): Adjacency {
    return this.#memo("ssOut", () =>
      buildAdjacency(this.size, this.#rel(RELATION.skillSkill.from), this.#rel(RELATION.skillSkill.to)),
    );
  }
  /** related skill → original skills. */
  get relatedIn(): Adjacency {
    return this.#memo("ssIn", () =>
      buildAdjacency(this.size, this.#rel(RELATION.skillSkill.to), this.#rel(RELATION.skillSkill.from)),
    );
  }

  /** Membership flags of a collection, or `undefined` when the bundle has no such collection. */
  collection(name: string): Uint8Array | undefined {
    return this.#memo(`collection:${name}`, () => {
      const members = this.columns.i32(collectionColumn(name));
      if (!members) return undefined;
      const flags = new Uint8Array(this.size);
      for (const m of members) if (m >= 0 && m < this.size) flags[m] = 1;
      return flags;
    });
  }

  /** Names of the collections that list concept `index`. */
  collectionsOf(index: number): string[] {
    const names: string[] = [];
    for (const info of this.meta.collections) if (this.collection(info.name)?.[index]) names.push(info.name);
    return names;
  }
}
