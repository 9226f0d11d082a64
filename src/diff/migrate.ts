import type { ConceptKind } from "../bundle/format.js";
import { CONCEPT } from "../bundle/names.js";
import { GreenSkillsError, InvalidMappingSourceError } from "../errors.js";
import type { ConceptRef } from "../model/concept.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type ReplacementCandidate, replacementCandidates } from "./candidates.js";
import { type DiffContext, pairStores } from "./context.js";
import { describeChange } from "./describe.js";
import { diffTaxonomies } from "./diff.js";
import { isLive } from "./label-index.js";
import { type MappingSource, MappingSourceSchema } from "./mapping-source.js";
import type { MappingChange, MappingResult, MigrationEffect, MigrationReport, SkillOccupationsChange } from "./migration-schema.js";
import type { TaxonomyDiff } from "./schema.js";

/**
 * Options of {@link migrateMappings}.
 *
 * @category Diff
 */
export interface MigrateMappingsOptions {
  /**
   * The change set of `diffTaxonomies(older, newer)`, to reuse across many credentials. Without it the
   * diff is computed once per pair of taxonomies and kept while they live.
   */
  diff?: TaxonomyDiff;
  /** Language of reported labels (default: each taxonomy's default language). */
  lang?: string;
  /** Most replacement candidates per broken mapping (default 5). */
  candidates?: number;
}

type Path = (string | number)[];

const diffs = new WeakMap<Taxonomy, WeakMap<Taxonomy, Map<string, TaxonomyDiff>>>();

function cachedDiff(older: Taxonomy, newer: Taxonomy, lang: string | undefined): TaxonomyDiff {
  let byNewer = diffs.get(older);
  if (!byNewer) diffs.set(older, (byNewer = new WeakMap()));
  let byLang = byNewer.get(newer);
  if (!byLang) byNewer.set(newer, (byLang = new Map()));
  let diff = byLang.get(lang ?? "");
  if (!diff) byLang.set(lang ?? "", (diff = diffTaxonomies(older, newer, lang ? { lang } : {})));
  return diff;
}

interface ChangeIndex {
  byUri: Map<string, MappingChange[]>;
  occupationsOfSkill: Map<string, Omit<SkillOccupationsChange, "type" | "concept">>;
}

const indexes = new WeakMap<TaxonomyDiff, ChangeIndex>();

/** Change-set entries by concept URI, and occupation-link changes by skill URI. */
function changeIndex(diff: TaxonomyDiff): ChangeIndex {
  let index = indexes.get(diff);
  if (index) return index;
  const byUri = new Map<string, MappingChange[]>();
  for (const [type, list] of Object.entries(diff.changes)) {
    if (type === "added" || type === "removed") continue;
    for (const change of list as MappingChange[]) {
      const entries = byUri.get(change.concept.uri);
      if (entries) entries.push(change);
      else byUri.set(change.concept.uri, [change]);
    }
  }
  const occupationsOfSkill = new Map<string, Omit<SkillOccupationsChange, "type" | "concept">>();
  const of = (uri: string) => {
    let entry = occupationsOfSkill.get(uri);
    if (!entry) occupationsOfSkill.set(uri, (entry = { added: [], removed: [], switched: [] }));
    return entry;
  };
  for (const { concept: occupation, added, removed, switched } of diff.changes.occupationSkills) {
    for (const a of added) of(a.skill.uri).added.push({ occupation, relation: a.relation });
    for (const r of removed) of(r.skill.uri).removed.push({ occupation, relation: r.relation });
    for (const s of switched) of(s.skill.uri).switched.push({ occupation, from: s.from, to: s.to });
  }
  index = { byUri, occupationsOfSkill };
  indexes.set(diff, index);
  return index;
}

const versionName = (v: string | null) => (v ? `ESCO ${v}` : "the ESCO version");
const sameVersion = (a: string, b: string) => a.trim().toLowerCase().replace(/^v/, "") === b.trim().toLowerCase().replace(/^v/, "");

