/**
 * Checks each sector's ISCO-08 fallback (taxonomy/src/sectors, used for ESCO versions without naceCode)
 * against the NACE assignment ESCO v1.2.1 makes itself: `occupations_<lang>.csv` carries the official
 * `naceCode` (NACE Rev. 2.1 URIs) per occupation. For each sector, "truth" is the set of occupations with a
 * NACE code in the sector's NACE list; "predicted" the set the fallback assigns: an ISCO-08 group of the
 * sector's ISCO list (by prefix, as `sectorProfile` does), or a curated key occupation. Prints precision
 * and recall per sector.
 *
 * Run: `tsx scripts/sector-nace-check.ts [path/to/occupations_de.csv]` (default ../shared/esco/v1.2.1-de).
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { defaultFramework } from "../src/data.js";
import { naceCodeMatches, naceCodeOfUri, parseNaceCode } from "../src/framework/nace.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The v1.2.1 occupations file beside the project. */
export const DEFAULT_OCCUPATIONS = join(ROOT, "../shared/esco/v1.2.1-de/occupations_de.csv");

/** Precision and recall of one sector's ISCO fallback against v1.2.1's NACE assignment. */
export interface SectorCheck {
  readonly sector: string;
  readonly truth: number;
  readonly predicted: number;
  readonly both: number;
  readonly precision: number | null;
  readonly recall: number | null;
  /** ISCO groups that hold most of the missed occupations, with counts. */
  readonly missedGroups: [string, number][];
  /** ISCO groups that hold most of the wrongly included occupations, with counts. */
  readonly extraGroups: [string, number][];
}

/** Compares every sector of the embedded default with the occupations file. */
export function checkSectors(occupationsCsv: string): SectorCheck[] {
  const rows = parse(readFileSync(occupationsCsv, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  const occupations = rows.map((r) => ({
    uri: r["conceptUri"]!,
    isco: (r["iscoGroup"] ?? "").trim(),
    nace: (r["naceCode"] ?? "")
      .split(/\s+/)
      .map((u) => naceCodeOfUri(u.replace(/,$/, "")))
      .filter((c): c is string => c !== undefined),
  }));
  const top = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return defaultFramework.sectors.map((sector) => {
    const codes = sector.nace.map((n) => parseNaceCode(n.rev21)).filter((c) => c !== undefined);
    const isco = sector.isco.map((g) => g.code);
    const key = new Set(sector.references.occupations.map((o) => o.uri));
    const truth = new Set(
      occupations.filter((o) => o.nace.some((n) => codes.some((c) => naceCodeMatches(c, n)))).map((o) => o.uri),
    );
    const predicted = new Set(
      occupations
        .filter((o) => key.has(o.uri) || (o.isco !== "" && isco.some((code) => o.isco.startsWith(code))))
        .map((o) => o.uri),
    );
    const both = [...predicted].filter((u) => truth.has(u)).length;
    const missed = new Map<string, number>();
    const extra = new Map<string, number>();
    for (const o of occupations) {
      if (truth.has(o.uri) && !predicted.has(o.uri)) missed.set(o.isco, (missed.get(o.isco) ?? 0) + 1);
      if (predicted.has(o.uri) && !truth.has(o.uri)) extra.set(o.isco, (extra.get(o.isco) ?? 0) + 1);
    }
    return {
      sector: sector.id,
      truth: truth.size,
      predicted: predicted.size,
      both,
      precision: predicted.size === 0 ? null : both / predicted.size,
      recall: truth.size === 0 ? null : both / truth.size,
      missedGroups: top(missed),
      extraGroups: top(extra),
    };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2] ?? DEFAULT_OCCUPATIONS;
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(0)}%`);
  for (const r of checkSectors(file)) {
    console.log(
      `${r.sector.padEnd(26)} truth ${String(r.truth).padStart(4)} predicted ${String(r.predicted).padStart(4)} both ${String(r.both).padStart(4)}  precision ${pct(r.precision).padStart(4)}  recall ${pct(r.recall).padStart(4)}`,
    );
    console.log(`    missed (ISCO: n): ${r.missedGroups.map(([g, n]) => `${g}: ${n}`).join(", ")}`);
    console.log(`    extra  (ISCO: n): ${r.extraGroups.map(([g, n]) => `${g}: ${n}`).join(", ")}`);
  }
}
