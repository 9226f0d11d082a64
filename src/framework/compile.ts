import type { EscoConceptFact, EscoConceptsFile, Framework, GreenComp, Sector } from "./schema.js";
import { FRAMEWORK_FORMAT_VERSION } from "./schema.js";
import type { Locate, SourceIssue } from "./source.js";
import { argObject, readingArgument } from "../guard.js";

/**
 * Compiles the reviewed sources (sector files, GreenComp, cited ESCO facts) into one framework object and
 * cross-checks them: every cited URI has its facts, with the same label and kind; cited sector skills are
 * green; crosswalk skills are in the collection they are cited from; no two sectors share a code.
 *
 * @module
 */

/**
 * A parsed source with where it came from, for located cross-check issues.
 *
 * @category Framework
 */
export interface LocatedValue<T> {
  value: T;
  file?: string | undefined;
  locate?: Locate | undefined;
}

/**
 * The inputs of {@link compileFramework}.
 *
 * @category Framework
 */
export interface FrameworkSources {
  sectors: readonly LocatedValue<Sector>[];
  greenComp: LocatedValue<GreenComp>;
  concepts: LocatedValue<EscoConceptsFile>;
  /** URIs cited elsewhere (example credentials), so their facts do not count as unused. */
  alsoCited?: Iterable<string>;
}

/**
 * The result of {@link compileFramework}: the framework when there is no error, and every issue.
 *
 * @category Framework
 */
export interface CompiledFramework {
  framework: Framework | undefined;
  issues: SourceIssue[];
}

const iscoUri = (code: string) => `http://data.europa.eu/esco/isco/C${code}`;
const REFRESH =
  "add a line `- uri: <uri>` to taxonomy/src/esco-concepts.yaml and run `npm run taxonomy:refresh -- <your ESCO download>`";

/**
 * Compiles and cross-checks the framework sources.
 *
 * @category Framework
 * @param sources - Parsed sector files, GreenComp and the cited ESCO facts.
 * @returns The framework (absent when any issue is an error) and all issues, located by file and line.
 */
export function compileFramework(sources: FrameworkSources): CompiledFramework {
  argObject("compileFramework", "sources", sources, "the framework sources (FrameworkSources)");
  return readingArgument("compileFramework", "sources", sources, () => compileFrameworkUnchecked(sources));
}

