import * as z from "zod";
import { CONCEPT } from "../bundle/names.js";
import { ConceptRefSchema, type ConceptRef } from "../model/concept.js";
import { refAt } from "../query/concept.js";
import { greenShareOf } from "../query/green-share.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import type { Store } from "../taxonomy/store.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import type { EscoUri } from "../uri.js";
import { attachmentOf } from "./attach.js";
import { type MembershipBasis, membershipOf } from "./membership.js";
import { SectorInfoSchema, requireSector, sectorInfo } from "./sectors.js";
import { argString, checkOptions } from "../guard.js";
import { InvalidOptionError } from "../errors.js";

/**
 * `sectorProfile`: a sector's occupations and the green skills that matter across them.
 *
 * @module
 */

const basis = /* @__PURE__ */ (() => z.enum(["nace", "isco", "curated"]))();

/**
 * An occupation of a sector.
 *
 * @category Framework
 */
export const SectorOccupationSchema = /* @__PURE__ */ (() =>
  z.object({
    occupation: ConceptRefSchema,
    /** Why it belongs to the sector: its NACE code, its ISCO group (fallback), or a curated reference. */
    basis: z.array(basis),
    /** True when the sector cites it as a key occupation. */
    key: z.boolean(),
    /** Green skills ÷ linked skills (as `greenShare`); `null` on the embedded default or with no linked skills. */
    greenShare: z.number().nullable(),
    /** ESCO's official green share where the version has one (v1.2.1+). */
    officialGreenShare: z.number().nullable(),
  }))();
/** @category Framework */
export type SectorOccupation = z.infer<typeof SectorOccupationSchema>;

/**
 * A green skill ranked by how many of the sector's occupations need it.
 *
 * @category Framework
 */
export const RankedGreenSkillSchema = /* @__PURE__ */ (() =>
  z.object({
    /** 1-based position. */
    rank: z.number().int().positive(),
    skill: ConceptRefSchema,
    /** `essential × weights.essential + optional × weights.optional`. */
    score: z.number(),
    /** Sector occupations that list it as essential. */
    essential: z.number().int().nonnegative(),
    /** Sector occupations that list it as optional. */
    optional: z.number().int().nonnegative(),
    /** Share of the sector's occupations that list it (essential or optional). */
    reach: z.number().min(0).max(1),
    /** True when the sector cites it as a core green skill. */
    key: z.boolean(),
  }))();
/** @category Framework */
export type RankedGreenSkill = z.infer<typeof RankedGreenSkillSchema>;

/**
 * A curated reference of the sector, and how it fares in the loaded taxonomy.
 *
 * @category Framework
 */
export const KeyReferenceSchema = /* @__PURE__ */ (() =>
  z.object({
    concept: ConceptRefSchema,
    rationale: z.string(),
    /** False when the loaded taxonomy does not hold the cited URI as a concept of the cited kind (see the merge report). */
    present: z.boolean(),
    /** For skills: green in the loaded taxonomy. */
    green: z.boolean().optional(),
    /** For skills: position in `ranking`, `null` when unranked (no sector occupation needs it, or curated coverage). */
    rank: z.number().int().positive().nullable().optional(),
    /** For occupations: its green share, `null` when unknown. */
    greenShare: z.number().nullable().optional(),
  }))();
/** @category Framework */
export type KeyReference = z.infer<typeof KeyReferenceSchema>;

/**
 * The answer of {@link sectorProfile}.
 *
 * @category Framework
 */
export const SectorProfileSchema = /* @__PURE__ */ (() =>
  z.object({
    sector: SectorInfoSchema,
    /** `full`: ranked from ESCO's occupation–skill relations; `curated`: the embedded default, references only. */
    coverage: z.enum(["full", "curated"]),
    escoVersion: z.string().nullable(),
    /** How occupations were assigned: by NACE (`naceCode`, ESCO v1.2.1+), by ISCO-08 group, or both. */
    assignment: z.enum(["nace", "isco", "mixed", "none"]),
    occupations: z.array(SectorOccupationSchema),
    /** Green skills ranked by how many sector occupations need them; `null` on curated coverage. */
    ranking: z.array(RankedGreenSkillSchema).nullable(),
    /** Total number of ranked green skills before `limit`. */
    rankedCount: z.number().int().nonnegative().nullable(),
    /** Mean green share of the sector's occupations that have linked skills; `null` on curated coverage. */
    averageGreenShare: z.number().nullable(),
    /** Mean of ESCO's official green shares where the version has them. */
    officialAverageGreenShare: z.number().nullable(),
    weights: z.object({ essential: z.number(), optional: z.number() }),
    keySkills: z.array(KeyReferenceSchema),
    keyOccupations: z.array(KeyReferenceSchema),
    /** Plain-language notes on coverage and assignment. */
    notes: z.array(z.string()),
  }))();
