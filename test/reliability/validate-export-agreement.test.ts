/**
 * Validation and export agree: every document that `validateCredential` calls valid exports to Open
 * Badges 3.0 and to ELM (definitions and issued credentials) without an error, and the exports carry no
 * URI of a refused scheme and no control character. Documents are made by seeded mutation of the
 * examples in taxonomy/examples (fields removed, values replaced by other types, hostile strings, odd
 * numbers and dates), so a failure names a seed that reproduces it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type Taxonomy,
  toElm,
  toEuropeanDigitalCredential,
  toOpenBadgeAchievement,
  toOpenBadgeCredential,
  validateCredential,
} from "green-skills";
import { loadDefaultTaxonomy } from "green-skills/data";
import { PROJECT_ROOT } from "../helpers/shared-esco.js";
import { seededRandom } from "../helpers/random.js";

type Json = unknown;
const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");

function examples(): { name: string; doc: Record<string, Json> }[] {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));
  const read = (f: string) => parse(readFileSync(join(EXAMPLES, f), "utf8")) as Record<string, Json>;
  return files.map((f) => {
    const doc = read(f);
    // An issued example refers to its definition by path: put it inline, as the exports need.
    if (typeof doc["definition"] === "string")
      doc["definition"] = read((doc["definition"] as string).replace(/^\.\//, ""));
    return { name: f, doc };
  });
}

const rng = seededRandom;

const REPLACEMENTS: readonly Json[] = [
  undefined,
  null,
  "",
  " ",
  0,
  -1,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  0.5,
  true,
  [],
  {},
  { en: "" },
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "JAVASCRIPT:alert(1)",
  "file:///etc/passwd",
  "https://example.org/\u0000x",
  "https://exa mple.org/",
  "urn:x",
  "did:example",
  "mailto:someone@example.org",
  "Heat\u0000pumps",
  "W\ufffdrmepumpen",
  "Heat \u202eslaes\u202c pumps",
  "line\u0007bell",
  "\ud800",
  "2026-02-30",
  "2026-13-01",
  "2026-06-30T25:00:00Z",
  "1900-01-01",
  "v1.1.1",
  "v9",
  "DE",
  "EL",
  "lo-1",
  "pass",
  "x".repeat(5000),
];

/** All paths to values in a document. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k]), paths(v, [...prefix, k], out);
  return out;
}

function mutate(doc: Record<string, Json>, random: () => number): Record<string, Json> {
  const copy = structuredClone(doc);
  const count = 1 + Math.floor(random() * 3);
  for (let n = 0; n < count; n++) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[Math.floor(random() * all.length)]!;
    let parent: any = copy;
    for (const part of path.slice(0, -1)) parent = parent?.[part];
    if (parent === null || typeof parent !== "object") continue;
    const key = path.at(-1)!;
    const choice = random();
    if (choice < 0.3) {
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else delete parent[key];
    } else if (choice < 0.4 && Array.isArray(parent) && typeof key === "number")
      parent.push(structuredClone(parent[key]));
    else parent[key] = structuredClone(REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]);
  }
  return copy;
}

// Control characters and bidirectional overrides anywhere in the output.
const REFUSED_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Fields that wallets and verifiers treat as links or identifiers.
const LINK_KEYS = new Set(["id", "url", "targetUrl", "contentURL", "homepage", "image"]);
const ALLOWED_SCHEME = /^(?:https?:\/\/|urn:|did:|mailto:)/i;

/** Problems in an exported document: a link field with a refused scheme, or a refused character. */
function outputProblems(document: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (LINK_KEYS.has(key) && !ALLOWED_SCHEME.test(value) && !value.startsWith("#"))
        out.push(`${key}: ${JSON.stringify(value.slice(0, 60))}`);
      if (REFUSED_TEXT.test(value))
        out.push(`${key}: text with a refused character ${JSON.stringify(REFUSED_TEXT.exec(value)![0])}`);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(document, "");
  return out;
}

function exportAll(doc: Record<string, Json>, taxonomy: Taxonomy): unknown[] {
  const outputs: unknown[] = [];
  if ("definition" in doc) {
    const definition = doc["definition"] as Record<string, any>;
    const first = definition["awardingBodies"]?.[0] ?? {};
    // Data the formats need beyond the Annex I elements, which validation cannot require: given as options when absent.
    const issuer = {
      ...(first.id ? {} : { id: "https://issuer.example.org" }),
      ...(first.legalIdentifier ? {} : { legalIdentifier: "DE.HRB.12345" }),
    };
    const options = { ...(doc["id"] ? {} : { credentialId: "urn:uuid:00000000-0000-4000-8000-000000000000" }), issuer };
    outputs.push(toOpenBadgeCredential(taxonomy, doc as never, options).document);
    outputs.push(toEuropeanDigitalCredential(taxonomy, doc as never, options).document);
  } else {
    outputs.push(toOpenBadgeAchievement(taxonomy, doc as never).document);
    outputs.push(toElm(taxonomy, doc as never).document);
  }
  return outputs;
}

describe("validate and export agree", () => {
  const taxonomy = loadDefaultTaxonomy();
  const docs = examples();

  it("the examples themselves are valid and export", () => {
    expect(docs.length).toBeGreaterThanOrEqual(7);
    for (const { name, doc } of docs) {
      expect(validateCredential(taxonomy, doc, { suggest: false }).success, name).toBe(true);
      expect(() => exportAll(doc, taxonomy), name).not.toThrow();
    }
  });

  it("a definition without id or escoVersion is not valid (export refuses it)", () => {
    const doc = structuredClone(docs.find((d) => d.name.startsWith("construction"))!.doc);
    delete doc["id"];
    delete doc["escoVersion"];
    const result = validateCredential(taxonomy, doc, { suggest: false });
    expect(result.success).toBe(false);
    expect(result.issues.filter((i) => i.severity === "error").map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["id", "escoVersion"]),
    );
    expect(() => toElm(taxonomy, doc as never)).toThrow(/id/);
  });

  it("every mutant that validates exports to both formats, with no refused URI or control character", () => {
    const failures: string[] = [];
    let valid = 0;
    const perDocument = 250;
    docs.forEach(({ name, doc }, d) => {
      for (let i = 0; i < perDocument; i++) {
        const seed = d * 100_000 + i;
        const mutant = mutate(doc, rng(seed));
        const result = validateCredential(taxonomy, mutant, { suggest: false });
        // A definition given as a file reference is not checked by validateCredential (an info issue says so), and the exports need it inline.
        if (!result.success || typeof mutant["definition"] === "string") continue;
        valid++;
        try {
          for (const out of exportAll(mutant, taxonomy))
            for (const problem of outputProblems(out)) failures.push(`${name} seed ${seed}: export has ${problem}`);
        } catch (error) {
          failures.push(`${name} seed ${seed}: valid, but export threw ${(error as Error).message.slice(0, 200)}`);
        }
      }
    });
    expect(failures.slice(0, 20)).toEqual([]);
    // The mutations leave some documents valid (else the implication would be tested on nothing).
    expect(valid).toBeGreaterThan(50);
  });
});
