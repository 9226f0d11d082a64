import type { ConceptKind } from "../bundle/format.js";
import { CONCEPT } from "../bundle/names.js";
import { InvalidMappingSourceError, InvalidOptionError } from "../errors.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { type ReplacementCandidate, replacementCandidates } from "./candidates.js";
import { type DiffContext, pairStores } from "./context.js";
import { describeChange } from "./describe.js";
import { diffTaxonomies } from "./diff.js";
import { greenEffects, targetEffects, versionEffects } from "./effects.js";
import { isLive } from "./label-index.js";
import { type MappingSource, MappingSourceSchema } from "./mapping-source.js";
import type {
  MappingChange,
  MappingResult,
  MigrationEffect,
  MigrationReport,
  SkillOccupationsChange,
} from "./migration-schema.js";
import type { TaxonomyDiff } from "./schema.js";
import { checkOptions, readingArgument } from "../guard.js";

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
const a = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;

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
 * const report = migrateMappings(older, newer, credential);
 * report.broken //=> true
 * report.mappings.find((m) => m.status === "removed")?.candidates[0]?.explanation
 * //=> ['label "maintain heat pumps" is close to "maintain heat pump" (0.89)', 'same broader concept "install heat pump"', …]
 * ```
 */
export function migrateMappings(
  older: Taxonomy,
  newer: Taxonomy,
  credential: MappingSource,
  options: MigrateMappingsOptions = {},
): MigrationReport {
  options = checkOptions("migrateMappings", options, { diff: "object", lang: "string", candidates: "count" });
  const parsed = readingArgument("migrateMappings", "credential", credential, () =>
    MappingSourceSchema.safeParse(credential),
  );
  if (!parsed.success) {
    throw new InvalidMappingSourceError(
      "migrateMappings",
      parsed.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
        message: issue.message,
      })),
    );
  }
  const source = parsed.data;
  const olderStore = storeOf(older);
  const newerStore = storeOf(newer);
  const lang = options.lang;
  const diff = options.diff ?? cachedDiff(older, newer, lang);
  if (
    diff.older.concepts !== older.size ||
    diff.newer.concepts !== newer.size ||
    diff.older.escoVersion !== older.escoVersion ||
    diff.newer.escoVersion !== newer.escoVersion
  ) {
    throw new InvalidOptionError("migrateMappings", "diff", "was computed for other taxonomies than the ones given.");
  }
  const ctx = pairStores(olderStore, newerStore, lang);
  const index = changeIndex(diff);
  const candidateCache = new Map<number, ReplacementCandidate[]>();
  const candidatesFor = (i: number) => {
    let list = candidateCache.get(i);
    if (!list)
      candidateCache.set(
        i,
        (list = replacementCandidates(ctx, i, { limit: options.candidates ?? 5, ...(lang ? { lang } : {}) })),
      );
    return list;
  };

  const mappings: MappingResult[] = [];
  source.learningOutcomes.forEach((outcome, i) => {
    (outcome.esco ?? []).forEach((uri, j) =>
      mappings.push(
        mapOne(ctx, index, candidatesFor, ["learningOutcomes", i, "esco", j], uri, "outcomeSkill", outcome.id),
      ),
    );
  });
  (source.targetOccupations ?? []).forEach((uri, k) =>
    mappings.push(mapOne(ctx, index, candidatesFor, ["targetOccupations", k], uri, "targetOccupation", null)),
  );

  const effects: MigrationEffect[] = [
    ...versionEffects(source, older.escoVersion),
    ...greenEffects(ctx, source, newer.escoVersion),
    ...targetEffects(ctx, source, diff),
  ];

  const count = (status: MappingResult["status"]) => mappings.filter((m) => m.status === status).length;
  const broken = mappings.filter((m) => m.broken).length;
  const title =
    typeof source.title === "string"
      ? source.title
      : source.title
        ? (source.title[lang ?? "en"] ?? Object.values(source.title)[0] ?? null)
        : null;
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
  // Outcomes may map to skills or to skill groups (both in ESCO's skills pillar); targets are occupations.
  const allowed: readonly ConceptKind[] = role === "outcomeSkill" ? ["skill", "skillGroup"] : ["occupation"];
  const expected = allowed.join(" or ");
  const wrongKindIn = (index: number) => !allowed.includes(newer.kind(index));
  const o = older.indexOf(uri);
  const n = newer.indexOf(uri);
  const before = o >= 0 ? ctx.refOld(o) : null;
  const after = n >= 0 ? ctx.refNew(n) : null;
  const base = { path, uri, role, outcomeId, before, after };
  const olderName = versionName(older.meta.esco.version);
  const newerName = versionName(newer.meta.esco.version);
  const withCandidates = (message: string, candidates: ReplacementCandidate[]) => {
    const best = candidates[0];
    return best
      ? `${message}; best replacement "${best.concept.label}" (score ${best.score.toFixed(2)})`
      : `${message}; no replacement candidate found`;
  };

  if (o < 0) {
    const broken = n < 0 || wrongKindIn(n) || !isLive(newer, n);
    const message =
      n < 0
        ? `not in ${olderName} nor in ${newerName}`
        : `not in ${olderName}; in ${newerName} as "${after?.label}"${broken ? ` (${wrongKindIn(n) ? `${a(newer.kind(n))}, not ${a(expected)}` : `status ${newer.value(CONCEPT.status, n)}`})` : ""}`;
    return { ...base, status: "unknown", broken, changes: [], candidates: [], message };
  }
  if (n < 0) {
    const candidates = candidatesFor(o);
    return {
      ...base,
      status: "removed",
      broken: true,
      changes: [],
      candidates,
      message: withCandidates(`removed in ${newerName}`, candidates),
    };
  }
  const changes: MappingChange[] = [...(index.byUri.get(uri) ?? [])];
  const links = index.occupationsOfSkill.get(uri);
  if (links && newer.kind(n) === "skill") changes.push({ type: "skillOccupations", concept: after!, ...links });
  const wrongKind = wrongKindIn(n);
  const retired = !isLive(newer, n);
  const broken = wrongKind || retired;
  const candidates = broken ? candidatesFor(o) : [];
  const described = changes.map(describeChange).join("; ");
  let message = changes.length === 0 ? "unchanged" : described;
  if (wrongKind)
    message = withCandidates(
      `is ${a(newer.kind(n))} in ${newerName}, not ${a(expected)}${described ? ` (${described})` : ""}`,
      candidates,
    );
  else if (retired)
    message = withCandidates(
      `retired in ${newerName}${described ? ` (${described})` : ` (status ${newer.value(CONCEPT.status, n)})`}`,
      candidates,
    );
  return { ...base, status: changes.length === 0 ? "unchanged" : "changed", broken, changes, candidates, message };
}
