/**
 * The rules of the framework layer that both its zod schemas (`schema.ts`, exported from
 * `green-skills/schemas`) and its plain checker (`check.ts`, used on load so that a browser page carries
 * no zod) apply: patterns, messages and the cross-field checks. One home, so the two cannot drift.
 *
 * @module
 * @internal
 */

/** A problem found by a cross-field check: where (relative to the checked value) and what. */
export interface FrameworkProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Version of the framework object layout. @category Framework */
export const FRAMEWORK_FORMAT_VERSION = 1;

export const EMPTY_TEXT = "must not be empty";
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/;
export const LANGUAGE_CODE_MESSAGE = "expected a language code such as en or de";
export const NO_LANGUAGE = "give the text in at least one language, e.g. { en: … }";
export const SECTOR_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const SECTOR_ID_MESSAGE = "expected a lower-case id such as construction or wood-and-furniture";
export const ISCO_CODE = /^\d{1,4}$/;
export const ISCO_CODE_MESSAGE = 'expected an ISCO-08 code of 1 to 4 digits, as a string ("7124")';
export const SKILL_URI_MESSAGE = "expected an ESCO skill URI (http://data.europa.eu/esco/skill/<uuid>)";
export const OCCUPATION_URI_MESSAGE = "expected an ESCO occupation URI (http://data.europa.eu/esco/occupation/<uuid>)";

/** The twelve GreenComp competence ids. @category Framework */
export const GREENCOMP_COMPETENCE_IDS = [
  "1.1",
  "1.2",
  "1.3",
  "2.1",
  "2.2",
  "2.3",
  "3.1",
  "3.2",
  "3.3",
  "4.1",
  "4.2",
  "4.3",
] as const;
/** The four GreenComp area ids. @category Framework */
export const GREENCOMP_AREA_IDS = ["1", "2", "3", "4"] as const;
export const CROSSWALK_COLLECTIONS = ["transversal", "green"] as const;
export const CROSSWALK_STATUSES = ["provisional", "reviewed"] as const;

/** GreenComp's own rules: each area and competence once, each competence in its area, all 4 and 12 there. */
export function greenCompProblems(value: {
  readonly areas: readonly { readonly id: string; readonly competences: readonly { readonly id: string }[] }[];
}): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const areas = new Set<string>();
  const competences = new Set<string>();
  value.areas.forEach((area, a) => {
    if (areas.has(area.id)) problems.push({ path: ["areas", a, "id"], message: `area ${area.id} appears twice` });
    areas.add(area.id);
    area.competences.forEach((competence, c) => {
      const path = ["areas", a, "competences", c, "id"];
      if (!competence.id.startsWith(`${area.id}.`))
        problems.push({
          path,
          message: `competence ${competence.id} belongs to area ${competence.id[0]}, not ${area.id}`,
        });
      if (competences.has(competence.id)) problems.push({ path, message: `competence ${competence.id} appears twice` });
      competences.add(competence.id);
    });
  });
  const missingAreas = GREENCOMP_AREA_IDS.filter((id) => !areas.has(id));
  const missing = GREENCOMP_COMPETENCE_IDS.filter((id) => !competences.has(id));
  if (missingAreas.length > 0)
    problems.push({ path: ["areas"], message: `GreenComp has 4 areas; missing: ${missingAreas.join(", ")}` });
  if (missing.length > 0)
    problems.push({ path: ["areas"], message: `GreenComp has 12 competences; missing: ${missing.join(", ")}` });
  return problems;
}

/** Sector ids are unique within a framework. */
export function duplicateSectorProblems(value: {
  readonly sectors: readonly { readonly id: string }[];
}): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = new Set<string>();
  value.sectors.forEach((sector, i) => {
    if (seen.has(sector.id))
      problems.push({ path: ["sectors", i, "id"], message: `sector id "${sector.id}" appears twice` });
    seen.add(sector.id);
  });
  return problems;
}