function essentialSkills(store: Store, occupation: number): Set<string> {
  const out = new Set<string>();
  const adjacency = store.skillsOfOccupation;
  const types = store.occupationSkillTypes;
  for (let at = adjacency.offsets[occupation]!; at < adjacency.offsets[occupation + 1]!; at++) {
    if (types[adjacency.edges[at]!] === 0) out.add(store.uris[adjacency.targets[at]!]!);
  }
  return out;
}

const labels = (refs: readonly ConceptRef[]) => refs.map((r) => `"${r.label}"`).join(", ");

/**
 * Checks what moving a credential definition's ESCO mappings from an older ESCO version to a newer one
 * breaks or changes. For each mapped URI (learning outcomes' `esco` skills and `targetOccupations`): the
 * status — `unchanged`, `changed` (with what changed: labels, green membership, skill type, the
 * occupations linking to it …), `removed` (with ranked replacement candidates, each explained) or
 * `unknown` to the older version — and whether it is `broken` in the newer one. Then the effects on the
 * credential: an outcome that stops being green, a target occupation whose essential skills changed, an
 * `escoVersion` that does not match the older taxonomy.
 *
 * @category Diff
 * @param credential - A credential definition (any object matching {@link MappingSourceSchema}).
 * @param older - The ESCO version the credential was mapped against.
 * @param newer - The ESCO version to move to.
 * @param options - A precomputed diff, the label language, the number of candidates.
 * @returns The migration report; `broken` is true when a mapping no longer works.
 * @throws {@link InvalidMappingSourceError} when `credential` does not have the shape of a credential definition.
 * @throws {@link GreenSkillsError} `E_DIFF_MISMATCH` when `options.diff` was computed for other taxonomies.
 * @example
 * ```ts
 * import { migrateMappings } from "green-skills";
 * const report = migrateMappings(credential, older, newer);
 * report.broken //=> true
 * report.mappings.find((m) => m.status === "removed")?.candidates[0]?.explanation
 * //=> ['label "maintain heat pumps" is close to "maintain heat pump" (0.89)', 'same broader concept "install heat pump"', …]
 * ```
 */
export function migrateMappings(credential: MappingSource, older: Taxonomy, newer: Taxonomy, options: MigrateMappingsOptions = {}): MigrationReport {
  const parsed = MappingSourceSchema.safeParse(credential);
  if (!parsed.success) {
    throw new InvalidMappingSourceError(
      "migrateMappings",
      parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === "number" ? p : String(p))), message: issue.message })),
    );
  }
  const source = parsed.data;
  const olderStore = storeOf(older);
  const newerStore = storeOf(newer);
  const lang = options.lang;
  const diff = options.diff ?? cachedDiff(older, newer, lang);
  if (diff.older.concepts !== older.size || diff.newer.concepts !== newer.size || diff.older.escoVersion !== older.escoVersion || diff.newer.escoVersion !== newer.escoVersion) {
    throw new GreenSkillsError("E_DIFF_MISMATCH", "migrateMappings: options.diff was computed for other taxonomies than the ones given.");
  }
  const ctx = pairStores(olderStore, newerStore, lang);
  const index = changeIndex(diff);
  const candidateCache = new Map<number, ReplacementCandidate[]>();
  const candidatesFor = (i: number) => {
    let list = candidateCache.get(i);
    if (!list) candidateCache.set(i, (list = replacementCandidates(ctx, i, { limit: options.candidates ?? 5, ...(lang ? { lang } : {}) })));
    return list;
  };

  const mappings: MappingResult[] = [];
  source.learningOutcomes.forEach((outcome, i) => {
    (outcome.esco ?? []).forEach((uri, j) => mappings.push(mapOne(ctx, index, candidatesFor, ["learningOutcomes", i, "esco", j], uri, "outcomeSkill", outcome.id)));
  });
  (source.targetOccupations ?? []).forEach((uri, k) => mappings.push(mapOne(ctx, index, candidatesFor, ["targetOccupations", k], uri, "targetOccupation", null)));

  const effects: MigrationEffect[] = [];
  if (source.escoVersion && older.escoVersion && !sameVersion(source.escoVersion, older.escoVersion)) {
    effects.push({
      code: "esco_version_mismatch",
      severity: "warning",
      path: ["escoVersion"],
      message: `the credential says it was mapped against ESCO ${source.escoVersion}, but the older taxonomy is ESCO ${older.escoVersion}`,
      suggestion: `compare against the version the credential was mapped to, or update its escoVersion`,
      concepts: [],
    });
  }
  effects.push(...greenEffects(ctx, source, newer.escoVersion));
  effects.push(...targetEffects(ctx, source, diff));

  const count = (status: MappingResult["status"]) => mappings.filter((m) => m.status === status).length;
  const broken = mappings.filter((m) => m.broken).length;
  const title = typeof source.title === "string" ? source.title : source.title ? (source.title[lang ?? "en"] ?? Object.values(source.title)[0] ?? null) : null;
  return {
    credential: { title, escoVersion: source.escoVersion ?? null },
    older: { escoVersion: older.escoVersion },
    newer: { escoVersion: newer.escoVersion },
    broken: broken > 0,
    summary: {
      mappings: mappings.length,
      unchanged: count("unchanged"),
      changed: count("changed"),
      removed: count("removed"),
      unknown: count("unknown"),
      broken,
      effects: {
        error: effects.filter((e) => e.severity === "error").length,
        warning: effects.filter((e) => e.severity === "warning").length,
        info: effects.filter((e) => e.severity === "info").length,
      },
    },
    mappings,
    effects,
  };
}

