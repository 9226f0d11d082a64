import * as z from "zod";
import { IssuePathSchema, IssueSchema } from "../issue.js";
import type { Store } from "../taxonomy/store.js";
import type { Framework } from "./schema.js";

/**
 * The merge report: how the curated framework's citations fare in the taxonomy it is attached to. A cited
 * URI missing from the loaded ESCO version, relabelled, of another kind, or no longer green is reported
 * here, never silently dropped.
 *
 * @module
 */

/**
 * One mismatch between the framework's citations and the loaded taxonomy.
 *
 * @category Framework
 */
export const MergeIssueSchema = /* @__PURE__ */ (() =>
  IssueSchema.extend({
    /** `cited_concept_missing`, `cited_concept_wrong_kind`, `cited_label_differs`, `cited_skill_not_green`, `crosswalk_collection_differs`. */
    code: z.enum([
      "cited_concept_missing",
      "cited_concept_wrong_kind",
      "cited_label_differs",
      "cited_skill_not_green",
      "crosswalk_collection_differs",
    ]),
    severity: z.enum(["warning", "info"]),
    /** Path into the framework object, e.g. `["sectors", "construction", "references", "skills", 3]`. */
    path: IssuePathSchema,
    /** The cited URI. */
    uri: z.string(),
    /** What the framework cites (label, kind or collection). */
    expected: z.string().optional(),
    /** What the taxonomy holds. */
    actual: z.string().optional(),
  }))();
/** One mismatch between the framework's citations and the loaded taxonomy: an `Issue` with the cited URI. @category Framework */
export type MergeIssue = z.infer<typeof MergeIssueSchema>;

/**
 * The result of attaching a framework to a taxonomy.
 *
 * @category Framework
 */
export const FrameworkMergeReportSchema = /* @__PURE__ */ (() =>
  z.object({
    /** ESCO version of the taxonomy. */
    escoVersion: z.string().nullable(),
    /** ESCO version the framework's references were checked against. */
    checkedAgainst: z.string(),
    /** Number of citations checked (sector references, ISCO groups, crosswalk entries). */
    citations: z.number().int().nonnegative(),
    issues: z.array(MergeIssueSchema),
  }))();
/** @category Framework */
export type FrameworkMergeReport = z.infer<typeof FrameworkMergeReportSchema>;

/** @internal Checks every citation of `framework` against the store. */
export function checkFramework(store: Store, framework: Framework): FrameworkMergeReport {
  const issues: MergeIssue[] = [];
  const green = store.collection("green");
  let citations = 0;
  const version = store.meta.esco.version ?? "the loaded ESCO version";
  const cite = (
    path: (string | number)[],
    uri: string,
    label: string,
    kind: "skill" | "occupation" | "iscoGroup",
  ): number => {
    citations++;
    const index = store.indexOf(uri);
    if (index < 0) {
      issues.push({
        code: "cited_concept_missing",
        severity: "warning",
        path,
        uri,
        message: `${label} (${uri}) is not in ${version}`,
        expected: label,
      });
      return -1;
    }
    const actualKind = store.kind(index);
    if (actualKind !== kind) {
      issues.push({
        code: "cited_concept_wrong_kind",
        severity: "warning",
        path,
        uri,
        message: `${label} (${uri}) is a ${actualKind} in ${version}, cited as a ${kind}`,
        expected: kind,
        actual: actualKind,
      });
      return -1;
    }
    const actual = store.label(index, "en");
    if (actual !== label) {
      issues.push({
        code: "cited_label_differs",
        severity: "info",
        path,
        uri,
        message: `${uri} is labelled "${actual}" in ${version}, cited as "${label}"`,
        expected: label,
        actual,
      });
    }
    return index;
  };
  for (const sector of framework.sectors) {
    const base = ["sectors", sector.id];
    sector.isco.forEach(
      (group, i) =>
        void cite([...base, "isco", i], `http://data.europa.eu/esco/isco/C${group.code}`, group.label, "iscoGroup"),
    );
    sector.references.skills.forEach((ref, i) => {
      const index = cite([...base, "references", "skills", i], ref.uri, ref.label, "skill");
      if (index >= 0 && green && !green[index]) {
        issues.push({
          code: "cited_skill_not_green",
          severity: "warning",
          path: [...base, "references", "skills", i],
          uri: ref.uri,
          message: `${ref.label} is no longer in the green skills collection of ${version}`,
          expected: "green",
        });
      }
    });
    sector.references.occupations.forEach(
      (ref, i) => void cite([...base, "references", "occupations", i], ref.uri, ref.label, "occupation"),
    );
  }
  for (const area of framework.greenComp.areas) {
    for (const competence of area.competences) {
      competence.crosswalk.forEach((entry, i) => {
        const path = ["greenComp", competence.id, "crosswalk", i];
        const index = cite(path, entry.uri, entry.label, "skill");
        const flags = index >= 0 ? store.collection(entry.collection) : undefined;
        if (flags && !flags[index]) {
          const actual = store.collectionsOf(index).join(", ") || "none";
          issues.push({
            code: "crosswalk_collection_differs",
            severity: "warning",
            path,
            uri: entry.uri,
            message: `${entry.label} is not in the ${entry.collection} collection of ${version} (it is in: ${actual})`,
            expected: entry.collection,
            actual,
          });
        }
      });
    }
  }
  return { escoVersion: store.meta.esco.version, checkedAgainst: framework.escoVersion, citations, issues };
}
