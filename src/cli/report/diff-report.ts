import { describeChange } from "../../diff/describe.js";
import type { MappingResult } from "../../diff/migration-schema.js";
import {
  type DiffReportOptions,
  changeSections,
  comparedNotes,
  countRows,
  formatPath,
  mappingCounts,
  notableMappings,
  reportTitle,
} from "../../diff/report.js";
import type { ConceptChange, TaxonomyDiff } from "../../diff/schema.js";
import { bar, esc, htmlPage } from "./html.js";

/**
 * The `diff --format html` report: the versions and counts per change type, the changes a curriculum
 * designer acts on (concepts removed or obsoleted, relabelled, out of or into the green collection), each
 * credential's affected mappings with the suggested migration, then the remaining changes. The Markdown
 * form is the library's `diffReportMarkdown`.
 *
 * @module
 */

const n = (x: number) => x.toLocaleString("en-US");
const versionName = (v: string | null) => (v ? `ESCO ${v}` : "ESCO (version unknown)");
const link = (uri: string) => `<a href="${esc(uri)}"><code>${esc(uri)}</code></a>`;
const head = (...cols: string[]) =>
  `<thead><tr>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr></thead>`;

/** Retired statuses: a concept that moves to one of these should be re-mapped. */
const RETIRED = /^(obsolete|deprecated|retired|withdrawn)$/i;

interface ConceptRow {
  readonly change: ConceptChange;
  readonly detail: string;
}

function conceptTable(
  id: string,
  title: string,
  intro: string,
  rows: readonly ConceptRow[],
  limit: number,
  detailHeader: string,
): string {
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const body =
    rows.length === 0
      ? `<p class="ok">None.</p>`
      : `<table id="${id}-table">${head("Concept", "Kind", "URI", detailHeader)}<tbody>
${shown.map((r) => `<tr><th scope="row">${esc(r.change.concept.label)}</th><td>${esc(r.change.concept.kind)}</td><td>${link(r.change.concept.uri)}</td><td>${esc(r.detail)}</td></tr>`).join("\n")}
</tbody></table>${shown.length < rows.length ? `<p class="muted">… ${n(rows.length - shown.length)} more (raise --limit, or 0 for all)</p>` : ""}`;
  return `<section class="designer-changes" id="${id}" aria-labelledby="${id}-title"><h3 id="${id}-title">${esc(title)} (${n(rows.length)})</h3>
<p class="muted">${esc(intro)}</p>
${body}
</section>`;
}

function summary(diff: TaxonomyDiff, options: DiffReportOptions): string {
  const side = (name: string, s: TaxonomyDiff["older"], source: string | undefined) =>
    `<tr><th scope="row">${name}</th><td>${esc(versionName(s.escoVersion))}</td><td>${n(s.concepts)}</td><td>${source ? `<code>${esc(source)}</code>` : "—"}</td></tr>`;
  const counts = countRows(diff)
    .map(([label, value]) => `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>`)
    .join("\n");
  return `<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
<p><strong>${n(diff.summary.total)} changes</strong> between the two versions.</p>
<table id="versions"><caption class="muted">The two ESCO versions compared</caption>${head("Version", "ESCO", "Concepts", "Source")}<tbody>
${side("Older", diff.older, options.sources?.older)}
${side("Newer", diff.newer, options.sources?.newer)}
</tbody></table>
<table id="counts"><caption class="muted">Changes per type</caption>${head("Change", "Count")}<tbody>
${counts}
</tbody></table>
<ul class="muted">${comparedNotes(diff)
    .map((note) => `<li>${esc(note)}</li>`)
    .join("")}</ul>
</section>`;
}

