/**
 * Foundation benchmark on the official ESCO v1.1.1 download: import vs bare csv-parse, cold load vs a
 * naive JSON + graphology baseline (with peak RSS), and microseconds per query call.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import {
  ancestors,
  getConcept,
  greenShare,
  importEscoToFile,
  isGreen,
  listConcepts,
  loadTaxonomyFile,
  occupationsForSkill,
  pathToRoot,
  relatedSkills,
  similarOccupations,
  skillsOfOccupation,
  toGraph,
} from "../src/node/index.js";
import { ESCO_CSVS, ESCO_ZIPS, ROOT, hasEsco, mb, median, ms, table } from "./util.js";

const ROUNDS = 5;

function bareCsvParse(): number {
  const start = performance.now();
  for (const file of ESCO_CSVS) parse(readFileSync(file, "utf8"), { relax_column_count: true });
  return performance.now() - start;
}

/** Runs a snippet in a fresh Node process and returns its JSON output (cold start, own peak RSS). */
function child(script: string): { ms: number; rss: number } {
  // Peak RSS from /proc (VmHWM): getrusage's maxrss survives exec on Linux and would report the parent's peak.
  const peak = `(await import("node:fs")).readFileSync("/proc/self/status", "utf8").match(/VmHWM:\\s+(\\d+)/)?.[1] * 1024`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script.replaceAll("PEAK", peak)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!) as { ms: number; rss: number };
}

