import * as z from "zod";
import { UnknownSectorError } from "../errors.js";
import { forEachNeighbour } from "../taxonomy/adjacency.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { attachmentOf } from "./attach.js";
import { membershipOf } from "./membership.js";
import { naceRev21Uri } from "./nace.js";
import type { LocalisedText, Sector } from "./schema.js";
import { argString, checkOptions } from "../guard.js";

/**
 * Listing the sectors of a taxonomy's framework layer, and the shared sector header of results.
 *
 * @module
 */

/**
 * A sector as results present it: label and description in one language, NACE codes with their Rev. 2.1
 * URI, ISCO fallback groups.
 *
 * @category Framework
 */
export const SectorInfoSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    label: z.string(),
    description: z.string(),
    nace: z.array(z.object({ rev2: z.string(), rev21: z.string(), uri: z.string(), label: z.string() })),
    isco: z.array(z.object({ code: z.string(), label: z.string() })),
  }))();
/** @category Framework */
export type SectorInfo = z.infer<typeof SectorInfoSchema>;

/**
 * One row of {@link listSectors}.
 *
 * @category Framework
 */
export const SectorSummarySchema = /* @__PURE__ */ (() =>
  SectorInfoSchema.extend({
    /** Occupations of the loaded taxonomy assigned to the sector (NACE, ISCO fallback or curated). */
    occupations: z.number().int().nonnegative(),
    /** Curated core green skills and key occupations cited by the sector. */
    keySkills: z.number().int().nonnegative(),
    keyOccupations: z.number().int().nonnegative(),
  }))();
/** @category Framework */
export type SectorSummary = z.infer<typeof SectorSummarySchema>;

/** @internal Text in `lang`, else English, else the first language given. */
export function localised(text: LocalisedText, lang?: string): string {
  return (lang ? text[lang] : undefined) ?? text["en"] ?? Object.values(text)[0] ?? "";
}

/** @internal */
export function sectorInfo(sector: Sector, lang?: string): SectorInfo {
  return {
    id: sector.id,
    label: localised(sector.label, lang),
    description: localised(sector.description, lang),
    nace: sector.nace.map((n) => ({ rev2: n.rev2, rev21: n.rev21, uri: naceRev21Uri(n.rev21), label: n.label })),
    isco: sector.isco.map((g) => ({ code: g.code, label: g.label })),
  };
}

/** @internal The sector with this id, or throw with the known ids. */
export function requireSector(taxonomy: Taxonomy, api: string, id: string): Sector {
  const { framework } = attachmentOf(taxonomy, api);
  const sector = framework.sectors.find((s) => s.id === id);
  if (!sector)
    throw new UnknownSectorError(
      api,
      id,
      framework.sectors.map((s) => s.id),
    );
  return sector;
}

/**
 * The sectors of the taxonomy's framework layer, with how many of the loaded taxonomy's occupations each
 * one has.
 *
 * @category Framework
 * @param taxonomy - A taxonomy with a framework layer (the embedded default, or a full import loaded by `green-skills/node`).
 * @param options - `lang`: language of labels and descriptions (falls back to English).
 * @returns One summary per sector, in the framework's order.
 * @throws {@link FrameworkNotAttachedError} when the taxonomy has no framework layer.
 * @example
 * ```ts
 * listSectors(loadDefaultTaxonomy()).map((s) => s.id)
 * //=> ["agrifood", "construction", "manufacturing", "public-sector", "sustainability-management", "wood-and-furniture"]
 * ```
 */
export function listSectors(taxonomy: Taxonomy, options: { lang?: string } = {}): SectorSummary[] {
  options = checkOptions("listSectors", options, { lang: "string" });
  const store = storeOf(taxonomy);
  const attachment = attachmentOf(taxonomy, "listSectors");
  const membership = membershipOf(store, attachment);
  return attachment.framework.sectors.map((sector) => ({
    ...sectorInfo(sector, options.lang),
    occupations: membership.bySector.get(sector.id)?.occupations.size ?? 0,
    keySkills: sector.references.skills.length,
    keyOccupations: sector.references.occupations.length,
  }));
}