function designerChanges(diff: TaxonomyDiff, limit: number): string {
  const removed = diff.changes.removed.map(
    (change): ConceptRow => ({ change, detail: `not in ${versionName(diff.newer.escoVersion)}` }),
  );
  const retired = diff.changes.status
    .filter((c) => c.to !== null && RETIRED.test(c.to))
    .map((change): ConceptRow => ({ change, detail: describeChange(change) }));
  const relabelled = diff.changes.prefLabel.map(
    (change): ConceptRow => ({ change, detail: `${change.lang}: “${change.from}” → “${change.to}”` }),
  );
  const green = (which: "joined" | "left") =>
    diff.changes.collection
      .filter((c) => c.collection === "green" && c.change === which)
      .map(
        (change): ConceptRow => ({
          change,
          detail: which === "left" ? "left the green collection" : "joined the green collection",
        }),
      );
  const greenCompared = diff.compared.collections.includes("green");
  return `<section id="designer" aria-labelledby="designer-title"><h2 id="designer-title">Changes that affect mappings</h2>
${conceptTable("removed", "Concepts removed", "Mappings to these URIs break: pick a replacement in the newer version.", removed, limit, "Change")}
${conceptTable("obsoleted", "Concepts obsoleted", "Still resolvable, but retired: move mappings to a current concept.", retired, limit, "Status")}
${conceptTable("relabelled", "Concepts relabelled", "Same URI, new preferred label: check the outcome text still matches.", relabelled, limit, "Label")}
${greenCompared ? conceptTable("left-green", "Left the green collection", "Outcomes mapped only to these stop counting as green.", green("left"), limit, "Change") : `<p class="muted">The green collection is not in both versions, so membership was not compared.</p>`}
${greenCompared ? conceptTable("joined-green", "Joined the green collection", "Outcomes mapped to these now count as green.", green("joined"), limit, "Change") : ""}
</section>`;
}

const STATUS_CLASS: Record<MappingResult["status"], string> = {
  unchanged: "ok",
  changed: "warning",
  removed: "error",
  unknown: "error",
};

function migration(m: MappingResult): string {
  if (m.candidates.length === 0)
    return m.broken
      ? `<span class="error">no replacement candidate found: map by hand</span>`
      : `<span class="muted">keep the mapping; review the change</span>`;
  return `<ol class="candidates">${m.candidates
    .map(
      (c) =>
        `<li>${esc(c.concept.label)} <span class="muted">(score ${c.score.toFixed(2)})</span><br>${link(c.concept.uri)}${c.explanation.length > 0 ? `<p class="fix">${esc(c.explanation.join("; "))}</p>` : ""}</li>`,
    )
    .join("")}</ol>`;
}

