import type { SectorProfile } from "../../framework/sector-profile.js";
import { bar, esc, htmlPage } from "./html.js";

/**
 * The `sector --format html|md` report: the sector's green skills ranked across its occupations (with a
 * bar per skill for its reach), the average green share and the curated key occupations.
 *
 * @module
 */

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

/** The HTML sector report. */
export function sectorHtml(profile: SectorProfile, source: string): string {
  const n = profile.occupations.length;
  const ranking = profile.ranking
    ? `<h2>Green skills ranked across ${n} occupations</h2>
<table><thead><tr><th scope="col">#</th><th scope="col">Skill</th><th scope="col">Essential</th><th scope="col">Optional</th><th scope="col">Occupations that list it</th></tr></thead><tbody>
${profile.ranking.map((r) => `<tr><td>${r.rank}</td><th scope="row">${esc(r.skill.label)}${r.key ? ' <span class="green">● curated core</span>' : ""}</th><td>${r.essential}</td><td>${r.optional}</td><td>${bar("reach", r.essential + r.optional, n)}</td></tr>`).join("\n")}
</tbody></table>`
    : `<p class="muted">The embedded default holds only the curated references: pass --esco with a full ESCO import to rank green skills.</p>`;
  const body = `<p>${esc(profile.sector.description)}</p>
<p class="muted">ESCO ${esc(profile.escoVersion ?? "(version unknown)")}, ${profile.coverage} coverage, ${esc(source)}; NACE ${esc(profile.sector.nace.map((x) => x.rev21).join(", ") || "—")}; occupations assigned ${profile.assignment === "nace" ? "by NACE code" : profile.assignment === "isco" ? "by ISCO-08 group" : profile.assignment}</p>
<p>${n} occupations · average green share ${pct(profile.averageGreenShare)}${profile.officialAverageGreenShare === null ? "" : ` (ESCO official ${pct(profile.officialAverageGreenShare)})`}</p>
${ranking}
<h2>Key occupations (curated)</h2>
<table><thead><tr><th scope="col">Occupation</th><th scope="col">Green share</th><th scope="col">Why</th></tr></thead><tbody>
${profile.keyOccupations.map((k) => `<tr><th scope="row">${esc(k.concept.label)}${k.present ? "" : ' <span class="warning">(not in this ESCO version)</span>'}</th><td>${pct(k.greenShare ?? null)}</td><td>${esc(k.rationale)}</td></tr>`).join("\n")}
</tbody></table>`;
  return htmlPage(`Sector: ${profile.sector.label}`, body, new Date().toISOString().slice(0, 10));
}

/** The Markdown sector report. */
export function sectorMarkdown(profile: SectorProfile, source: string): string {
  const out = [
    `# Sector: ${profile.sector.label} (${profile.sector.id})`,
    "",
    profile.sector.description,
    "",
    `ESCO ${profile.escoVersion ?? "(version unknown)"}, ${profile.coverage} coverage, ${source}. ${profile.occupations.length} occupations, average green share ${pct(profile.averageGreenShare)}.`,
    "",
  ];
  if (profile.ranking) {
    out.push("| # | Green skill | Essential | Optional | Reach |", "|---|---|---|---|---|");
    for (const r of profile.ranking)
      out.push(
        `| ${r.rank} | ${r.skill.label}${r.key ? " (curated core)" : ""} | ${r.essential} | ${r.optional} | ${pct(r.reach)} |`,
      );
    out.push("");
  }
  out.push("## Key occupations", "");
  for (const k of profile.keyOccupations)
    out.push(`- **${k.concept.label}** (${pct(k.greenShare ?? null)}): ${k.rationale}`);
  return `${out.join("\n")}\n`;
}
