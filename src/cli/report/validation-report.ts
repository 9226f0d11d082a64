import { tableLocation } from "../tables/format.js";
import type { TableReport } from "../tables/validate-table.js";
import type { CredentialReportData } from "./credential-data.js";
import { credentialSection, esc, htmlPage, summaryTable } from "./html.js";
import { credentialMarkdown, summaryMarkdown } from "./markdown.js";

/**
 * The `validate --format html|md` report: a summary of every file, then one section per credential and
 * per mapping table.
 *
 * @module
 */

function tableHtml(t: TableReport): string {
  const rows = t.issues
    .map(
      (i) =>
        `<tr><td class="${i.severity}">${i.severity}</td><td>${esc(tableLocation(i))}</td><td>${esc(i.message)} <span class="muted">[${esc(i.code)}]</span>${i.suggestion ? `<p class="fix">Fix: ${esc(i.suggestion)}</p>` : ""}</td></tr>`,
    )
    .join("\n");
  return `<section class="mapping-table" aria-label="${esc(`mapping table ${t.file}`)}"><h2>${esc(t.file)} <span class="badge ${t.valid ? "ok" : "error"}">${t.valid ? "valid" : "invalid"}</span></h2>
<p class="muted">Mapping table: ${t.groups.reduce((n, g) => n + g.outcomes, 0)} outcome rows, ${t.counts.error} errors, ${t.counts.warning} warnings</p>
${t.issues.length === 0 ? '<p class="ok">No issues.</p>' : `<table><thead><tr><th scope="col">Severity</th><th scope="col">Cell</th><th scope="col">Issue and fix</th></tr></thead><tbody>\n${rows}\n</tbody></table>`}
</section>`;
}

/** The HTML report of a validation run. */
export function validationHtml(
  credentials: readonly CredentialReportData[],
  tables: readonly TableReport[],
  against: string,
): string {
  const title =
    credentials.length === 1 && tables.length === 0
      ? `Validation: ${credentials[0]!.title}`
      : `Validation of ${credentials.length + tables.length} files`;
  const body = [
    `<p>Checked against ${esc(against)}.</p>`,
    credentials.length > 1 ? summaryTable(credentials) : "",
    ...credentials.map(credentialSection),
    ...tables.map(tableHtml),
  ].join("\n");
  return htmlPage(title, body, new Date().toISOString().slice(0, 10));
}

/** The Markdown report of a validation run. */
export function validationMarkdown(
  credentials: readonly CredentialReportData[],
  tables: readonly TableReport[],
  against: string,
): string {
  const out = [
    `# Validation of ${credentials.length + tables.length} file${credentials.length + tables.length === 1 ? "" : "s"}`,
    "",
    `Checked against ${against}.`,
    "",
  ];
  if (credentials.length > 1) out.push(...summaryMarkdown(credentials));
  for (const c of credentials) out.push(...credentialMarkdown(c));
  for (const t of tables) {
    out.push(
      `## ${t.file} (${t.valid ? "valid" : "invalid"})`,
      "",
      `Mapping table: ${t.groups.reduce((n, g) => n + g.outcomes, 0)} outcome rows.`,
      "",
    );
    for (const i of t.issues)
      out.push(
        `- **${i.severity}** ${tableLocation(i)}: ${i.message} [${i.code}]${i.suggestion ? `  \n  Fix: ${i.suggestion}` : ""}`,
      );
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
