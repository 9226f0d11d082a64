import { CONCEPT_KINDS, type ConceptKind } from "../../bundle/format.js";
import { readHeader, unusedColumns } from "./columns-spec.js";
import type { EscoFileKind } from "./detect.js";
import type { DanglingSummary, ImportedFile } from "../../model/import-report.js";
import type { ImportState } from "./state.js";
import type { Table } from "./table.js";
import { lookup } from "../../lookup.js";

/**
 * Imports the relation files. A row whose endpoint is not a concept of the expected kind is kept aside
 * as an unresolved row (a dangling reference), counted, and reported with its line.
 *
 * @module
 */

interface Endpoint {
  column: string;
  kinds: readonly ConceptKind[];
}

interface RelationSpec {
  relation: "occupationSkill" | "skillSkill" | "broaderSkill" | "broaderOcc";
  what: string;
  from: Endpoint;
  to: Endpoint;
  /** Column holding essential/optional, for typed relations. */
  typeColumn?: string;
  /** Columns that only repeat data held elsewhere. */
  ignored: Record<string, string>;
}

const LABEL_COPY = "copy of the concept's preferred label, read from the concept files";
const TYPE_COPY = "copy of the concept's type, read from the concept files";

export const RELATION_FILES: Partial<Record<EscoFileKind, RelationSpec>> = {
  occupationSkillRelations: {
    relation: "occupationSkill",
    what: "an ESCO occupation–skill relations file",
    from: { column: "occupationUri", kinds: ["occupation"] },
    to: { column: "skillUri", kinds: ["skill"] },
    typeColumn: "relationType",
    ignored: { skillType: TYPE_COPY, occupationLabel: LABEL_COPY, skillLabel: LABEL_COPY },
  },
  skillSkillRelations: {
    relation: "skillSkill",
    what: "an ESCO skill–skill relations file",
    from: { column: "originalSkillUri", kinds: ["skill"] },
    to: { column: "relatedSkillUri", kinds: ["skill"] },
    typeColumn: "relationType",
    ignored: {
      originalSkillType: TYPE_COPY,
      relatedSkillType: TYPE_COPY,
      originalSkillLabel: LABEL_COPY,
      relatedSkillLabel: LABEL_COPY,
    },
  },
  broaderRelationsSkillPillar: {
    relation: "broaderSkill",
    what: "an ESCO skills-pillar broader relations file",
    from: { column: "conceptUri", kinds: ["skill", "skillGroup"] },
    to: { column: "broaderUri", kinds: ["skill", "skillGroup"] },
    ignored: { conceptType: TYPE_COPY, broaderType: TYPE_COPY, conceptLabel: LABEL_COPY, broaderLabel: LABEL_COPY },
  },
  broaderRelationsOccPillar: {
    relation: "broaderOcc",
    what: "an ESCO occupations-pillar broader relations file",
    from: { column: "conceptUri", kinds: ["occupation", "iscoGroup"] },
    to: { column: "broaderUri", kinds: ["occupation", "iscoGroup"] },
    ignored: { conceptType: TYPE_COPY, broaderType: TYPE_COPY, conceptLabel: LABEL_COPY, broaderLabel: LABEL_COPY },
  },
};

const RELATION_CODES: Record<string, number> = { essential: 0, optional: 1 };

/** Tracks dangling references per file and column for the report. */
export class DanglingTracker {
  readonly #byKey = new Map<string, DanglingSummary & { uris: Set<string> }>();

  add(relation: string, file: string, column: string, uri: string, line: () => number): void {
    const key = `${file}\u0000${column}`;
    let entry = this.#byKey.get(key);
    if (!entry)
      this.#byKey.set(
        key,
        (entry = { relation, file, column, rows: 0, distinctUris: 0, examples: [], uris: new Set() }),
      );
    entry.rows++;
    entry.uris.add(uri);
    entry.distinctUris = entry.uris.size;
    if (entry.examples.length < 5) entry.examples.push({ uri, line: line() });
  }

  summaries(): DanglingSummary[] {
    return [...this.#byKey.values()].map(({ uris: _uris, ...summary }) => summary);
  }
}

