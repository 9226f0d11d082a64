import type { Coverage } from "../../credential/coverage.js";
import { formatPath } from "../../credential/issues.js";
import type { CredentialReportData } from "./credential-data.js";

/**
 * Reports as one self-contained HTML file: inline CSS and SVG, no script, nothing from the network, so it
 * works offline, prints to PDF and reads well with a screen reader (headings, tables with headers,
 * labelled figures).
 *
 * @module
 */

/** Escapes text for HTML content and attribute values. */
export const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const pct = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((n / of) * 100)}%`);

const CSS = `
:root{--fg:#1b1f23;--muted:#57606a;--line:#d0d7de;--ok:#1a7f37;--warn:#9a6700;--err:#cf222e;--green:#2da44e;--bar:#e8ecef}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.3rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2.5rem}h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
.muted{color:var(--muted)}.ok{color:var(--ok)}.warning{color:var(--warn)}.error{color:var(--err)}.info{color:#0969da}
.badge{display:inline-block;border-radius:1rem;padding:0 .5rem;font-size:.8rem;border:1px solid currentColor}
.green{color:var(--green);font-weight:600}code{font-size:.85em;word-break:break-all}
figure{margin:.5rem 0}figcaption{font-size:.9rem;color:var(--muted)}
.fix{margin:.2rem 0 0;color:var(--muted)}
.mappings th[scope=row]{width:9rem;font-weight:normal}.mappings td:last-child{width:34%}.candidates{margin:0;padding-left:1.2rem}.candidates li+li{margin-top:.4rem}
@media print{body{margin:0;max-width:none}h2{break-before:page}h2:first-of-type{break-before:auto}a{color:inherit}}
`;

/** A whole HTML document. */
export function htmlPage(title: string, body: string, generated: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="green-skills">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><p class="muted">green-skills report · ${esc(generated)}</p><h1>${esc(title)}</h1></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A horizontal bar (inline SVG) with a text label for screen readers. */
export function bar(label: string, value: number, of: number, colour = "#2da44e"): string {
  const share = of === 0 ? 0 : Math.max(0, Math.min(1, value / of));
  const width = 240;
  return `<figure class="bar"><svg role="img" aria-label="${esc(`${label}: ${value} of ${of} (${pct(value, of)})`)}" width="${width}" height="14" viewBox="0 0 ${width} 14"><rect width="${width}" height="14" rx="3" fill="#e8ecef"/><rect width="${Math.round(share * width)}" height="14" rx="3" fill="${colour}"/></svg> <figcaption>${esc(label)}: ${value}/${of} (${pct(value, of)})</figcaption></figure>`;
}

const STATUS: Record<string, string> = {
  present: "✔ present",
  missing: "✖ missing",
  invalid: "✖ invalid",
  "not-applicable": "– not applicable",
  "at-issuing": "… at issuing",
  unchecked: "? unchecked",
};

function checklist(r: CredentialReportData): string {
  const rows = r.elements
    .map((e) => {
      const cls =
        e.status === "present" || e.status === "not-applicable" || e.status === "at-issuing"
          ? "ok"
          : e.obligation === "mandatory"
            ? "error"
            : "muted";
      return `<tr><td>${esc(e.label)}</td><td>${e.obligation}</td><td>${e.level === "definition" ? "definition" : "issued credential"}</td><td class="${cls}">${esc(STATUS[e.status] ?? e.status)}</td></tr>`;
    })
    .join("\n");
  return `<h3>Annex I checklist</h3>
<table><caption class="muted">Elements of Council Recommendation 2022/C 243/02, Annex I</caption><thead><tr><th scope="col">Element</th><th scope="col">Obligation</th><th scope="col">Stated by</th><th scope="col">Status</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function outcomes(r: CredentialReportData): string {
  if (r.outcomes.length === 0) return `<h3>Learning outcomes</h3><p class="error">No readable learning outcomes.</p>`;
  const rows = r.outcomes
    .map((o) => {
      const skills =
        o.skills.length === 0
          ? `<span class="warning">no ESCO skill mapped</span>`
          : `<ul>${o.skills.map((s) => `<li>${esc(s.label)}${s.wantedLang ? ` <span class="muted">(label in ${esc(s.labelLang ?? "")})</span>` : ""} <span class="muted">(${esc(s.type)})</span>${s.green ? ' <span class="green">● green</span>' : ""}</li>`).join("")}</ul>`;
      return `<tr><th scope="row">${esc(o.id)}</th><td>${esc(o.statement)}</td><td>${skills}</td></tr>`;
    })
    .join("\n");
  return `<h3>Learning outcomes and their ESCO skills</h3>
<table><thead><tr><th scope="col">Id</th><th scope="col">Outcome</th><th scope="col">Mapped skills (type, green)</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function issues(r: CredentialReportData): string {
  if (r.issues.length === 0) return `<h3>Issues</h3><p class="ok">No issues.</p>`;
  const rows = r.issues
    .map((i) => {
      const where = `${i.line === undefined ? "" : `line ${i.line}`}${i.path.length > 0 ? `${i.line === undefined ? "" : ", "}<code>${esc(formatPath(i.path))}</code>` : ""}`;
      return `<tr><td class="${i.severity}">${i.severity}</td><td>${where}</td><td>${esc(i.message)} <span class="muted">[${esc(i.code)}]</span>${i.suggestion ? `<p class="fix">Fix: ${esc(i.suggestion)}</p>` : ""}</td></tr>`;
    })
    .join("\n");
  return `<h3>Issues (${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} notes)</h3>
<table><thead><tr><th scope="col">Severity</th><th scope="col">Where</th><th scope="col">Issue and fix</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** Coverage of one occupation: essential and optional bars, green share, score. */
export function coverageHtml(c: Coverage): string {
  return `<section class="coverage" aria-label="${esc(`coverage of ${c.occupation.label}`)}"><h4>${esc(c.occupation.label)} <span class="muted">score ${c.score === null ? "—" : `${Math.round(c.score * 100)}%`}</span></h4>
${bar("essential skills covered", c.essential.covered, c.essential.total, "#1a7f37")}
${bar("optional skills covered", c.optional.covered, c.optional.total, "#0969da")}
${bar("green share of the covered skills", c.greenShare.covered.green, c.greenShare.covered.total)}
${c.missingEssential.length > 0 ? `<details><summary>${c.missingEssential.length} essential skills not covered</summary><ul>${c.missingEssential.map((s) => `<li>${esc(s.label)}</li>`).join("")}</ul></details>` : ""}
</section>`;
}

function greenComp(r: CredentialReportData): string {
  if (!r.greenComp) return "";
  const rows = r.greenComp.areas
    .map(
      (a) =>
        `<tr><th scope="row">${esc(`${a.id} ${a.label}`)}</th><td>${bar("competences touched", a.touched, a.of, "#8250df")}</td></tr>`,
    )
    .join("\n");
  return `<h3>GreenComp areas</h3>
<table><thead><tr><th scope="col">Area</th><th scope="col">Competences touched (declared or through the crosswalk${r.greenComp.crosswalkStatus === "provisional" ? ", provisional" : ""})</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** The section of one credential. */
export function credentialSection(r: CredentialReportData, index: number): string {
  const status = r.valid ? `<span class="badge ok">valid</span>` : `<span class="badge error">invalid</span>`;
  return `<section class="credential" id="credential-${index + 1}" aria-labelledby="credential-${index + 1}-title">
<h2 id="credential-${index + 1}-title">${esc(r.title)} ${status}</h2>
<p class="muted">${esc(r.file)}</p>
<h3>Green share</h3>
${bar("mapped skills in ESCO's green collection", r.greenShare.green, r.greenShare.total)}
${checklist(r)}
${outcomes(r)}
${issues(r)}
<h3>Coverage of the target occupations</h3>
${r.coverage.length > 0 ? r.coverage.map(coverageHtml).join("\n") : `<p class="muted">${esc(r.coverageNote ?? "—")}</p>`}
${greenComp(r)}
</section>`;
}

/** The summary table of several credentials. */
export function summaryTable(reports: readonly CredentialReportData[]): string {
  const rows = reports
    .map(
      (r, i) =>
        `<tr><th scope="row"><a href="#credential-${i + 1}">${esc(r.title)}</a></th><td class="${r.valid ? "ok" : "error"}">${r.valid ? "valid" : "invalid"}</td><td>${r.counts.error}</td><td>${r.counts.warning}</td><td>${r.outcomes.length}</td><td>${pct(r.greenShare.green, r.greenShare.total)}</td></tr>`,
    )
    .join("\n");
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<table><thead><tr><th scope="col">Credential</th><th scope="col">Status</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Outcomes</th><th scope="col">Green share</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}