function mapOne(
  ctx: DiffContext,
  index: ChangeIndex,
  candidatesFor: (olderIndex: number) => ReplacementCandidate[],
  path: Path,
  uri: string,
  role: MappingResult["role"],
  outcomeId: string | null,
): MappingResult {
  const { older, newer } = ctx;
  const expected: ConceptKind = role === "outcomeSkill" ? "skill" : "occupation";
  const o = older.indexOf(uri);
  const n = newer.indexOf(uri);
  const before = o >= 0 ? ctx.refOld(o) : null;
  const after = n >= 0 ? ctx.refNew(n) : null;
  const base = { path, uri, role, outcomeId, before, after };
  const olderName = versionName(older.meta.esco.version);
  const newerName = versionName(newer.meta.esco.version);
  const withCandidates = (message: string, candidates: ReplacementCandidate[]) => {
    const best = candidates[0];
    return best ? `${message}; best replacement "${best.concept.label}" (score ${best.score.toFixed(2)})` : `${message}; no replacement candidate found`;
  };

  if (o < 0) {
    const broken = n < 0 || newer.kind(n) !== expected || !isLive(newer, n);
    const message = n < 0 ? `not in ${olderName} nor in ${newerName}` : `not in ${olderName}; in ${newerName} as "${after?.label}"${broken ? ` (${newer.kind(n) !== expected ? `a ${newer.kind(n)}, not a ${expected}` : `status ${newer.value(CONCEPT.status, n)}`})` : ""}`;
    return { ...base, status: "unknown", broken, changes: [], candidates: [], message };
  }
  if (n < 0) {
    const candidates = candidatesFor(o);
    return { ...base, status: "removed", broken: true, changes: [], candidates, message: withCandidates(`removed in ${newerName}`, candidates) };
  }
  const changes: MappingChange[] = [...(index.byUri.get(uri) ?? [])];
  const links = index.occupationsOfSkill.get(uri);
  if (links && newer.kind(n) === "skill") changes.push({ type: "skillOccupations", concept: after!, ...links });
  const wrongKind = newer.kind(n) !== expected;
  const retired = !isLive(newer, n);
  const broken = wrongKind || retired;
  const candidates = broken ? candidatesFor(o) : [];
  const described = changes.map(describeChange).join("; ");
  let message = changes.length === 0 ? "unchanged" : described;
  if (wrongKind) message = withCandidates(`is a ${newer.kind(n)} in ${newerName}, not a ${expected}; ${described}`, candidates);
  else if (retired) message = withCandidates(`retired in ${newerName} (${described})`, candidates);
  return { ...base, status: changes.length === 0 ? "unchanged" : "changed", broken, changes, candidates, message };
}