/** @category Framework */
export type SectorProfile = z.infer<typeof SectorProfileSchema>;

/**
 * Options of {@link sectorProfile}.
 *
 * @category Framework
 */
export interface SectorProfileOptions {
  /** Label language (falls back to the default language). */
  lang?: string;
  /** Weights of essential and optional links in the score (default 1 and 0.5). */
  weights?: { essential: number; optional: number };
  /** Keep the first `limit` ranked skills (default: all). */
  limit?: number;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

function officialShare(store: Store, index: number): number | null {
  const value = store.columns.f64(CONCEPT.greenShare)?.[index];
  return value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * A sector's occupations and its green skills ranked by how many of those occupations need them
 * (essential links weighted above optional), with the sector's average green share — "which green skills
 * matter across construction?". On the embedded default (`coverage: "curated"`) there are no relations to
 * rank: the profile lists the curated key occupations and core green skills and says so in `notes`.
 *
 * @category Framework
 * @param taxonomy - A taxonomy with a framework layer.
 * @param sectorId - A sector id such as `construction`.
 * @param options - Label language, weights, limit.
 * @returns The profile.
 * @throws {@link UnknownSectorError} for an unknown id (the error lists the known ones).
 * @throws {@link FrameworkNotAttachedError} when the taxonomy has no framework layer.
 * @example
 * ```ts
 * import { loadTaxonomyFile } from "green-skills/node";
 * import { sectorProfile } from "green-skills";
 * const profile = sectorProfile(await loadTaxonomyFile("esco-v1.1.1.gsb"), "construction", { limit: 10 });
 * profile.ranking?.map((r) => r.skill.label).includes("install heat pump") //=> true
 * ```
 */
export function sectorProfile(taxonomy: Taxonomy, sectorId: string, options: SectorProfileOptions = {}): SectorProfile {
  argString("sectorProfile", "sectorId", sectorId);
  options = checkOptions("sectorProfile", options, { lang: "string", weights: "object", limit: "count" });
  if (options.weights) {
    const weights = options.weights;
    for (const key of ["essential", "optional"] as const)
      if (typeof weights[key] !== "number" || !Number.isFinite(weights[key]))
        throw new InvalidOptionError("sectorProfile", `weights.${key}`, "must be a finite number");
  }
  const store = storeOf(taxonomy);
  const sector = requireSector(taxonomy, "sectorProfile", sectorId);
  const attachment = attachmentOf(taxonomy, "sectorProfile");
  const membership = membershipOf(store, attachment);
  const members = membership.bySector.get(sector.id)?.occupations ?? new Map<number, MembershipBasis[]>();
  const weights = options.weights ?? { essential: 1, optional: 0.5 };
  const full = store.hasRelations;
  const keyOccupationUris = new Set(sector.references.occupations.map((o) => o.uri));
  const keySkillUris = new Set(sector.references.skills.map((s) => s.uri));

  const occupations: SectorOccupation[] = [...members].map(([index, bases]) => ({
    occupation: refAt(store, index, options.lang),
    basis: [...bases].sort(),
    key: keyOccupationUris.has(store.uris[index]!),
    greenShare: full ? greenShareOf(store, [index]).share : null,
    officialGreenShare: officialShare(store, index),
  }));
  occupations.sort(
    (a, b) => (b.greenShare ?? -1) - (a.greenShare ?? -1) || a.occupation.label.localeCompare(b.occupation.label),
  );

  const ranking = full ? rank(store, [...members.keys()], weights, keySkillUris, options.lang) : null;
  const rankOf = new Map(ranking?.map((r) => [r.skill.uri as string, r.rank]) ?? []);
  const green = store.collection("green");
  const ref = (
    uri: string,
    label: string,
    kind: ConceptRef["kind"],
  ): { concept: ConceptRef; present: boolean; index: number } => {
    const found = store.indexOf(uri);
    const index = found >= 0 && store.kind(found) === kind ? found : -1;
    return index >= 0
      ? { concept: refAt(store, index, options.lang), present: true, index }
      : { concept: { uri: uri as EscoUri, kind, label }, present: false, index };
  };
  const keySkills: KeyReference[] = sector.references.skills.map((s) => {
    const { concept, present, index } = ref(s.uri, s.label, "skill");
    return {
      concept,
      rationale: s.rationale,
      present,
      green: present && green?.[index] === 1,
      rank: rankOf.get(s.uri) ?? null,
    };
  });
  const shareOf = new Map(occupations.map((o) => [o.occupation.uri as string, o.greenShare]));
  const keyOccupations: KeyReference[] = sector.references.occupations.map((o) => {
    const { concept, present } = ref(o.uri, o.label, "occupation");
    return { concept, rationale: o.rationale, present, greenShare: shareOf.get(o.uri) ?? null };
  });

  const notes: string[] = [];
  const missing = [...keySkills, ...keyOccupations].filter((k) => !k.present).length;
  if (!full) {
    notes.push(
      "curated coverage: this is the embedded default, which holds only the curated references, so there is no ranking and no green share. " +
        "Import your ESCO download (green-skills import) and load it to rank the sector's green skills across all its occupations.",
    );
  }
  if (membership.assignment === "isco" || membership.assignment === "mixed") {
    notes.push(
      "occupations without an ESCO naceCode (before ESCO v1.2.1) are assigned by their ISCO-08 group; curated key occupations belong to the sector whatever their codes.",
    );
  }
  if (missing > 0) notes.push(`${missing} curated reference(s) are not in this taxonomy; see frameworkReport().`);
  const limit = options.limit;
  return {
    sector: sectorInfo(sector, options.lang),
    coverage: full ? "full" : "curated",
    escoVersion: taxonomy.escoVersion,
    assignment: membership.assignment,
    occupations,
    ranking: ranking && limit !== undefined ? ranking.slice(0, Math.max(0, limit)) : ranking,
    rankedCount: ranking ? ranking.length : null,
    averageGreenShare: full ? mean(occupations.flatMap((o) => (o.greenShare === null ? [] : [o.greenShare]))) : null,
    officialAverageGreenShare: mean(
      occupations.flatMap((o) => (o.officialGreenShare === null ? [] : [o.officialGreenShare])),
    ),
    weights,
    keySkills,
    keyOccupations,
    notes,
  };
}

function rank(
  store: Store,
  occupations: readonly number[],
  weights: { essential: number; optional: number },
  keys: ReadonlySet<string>,
  lang?: string,
): RankedGreenSkill[] {
  const green = store.collection("green");
  if (!green) return [];
  const types = store.occupationSkillTypes;
  const counts = new Map<number, { essential: number; optional: number }>();
  for (const occupation of occupations) {
    // One vote per occupation and skill, essential if any of its links is.
    const seen = new Map<number, boolean>();
    forEachNeighbour(store.skillsOfOccupation, occupation, (skill, edge) => {
      if (green[skill]) seen.set(skill, seen.get(skill) === true || types[edge] === 0);
    });
    for (const [skill, essential] of seen) {
      const count = counts.get(skill) ?? { essential: 0, optional: 0 };
      if (essential) count.essential++;
      else count.optional++;
      counts.set(skill, count);
    }
  }
  const total = Math.max(1, occupations.length);
  const rows = [...counts].map(([index, c]) => ({
    index,
    skill: refAt(store, index, lang),
    score: c.essential * weights.essential + c.optional * weights.optional,
    essential: c.essential,
    optional: c.optional,
    reach: (c.essential + c.optional) / total,
    key: keys.has(store.uris[index]!),
  }));
  rows.sort((a, b) => b.score - a.score || b.essential - a.essential || a.skill.label.localeCompare(b.skill.label));
  return rows.map(({ index: _index, ...row }, i) => ({ rank: i + 1, ...row }));
}