function credentialsSection(options: DiffReportOptions): string {
  const credentials = options.credentials ?? [];
  if (credentials.length === 0) return "";
  const broken = credentials.filter((c) => c.report.broken).length;
  const rows = credentials
    .map(({ name, report }, i) => {
      const s = report.summary;
      return `<tr><th scope="row"><a href="#credential-${i + 1}">${esc(name)}</a></th><td>${esc(report.credential.title ?? "")}</td><td class="${report.broken ? "error" : "ok"}">${report.broken ? "broken" : "ok"}</td><td>${s.mappings}</td><td>${s.unchanged}</td><td>${s.changed}</td><td>${s.removed}</td><td>${s.unknown}</td><td>${s.broken}</td><td>${report.effects.length}</td></tr>`;
    })
    .join("\n");
  const sections = credentials.map(({ name, report }, i) => {
    const mappings = notableMappings(report);
    const mappingRows = mappings
      .map((m) => {
        const label = m.before?.label ?? m.after?.label ?? m.uri;
        return `<tr><th scope="row"><code>${esc(formatPath(m.path))}</code>${m.outcomeId ? `<br><span class="muted">${m.role === "targetOccupation" ? "target occupation" : `outcome ${esc(m.outcomeId)}`}</span>` : m.role === "targetOccupation" ? '<br><span class="muted">target occupation</span>' : ""}</th><td>${esc(label)}<br>${link(m.uri)}</td><td class="${m.broken ? "error" : STATUS_CLASS[m.status]}">${m.broken ? "✖ broken" : esc(m.status)}</td><td>${esc(m.message)}</td><td>${migration(m)}</td></tr>`;
      })
      .join("\n");
    const effects = report.effects
      .map(
        (e) =>
          `<tr><td class="${e.severity}">${e.severity}</td><td><code>${esc(formatPath(e.path))}</code></td><td>${esc(e.message)}${e.suggestion ? `<p class="fix">Fix: ${esc(e.suggestion)}</p>` : ""}</td></tr>`,
      )
      .join("\n");
    const s = report.summary;
    return `<section class="credential" id="credential-${i + 1}" aria-labelledby="credential-${i + 1}-title">
<h3 id="credential-${i + 1}-title">${esc(report.credential.title ?? name)} <span class="badge ${report.broken ? "error" : "ok"}">${report.broken ? "broken mappings" : "no broken mapping"}</span></h3>
<p class="muted">${esc(name)} · mapped against ${esc(report.credential.escoVersion ? `ESCO ${report.credential.escoVersion}` : "an unstated ESCO version")} · ${esc(mappingCounts(report))}</p>
${bar("mappings unchanged", s.unchanged, s.mappings, "#1a7f37")}
${
  mappings.length === 0
    ? `<p class="ok">No mapping is affected.</p>`
    : `<table class="mappings"><caption class="muted">Affected mappings and the suggested migration (ranked replacement candidates)</caption>${head("Where", "Mapped concept", "Status", "What changed", "Suggested migration")}<tbody>
${mappingRows}
</tbody></table>`
}
${report.effects.length > 0 ? `<table class="effects"><caption class="muted">Effects on the credential</caption>${head("Severity", "Where", "Effect and fix")}<tbody>\n${effects}\n</tbody></table>` : ""}
</section>`;
  });
  return `<section id="credentials" aria-labelledby="credentials-title"><h2 id="credentials-title">Credentials</h2>
<p>${broken} of ${credentials.length} credential${credentials.length === 1 ? " has" : "s have"} broken mappings.</p>
<table id="credential-summary">${head("Credential", "Title", "Status", "Mappings", "Unchanged", "Changed", "Removed", "Unknown", "Broken", "Effects")}<tbody>
${rows}
</tbody></table>
${sections.join("\n")}
</section>`;
}

function otherChanges(diff: TaxonomyDiff, limit: number): string {
  const sections = changeSections(diff, limit).filter((s) => s.type !== "removed" && s.type !== "prefLabel");
  if (sections.length === 0) return "";
  return `<section id="changes" aria-labelledby="changes-title"><h2 id="changes-title">All other changes</h2>
${sections
  .map(
    (s) => `<h3 id="changes-${s.type}">${esc(s.title)} (${n(s.total)})</h3>
<table>${head("Concept", "Kind", "URI", "Change")}<tbody>
${s.lines.map((l) => `<tr><th scope="row">${esc(l.label)}</th><td>${esc(l.kind)}</td><td>${link(l.uri)}</td><td>${s.type === "added" ? "added" : esc(l.text)}</td></tr>`).join("\n")}
</tbody></table>${s.lines.length < s.total ? `<p class="muted">… ${n(s.total - s.lines.length)} more</p>` : ""}`,
  )
  .join("\n")}
</section>`;
}

/** The HTML diff report (one self-contained file). `limit` caps the rows per change table (0 = all). */
export function diffHtml(diff: TaxonomyDiff, options: DiffReportOptions = {}): string {
  const limit = options.limit ?? 0;
  const body = [
    summary(diff, options),
    designerChanges(diff, limit),
    credentialsSection(options),
    otherChanges(diff, limit),
  ]
    .filter(Boolean)
    .join("\n");
  return htmlPage(reportTitle(diff), body, new Date().toISOString().slice(0, 10));
}