export async function run(): Promise<string> {
  if (!hasEsco) return "## Foundation\n\nskipped: ../shared/esco/v1.1.1 not found\n";
  const dir = mkdtempSync(join(tmpdir(), "gs-bench-"));
  try {
    const out = join(dir, "esco.gsb");
    // 1. Import vs bare csv-parse, interleaved so both see the same machine state.
    const baseline: number[] = [];
    const imports: number[] = [];
    bareCsvParse();
    await importEscoToFile(ESCO_ZIPS, out);
    for (let i = 0; i < ROUNDS; i++) {
      baseline.push(bareCsvParse());
      const start = performance.now();
      await importEscoToFile(ESCO_ZIPS, out);
      imports.push(performance.now() - start);
    }
    const bundleBytes = readFileSync(out).byteLength;

    // 2. Cold load, each in a fresh process. Naive baseline: JSON dump of all nodes (every concept with its
    // fields) and edges, JSON.parse + graphology MultiDirectedGraph.from().
    const taxonomy = await loadTaxonomyFile(out);
    const graph = toGraph(taxonomy);
    graph.forEachNode((key, attributes) =>
      graph.replaceNodeAttributes(key, { ...attributes, concept: getConcept(taxonomy, key) } as never),
    );
    const dump = join(dir, "dump.json");
    writeFileSync(dump, JSON.stringify(graph.export()));
    const dumpBytes = readFileSync(dump).byteLength;
    const occupation = listConcepts(taxonomy, { kind: "occupation" })[0]!.uri;
    const skill = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f";
    const ours: { ms: number; rss: number }[] = [];
    const naive: { ms: number; rss: number }[] = [];
    const node = JSON.stringify(join(ROOT, "dist/node/index.js"));
    for (let i = 0; i < ROUNDS; i++) {
      ours.push(
        child(`
          const { loadTaxonomyFile, skillsOfOccupation, pathToRoot, getConcept } = await import(${node});
          const start = performance.now();
          const t = await loadTaxonomyFile(${JSON.stringify(out)});
          skillsOfOccupation(t, ${JSON.stringify(occupation)}); pathToRoot(t, ${JSON.stringify(skill)}); getConcept(t, ${JSON.stringify(skill)});
          const ms = performance.now() - start;
          console.log(JSON.stringify({ ms, rss: PEAK }));`),
      );
      naive.push(
        child(`
          const { readFileSync } = await import("node:fs");
          const { MultiDirectedGraph } = await import("graphology");
          const start = performance.now();
          const g = MultiDirectedGraph.from(JSON.parse(readFileSync(${JSON.stringify(dump)}, "utf8")));
          g.outNeighbors(${JSON.stringify(occupation)}); g.getNodeAttributes(${JSON.stringify(skill)});
          const ms = performance.now() - start;
          console.log(JSON.stringify({ ms, rss: PEAK }));`),
      );
    }
    const baseRss = child(`console.log(JSON.stringify({ ms: 0, rss: PEAK }))`).rss;
    // The integrity check alone, cold, in a fresh process of its own: CRC-32 (the crc-32 package the
    // library uses) of the header and of every column section, as decodeBundle does before anything else.
    const verify: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      verify.push(
        child(`
          const { readFileSync } = await import("node:fs");
          const { default: CRC32 } = await import("crc-32");
          const bytes = readFileSync(${JSON.stringify(out)});
          const start = performance.now();
          const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          const length = view.getUint32(12, true);
          const header = bytes.subarray(20, 20 + length);
          let bad = (CRC32.buf(header) >>> 0) !== view.getUint32(16, true);
          const dataStart = Math.ceil((20 + length) / 8) * 8;
          for (const c of JSON.parse(new TextDecoder().decode(header)).columns) {
            bad ||= (CRC32.buf(bytes.subarray(dataStart + c.offset, dataStart + c.offset + c.length)) >>> 0) !== c.crc32;
            if (c.type === "strList") bad ||= (CRC32.buf(bytes.subarray(dataStart + c.itemsOffset, dataStart + c.itemsOffset + c.itemsLength)) >>> 0) !== c.itemsCrc32;
          }
          const ms = performance.now() - start;
          if (bad) throw new Error("checksum mismatch");
          console.log(JSON.stringify({ ms, rss: PEAK }));`).ms,
      );
    }

    // 3. Microseconds per query call (warm), over many different inputs.
    const skills = listConcepts(taxonomy, { kind: "skill" }).map((c) => c.uri);
    const occupations = listConcepts(taxonomy, { kind: "occupation" }).map((c) => c.uri);
    const perCall = (name: string, inputs: readonly string[], fn: (uri: string) => unknown): [string, string] => {
      for (const input of inputs.slice(0, 200)) fn(input);
      const start = performance.now();
      let n = 0;
      for (const input of inputs) {
        fn(input);
        n++;
      }
      return [name, `${(((performance.now() - start) * 1000) / n).toFixed(1)} µs`];
    };
    const sampleSkills = skills.filter((_, i) => i % 7 === 0);
    const sampleOccupations = occupations.filter((_, i) => i % 3 === 0);
    const queries = [
      perCall("getConcept (skill)", sampleSkills, (u) => getConcept(taxonomy, u)),
      perCall("isGreen", skills, (u) => isGreen(taxonomy, u)),
      perCall("skillsOfOccupation", sampleOccupations, (u) => skillsOfOccupation(taxonomy, u)),
      perCall("skillsOfOccupation (includeNarrower)", sampleOccupations, (u) =>
        skillsOfOccupation(taxonomy, u, { includeNarrower: true }),
      ),
      perCall("occupationsForSkill", sampleSkills, (u) => occupationsForSkill(taxonomy, u)),
      perCall("relatedSkills", sampleSkills, (u) => relatedSkills(taxonomy, u)),
      perCall("pathToRoot (skill)", sampleSkills, (u) => pathToRoot(taxonomy, u)),
      perCall("ancestors (skill)", sampleSkills, (u) => ancestors(taxonomy, u)),
      perCall("greenShare (occupation)", sampleOccupations, (u) => greenShare(taxonomy, u)),
      perCall("greenShare (ISCO major group)", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"], (u) =>
        greenShare(taxonomy, u),
      ),
      perCall("similarOccupations (k=10)", sampleOccupations.slice(0, 300), (u) => similarOccupations(taxonomy, u)),
    ];

    const importMs = median(imports);
    const baseMs = median(baseline);
    const oursMs = median(ours.map((o) => o.ms));
    const naiveMs = median(naive.map((o) => o.ms));
    const oursRss = Math.max(...ours.map((o) => o.rss));
    const verifyMs = median(verify);
    return [
      "## Foundation (ESCO v1.1.1, en)",
      "",
      `Medians of ${ROUNDS} rounds; baselines measured in the same run.`,
      "",
      table(
        ["measure", "green-skills", "baseline", "ratio", "target"],
        [
          [
            "import: 2 official zips → bundle file",
            ms(importMs),
            `${ms(baseMs)} (bare csv-parse of the 17 CSVs)`,
            `${(importMs / baseMs).toFixed(2)}×`,
            "≤ 1.2×",
          ],
          [
            `cold load → queryable (fresh process; bundle ${mb(bundleBytes)})`,
            ms(oursMs),
            `${ms(naiveMs)} (JSON.parse of a ${mb(dumpBytes)} dump + graphology graph)`,
            `${(naiveMs / oursMs).toFixed(1)}× faster`,
            "≥ 4× faster",
          ],
          [
            `of which integrity verification (CRC-32 of all ${mb(bundleBytes)}, cold, own fresh process)`,
            ms(verifyMs),
            `${ms(oursMs - verifyMs)} (cold load without it)`,
            `${((100 * verifyMs) / oursMs).toFixed(0)} % of the load`,
            "",
          ],
          [
            "peak RSS of that process",
            mb(oursRss),
            `${mb(Math.max(...naive.map((o) => o.rss)))} (naive); ${mb(baseRss)} (empty Node)`,
            "",
            "≤ 150 MB",
          ],
        ],
      ),
      "",
      "Query calls (warm, mean over many different inputs):",
      "",
      table(["query", "per call"], queries),
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
