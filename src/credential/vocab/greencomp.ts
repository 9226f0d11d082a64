/**
 * GreenComp, the European sustainability competence framework (JRC, 2022): the ids of its 12
 * competences, which learning outcomes may cite in `greenComp`. The full framework, with names and a
 * provisional crosswalk to ESCO, lives in the curated taxonomy layer.
 *
 * @module
 */

/**
 * The GreenComp competence ids, `1.1` (valuing sustainability) to `4.3` (individual initiative).
 *
 * @category Credential
 */
export const GREENCOMP_IDS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"] as const;
/** @category Credential */
export type GreenCompId = (typeof GREENCOMP_IDS)[number];
