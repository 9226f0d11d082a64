import { EscoImportError } from "../../errors.js";
import type { InputFile } from "./sources.js";

/**
 * Recognises ESCO CSV files by name, across versions: v1.1.x relation files without a language suffix,
 * v1.2.x ones with it, and any `*Collection_<lang>.csv` collection file.
 *
 * @module
 */

/** What an ESCO CSV file holds. */
export type EscoFileKind =
  | "skills"
  | "skillGroups"
  | "occupations"
  | "iscoGroups"
  | "conceptSchemes"
  | "skillsHierarchy"
  | "collection"
  | "occupationSkillRelations"
  | "skillSkillRelations"
  | "broaderRelationsSkillPillar"
  | "broaderRelationsOccPillar"
  | "greenShareOcc"
  | "dictionary";

/** A recognised ESCO file. */
export interface ClassifiedFile {
  readonly file: InputFile;
  readonly kind: EscoFileKind;
  /** Language code from the file-name suffix, if any. */
  readonly language: string | null;
  /** Collection name for `collection` files (e.g. `green`). */
  readonly collection?: string;
}

const BASES: Record<string, EscoFileKind> = {
  skills: "skills",
  skillGroups: "skillGroups",
  occupations: "occupations",
  ISCOGroups: "iscoGroups",
  conceptSchemes: "conceptSchemes",
  skillsHierarchy: "skillsHierarchy",
  occupationSkillRelations: "occupationSkillRelations",
  skillSkillRelations: "skillSkillRelations",
  broaderRelationsSkillPillar: "broaderRelationsSkillPillar",
  broaderRelationsOccPillar: "broaderRelationsOccPillar",
  greenShareOcc: "greenShareOcc",
  dictionary: "dictionary",
};

/** Files that carry language-dependent labels and so must have a language suffix. */
const LANGUAGE_FILES: ReadonlySet<EscoFileKind> = new Set([
  "skills",
  "skillGroups",
  "occupations",
  "iscoGroups",
  "conceptSchemes",
  "skillsHierarchy",
  "collection",
]);

const NAME = /^([A-Za-z]+?)(?:_([a-z]{2,3}(?:-[A-Za-z0-9]+)?))?\.csv$/i;

/** Collection name for a collection file base, e.g. `greenSkillsCollection` → `green`. */
export function collectionName(base: string): string {
  const stem = base.replace(/Collection$/, "");
  if (stem === "ictSkills") return "ict";
  if (/Occupations$/.test(stem)) return stem;
  return stem.replace(/Skills$/, "") || stem;
}

/** Classifies one file, or returns why it is not an ESCO file. */
export function classify(file: InputFile): ClassifiedFile | { unknown: string } {
  const match = NAME.exec(file.name);
  if (!match) return { unknown: "file name does not follow ESCO's <name>_<language>.csv pattern" };
  const base = match[1]!;
  const language = match[2]?.toLowerCase() ?? null;
  const kind: EscoFileKind | undefined = Object.hasOwn(BASES, base)
    ? BASES[base]
    : /Collection$/.test(base)
      ? "collection"
      : undefined;
  if (!kind) return { unknown: `"${base}" is not an ESCO file this version of green-skills knows` };
  if (LANGUAGE_FILES.has(kind) && !language) {
    return { unknown: `${file.name} has no language suffix (ESCO names it ${base}_<language>.csv)` };
  }
  return kind === "collection" ? { file, kind, language, collection: collectionName(base) } : { file, kind, language };
}

const VERSION = /(?:^|[^0-9A-Za-z])v?(\d+\.\d+(?:\.\d+)?)(?=$|[^0-9.])/i;
const ESCO_VERSION_IN_NAME = /\bv(\d+\.\d+(?:\.\d+)?)\b/i;

/**
 * Detects the ESCO version from zip or folder names on the files' paths (`ESCO dataset - v1.2.1 - …zip`,
 * `…/v1.1.1/…`). Returns `null` when none names one.
 *
 * @throws {@link EscoImportError} when the paths name two different versions.
 */
export function detectVersion(files: readonly InputFile[]): { version: string; from: string } | null {
  const found = new Map<string, string>();
  for (const file of files) {
    // Innermost names first: a zip's own name outranks the folder it sits in.
    for (const part of [...file.context].reverse()) {
      const m = ESCO_VERSION_IN_NAME.exec(part) ?? (/esco/i.test(part) ? VERSION.exec(part) : null);
      if (m) {
        const v = `v${m[1]}`;
        if (!found.has(v)) found.set(v, part);
        break;
      }
    }
  }
  if (found.size > 1) {
    const list = [...found].map(([v, from]) => `${v} (from "${from}")`).join(", ");
    throw new EscoImportError(
      "not_esco",
      `the input mixes ESCO versions: ${list}; import one version at a time or pass --esco-version`,
    );
  }
  const [entry] = found;
  return entry ? { version: entry[0], from: entry[1] } : null;
}

/** Normalises a user-given version (`1.2.1` → `v1.2.1`). */
export function normaliseVersion(value: string): string {
  const m = /^v?(\d+\.\d+(?:\.\d+)?)$/i.exec(value.trim());
  if (!m) throw new EscoImportError("bad_value", `"${value}" is not an ESCO version (expected e.g. v1.2.1)`);
  return `v${m[1]}`;
}
