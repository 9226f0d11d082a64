/**
 * NACE codes: parsing, the section letter of each division in Rev. 2 and Rev. 2.1, Rev. 2.1 URIs as ESCO
 * v1.2.1 writes them in `naceCode`, and prefix matching of an occupation's code against a sector's codes.
 *
 * @module
 */

/** The URI prefix of NACE Rev. 2.1 concepts in ESCO's `naceCode` column. */
export const NACE_REV21_URI_PREFIX = "http://data.europa.eu/ux2/nace2.1/";

/** A NACE revision. */
export type NaceRevision = "rev2" | "rev21";

// [section, first division, last division]. Rev. 2.1 splits section J, drops division 45, and shifts the
// later letters by one (M70 → N70, O84 → P84 …): Regulation (EC) 1893/2006 and Delegated Regulation (EU) 2023/137.
const SECTIONS: Record<NaceRevision, readonly (readonly [string, number, number])[]> = {
  rev2: [
    ["A", 1, 3],
    ["B", 5, 9],
    ["C", 10, 33],
    ["D", 35, 35],
    ["E", 36, 39],
    ["F", 41, 43],
    ["G", 45, 47],
    ["H", 49, 53],
    ["I", 55, 56],
    ["J", 58, 63],
    ["K", 64, 66],
    ["L", 68, 68],
    ["M", 69, 75],
    ["N", 77, 82],
    ["O", 84, 84],
    ["P", 85, 85],
    ["Q", 86, 88],
    ["R", 90, 93],
    ["S", 94, 96],
    ["T", 97, 98],
    ["U", 99, 99],
  ],
  rev21: [
    ["A", 1, 3],
    ["B", 5, 9],
    ["C", 10, 33],
    ["D", 35, 35],
    ["E", 36, 39],
    ["F", 41, 43],
    ["G", 46, 47],
    ["H", 49, 53],
    ["I", 55, 56],
    ["J", 58, 60],
    ["K", 61, 63],
    ["L", 64, 66],
    ["M", 68, 68],
    ["N", 69, 75],
    ["O", 77, 82],
    ["P", 84, 84],
    ["Q", 85, 85],
    ["R", 86, 88],
    ["S", 90, 93],
    ["T", 94, 96],
    ["U", 97, 98],
    ["V", 99, 99],
  ],
};

/** The revision's name as written in prose. */
export const naceRevisionName = (revision: NaceRevision): string =>
  revision === "rev2" ? "NACE Rev. 2" : "NACE Rev. 2.1";

/** The section letter of a two-digit division in a revision, or `undefined` when the division does not exist. */
export function naceSection(revision: NaceRevision, division: number): string | undefined {
  for (const [letter, first, last] of SECTIONS[revision]) if (division >= first && division <= last) return letter;
  return undefined;
}

/** True when `letter` is a section of the revision. */
export function isNaceSection(revision: NaceRevision, letter: string): boolean {
  return SECTIONS[revision].some(([l]) => l === letter);
}

/** A parsed NACE code: its section letter and its digits without dots (`""` for a whole section). */
export interface NaceCode {
  readonly section: string;
  readonly digits: string;
}

const CODE = /^([A-V])(\d{2}(?:\.?\d{1,2})?)?$/;

/**
 * Parses `F`, `F43`, `F43.2`, `F432`, `F43.22` or `F4322`. Returns `undefined` for anything else; the
 * section letter is not checked against the division here (see {@link naceCodeProblem}).
 */
export function parseNaceCode(code: string): NaceCode | undefined {
  const match = CODE.exec(code);
  if (!match) return undefined;
  return { section: match[1]!, digits: (match[2] ?? "").replace(".", "") };
}

/** Why `code` is not a valid code of the revision, or `undefined` when it is. */
export function naceCodeProblem(revision: NaceRevision, code: string): string | undefined {
  const parsed = parseNaceCode(code);
  const name = naceRevisionName(revision);
  if (!parsed)
    return `"${code}" is not a NACE code: write the section letter and the division, e.g. "F43" (group "F43.2" and class "F43.22" work too)`;
  if (!parsed.digits)
    return isNaceSection(revision, parsed.section) ? undefined : `${name} has no section ${parsed.section}`;
  const division = Number(parsed.digits.slice(0, 2));
  const section = naceSection(revision, division);
  if (!section) return `${name} has no division ${parsed.digits.slice(0, 2)}`;
  if (section !== parsed.section) {
    const moved = revision === "rev21" ? " (Rev. 2.1 split section J, so the later section letters moved by one)" : "";
    return `division ${parsed.digits.slice(0, 2)} is in section ${section} of ${name}, not ${parsed.section}${moved}: write "${section}${code.slice(1)}"`;
  }
  return undefined;
}

/** The ESCO v1.2.1 URI of a Rev. 2.1 code: digits without dots, or the section letter for a whole section. */
export function naceRev21Uri(code: string): string {
  const parsed = parseNaceCode(code);
  return `${NACE_REV21_URI_PREFIX}${parsed ? parsed.digits || parsed.section : code}`;
}

/** The code part of a NACE Rev. 2.1 URI (`4322`, `F`), or `undefined` for another kind of URI. */
export function naceCodeOfUri(uri: string): string | undefined {
  if (!uri.startsWith(NACE_REV21_URI_PREFIX)) return undefined;
  const code = uri.slice(NACE_REV21_URI_PREFIX.length).replace(/\./g, "");
  return /^(?:[A-V]|\d{2,4})$/.test(code) ? code : undefined;
}

/**
 * True when an occupation's Rev. 2.1 code (`4322`, `43`, `F`) falls under a sector's Rev. 2.1 code: the
 * occupation's digits start with the sector's digits, or the sector lists the whole section. An occupation
 * coded more broadly than the sector (`43` against a sector listing `432`) does not match.
 */
export function naceCodeMatches(sectorCode: NaceCode, occupationCode: string): boolean {
  if (/^[A-V]$/.test(occupationCode)) return sectorCode.digits === "" && sectorCode.section === occupationCode;
  if (sectorCode.digits === "") return naceSection("rev21", Number(occupationCode.slice(0, 2))) === sectorCode.section;
  return occupationCode.startsWith(sectorCode.digits);
}
