import { describeChange } from "./describe.js";
import type { MappingResult, MigrationEffect, MigrationReport } from "./migration-schema.js";
import { CHANGE_TYPES, type ChangeType, type ConceptChange, type TaxonomyDiff } from "./schema.js";
import { argObject, argOptions, readingArgument } from "../guard.js";

/**
 * The readable diff report: counts first, then credentials, then every change. The Markdown form is
 * public; the CLI's terminal form reuses the same rows and sections.
 *
 * @module
 */

/**
 * A credential to include in a diff report: a name (its file) and its migration report.
 *
 * @category Diff
 */
export interface DiffReportCredential {
  /** How to name the credential, e.g. its file path. */
  readonly name: string;
  readonly report: MigrationReport;
}

/**
 * Options of {@link diffReportMarkdown}.
 *
 * @category Diff
 */
export interface DiffReportOptions {
  /** Credentials checked against the diff (see `migrateMappings`). */
  readonly credentials?: readonly DiffReportCredential[];
  /** Most detail lines per change type; 0 (the default) lists all. */
  readonly limit?: number;
  /** Where each version came from (file paths), for the heading. */
  readonly sources?: { readonly older: string; readonly newer: string };
}

/** Section titles of the change types, in report order. */
export const CHANGE_TITLES: Record<ChangeType, string> = {
  added: "Concepts added",
  removed: "Concepts removed",
  kind: "Kind changed",
  status: "Status changed",
  prefLabel: "Preferred labels",
  altLabels: "Alternative labels",
  skillType: "Skill type",
  reuseLevel: "Reuse level",
  collection: "Collection membership",
  broader: "Broader concepts",
  iscoGroup: "ISCO groups",
  code: "Notation codes",
  nace: "NACE codes",
  occupationSkills: "Occupation–skill relations",
  skillSkills: "Skill–skill relations",
  greenShare: "Green shares",
};

