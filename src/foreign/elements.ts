import type { IssuePath } from "../credential/issues.js";
import { ANNEX_ELEMENTS, type AnnexElementId } from "../credential/vocab/annex.js";
import type { ForeignElement } from "./types.js";

/**
 * The Annex I checklist of a foreign document: each element with the path where the format carries it.
 *
 * @module
 */

/** @internal Where each element was found (`"not-applicable"` for a level stated as not applicable). */
export type ElementPaths = Partial<Record<AnnexElementId, IssuePath | "not-applicable">>;

/** @internal The 16 elements, in Annex I order. */
export function foreignElements(found: ElementPaths, issuedToSomeone: boolean): ForeignElement[] {
  return ANNEX_ELEMENTS.map((e) => {
    const base = { element: e.id, label: e.label, obligation: e.obligation, level: e.level };
    const where = found[e.id];
    if (where === "not-applicable") return { ...base, status: "not-applicable" };
    if (where) return { ...base, status: "present", path: where };
    if (e.level === "instance" && !issuedToSomeone) return { ...base, status: "at-issuing" };
    return { ...base, status: "missing" };
  });
}
