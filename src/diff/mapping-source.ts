import * as z from "zod";

/**
 * The part of a micro-credential definition that maps it to ESCO, as a loose structural schema: any
 * full credential satisfies it, and fields it does not name pass through untouched.
 *
 * @module
 */

const langText = /* @__PURE__ */ (() => z.union([z.string(), z.record(z.string(), z.string())]))();

/**
 * A learning outcome as far as ESCO mappings go: its id and the ESCO skill URIs it maps to.
 *
 * @category Diff
 */
export const MappingOutcomeSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    /** Identifier of the outcome within the credential. */
    id: z.string().min(1),
    /** The outcome statement per language, e.g. `{ en: "…" }`. */
    statement: langText.optional(),
    /** ESCO skill (or knowledge) URIs this outcome is mapped to. */
    esco: z.array(z.string()).optional(),
    /** GreenComp competences (not ESCO; passed through, not migrated). */
    greenComp: z.array(z.unknown()).optional(),
  }))();
/** @category Diff */
export type MappingOutcome = z.infer<typeof MappingOutcomeSchema>;

/**
 * What `migrateMappings` reads from a credential definition: learning outcomes with their ESCO skill
 * URIs, target occupations, the ESCO version it was mapped against, and its title. Loose: a full
 * credential (with issuer, credits, assessment …) passes as it is.
 *
 * @category Diff
 * @example
 * ```ts
 * MappingSourceSchema.parse({
 *   title: { en: "Heat pump installation" },
 *   escoVersion: "v1.1.1",
 *   learningOutcomes: [{ id: "lo1", statement: { en: "Installs heat pumps" }, esco: ["http://data.europa.eu/esco/skill/…"] }],
 *   targetOccupations: ["http://data.europa.eu/esco/occupation/…"],
 * });
 * ```
 */
export const MappingSourceSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    /** Title per language, e.g. `{ en: "…" }`. */
    title: langText.optional(),
    /** ESCO version the mappings were made against, e.g. `v1.1.1`. */
    escoVersion: z.string().optional(),
    learningOutcomes: z.array(MappingOutcomeSchema),
    /** ESCO occupation URIs the credential prepares for. */
    targetOccupations: z.array(z.string()).optional(),
  }))();
/** @category Diff */
export type MappingSource = z.infer<typeof MappingSourceSchema>;