const n = (x: number) => x.toLocaleString("en-US");
const byKind = (counts: Record<string, number>) => {
  const parts = Object.entries(counts).map(([kind, count]) => `${n(count)} ${kind}${count === 1 ? "" : "s"}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
};
const versionName = (v: string | null) => (v ? `ESCO ${v}` : "ESCO (version unknown)");

/** @internal The headline: "ESCO v1.1.1 → ESCO v1.2.1". */
export function reportTitle(diff: TaxonomyDiff): string {
  return `${versionName(diff.older.escoVersion)} → ${versionName(diff.newer.escoVersion)}`;
}

/** @internal Rows of the counts table: what changed, how much. */
export function countRows(diff: TaxonomyDiff): [string, string][] {
  const s = diff.summary;
  const c = s.counts;
  const rows: [string, string][] = [
    [CHANGE_TITLES.added, `${n(c.added)}${byKind(s.addedByKind)}`],
    [CHANGE_TITLES.removed, `${n(c.removed)}${byKind(s.removedByKind)}`],
  ];
  for (const type of ["kind", "status", "prefLabel", "altLabels", "skillType", "reuseLevel"] as const)
    rows.push([CHANGE_TITLES[type], n(c[type])]);
  const collections = Object.entries(s.collections).map(
    ([name, { joined, left }]) => `${name} +${n(joined)} −${n(left)}`,
  );
  rows.push([CHANGE_TITLES.collection, collections.join(", ") || "—"]);
  for (const type of ["broader", "iscoGroup", "code"] as const) rows.push([CHANGE_TITLES[type], n(c[type])]);
  rows.push([CHANGE_TITLES.nace, diff.compared.nace ? n(c.nace) : "not compared"]);
  const relations = (count: number, what: string, r: { added: number; removed: number; switched: number }) =>
    diff.compared.relations
      ? `${n(count)} ${what}: +${n(r.added)} −${n(r.removed)}, ${n(r.switched)} switched`
      : "not compared";
  rows.push([CHANGE_TITLES.occupationSkills, relations(c.occupationSkills, "occupations", s.occupationSkillRelations)]);
  rows.push([CHANGE_TITLES.skillSkills, relations(c.skillSkills, "skills", s.skillSkillRelations)]);
  const g = s.greenShare;
  rows.push([
    CHANGE_TITLES.greenShare,
    `${n(g.occupations)} occupations, ${n(g.iscoGroups)} ISCO groups (${n(g.computed)} computed${diff.compared.greenShareOfficial ? `, ${n(g.official)} official` : "; official not compared"})`,
  ]);
  return rows;
}

/** @internal Notes on what was not compared. */
export function comparedNotes(diff: TaxonomyDiff): string[] {
  const notes: string[] = [];
  const { compared } = diff;
  if (compared.collectionsOnlyInOlder.length > 0)
    notes.push(`collections only in the older version, not compared: ${compared.collectionsOnlyInOlder.join(", ")}`);
  if (compared.collectionsOnlyInNewer.length > 0)
    notes.push(`collections only in the newer version, not compared: ${compared.collectionsOnlyInNewer.join(", ")}`);
  if (!compared.nace) notes.push("NACE codes not compared (ESCO carries them from v1.2.1; one side has none)");
  if (!compared.greenShareOfficial)
    notes.push("official green shares not compared (greenShareOcc is in ESCO v1.2.1 and later; one side has none)");
  if (!compared.relations) notes.push("relations not compared (one side is not a full ESCO import)");
  notes.push(`labels compared in: ${compared.languages.join(", ") || "no common language"}`);
  return notes;
}

/** @internal One detail line of a change: the concept and what changed. */
export function changeLine(change: ConceptChange): { label: string; uri: string; kind: string; text: string } {
  return {
    label: change.concept.label,
    uri: change.concept.uri,
    kind: change.concept.kind,
    text: describeChange(change),
  };
}

/** @internal The detail sections, each with at most `limit` lines (0 = all). */
export function changeSections(
  diff: TaxonomyDiff,
  limit: number,
): { type: ChangeType; title: string; total: number; lines: ReturnType<typeof changeLine>[] }[] {
  return CHANGE_TYPES.filter((type) => diff.changes[type].length > 0).map((type) => {
    const list = diff.changes[type] as readonly ConceptChange[];
    return {
      type,
      title: CHANGE_TITLES[type],
      total: list.length,
      lines: (limit > 0 ? list.slice(0, limit) : list).map(changeLine),
    };
  });
}

/** @internal `learningOutcomes[0].esco[1]`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, k) => (typeof p === "number" ? `[${p}]` : k === 0 ? p : `.${p}`)).join("");
}

/** @internal The mappings worth reporting: all but the unchanged ones. */
export function notableMappings(report: MigrationReport): MappingResult[] {
  return report.mappings.filter((m) => m.status !== "unchanged" || m.broken);
}

/** @internal "9 mappings: 1 unchanged, 6 changed, 1 removed, 1 unknown; 3 broken". */
export function mappingCounts(report: MigrationReport): string {
  const s = report.summary;
  const parts = [`${s.unchanged} unchanged`, `${s.changed} changed`, `${s.removed} removed`, `${s.unknown} unknown`];
  return `${s.mappings} mapping${s.mappings === 1 ? "" : "s"}: ${parts.join(", ")}; ${s.broken} broken`;
}

const md = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
const severityMark: Record<MigrationEffect["severity"], string> = { error: "❌", warning: "⚠️", info: "ℹ️" };

/**
 * Renders a diff (and, optionally, the migration reports of credentials) as a Markdown document: counts
 * first, then the credentials with their broken and changed mappings and effects, then the detail of
 * every change.
 *
 * @category Diff
 * @param diff - A change set from `diffTaxonomies`.
 * @param options - Credentials to include, a per-section line limit, the sources for the heading.
 * @returns The Markdown text.
 * @example
 * ```ts
 * const diff = diffTaxonomies(older, newer);
 * const markdown = diffReportMarkdown(diff, { credentials: [{ name: "heat-pump.yaml", report: migrateMappings(older, newer, credential, { diff }) }] });
 * markdown.split("\n")[0] //=> "# ESCO v1.1.1 → ESCO v1.2.1"
 * ```
 */
export function diffReportMarkdown(diff: TaxonomyDiff, options: DiffReportOptions = {}): string {
  argObject("diffReportMarkdown", "diff", diff, "a diff from diffTaxonomies");
  argOptions("diffReportMarkdown", options);
  return readingArgument("diffReportMarkdown", "diff", diff, () => diffReportMarkdownUnchecked(diff, options));
}

function diffReportMarkdownUnchecked(diff: TaxonomyDiff, options: DiffReportOptions): string {
  const out: string[] = [`# ${reportTitle(diff)}`, ""];
  const from = options.sources ? ` (\`${options.sources.older}\` → \`${options.sources.newer}\`)` : "";
  out.push(
    `**${n(diff.summary.total)} changes**${from}: ${n(diff.older.concepts)} → ${n(diff.newer.concepts)} concepts.`,
    "",
  );
  out.push("## Counts", "", "| Change | Count |", "|---|---|");
  for (const [label, value] of countRows(diff)) out.push(`| ${md(label)} | ${md(value)} |`);
  out.push("", ...comparedNotes(diff).map((note) => `- ${md(note)}`), "");

  const credentials = options.credentials ?? [];
  if (credentials.length > 0) {
    const broken = credentials.filter((c) => c.report.broken).length;
    out.push(
      "## Credentials",
      "",
      `${broken} of ${credentials.length} credential${credentials.length === 1 ? " has" : "s have"} broken mappings.`,
      "",
    );
    out.push(
      "| Credential | Title | Mappings | Unchanged | Changed | Removed | Unknown | Broken | Effects |",
      "|---|---|---|---|---|---|---|---|---|",
    );
    for (const { name, report } of credentials) {
      const s = report.summary;
      out.push(
        `| ${report.broken ? "❌" : "✅"} ${md(name)} | ${md(report.credential.title ?? "")} | ${s.mappings} | ${s.unchanged} | ${s.changed} | ${s.removed} | ${s.unknown} | ${s.broken} | ${report.effects.length} |`,
      );
    }
    out.push("");
    for (const { name, report } of credentials) {
      const mappings = notableMappings(report);
      if (mappings.length === 0 && report.effects.length === 0) continue;
      out.push(`### ${md(name)}${report.credential.title ? ` — ${md(report.credential.title)}` : ""}`, "");
      for (const m of mappings) {
        const label = m.before?.label ?? m.after?.label ?? m.uri;
        out.push(`- ${m.broken ? "❌" : "•"} \`${formatPath(m.path)}\` **${md(label)}** — ${md(m.message)}`);
        m.candidates.forEach((c, k) =>
          out.push(
            `  ${k + 1}. ${md(c.concept.label)} (score ${c.score.toFixed(2)}) \`${c.concept.uri}\` — ${md(c.explanation.join("; ") || "weak match")}`,
          ),
        );
      }
      for (const e of report.effects) {
        out.push(
          `- ${severityMark[e.severity]} \`${formatPath(e.path)}\` ${md(e.message)}${e.suggestion ? ` — *${md(e.suggestion)}*` : ""}`,
        );
      }
      out.push("");
    }
  }

  const limit = options.limit ?? 0;
  const sections = changeSections(diff, limit);
  if (sections.length > 0) {
    out.push("## Changes", "");
    for (const section of sections) {
      out.push(`### ${section.title} (${n(section.total)})`, "");
      for (const line of section.lines)
        out.push(
          `- **${md(line.label)}** (${line.kind}) \`${line.uri}\`${section.type === "added" || section.type === "removed" ? "" : ` — ${md(line.text)}`}`,
        );
      if (section.lines.length < section.total) out.push(`- … ${n(section.total - section.lines.length)} more`);
      out.push("");
    }
  } else out.push("No changes in anything compared.", "");
  return `${out.join("\n").trimEnd()}\n`;
}