/** Imports one relation file. */
export function importRelationFile(
  state: ImportState,
  table: Table,
  fileKind: EscoFileKind,
  dangling: DanglingTracker,
): ImportedFile {
  const spec = RELATION_FILES[fileKind]!;
  const required = [spec.from.column, spec.to.column, ...(spec.typeColumn ? [spec.typeColumn] : [])];
  const header = readHeader(table, required, spec.what);
  const fromAt = header.need(spec.from.column);
  const toAt = header.need(spec.to.column);
  const typeAt = spec.typeColumn ? header.need(spec.typeColumn) : -1;
  const { ignored, unknown } = unusedColumns(table, new Set(required), spec.ignored);
  const target = state.relations[spec.relation] as { [k: string]: number[] };
  const [fromList, toList] =
    spec.relation === "occupationSkill"
      ? [target.occupation!, target.skill!]
      : spec.relation === "skillSkill"
        ? [target.from!, target.to!]
        : [target.child!, target.parent!];
  const typeList = target.type;
  const kindCodes = (kinds: readonly ConceptKind[]) => new Set(kinds.map((k) => CONCEPT_KINDS.indexOf(k)));
  const fromKinds = kindCodes(spec.from.kinds);
  const toKinds = kindCodes(spec.to.kinds);
  const kindOk = (index: number | undefined, codes: ReadonlySet<number>) =>
    index !== undefined && codes.has(state.kinds[index]!);
  // On a dictionary-encoded table, resolve each distinct URI once instead of once per row.
  const dictionary = table.dictionary;
  const resolved = dictionary ? dictionary.values.map((uri) => state.index.get(uri)) : undefined;
  let imported = 0;
  let unresolved = 0;
  const broader = spec.relation === "broaderSkill" || spec.relation === "broaderOcc";
  const first = fromList.length;
  const edgeRows: number[] = [];
  for (let row = 0; row < table.rows; row++) {
    let a: number | undefined;
    let b: number | undefined;
    if (dictionary && resolved) {
      a = resolved[dictionary.id(row, fromAt)];
      b = resolved[dictionary.id(row, toAt)];
    } else {
      a = state.index.get(table.cell(row, fromAt));
      b = state.index.get(table.cell(row, toAt));
    }
    let code = 0;
    let problem: [column: string, uri: string, why: string] | undefined;
    if (!kindOk(a, fromKinds)) {
      problem = [
        spec.from.column,
        table.cell(row, fromAt),
        a === undefined
          ? "is not defined by the concept files"
          : `is a ${state.kindOf(a)}, not a ${spec.from.kinds.join(" or ")}`,
      ];
    } else if (!kindOk(b, toKinds)) {
      problem = [
        spec.to.column,
        table.cell(row, toAt),
        b === undefined
          ? "is not defined by the concept files"
          : `is a ${state.kindOf(b)}, not a ${spec.to.kinds.join(" or ")}`,
      ];
    } else if (typeAt >= 0) {
      const value = table.cell(row, typeAt);
      const known = lookup(RELATION_CODES, value);
      if (known === undefined)
        problem = [spec.typeColumn!, value, `relationType "${value}" is neither essential nor optional`];
      else code = known;
    }
    if (problem) {
      const [column, uri, why] = problem;
      const isDangling = why.startsWith("is not defined");
      if (isDangling) dangling.add(spec.relation, table.file, column, uri, () => table.line(row));
      state.warn(
        isDangling ? "dangling_reference" : "bad_relation",
        table,
        `${column} ${isDangling ? `${uri} ` : ""}${why}; row kept aside`,
        row,
      );
      state.keepUnresolved(table, row, spec.relation, column, uri);
      unresolved++;
      continue;
    }
    fromList.push(a!);
    toList.push(b!);
    if (typeList) typeList.push(code);
    if (broader) edgeRows.push(row);
    imported++;
  }
  if (broader) warnCycles(state, table, fromList.slice(first), toList.slice(first), edgeRows);
  return {
    file: table.file,
    kind: fileKind,
    language: null,
    rows: table.rows,
    imported,
    unresolved,
    keptColumns: [],
    ignoredColumns: [
      ...ignored,
      ...unknown.map((column) => ({ column, why: "unknown column in a relation file; relations carry no extra data" })),
    ],
  };
}

