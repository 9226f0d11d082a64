import type { ColumnSource, StringListReader, StringReader } from "../bundle/columns.js";
import { CONCEPT_KINDS, RELATION_TYPES, type BundleMeta, type ConceptKind } from "../bundle/format.js";
import {
  CONCEPT,
  HIERARCHY_PATH,
  RELATION,
  collectionColumn,
  expectedColumnType,
  labelColumns,
  textColumn,
  type TextField,
} from "../bundle/names.js";
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
  readonly source: string | undefined;
  readonly #index = new Map<string, number>();
  readonly #lazy = new Map<string, unknown>();

  constructor(meta: BundleMeta, columns: ColumnSource, source?: string) {
    this.meta = meta;
    this.source = source;
    this.columns = columns;
    const fail = (message: string): never => {
      throw new InvalidBundleError(message, source);
    };
    const uris = columns.str(CONCEPT.uri);
    const kinds = columns.u8(CONCEPT.kind);
    if (!uris || !kinds) fail(`missing column ${uris ? CONCEPT.kind : CONCEPT.uri}`);
    if (uris!.length !== meta.conceptCount || kinds!.length !== meta.conceptCount) {
      fail(`concept columns disagree with conceptCount ${meta.conceptCount}`);
    }
    this.size = meta.conceptCount;
    this.kinds = kinds!;
    this.uris = uris!.all();
    for (let i = 0; i < this.size; i++) {
      if ((this.kinds[i] ?? 255) >= CONCEPT_KINDS.length) fail(`concept ${i} has an unknown kind code`);
      const uri = this.uris[i]!;
      if (!uri) fail(`concept ${i} has an empty URI`);
      if (this.#index.has(uri)) fail(`concept URI ${uri} appears twice (concepts ${this.#index.get(uri)} and ${i})`);
      this.#index.set(uri, i);
    }
    this.defaultLanguage = meta.esco.languages[0] ?? "en";
    checkColumns(meta, columns, this.size, fail);
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
  /** The source columns kept verbatim for concept `index` (`concept.extra`, a JSON object of strings). */
  extra(index: number): Record<string, string> {
    const raw = this.value(CONCEPT.extra, index);
    if (!raw) return {};
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new InvalidBundleError(`column "${CONCEPT.extra}" row ${index} is not JSON`, this.source, { cause });
    }
    if (
      typeof value !== "object" ||
      value === null ||
      Array.isArray(value) ||
      Object.values(value).some((v) => typeof v !== "string")
    ) {
      throw new InvalidBundleError(
        `column "${CONCEPT.extra}" row ${index} is not a JSON object of strings`,
        this.source,
      );
    }
    return value as Record<string, string>;
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
      buildAdjacency(
        this.size,
        this.#rel(RELATION.occupationSkill.occupation),
        this.#rel(RELATION.occupationSkill.skill),
      ),
    );
  }
  /** skill → occupations. */
  get occupationsOfSkill(): Adjacency {
    return this.#memo("skillOcc", () =>
      buildAdjacency(
        this.size,
        this.#rel(RELATION.occupationSkill.skill),
        this.#rel(RELATION.occupationSkill.occupation),
      ),
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

/** Every row index a column may hold: `0 … size-1`, or also `-1` (none) where `allowNone`. */
function checkIndexes(
  name: string,
  values: Int32Array | undefined,
  size: number,
  allowNone: boolean,
  fail: (message: string) => never,
): void {
  if (!values) return;
  const min = allowNone ? -1 : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min || v >= size) fail(`column "${name}" row ${i} points to concept ${v}, outside 0..${size - 1}`);
  }
}

/**
 * The structural checks of a bundle's columns that a checksum cannot give (it only proves the file is as
 * written): every column known to the format with its type, one row per concept where the format says so,
 * complete relation tables of equal length with indexes in range and known type codes, collections that
 * match the header, and the hierarchy rows. A failure here means a writer bug or a hand-made file.
 */
function checkColumns(meta: BundleMeta, columns: ColumnSource, size: number, fail: (message: string) => never): void {
  const languages = meta.esco.languages;
  if (new Set(languages).size !== languages.length) fail(`meta.esco.languages lists a language twice`);
  const lengthOf = (name: string): number => {
    switch (columns.type(name)) {
      case "str":
        return columns.str(name)!.length;
      case "strList":
        return columns.strList(name)!.length;
      case "i32":
        return columns.i32(name)!.length;
      case "u8":
        return columns.u8(name)!.length;
      default:
        return columns.f64(name)?.length ?? 0;
    }
  };
  for (const name of columns.names()) {
    const expected = expectedColumnType(name, languages);
    if (!expected) fail(`column "${name}" is not part of the bundle format (languages: ${languages.join(", ")})`);
    const actual = columns.type(name);
    if (actual !== expected) fail(`column "${name}" has type ${String(actual)}, expected ${expected}`);
    if (name.startsWith("rel.") || name.startsWith("collection.") || name === HIERARCHY_PATH) continue;
    const length = lengthOf(name);
    if (length !== size) fail(`column "${name}" has ${length} rows, expected ${size} (one per concept)`);
  }
  for (const [table, roles] of Object.entries(RELATION)) {
    const names = Object.values(roles) as string[];
    const present = names.filter((name) => columns.has(name));
    if (present.length === 0) continue;
    if (present.length !== names.length)
      fail(
        `relation ${table} is incomplete: has ${present.join(", ")} but not ${names.filter((n) => !present.includes(n)).join(", ")}`,
      );
    const rows = lengthOf(names[0]!);
    for (const name of names)
      if (lengthOf(name) !== rows)
        fail(`relation ${table}: column "${name}" has ${lengthOf(name)} rows, "${names[0]}" has ${rows}`);
    for (const [role, name] of Object.entries(roles) as [string, string][]) {
      if (role !== "type") {
        checkIndexes(name, columns.i32(name), size, false, fail);
        continue;
      }
      const codes = columns.u8(name)!;
      for (let i = 0; i < codes.length; i++)
        if (codes[i]! >= RELATION_TYPES.length)
          fail(`column "${name}" row ${i} has unknown relation type code ${codes[i]}`);
    }
  }
  const listed = new Set<string>();
  for (const [i, info] of meta.collections.entries()) {
    if (listed.has(info.name)) fail(`meta.collections[${i}]: collection "${info.name}" is listed twice`);
    listed.add(info.name);
    const members = columns.i32(collectionColumn(info.name));
    if (!members)
      fail(`meta.collections[${i}]: collection "${info.name}" has no column "${collectionColumn(info.name)}"`);
    if (members!.length !== info.size)
      fail(`collection "${info.name}" has ${members!.length} members, meta.collections[${i}].size says ${info.size}`);
    checkIndexes(collectionColumn(info.name), members, size, false, fail);
  }
  for (const name of columns.names()) {
    if (name.startsWith("collection.") && !listed.has(name.slice("collection.".length)))
      fail(`column "${name}" is not listed in meta.collections`);
  }
  const path = columns.i32(HIERARCHY_PATH);
  if (path) {
    const depth = meta.extensions?.["hierarchyDepth"];
    if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 1)
      fail(`column "${HIERARCHY_PATH}" needs a positive integer meta.extensions.hierarchyDepth`);
    if (path.length % (depth as number) !== 0)
      fail(`column "${HIERARCHY_PATH}" has ${path.length} values, not a multiple of hierarchyDepth ${String(depth)}`);
    checkIndexes(HIERARCHY_PATH, path, size, true, fail);
  }
}