function compileFrameworkUnchecked(sources: FrameworkSources): CompiledFramework {
  const issues: SourceIssue[] = [];
  const facts = new Map<string, EscoConceptFact>(sources.concepts.value.concepts.map((c) => [c.uri, c]));
  const cited = new Set<string>(sources.alsoCited ?? []);
  const at = (
    source: LocatedValue<unknown>,
    path: (string | number)[],
    code: string,
    message: string,
    severity: SourceIssue["severity"] = "error",
    suggestion?: string,
  ) => {
    const where = source.locate?.(path);
    issues.push({
      code,
      severity,
      path,
      message,
      ...(suggestion ? { suggestion } : {}),
      ...(source.file === undefined ? {} : { file: source.file }),
      ...(where ? { line: where.line, column: where.column } : {}),
    });
  };
  const checkCitation = (
    source: LocatedValue<unknown>,
    path: (string | number)[],
    uri: string,
    label: string,
    kind: EscoConceptFact["kind"],
  ) => {
    cited.add(uri);
    const fact = facts.get(uri);
    if (!fact) {
      at(
        source,
        [...path, "uri"],
        "cited_concept_unknown",
        `${uri} (${label}) has no facts in esco-concepts.yaml`,
        "error",
        REFRESH,
      );
      return undefined;
    }
    if (fact.kind !== kind) {
      at(
        source,
        [...path, "uri"],
        "cited_concept_wrong_kind",
        `${uri} is a ${fact.kind} in ESCO ${sources.concepts.value.escoVersion}, cited as a ${kind}`,
      );
      return undefined;
    }
    if (fact.label !== label)
      at(
        source,
        [...path, "label"],
        "cited_label_differs",
        `label "${label}" differs from ESCO's preferred label "${fact.label}"`,
        "error",
        `copy the ESCO label exactly: ${fact.label}`,
      );
    return fact;
  };

  const seenIds = new Map<string, string | undefined>();
  const naceOwner = new Map<string, string>();
  const iscoOwner = new Map<string, string>();
  for (const source of sources.sectors) {
    const sector = source.value;
    const base = source.file
      ?.split(/[\\/]/)
      .pop()
      ?.replace(/\.(ya?ml|json)$/, "");
    if (base !== undefined && base !== sector.id)
      at(
        source,
        ["id"],
        "file_name_differs",
        `the sector id "${sector.id}" differs from its file name "${base}"`,
        "warning",
      );
    if (seenIds.has(sector.id))
      at(
        source,
        ["id"],
        "duplicate_id",
        `sector id "${sector.id}" is also defined in ${seenIds.get(sector.id) ?? "another source"}`,
      );
    seenIds.set(sector.id, source.file);
    sector.nace.forEach((code, i) => {
      const owner = naceOwner.get(code.rev21);
      if (owner && owner !== sector.id)
        at(
          source,
          ["nace", i, "rev21"],
          "overlapping_code",
          `NACE ${code.rev21} is also listed by sector ${owner}`,
          "warning",
        );
      naceOwner.set(code.rev21, sector.id);
    });
    sector.isco.forEach((group, i) => {
      const owner = iscoOwner.get(group.code);
      if (owner && owner !== sector.id)
        at(
          source,
          ["isco", i, "code"],
          "overlapping_code",
          `ISCO ${group.code} is also listed by sector ${owner}`,
          "warning",
        );
      iscoOwner.set(group.code, sector.id);
      checkCitation(source, ["isco", i], iscoUri(group.code), group.label, "iscoGroup");
    });
    sector.references.skills.forEach((ref, i) => {
      const fact = checkCitation(source, ["references", "skills", i], ref.uri, ref.label, "skill");
      if (fact?.kind === "skill" && !fact.collections.includes("green")) {
        at(
          source,
          ["references", "skills", i, "uri"],
          "cited_skill_not_green",
          `${ref.label} is not in the green skills collection of ESCO ${sources.concepts.value.escoVersion}`,
        );
      }
    });
    sector.references.occupations.forEach(
      (ref, i) => void checkCitation(source, ["references", "occupations", i], ref.uri, ref.label, "occupation"),
    );
  }

  const greenComp = sources.greenComp;
  greenComp.value.areas.forEach((area, a) =>
    area.competences.forEach((competence, c) =>
      competence.crosswalk.forEach((entry, e) => {
        const path = ["areas", a, "competences", c, "crosswalk", e];
        const fact = checkCitation(greenComp, path, entry.uri, entry.label, "skill");
        if (fact?.kind === "skill" && !fact.collections.includes(entry.collection)) {
          at(
            greenComp,
            [...path, "collection"],
            "crosswalk_collection_differs",
            `${entry.label} is not in the ${entry.collection} collection (it is in: ${fact.collections.join(", ") || "none"})`,
          );
        }
      }),
    ),
  );

  sources.concepts.value.concepts.forEach((fact, i) => {
    if (!cited.has(fact.uri))
      at(
        sources.concepts,
        ["concepts", i, "uri"],
        "uncited_concept",
        `${fact.uri} (${fact.label}) is not cited by any sector, GreenComp competence or example`,
        "warning",
        "remove the line, or cite the concept",
      );
  });

  const framework: Framework | undefined = issues.some((i) => i.severity === "error")
    ? undefined
    : {
        formatVersion: FRAMEWORK_FORMAT_VERSION,
        escoVersion: sources.concepts.value.escoVersion,
        checkedOn: sources.concepts.value.checkedOn,
        sectors: sources.sectors.map((s) => s.value),
        greenComp: greenComp.value,
      };
  return { framework, issues };
}
