import { EscoImportError } from "../../errors.js";
import { CONCEPT_FILES } from "./concepts.js";
import { type ClassifiedFile, type EscoFileKind, classify, detectVersion, normaliseVersion } from "./detect.js";
import { RELATION_FILES } from "./relations.js";
import type { InputFile } from "./sources.js";

/**
 * The import plan: what to read, in which order, and why. A pure step (file names and sizes in, a plan
 * out, no reading): classify the files, keep one per kind and language (relation copies are compared,
 * not imported twice), check the required files, settle the version and the default language, and list
 * the work in dependency order (concepts before the relations that name them).
 *
 * @module
 */

/** One step of the work list: which file, and what to do with it. */
export type ImportStep =
  | { readonly type: "concepts"; readonly kind: EscoFileKind; readonly language: string; readonly primary: boolean }
  | { readonly type: "hierarchy"; readonly language: string }
  | { readonly type: "collection"; readonly collection: string; readonly language: string }
  | { readonly type: "relations"; readonly kind: EscoFileKind }
  | { readonly type: "greenShare" }
  | { readonly type: "dictionary"; readonly language: string }
  /** Counted and named in the report, not imported: `why` says what it duplicates. */
  | { readonly type: "copy"; readonly of: "hierarchy" | "relations" | "greenShare"; readonly language: string | null };

/** A file and its step. */
export interface PlannedFile {
  readonly c: ClassifiedFile;
  readonly step: ImportStep;
}

/** What {@link planImport} decides. */
export interface ImportPlan {
  /** Languages, the default first. */
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly version: string | null;
  /** `option`, or the file or folder name the version was read from; `null` if unknown. */
  readonly versionSource: string | null;
  /** The work list, in the order the files must be imported. */
  readonly work: readonly PlannedFile[];
  /** Files that must hold data rows (a header alone is a truncated download). */
  readonly required: ReadonlySet<ClassifiedFile>;
  /** The file used for each relation kind (copies are compared with it). */
  readonly relationFile: ReadonlyMap<EscoFileKind, ClassifiedFile>;
  /** Files whose names ESCO does not use, with why (named in the report, never dropped). */
  readonly unknown: readonly { readonly file: InputFile; readonly why: string }[];
}

/** Options of {@link planImport}: those of `importEsco` that shape the plan. */
export interface PlanOptions {
  readonly escoVersion?: string | undefined;
  readonly defaultLanguage?: string | undefined;
}

const REQUIRED: readonly { kind: EscoFileKind; name: string; inRelationsZip?: boolean }[] = [
  { kind: "skills", name: "skills_<language>.csv" },
  { kind: "occupations", name: "occupations_<language>.csv" },
  { kind: "skillGroups", name: "skillGroups_<language>.csv" },
  { kind: "iscoGroups", name: "ISCOGroups_<language>.csv" },
  { kind: "occupationSkillRelations", name: "occupationSkillRelations.csv", inRelationsZip: true },
  { kind: "skillSkillRelations", name: "skillSkillRelations.csv", inRelationsZip: true },
  { kind: "broaderRelationsSkillPillar", name: "broaderRelationsSkillPillar.csv", inRelationsZip: true },
  { kind: "broaderRelationsOccPillar", name: "broaderRelationsOccPillar.csv", inRelationsZip: true },
];

const CONCEPT_ORDER: readonly EscoFileKind[] = ["skillGroups", "skills", "iscoGroups", "occupations", "conceptSchemes"];
const RELATION_ORDER: readonly EscoFileKind[] = [
  "broaderRelationsSkillPillar",
  "broaderRelationsOccPillar",
  "occupationSkillRelations",
  "skillSkillRelations",
];

/**
 * Plans an import of `files` (found under `paths`, named in errors).
 *
 * @throws {@link EscoImportError} `not_esco` (no ESCO file), `missing_file` (a required file or the
 *   default language is missing), `duplicate_file` (the same file given twice).
 */