function greenEffects(ctx: DiffContext, source: MappingSource, newerVersion: string | null): MigrationEffect[] {
  const { older, newer } = ctx;
  const greenBefore = older.collection("green");
  const greenAfter = newer.collection("green");
  if (!greenBefore || !greenAfter) return [];
  const effects: MigrationEffect[] = [];
  source.learningOutcomes.forEach((outcome, i) => {
    const wasGreen: ConceptRef[] = [];
    const isGreen: ConceptRef[] = [];
    const seen = new Set<string>();
    for (const uri of outcome.esco ?? []) {
      if (seen.has(uri)) continue;
      seen.add(uri);
      const o = older.indexOf(uri);
      const n = newer.indexOf(uri);
      if (o >= 0 && greenBefore[o]) wasGreen.push(ctx.refOld(o));
      if (n >= 0 && greenAfter[n] && isLive(newer, n)) isGreen.push(ctx.refNew(n));
    }
    const path = ["learningOutcomes", i];
    if (wasGreen.length > 0 && isGreen.length === 0) {
      const why = wasGreen.map((r) => `"${r.label}" ${newer.indexOf(r.uri) < 0 ? "was removed" : isLive(newer, newer.indexOf(r.uri)) ? "left the green collection" : "was retired"}`);
      effects.push({
        code: "outcome_stops_green",
        severity: "warning",
        path,
        message: `learning outcome "${outcome.id}" is no longer green in ${versionName(newerVersion)}: ${why.join("; ")}`,
        suggestion: "map the outcome to a skill of the green collection of the newer version, or accept that it no longer counts as green",
        concepts: wasGreen,
      });
    } else if (wasGreen.length === 0 && isGreen.length > 0) {
      effects.push({
        code: "outcome_becomes_green",
        severity: "info",
        path,
        message: `learning outcome "${outcome.id}" becomes green in ${versionName(newerVersion)}: ${labels(isGreen)} joined the green collection`,
        concepts: isGreen,
      });
    }
  });
  return effects;
}

function targetEffects(ctx: DiffContext, source: MappingSource, diff: TaxonomyDiff): MigrationEffect[] {
  const { older, newer } = ctx;
  if (!older.hasRelations || !newer.hasRelations) return [];
  const mapped = new Set(source.learningOutcomes.flatMap((o) => o.esco ?? []));
  const relationChanges = new Map(diff.changes.occupationSkills.map((c) => [c.concept.uri as string, c]));
  const effects: MigrationEffect[] = [];
  (source.targetOccupations ?? []).forEach((uri, k) => {
    const change = relationChanges.get(uri);
    const o = older.indexOf(uri);
    const n = newer.indexOf(uri);
    if (!change || o < 0 || n < 0) return;
    const gained = [...change.added.filter((a) => a.relation === "essential").map((a) => a.skill), ...change.switched.filter((s) => s.to === "essential").map((s) => s.skill)];
    const dropped = [...change.removed.filter((r) => r.relation === "essential").map((r) => r.skill), ...change.switched.filter((s) => s.from === "essential").map((s) => s.skill)];
    if (gained.length === 0 && dropped.length === 0) return;
    const before = essentialSkills(older, o);
    const after = essentialSkills(newer, n);
    const covered = (set: Set<string>) => [...set].filter((s) => mapped.has(s)).length;
    const parts = [...(gained.length > 0 ? [`+${gained.length} ${labels(gained)}`] : []), ...(dropped.length > 0 ? [`−${dropped.length} ${labels(dropped)}`] : [])];
    const uncovered = gained.filter((s) => !mapped.has(s.uri));
    effects.push({
      code: "target_essential_skills_changed",
      severity: "warning",
      path: ["targetOccupations", k],
      message: `target occupation "${change.concept.label}": essential skills changed (${parts.join("; ")}); the credential covers ${covered(after)} of ${after.size} essential skills (was ${covered(before)} of ${before.size})`,
      ...(uncovered.length > 0 ? { suggestion: `consider covering the new essential skill(s) ${labels(uncovered)}` } : {}),
      concepts: [...gained, ...dropped],
    });
  });
  return effects;
}