/**
 * The ids of the sectors an occupation belongs to (by NACE, ISCO fallback or curated reference).
 *
 * @category Framework
 * @param taxonomy - A taxonomy with a framework layer.
 * @param occupationUri - An ESCO occupation URI.
 * @returns Sector ids, in the framework's order; empty for an unknown URI or an occupation in no sector.
 * @throws {@link FrameworkNotAttachedError} when the taxonomy has no framework layer.
 * @example
 * ```ts
 * sectorsOfOccupation(taxonomy, "http://data.europa.eu/esco/occupation/b2dab4fb-b7f7-4f57-94b2-9c0f0848564a") //=> ["construction"]
 * ```
 */
export function sectorsOfOccupation(taxonomy: Taxonomy, occupationUri: string): string[] {
  argString("sectorsOfOccupation", "occupationUri", occupationUri);
  const store = storeOf(taxonomy);
  const index = store.indexOf(occupationUri);
  const attachment = attachmentOf(taxonomy, "sectorsOfOccupation");
  if (index < 0) return [];
  const membership = membershipOf(store, attachment);
  return attachment.framework.sectors
    .filter((s) => membership.bySector.get(s.id)?.occupations.has(index))
    .map((s) => s.id);
}

/**
 * The URIs of a sector's occupations, for filters (e.g. search restricted to a sector).
 *
 * @category Framework
 * @param taxonomy - A taxonomy with a framework layer.
 * @param sectorId - A sector id such as `construction`.
 * @returns Occupation URIs in taxonomy order.
 * @throws {@link UnknownSectorError} for an unknown id; {@link FrameworkNotAttachedError} without a framework layer.
 */
export function sectorOccupationUris(taxonomy: Taxonomy, sectorId: string): string[] {
  argString("sectorOccupationUris", "sectorId", sectorId);
  const store = storeOf(taxonomy);
  requireSector(taxonomy, "sectorOccupationUris", sectorId);
  const members = membershipOf(store, attachmentOf(taxonomy, "sectorOccupationUris")).bySector.get(sectorId);
  return [...(members?.occupations.keys() ?? [])].sort((a, b) => a - b).map((i) => store.uris[i]!);
}

/**
 * The URIs of the skills that matter to a sector, for filters (e.g. search restricted to a sector): on a
 * full import, every skill linked to one of its occupations plus its curated core skills; on the embedded
 * default, its curated core skills.
 *
 * @category Framework
 * @param taxonomy - A taxonomy with a framework layer.
 * @param sectorId - A sector id such as `construction`.
 * @param options - `greenOnly`: keep only skills in the green collection.
 * @returns Skill URIs in taxonomy order.
 * @throws {@link UnknownSectorError} for an unknown id; {@link FrameworkNotAttachedError} without a framework layer.
 * @example
 * ```ts
 * const inConstruction = new Set(sectorSkillUris(taxonomy, "construction"));
 * inConstruction.has("http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f") //=> true
 * ```
 */
export function sectorSkillUris(taxonomy: Taxonomy, sectorId: string, options: { greenOnly?: boolean } = {}): string[] {
  argString("sectorSkillUris", "sectorId", sectorId);
  options = checkOptions("sectorSkillUris", options, { greenOnly: "boolean" });
  const store = storeOf(taxonomy);
  const sector = requireSector(taxonomy, "sectorSkillUris", sectorId);
  const members = membershipOf(store, attachmentOf(taxonomy, "sectorSkillUris")).bySector.get(sectorId);
  const green = store.collection("green");
  const picked = new Set<number>();
  const pick = (index: number) => {
    if (index >= 0 && store.kind(index) === "skill" && (!options.greenOnly || green?.[index] === 1)) picked.add(index);
  };
  if (store.hasRelations)
    for (const occupation of members?.occupations.keys() ?? [])
      forEachNeighbour(store.skillsOfOccupation, occupation, pick);
  for (const ref of sector.references.skills) pick(store.indexOf(ref.uri));
  return [...picked].sort((a, b) => a - b).map((i) => store.uris[i]!);
}
