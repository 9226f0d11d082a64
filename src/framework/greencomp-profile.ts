import * as z from "zod";
import { ConceptRefSchema, type ConceptRef } from "../model/concept.js";
import { refAt } from "../query/concept.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import type { EscoUri } from "../uri.js";
import { attachmentOf, derived } from "./attach.js";
import type { CrosswalkEntry } from "./schema.js";
import { argOutcomes, argStrings, isObjectLike, readingArgument } from "../guard.js";

/**
 * `greenCompProfile`: which of GreenComp's twelve competences a set of ESCO skills (or a credential's
 * learning outcomes) touches, through the provisional crosswalk and any competences declared outright.
 *
 * @module
 */

/**
 * One competence in a GreenComp profile.
 *
 * @category Framework
 */
export const GreenCompTouchSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    label: z.string(),
    area: z.object({ id: z.string(), label: z.string() }),
    /** True when a skill of the set is in its crosswalk, or a learning outcome declares it. */
    touched: z.boolean(),
    /** Skills of the set that the crosswalk links to it. */
    viaSkills: z.array(ConceptRefSchema),
    /** True when a learning outcome names the competence in `greenComp`. */
    declared: z.boolean(),
  }))();
/** @category Framework */
export type GreenCompTouch = z.infer<typeof GreenCompTouchSchema>;

/**
 * The answer of {@link greenCompProfile}.
 *
 * @category Framework
 */
export const GreenCompProfileSchema = /* @__PURE__ */ (() =>
  z.object({
    /** All twelve competences in framework order. */
    competences: z.array(GreenCompTouchSchema),
    /** Competences touched, per area. */
    areas: z.array(z.object({ id: z.string(), label: z.string(), touched: z.number().int(), of: z.number().int() })),
    /** Number of competences touched (of 12). */
    touched: z.number().int().nonnegative(),
    /** Skills of the set that touch no competence. */
    unmatchedSkills: z.array(z.string()),
    /** Declared competence ids that GreenComp does not have. */
    unknownCompetences: z.array(z.string()),
    /** Per learning outcome, when a credential was given: the competences it touches. */
    outcomes: z.array(z.object({ id: z.string().nullable(), competences: z.array(z.string()) })).optional(),
    /** `provisional`: the crosswalk is our editorial judgement, not an official EU mapping. */
    crosswalkStatus: z.enum(["provisional", "reviewed"]),
  }))();
/** @category Framework */
export type GreenCompProfile = z.infer<typeof GreenCompProfileSchema>;

/**
 * Anything shaped like a micro-credential definition's learning outcomes.
 *
 * @category Framework
 */
export interface LearningOutcomesLike {
  learningOutcomes: readonly { id?: string; esco?: readonly string[]; greenComp?: readonly string[] }[];
}

function isCredentialLike(input: unknown): input is LearningOutcomesLike {
  return (
    typeof input === "object" &&
    input !== null &&
    Array.isArray((input as { learningOutcomes?: unknown }).learningOutcomes)
  );
}

/**
 * Which GreenComp competences a set of ESCO skills touches. Pass skill URIs, or anything with
 * `learningOutcomes: [{ esco?: string[], greenComp?: string[] }]` (a credential definition); competences an
 * outcome declares in `greenComp` count as touched too. The crosswalk is provisional (see
 * `crosswalkStatus`): a touched competence means some skill expresses part of it, not that it is covered.
 *
 * @category Framework
 * @param taxonomy - A taxonomy with a framework layer.
 * @param input - Skill URIs (a single string counts as one URI), or a credential-like object.
 * @returns The twelve competences with what touches each.
 * @throws {@link FrameworkNotAttachedError} when the taxonomy has no framework layer.
 * @example
 * ```ts
 * const profile = greenCompProfile(taxonomy, ["http://data.europa.eu/esco/skill/d56e2c2f-3e01-4b76-a7bb-ecb6d430172f"]);
 * profile.competences.filter((c) => c.touched).map((c) => c.id) //=> ["2.1"]
 * ```
 */
export function greenCompProfile(taxonomy: Taxonomy, input: Iterable<string> | LearningOutcomesLike): GreenCompProfile {
  storeOf(taxonomy, "greenCompProfile");
  input =
    typeof input === "string"
      ? input
      : isObjectLike(input) && readingArgument("greenCompProfile", "input", input, () => "learningOutcomes" in input)
        ? argOutcomes("greenCompProfile", "input", input)
        : argStrings("greenCompProfile", "input", input);
  const store = storeOf(taxonomy);
  const attachment = attachmentOf(taxonomy, "greenCompProfile");
  const greenComp = attachment.framework.greenComp;
  const bySkill = derived(attachment, "crosswalk", () => {
    const map = new Map<string, { competence: string; entry: CrosswalkEntry }[]>();
    for (const area of greenComp.areas) {
      for (const competence of area.competences) {
        for (const entry of competence.crosswalk)
          (map.get(entry.uri) ?? map.set(entry.uri, []).get(entry.uri)!).push({ competence: competence.id, entry });
      }
    }
    return map;
  });
  const known = new Set<string>(greenComp.areas.flatMap((a) => a.competences.map((c) => c.id)));

  const skills: string[] = [];
  const declared = new Set<string>();
  const unknownCompetences = new Set<string>();
  let outcomes: { id: string | null; competences: string[] }[] | undefined;
  if (isCredentialLike(input)) {
    outcomes = input.learningOutcomes.map((outcome) => {
      const touched = new Set<string>();
      for (const uri of outcome.esco ?? []) {
        skills.push(uri);
        for (const hit of bySkill.get(uri) ?? []) touched.add(hit.competence);
      }
      for (const id of outcome.greenComp ?? []) {
        if (known.has(id)) {
          declared.add(id);
          touched.add(id);
        } else unknownCompetences.add(id);
      }
      return { id: typeof outcome.id === "string" ? outcome.id : null, competences: [...touched].sort() };
    });
  } else if (typeof input === "string") skills.push(input);
  else for (const uri of input) skills.push(uri);

  const via = new Map<string, ConceptRef[]>();
  const seen = new Set<string>();
  const unmatched: string[] = [];
  for (const uri of skills) {
    if (seen.has(uri)) continue;
    seen.add(uri);
    const hits = bySkill.get(uri);
    if (!hits) {
      unmatched.push(uri);
      continue;
    }
    const index = store.indexOf(uri);
    for (const { competence, entry } of hits) {
      const ref: ConceptRef =
        index >= 0 ? refAt(store, index) : { uri: uri as EscoUri, kind: "skill", label: entry.label };
      (via.get(competence) ?? via.set(competence, []).get(competence)!).push(ref);
    }
  }

  const competences: GreenCompTouch[] = greenComp.areas.flatMap((area) =>
    area.competences.map((c) => {
      const viaSkills = via.get(c.id) ?? [];
      return {
        id: c.id,
        label: c.label,
        area: { id: area.id, label: area.label },
        touched: viaSkills.length > 0 || declared.has(c.id),
        viaSkills,
        declared: declared.has(c.id),
      };
    }),
  );
  return {
    competences,
    areas: greenComp.areas.map((area) => ({
      id: area.id,
      label: area.label,
      touched: competences.filter((c) => c.area.id === area.id && c.touched).length,
      of: area.competences.length,
    })),
    touched: competences.filter((c) => c.touched).length,
    unmatchedSkills: unmatched,
    unknownCompetences: [...unknownCompetences],
    ...(outcomes ? { outcomes } : {}),
    crosswalkStatus: greenComp.framework.crosswalkStatus,
  };
}
