/**
 * The EU standard elements of a micro-credential (Council Recommendation 2022/C 243/02, Annex I), each
 * with its place in a green-skills document and whether it is stated by the credential **definition**
 * or only when a credential is **issued** to a learner.
 *
 * @module
 */

/**
 * One Annex I element.
 *
 * @category Credential
 */
export interface AnnexElement {
  /** Stable slug, used in issues (`element`). */
  readonly id: string;
  /** The element's name, paraphrasing Annex I. */
  readonly label: string;
  readonly obligation: "mandatory" | "optional";
  /** `definition`: stated in the definition; `instance`: stated when a credential is issued. */
  readonly level: "definition" | "instance";
  /** The field that carries it (top level of a definition, or of an issued credential). */
  readonly field: string;
}

/**
 * The Annex I elements in the order of the Recommendation: 11 mandatory, 5 optional. "Level" is
 * mandatory where applicable, so a definition must state it or say `not-applicable`.
 *
 * @category Credential
 */
export const ANNEX_ELEMENTS = [
  {
    id: "learner-identification",
    label: "Identification of the learner",
    obligation: "mandatory",
    level: "instance",
    field: "learner",
  },
  { id: "title", label: "Title of the micro-credential", obligation: "mandatory", level: "definition", field: "title" },
  {
    id: "issuer-country",
    label: "Country/region of the issuer",
    obligation: "mandatory",
    level: "definition",
    field: "issuer",
  },
  {
    id: "awarding-body",
    label: "Awarding body",
    obligation: "mandatory",
    level: "definition",
    field: "awardingBodies",
  },
  { id: "date-of-issuing", label: "Date of issuing", obligation: "mandatory", level: "instance", field: "issued" },
  {
    id: "learning-outcomes",
    label: "Learning outcomes",
    obligation: "mandatory",
    level: "definition",
    field: "learningOutcomes",
  },
  {
    id: "notional-workload",
    label: "Notional workload needed to achieve the learning outcomes (in ECTS, wherever possible)",
    obligation: "mandatory",
    level: "definition",
    field: "workload",
  },
  {
    id: "level",
    label: "Level (and cycle, if applicable) of the learning experience (EQF, QF-EHEA), if applicable",
    obligation: "mandatory",
    level: "definition",
    field: "level",
  },
  {
    id: "assessment-type",
    label: "Type of assessment",
    obligation: "mandatory",
    level: "definition",
    field: "assessment",
  },
  {
    id: "participation-form",
    label: "Form of participation in the learning activity",
    obligation: "mandatory",
    level: "definition",
    field: "participation",
  },
  {
    id: "quality-assurance",
    label: "Type of quality assurance used to underpin the micro-credential",
    obligation: "mandatory",
    level: "definition",
    field: "qualityAssurance",
  },
  {
    id: "prerequisites",
    label: "Prerequisites needed to enrol in the learning activity",
    obligation: "optional",
    level: "definition",
    field: "prerequisites",
  },
  {
    id: "supervision",
    label: "Supervision and identity verification during assessment",
    obligation: "optional",
    level: "definition",
    field: "supervision",
  },
  { id: "grade", label: "Grade achieved", obligation: "optional", level: "instance", field: "grade" },
  {
    id: "stackability",
    label: "Integration/stackability options",
    obligation: "optional",
    level: "definition",
    field: "stackability",
  },
  {
    id: "further-information",
    label: "Further information",
    obligation: "optional",
    level: "definition",
    field: "furtherInformation",
  },
] as const satisfies readonly AnnexElement[];

/** The id of an Annex I element. @category Credential */
export type AnnexElementId = (typeof ANNEX_ELEMENTS)[number]["id"];

/** Ids of the Annex I elements, in order. @category Credential */
export const ANNEX_ELEMENT_IDS = ANNEX_ELEMENTS.map((e) => e.id) as [AnnexElementId, ...AnnexElementId[]];

type Element = (typeof ANNEX_ELEMENTS)[number];
const byField = new Map<string, Element>(ANNEX_ELEMENTS.map((e) => [e.field, e]));
const byId = new Map<string, Element>(ANNEX_ELEMENTS.map((e) => [e.id, e]));
// The definition's grade scheme is the definition-level side of "grade achieved".
byField.set("gradeScheme", byId.get("grade")!);

/** @internal The Annex I element a document path falls under (`["definition", "title", "en"]` → title). */
export function elementAt(path: readonly (string | number)[]): Element | undefined {
  const head = path[0] === "definition" ? path[1] : path[0];
  return typeof head === "string" ? byField.get(head) : undefined;
}

/** @internal The element with this id. */
export function annexElement(id: AnnexElementId): Element {
  return byId.get(id)!;
}
