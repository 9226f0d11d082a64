import { CONCEPT } from "../bundle/names.js";
import type { Store } from "../taxonomy/store.js";
import { type Attachment, derived } from "./attach.js";
import { type NaceCode, naceCodeMatches, naceCodeOfUri, parseNaceCode } from "./nace.js";

/**
 * Which occupations belong to which sector. An occupation with ESCO `naceCode` values (v1.2.1+) belongs to
 * every sector one of whose Rev. 2.1 codes its codes fall under; an occupation without them falls back to
 * the sectors listing its ISCO-08 group; a sector's curated key occupations always belong to it. An
 * occupation can belong to several sectors.
 *
 * @module
 */

/** Why an occupation belongs to a sector. */
export type MembershipBasis = "nace" | "isco" | "curated";

/** @internal The members of one sector. */
export interface SectorMembers {
  /** Occupation index → bases, in index order. */
  readonly occupations: Map<number, MembershipBasis[]>;
}

/** @internal Sector membership over a taxonomy, computed once per attachment. */
export interface Membership {
  readonly bySector: ReadonlyMap<string, SectorMembers>;
  /** How occupations were assigned overall: by NACE, by ISCO, both (some occupations lack codes), or neither. */
  readonly assignment: "nace" | "isco" | "mixed" | "none";
}

/** @internal */
export function membershipOf(store: Store, attachment: Attachment): Membership {
  return derived(attachment, "membership", () => build(store, attachment));
}

function build(store: Store, attachment: Attachment): Membership {
  const sectors = attachment.framework.sectors;
  const nace = sectors.map((s) =>
    s.nace.map((n) => parseNaceCode(n.rev21)).filter((c): c is NaceCode => c !== undefined),
  );
  const isco = sectors.map((s) => s.isco.map((g) => g.code));
  const bySector = new Map<string, SectorMembers>(sectors.map((s) => [s.id, { occupations: new Map() }]));
  const add = (sector: string, occupation: number, basis: MembershipBasis) => {
    const members = bySector.get(sector)!.occupations;
    const bases = members.get(occupation);
    if (!bases) members.set(occupation, [basis]);
    else if (!bases.includes(basis)) bases.push(basis);
  };
  const naceColumn = store.strList(CONCEPT.naceCode);
  const iscoColumn = store.str(CONCEPT.iscoGroup);
  let byNace = 0;
  let byIsco = 0;
  for (let i = 0; i < store.size; i++) {
    if (store.kind(i) !== "occupation") continue;
    const codes = (naceColumn?.get(i) ?? []).map(naceCodeOfUri).filter((c): c is string => c !== undefined);
    if (codes.length > 0) {
      byNace++;
      sectors.forEach((sector, s) => {
        if (nace[s]!.some((entry) => codes.some((code) => naceCodeMatches(entry, code)))) add(sector.id, i, "nace");
      });
      continue;
    }
    const group = iscoColumn?.get(i) ?? "";
    if (!group) continue;
    byIsco++;
    sectors.forEach((sector, s) => {
      if (isco[s]!.some((code) => group.startsWith(code))) add(sector.id, i, "isco");
    });
  }
  for (const sector of sectors) {
    for (const ref of sector.references.occupations) {
      const index = store.indexOf(ref.uri);
      if (index >= 0 && store.kind(index) === "occupation") add(sector.id, index, "curated");
    }
  }
  const assignment = byNace > 0 && byIsco > 0 ? "mixed" : byNace > 0 ? "nace" : byIsco > 0 ? "isco" : "none";
  return { bySector, assignment };
}
