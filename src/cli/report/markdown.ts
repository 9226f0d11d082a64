import type { Coverage } from "../../credential/coverage.js";
import { formatPath } from "../../credential/issues.js";
import type { CredentialReportData } from "./credential-data.js";

/**
 * The same reports as Markdown, for pull requests, wikis and e-mail.
 *
 * @module
 */

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const pct = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((n / of) * 100)}%`);

/** Coverage of one occupation as Markdown lines. */
export function coverageMarkdown(c: Coverage): string[] {
  return [
    `- **${c.occupation.label}**: score ${c.score === null ? "—" : `${Math.round(c.score * 100)}%`}; essential ${c.essential.covered}/${c.essential.total}, optional ${c.optional.covered}/${c.optional.total}; green share of covered skills ${pct(c.greenShare.covered.green, c.greenShare.covered.total)}`,
    ...(c.missingEssential.length > 0
      ? [`  - essential skills not covered: ${c.missingEssential.map((s) => s.label).join("; ")}`]
      : []),
  ];
}

/** One credential as Markdown. */
export function credentialMarkdown(r: CredentialReportData): string[] {
  const out = [
    `## ${r.title} (${r.valid ? "valid" : "invalid"})`,
    "",
    `\`${r.file}\` · ${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} notes · green share of mapped skills ${pct(r.greenShare.green, r.greenShare.total)} (${r.greenShare.green}/${r.greenShare.total})`,
    "",
  ];
  out.push("### Annex I checklist", "", "| Element | Obligation | Stated by | Status |", "|---|---|---|---|");
  for (const e of r.elements)
    out.push(
      `| ${cell(e.label)} | ${e.obligation} | ${e.level === "definition" ? "definition" : "issued credential"} | ${e.status} |`,
    );
  out.push("", "### Learning outcomes", "", "| Id | Outcome | Mapped skills |", "|---|---|---|");
  for (const o of r.outcomes)
    out.push(
      `| ${cell(o.id)} | ${cell(o.statement)} | ${o.skills.length === 0 ? "*none*" : o.skills.map((s) => `${cell(s.label)}${s.wantedLang ? ` (label in ${s.labelLang})` : ""} (${s.type}${s.green ? ", green" : ""})`).join("; ")} |`,
    );
  out.push("", "### Issues", "");
  if (r.issues.length === 0) out.push("No issues.");
  for (const i of r.issues)
    out.push(
      `- **${i.severity}** ${i.line === undefined ? "" : `line ${i.line} `}\`${formatPath(i.path)}\`: ${i.message} [${i.code}]${i.suggestion ? `  \n  Fix: ${i.suggestion}` : ""}`,
    );
  out.push("", "### Coverage of the target occupations", "");
  if (r.coverage.length === 0) out.push(r.coverageNote ?? "—");
  for (const c of r.coverage) out.push(...coverageMarkdown(c));
  if (r.greenComp) {
    out.push("", "### GreenComp areas", "");
    for (const a of r.greenComp.areas) out.push(`- ${a.id} ${a.label}: ${a.touched}/${a.of} competences touched`);
  }
  out.push("");
  return out;
}

/** A summary table of several credentials. */
export function summaryMarkdown(reports: readonly CredentialReportData[]): string[] {
  return [
    "## Summary",
    "",
    "| Credential | Status | Errors | Warnings | Outcomes | Green share |",
    "|---|---|---|---|---|---|",
    ...reports.map(
      (r) =>
        `| ${cell(r.title)} | ${r.valid ? "valid" : "invalid"} | ${r.counts.error} | ${r.counts.warning} | ${r.outcomes.length} | ${pct(r.greenShare.green, r.greenShare.total)} |`,
    ),
    "",
  ];
}
