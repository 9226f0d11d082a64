/**
 * The sectors' ISCO-08 fallback (used on ESCO versions without naceCode, such as v1.1.1) against the NACE
 * assignment of the real ESCO v1.2.1 (`../shared/esco/v1.2.1-de/occupations_de.csv`, German). Targets:
 * recall ≥ 0.8 and precision ≥ 0.7, or a documented reason (here and in docs/sectors.md). The figures go to
 * .tmp/test-artifacts/sector-nace.txt.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DEFAULT_OCCUPATIONS, checkSectors } from "../scripts/sector-nace-check.js";
import { describeIfData } from "./helpers/data-gate.js";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

const TARGET = { recall: 0.8, precision: 0.7 };

/** Sectors allowed below a target, and why. Remove an entry once the sector meets the target. */
const EXCEPTIONS: Record<string, { below: ("recall" | "precision")[]; reason: string }> = {
  agrifood: {
    below: ["recall"],
    reason:
      "the missed occupations are engineers, scientists and supervisors (ISCO 2145, 2131, 3122) whose groups serve every industry",
  },
  construction: {
    below: ["recall", "precision"],
    reason:
      "ISCO 3112 holds energy assessors and analysts that v1.2.1 files under N71, and the engineers NACE F counts (2114, 2146, 2151) are in groups shared with all industries",
  },
  manufacturing: {
    below: ["recall", "precision"],
    reason:
      "the sector covers nine C divisions, while the supervisor, manager and engineer groups (3122, 1321, 2141, 2144) span every division, including the food and wood ones of other sectors",
  },
  "public-sector": {
    below: ["recall"],
    reason:
      "NACE P84 includes defence, police and fire services (ISCO 0110, 3411, 5411 …), which the sector's focus on administration and green procurement leaves out",
  },
  "sustainability-management": {
    below: ["recall"],
    reason:
      "the sector is defined by function; its NACE codes (N70, N71, N74, E36–E39) hold every architect, engineer and designer, which an ISCO fallback of sustainability roles must not take in",
  },
  "wood-and-furniture": {
    below: ["recall"],
    reason:
      "assemblers, graders and designers (8219, 7543, 2163) and carpenters (7115, listed under construction) mix furniture with other industries; upholsterers are key occupations instead of the whole group 7534",
  },
};

const hasData = existsSync(DEFAULT_OCCUPATIONS);
describeIfData(
  hasData,
  `skipped: ${DEFAULT_OCCUPATIONS} not found`,
  "sector ISCO fallback against ESCO v1.2.1 NACE codes",
  () => {
    const results = hasData ? checkSectors(DEFAULT_OCCUPATIONS) : [];
    if (hasData) {
      mkdirSync(join(PROJECT_ROOT, ".tmp", "test-artifacts"), { recursive: true });
      writeFileSync(
        join(PROJECT_ROOT, ".tmp", "test-artifacts", "sector-nace.txt"),
        `${results.map((r) => `${r.sector}\ttruth ${r.truth}\tpredicted ${r.predicted}\tprecision ${r.precision?.toFixed(2)}\trecall ${r.recall?.toFixed(2)}`).join("\n")}\n`,
      );
    }

    it("checks all six sectors, each with NACE-assigned occupations", () => {
      expect(results.map((r) => r.sector).sort()).toEqual(Object.keys(EXCEPTIONS).sort());
      for (const r of results) expect(r.truth, r.sector).toBeGreaterThan(0);
    });

    it.each(results.map((r) => [r.sector, r] as const))(
      "%s meets recall ≥ 0.8 and precision ≥ 0.7, or has a documented reason",
      (sector, r) => {
        const below = (["recall", "precision"] as const).filter((k) => (r[k] ?? 0) < TARGET[k]);
        const exception = EXCEPTIONS[sector];
        // An exception must still be needed: a sector that meets a target loses its excuse for it.
        expect(below, `${sector}: precision ${r.precision?.toFixed(2)}, recall ${r.recall?.toFixed(2)}`).toEqual(
          exception?.below ?? [],
        );
        if (below.length > 0) expect(exception!.reason.length).toBeGreaterThan(40);
      },
    );
  },
);
