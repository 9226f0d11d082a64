/**
 * Export benchmark on the official ESCO v1.1.1 download: time per export of each example definition to
 * Open Badges 3.0 and ELM (definition and issued forms), against validating the same definition (the
 * step the CLI runs before exporting) as the baseline.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type MicroCredential,
  importEscoToFile,
  loadTaxonomyFile,
  parseCredential,
  readCredentialFile,
  toElm,
  toEuropeanDigitalCredential,
  toOpenBadgeAchievement,
  toOpenBadgeCredential,
  validateCredential,
} from "../src/node/index.js";
import { ESCO_ZIPS, ROOT, hasEsco, median, table } from "./util.js";

const ROUNDS = 200;

export async function run(): Promise<string> {
  if (!hasEsco) return "## Exports\n\nskipped: ../shared/esco/v1.1.1 not found\n";
  const dir = mkdtempSync(join(tmpdir(), "gs-bench-export-"));
  try {
    const bundle = join(dir, "esco.gsb");
    await importEscoToFile(ESCO_ZIPS, bundle);
    const taxonomy = await loadTaxonomyFile(bundle);
    const examples = join(ROOT, "taxonomy/examples");
    const definitions: MicroCredential[] = [];
    for (const file of readdirSync(examples).filter((f) => f.endsWith(".yaml") && !f.startsWith("issued-"))) {
      const parsed = parseCredential((await readCredentialFile(join(examples, file))).value);
      if (parsed.success) definitions.push(parsed.data);
    }
    const issued = definitions.map((definition, n) => ({
      id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      definition,
      learner: { fullName: "Test Learner" },
      issued: "2026-07-01",
    }));
    const options = { issuer: { legalIdentifier: "TEST.EIDAS-1" } };
    const cases: [string, () => void][] = [
      [
        "validateCredential (baseline)",
        () => definitions.forEach((d) => validateCredential(taxonomy, d, { suggest: false })),
      ],
      ["toOpenBadgeAchievement", () => definitions.forEach((d) => toOpenBadgeAchievement(taxonomy, d))],
      ["toOpenBadgeCredential", () => issued.forEach((i) => toOpenBadgeCredential(taxonomy, i))],
      ["toElm", () => definitions.forEach((d) => toElm(taxonomy, d))],
      ["toEuropeanDigitalCredential", () => issued.forEach((i) => toEuropeanDigitalCredential(taxonomy, i, options))],
    ];
    for (const [, f] of cases) for (let i = 0; i < 20; i++) f();
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    // Interleaved rounds, so that the baseline and the exports share the same machine conditions.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, f] of cases) {
        const start = performance.now();
        f();
        times.get(name)!.push((performance.now() - start) / definitions.length);
      }
    }
    const baseline = median(times.get(cases[0]![0])!);
    const rows = cases.map(([name]) => {
      const m = median(times.get(name)!);
      return [name, `${(m * 1000).toFixed(0)} µs`, name === cases[0]![0] ? "1.0×" : `${(m / baseline).toFixed(1)}×`];
    });
    return [
      "## Exports",
      "",
      `Per credential, median of ${ROUNDS} interleaved rounds over the ${definitions.length} example definitions, ESCO v1.1.1, with validation (which the CLI runs before exporting) as the baseline in the same run. No target is set for exports; the EDC includes building the specification, a generated SVG display and its base64 encoding.`,
      "",
      table(["operation", "time per credential", "vs validation"], rows),
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
