import type { Coverage } from "../../credential/coverage.js";
import { coverageHtml, esc, htmlPage } from "./html.js";
import { coverageMarkdown } from "./markdown.js";

/**
 * The `gap --format html|md` report: the coverage bars, then every skill of the occupation with how the
 * credential covers it.
 *
 * @module
 */

const MATCH: Record<string, string> = {
  direct: "● direct",
  narrower: "◐ through a narrower skill",
  broader: "◐ through a broader skill",
};

/** The HTML gap report. */
export function gapHtml(title: string, file: string, report: Coverage): string {
  const rows = report.skills
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.skill.label)}</th><td>${s.relation}</td><td class="${s.match ? "ok" : "error"}">${esc(s.match ? (MATCH[s.match] ?? s.match) : "○ missing")}</td><td>${s.green ? '<span class="green">● green</span>' : ""}</td><td>${esc(s.outcomes.join(", "))}</td></tr>`,
    )
    .join("\n");
  const body = `<p class="muted">${esc(file)} compared with the ESCO occupation <a href="${esc(report.occupation.uri)}">${esc(report.occupation.label)}</a></p>
${coverageHtml(report)}
<h2>Skills of the occupation</h2>
<table><thead><tr><th scope="col">Skill</th><th scope="col">Relation</th><th scope="col">Covered</th><th scope="col">Green</th><th scope="col">Outcomes</th></tr></thead><tbody>
${rows}
</tbody></table>
${report.extra.length > 0 ? `<h2>Mapped skills the occupation does not list</h2><ul>${report.extra.map((e) => `<li>${esc(e.skill.label)} <span class="muted">(${esc(e.outcomes.join(", "))})</span></li>`).join("")}</ul>` : ""}`;
  return htmlPage(`${title} → ${report.occupation.label}`, body, new Date().toISOString().slice(0, 10));
}

/** The Markdown gap report. */
export function gapMarkdown(title: string, file: string, report: Coverage): string {
  const out = [
    `# ${title} → ${report.occupation.label}`,
    "",
    `\`${file}\` compared with <${report.occupation.uri}>`,
    "",
    ...coverageMarkdown(report),
    "",
    "| Skill | Relation | Covered | Green | Outcomes |",
    "|---|---|---|---|---|",
  ];
  for (const s of report.skills)
    out.push(
      `| ${s.skill.label.replace(/\|/g, "\\|")} | ${s.relation} | ${s.match ?? "missing"} | ${s.green ? "green" : ""} | ${s.outcomes.join(", ")} |`,
    );
  return `${out.join("\n")}\n`;
}
