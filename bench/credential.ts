/**
 * Credential benchmark on the official ESCO v1.1.1 download: validation per 20-outcome credential and
 * for 1,000 credentials, against zod's shape check alone as the baseline; coverage per call against the
 * occupation–skill lookup it builds on; and reading + validating the YAML examples.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  coverage,
  importEscoToFile,
  isGreen,
  listConcepts,
  loadTaxonomyFile,
  skillsOfOccupation,
  validateCredential,
  validateCredentialFile,
} from "../src/node/index.js";
import { MicroCredentialSchema } from "../src/schemas.js";
import { ESCO_ZIPS, ROOT, hasEsco, median, ms, percentile, table } from "./util.js";

const COUNT = 1000;
const OUTCOMES = 20;

/** A seeded PRNG (LCG), so every run validates the same credentials. */
function prng(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

function credentials(
  skills: readonly string[],
  green: readonly string[],
  occupations: readonly string[],
): Record<string, unknown>[] {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: COUNT }, (_, n) => ({
    id: `https://credentials.example.org/bench/${n}`,
    escoVersion: "v1.1.1",
    title: { en: `Benchmark credential ${n}`, de: `Benchmark-Nachweis ${n}` },
    issuer: { country: "DE" },
    awardingBodies: [{ name: "Example Training Centre", country: "DE" }],
    learningOutcomes: Array.from({ length: OUTCOMES }, (_, i) => ({
      id: `lo-${i + 1}`,
      statement: { en: `Outcome ${i + 1} of credential ${n}.` },
      esco: [i % 4 === 0 ? pick(green) : pick(skills), pick(skills)],
      ...(i % 5 === 0 ? { greenComp: ["2.1"] } : {}),
    })),
    workload: { ects: 5, hours: 140 },
    level: { eqf: 5 },
    assessment: { types: ["practical-assessment", "written-examination"] },
    participation: { mode: "blended", setting: "non-formal" },
    qualityAssurance: { types: ["internal"] },
    supervision: "supervised-with-id-verification",
    targetOccupations: [pick(occupations)],
    sectors: ["construction"],
  }));
}

export async function run(): Promise<string> {
  if (!hasEsco) return "## Credentials\n\nskipped: ../shared/esco/v1.1.1 not found\n";
  const dir = mkdtempSync(join(tmpdir(), "gs-bench-credential-"));
  try {
    const bundle = join(dir, "esco.gsb");
    await importEscoToFile(ESCO_ZIPS, bundle);
    const taxonomy = await loadTaxonomyFile(bundle);
    const skills = listConcepts(taxonomy, { kind: "skill" }).map((c) => c.uri);
    const green = skills.filter((uri) => isGreen(taxonomy, uri));
    const occupations = listConcepts(taxonomy, { kind: "occupation" }).map((c) => c.uri);
    const docs = credentials(skills, green, occupations);

    // Warm up, and check that the synthetic credentials are what we think: valid, with real URIs.
    for (const doc of docs.slice(0, 50)) validateCredential(taxonomy, doc);
    const sample = validateCredential(taxonomy, docs[0]);
    if (!sample.success) throw new Error(`benchmark credential is invalid: ${JSON.stringify(sample.issues[0])}`);

    // 1. Per credential (each timed alone), validation vs zod's shape check, interleaved.
    // The rules without the mapping-plausibility rule (which searches ESCO for every outcome), and with it.
    const rulesOnly = { plausibility: false } as const;
    const each: number[] = [];
    const eachPlausible: number[] = [];
    const zodEach: number[] = [];
    for (const doc of docs) {
      let start = performance.now();
      MicroCredentialSchema.safeParse(doc);
      zodEach.push(performance.now() - start);
      start = performance.now();
      validateCredential(taxonomy, doc, rulesOnly);
      each.push(performance.now() - start);
      start = performance.now();
      validateCredential(taxonomy, doc);
      eachPlausible.push(performance.now() - start);
    }
    // 2. The 1,000 in one batch, median of 5 rounds.
    const batches: number[] = [];
    const zodBatches: number[] = [];
    for (let round = 0; round < 5; round++) {
      let start = performance.now();
      for (const doc of docs) MicroCredentialSchema.safeParse(doc);
      zodBatches.push(performance.now() - start);
      start = performance.now();
      for (const doc of docs) validateCredential(taxonomy, doc, rulesOnly);
      batches.push(performance.now() - start);
    }
    // 3. Coverage per call vs the skillsOfOccupation lookup of the same occupation.
    const pairs = docs.map((doc) => ({
      doc: doc as unknown as Parameters<typeof coverage>[1],
      occupation: (doc["targetOccupations"] as string[])[0]!,
    }));
    for (const p of pairs.slice(0, 100)) coverage(taxonomy, p.doc, p.occupation);
    let start = performance.now();
    for (const p of pairs) coverage(taxonomy, p.doc, p.occupation);
    const coverageUs = ((performance.now() - start) * 1000) / pairs.length;
    start = performance.now();
    for (const p of pairs) skillsOfOccupation(taxonomy, p.occupation);
    const lookupUs = ((performance.now() - start) * 1000) / pairs.length;
    // 4. Files: read (YAML) + validate each example.
    const examples = join(ROOT, "taxonomy/examples");
    const exampleFiles = readdirSync(examples)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => join(examples, f));
    for (const file of exampleFiles) await validateCredentialFile(taxonomy, file);
    const fileTimes: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const file of exampleFiles) {
        const t0 = performance.now();
        await validateCredentialFile(taxonomy, file);
        fileTimes.push(performance.now() - t0);
      }
    }

    const batch = median(batches);
    const zodBatch = median(zodBatches);
    return [
      "## Credentials (ESCO v1.1.1, en)",
      "",
      `${COUNT.toLocaleString("en-US")} synthetic valid definitions, ${OUTCOMES} outcomes × 2 real ESCO skills each (seeded); baselines measured in the same run.`,
      "",
      table(
        ["measure", "green-skills", "baseline", "ratio", "target"],
        [
          [
            `validateCredential, one ${OUTCOMES}-outcome credential, without the plausibility rule (median / p95)`,
            `${ms(median(each))} / ${ms(percentile(each, 95))}`,
            `${ms(median(zodEach))} (MicroCredentialSchema.safeParse alone)`,
            `${(median(each) / median(zodEach)).toFixed(1)}×`,
            "≤ 1 ms",
          ],
          [
            `… with the mapping-plausibility rule (the default on a full import; median / p95)`,
            `${ms(median(eachPlausible))} / ${ms(percentile(eachPlausible, 95))}`,
            `${ms(median(each))} (the other rules alone)`,
            `${(median(eachPlausible) / median(each)).toFixed(1)}×`,
            "≤ 50 ms",
          ],
          [
            `validateCredential × ${COUNT.toLocaleString("en-US")}, without the plausibility rule (median of 5 batches)`,
            ms(batch),
            `${ms(zodBatch)} (safeParse × ${COUNT.toLocaleString("en-US")})`,
            `${(batch / zodBatch).toFixed(1)}×`,
            "≤ 1 s",
          ],
          [
            "coverage(credential, occupation) per call",
            `${coverageUs.toFixed(1)} µs`,
            `${lookupUs.toFixed(1)} µs (skillsOfOccupation of the same occupation)`,
            `${(coverageUs / lookupUs).toFixed(1)}×`,
            "",
          ],
          [
            `validateCredentialFile, YAML example (read + parse + validate; median of ${fileTimes.length})`,
            ms(median(fileTimes)),
            "",
            "",
            "",
          ],
        ],
      ),
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