/** Imports `greenShareOcc_<lang>.csv` (ESCO v1.2.1+): the official green share of occupations and ISCO groups. */
export function importGreenShare(state: ImportState, table: Table, fileKind: EscoFileKind): ImportedFile {
  const header = readHeader(table, ["conceptUri", "greenShare"], "an ESCO green share file");
  const uriAt = header.need("conceptUri");
  const shareAt = header.need("greenShare");
  const { ignored, unknown } = unusedColumns(table, new Set(["conceptUri", "greenShare"]), {
    conceptType: TYPE_COPY,
    code: "copy of the concept's code",
    preferredLabel: LABEL_COPY,
  });
  let imported = 0;
  let unresolved = 0;
  for (let row = 0; row < table.rows; row++) {
    const uri = table.cell(row, uriAt);
    const index = state.index.get(uri);
    const raw = table.cell(row, shareAt).trim();
    const value = Number(raw);
    if (index === undefined || !["occupation", "iscoGroup"].includes(state.kindOf(index))) {
      state.warn(
        "dangling_reference",
        table,
        `conceptUri ${uri} is not an occupation or ISCO group of the concept files; row kept aside`,
        row,
      );
      state.keepUnresolved(table, row, "greenShare", "conceptUri", uri);
      unresolved++;
      continue;
    }
    if (raw === "" || !Number.isFinite(value) || value < 0 || value > 1) {
      state.warn("bad_value", table, `greenShare "${raw}" is not a number between 0 and 1; row kept aside`, row);
      state.keepUnresolved(table, row, "greenShare", "greenShare", uri);
      unresolved++;
      continue;
    }
    state.greenShare[index] = value;
    imported++;
  }
  return {
    file: table.file,
    kind: fileKind,
    language: null,
    rows: table.rows,
    imported,
    unresolved,
    keptColumns: [],
    ignoredColumns: [...ignored, ...unknown.map((column) => ({ column, why: "unknown column" }))],
  };
}

/**
 * Warns about every cycle in broader relations (a concept that is, through its broader concepts, broader
 * than itself; a self-loop is the shortest), located at the row that closes it. ESCO's hierarchies are
 * acyclic; queries that walk them stop at a repeat, so the rows are kept. One iterative depth-first search:
 * linear in the edges.
 */
function warnCycles(
  state: ImportState,
  table: Table,
  child: readonly number[],
  parent: readonly number[],
  rows: readonly number[],
): void {
  const n = state.uris.length;
  const offsets = new Int32Array(n + 1);
  for (const c of child) offsets[c + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const edges = new Int32Array(child.length);
  const fill = offsets.slice(0, n);
  child.forEach((c, e) => (edges[fill[c]!++] = e));
  // 0 unvisited, 1 on the current path, 2 done.
  const colour = new Uint8Array(n);
  const path: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < n; root++) {
    if (colour[root] !== 0 || offsets[root] === offsets[root + 1]) continue;
    colour[root] = 1;
    path.push(root);
    next.push(offsets[root]!);
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const at = next[next.length - 1]!;
      if (at === offsets[node + 1]) {
        colour[node] = 2;
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = at + 1;
      const edge = edges[at]!;
      const target = parent[edge]!;
      if (colour[target] === 0) {
        colour[target] = 1;
        path.push(target);
        next.push(offsets[target]!);
      } else if (colour[target] === 1) {
        const cycle = path.slice(path.lastIndexOf(target));
        const uris = [...cycle, target].map((i) => state.uris[i]!);
        const shown = uris.length > 8 ? [...uris.slice(0, 4), "…", ...uris.slice(-3)] : uris;
        const message =
          cycle.length === 1
            ? `${uris[0]} is its own broader concept (a self-loop); ESCO's hierarchy has none. The row is kept; hierarchy queries skip the repeat`
            : `broader relations form a cycle of ${cycle.length} concepts, closed by this row: ${shown.join(" → ")}; ESCO's hierarchy has none. The rows are kept; hierarchy queries stop at the repeat`;
        state.warn("broader_cycle", table, message, rows[edge]);
      }
    }
  }
}