export function planImport(
  files: readonly InputFile[],
  paths: readonly string[],
  options: PlanOptions = {},
): ImportPlan {
  const known: ClassifiedFile[] = [];
  const unknown: { file: InputFile; why: string }[] = [];
  for (const file of files) {
    const c = classify(file);
    if ("unknown" in c) unknown.push({ file, why: c.unknown });
    else known.push(c);
  }
  if (known.length === 0) {
    const first = files[0];
    throw new EscoImportError(
      "not_esco",
      first
        ? `not an ESCO download: no ESCO CSV file found (${unknown[0]?.why})`
        : "not an ESCO download: no CSV file found",
      { file: first?.display ?? paths[0] ?? "" },
    );
  }

  // Languages: default first.
  const languages = [
    ...new Set(known.filter((c) => c.language && CONCEPT_FILES[c.kind]).map((c) => c.language!)),
  ].sort();
  const defaultLanguage = options.defaultLanguage ?? (languages.includes("en") ? "en" : languages[0]);
  if (!defaultLanguage || !languages.includes(defaultLanguage)) {
    throw new EscoImportError(
      "missing_file",
      options.defaultLanguage
        ? `no skills or occupations file in language "${options.defaultLanguage}"`
        : "no skills_<language>.csv file found",
      { file: paths.join(", ") },
    );
  }
  const ordered = [defaultLanguage, ...languages.filter((l) => l !== defaultLanguage)];

  // One file per kind and language; relation files may repeat per language (v1.2.x): use one, compare the rest.
  const byKey = new Map<string, ClassifiedFile>();
  const relationCopies: ClassifiedFile[] = [];
  for (const c of known) {
    const isRelation = RELATION_FILES[c.kind] !== undefined;
    const key = isRelation ? c.kind : `${c.kind}:${c.collection ?? ""}:${c.language ?? ""}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, c);
      continue;
    }
    if (isRelation) {
      const prefer = (x: ClassifiedFile) => (x.language === null || x.language === defaultLanguage ? 0 : 1);
      if (prefer(c) < prefer(existing)) {
        byKey.set(key, c);
        relationCopies.push(existing);
      } else relationCopies.push(c);
      continue;
    }
    throw new EscoImportError(
      "duplicate_file",
      `${c.file.name} is given twice (also as ${existing.file.display}); pass each ESCO file once (the zip or its extracted folder, not both)`,
      { file: c.file.display },
    );
  }
  const pick = (kind: EscoFileKind, lang: string | null) => byKey.get(`${kind}::${lang ?? ""}`);
  const required = new Set<ClassifiedFile>();
  for (const req of REQUIRED) {
    const found = RELATION_FILES[req.kind] ? byKey.get(req.kind) : pick(req.kind, defaultLanguage);
    if (found) required.add(found);
    if (!found) {
      const hint = req.inRelationsZip
        ? " (ESCO v1.1.x ships it in the language-independent zip 'ESCO dataset - <version> - classification -  - csv.zip'; pass that zip too)"
        : "";
      throw new EscoImportError(
        "missing_file",
        `missing required file ${req.name.replace("<language>", defaultLanguage)}${hint}`,
        { file: paths.join(", ") },
      );
    }
  }

  let version: string | null = null;
  let versionSource: string | null = null;
  if (options.escoVersion) {
    version = normaliseVersion(options.escoVersion);
    versionSource = "option";
  } else {
    const detected = detectVersion(files);
    if (detected) {
      version = detected.version;
      versionSource = detected.from;
    }
  }

  // Work list in dependency order.
  const work: PlannedFile[] = [];
  for (const lang of ordered) {
    for (const kind of CONCEPT_ORDER) {
      const c = pick(kind, lang);
      if (c) work.push({ c, step: { type: "concepts", kind, language: lang, primary: lang === defaultLanguage } });
    }
  }
  for (const lang of ordered) {
    const c = pick("skillsHierarchy", lang);
    if (c)
      work.push({
        c,
        step:
          lang === defaultLanguage
            ? { type: "hierarchy", language: lang }
            : { type: "copy", of: "hierarchy", language: lang },
      });
  }
  const collections = known.filter(
    (c) => c.kind === "collection" && byKey.get(`collection:${c.collection}:${c.language}`) === c,
  );
  collections.sort(
    (a, b) => ordered.indexOf(a.language!) - ordered.indexOf(b.language!) || a.file.name.localeCompare(b.file.name),
  );
  for (const c of collections)
    work.push({ c, step: { type: "collection", collection: c.collection!, language: c.language! } });
  const relationFile = new Map<EscoFileKind, ClassifiedFile>();
  for (const kind of RELATION_ORDER) {
    const c = byKey.get(kind);
    if (c) {
      relationFile.set(kind, c);
      work.push({ c, step: { type: "relations", kind } });
    }
  }
  for (const c of relationCopies) work.push({ c, step: { type: "copy", of: "relations", language: c.language } });
  for (const lang of ordered) {
    const share = pick("greenShareOcc", lang);
    if (share)
      work.push({
        c: share,
        step: lang === defaultLanguage ? { type: "greenShare" } : { type: "copy", of: "greenShare", language: lang },
      });
    const dictionary = pick("dictionary", lang);
    if (dictionary) work.push({ c: dictionary, step: { type: "dictionary", language: lang } });
  }
  return { languages: ordered, defaultLanguage, version, versionSource, work, required, relationFile, unknown };
}
