/**
 * Misuse of the public API: every function export of the three entries, called with bad arguments in
 * every position, throws a named GreenSkillsError (or returns) — never a raw TypeError or RangeError, and
 * never hangs. Functions are found by enumerating the module namespaces, so exports added later are
 * covered without editing this file; plausible good arguments for the other positions are chosen by
 * parameter name.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import * as core from "green-skills";
import * as data from "green-skills/data";
import * as nodeEntry from "green-skills/node";
import * as schemas from "green-skills/schemas";
import {
  GreenSkillsError,
  InvalidArgumentError,
  InvalidOptionError,
  type Taxonomy,
  attachFramework,
  listConcepts,
} from "green-skills/node";
import { decodeBundle, encodeBundle } from "../../src/bundle/binary.js";
import { toBundleObject } from "../../src/bundle/object.js";
import { URI, credentialFixtureTaxonomy, validDefinition } from "../helpers/credential-fixture.js";

const isClass = (fn: Function) => /^class\b/.test(Function.prototype.toString.call(fn));

/** Every function export, once (the node entry re-exports the core), with the entry it was found in. */
function functionExports(): { entry: string; name: string; fn: Function }[] {
  const seen = new Set<unknown>();
  const out: { entry: string; name: string; fn: Function }[] = [];
  for (const [entry, mod] of [
    ["green-skills", core],
    ["green-skills/node", nodeEntry],
    ["green-skills/data", data],
    ["green-skills/schemas", schemas],
  ] as const) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function" || seen.has(value)) continue;
      seen.add(value);
      out.push({ entry, name, fn: value });
    }
  }
  return out;
}

/** Parameter names from the source text (`function f(a, b = {})` → ["a", "b"]). */
function parameterNames(fn: Function): string[] {
  const src = Function.prototype.toString.call(fn);
  const open = src.indexOf("(");
  const arrow = src.indexOf("=>");
  if (open < 0 || (arrow >= 0 && arrow < open))
    return [
      src
        .slice(0, Math.max(0, arrow))
        .replace(/^async\s+/, "")
        .trim(),
    ].filter(Boolean);
  let depth = 0;
  let current = "";
  const names: string[] = [];
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if ("([{".includes(c)) depth++;
    if (")]}".includes(c)) {
      if (depth === 0) break;
      depth--;
    }
    if (c === "," && depth === 0) {
      names.push(current);
      current = "";
    } else current += c;
  }
  if (current.trim()) names.push(current);
  return names.map((n) =>
    n
      .split("=")[0]!
      .trim()
      .replace(/^\.\.\./, ""),
  );
}

const hostileHandler: ProxyHandler<object> = {
  get: () => {
    throw new Error("hostile: get");
  },
  has: () => {
    throw new Error("hostile: has");
  },
  ownKeys: () => {
    throw new Error("hostile: ownKeys");
  },
  getPrototypeOf: () => {
    throw new Error("hostile: getPrototypeOf");
  },
  getOwnPropertyDescriptor: () => {
    throw new Error("hostile: getOwnPropertyDescriptor");
  },
};

const huge = new Array(2 ** 28);
const BAD: readonly [label: string, value: () => unknown][] = [
  ["undefined", () => undefined],
  ["null", () => null],
  ["42", () => 42],
  ["NaN", () => Number.NaN],
  ["-1", () => -1],
  ["true", () => true],
  ['""', () => ""],
  ["Symbol()", () => Symbol("bad")],
  ["{}", () => ({})],
  ["[]", () => []],
  ["a function", () => () => 1],
  ["a Proxy that throws on access", () => new Proxy({}, hostileHandler)],
  ["a Proxy of an array that throws on access", () => new Proxy([], hostileHandler)],
  ["a huge sparse array", () => huge],
  [
    "an object whose every field is a symbol",
    () =>
      new Proxy(
        {},
        {
          get: (_t, key) => (key === Symbol.toPrimitive || key === "then" ? undefined : Symbol("field")),
          has: () => true,
        },
      ),
  ],
];

let taxonomy: Taxonomy;
let dir: string;
let goodFile: string;
let bundle: Uint8Array;

/** A plausible good value for a parameter, by its name (undefined when there is no obvious one). */
function good(name: string, fnName: string): unknown {
  switch (name) {
    case "taxonomy":
    case "older":
    case "newer":
      return taxonomy;
    case "uri":
    case "skillUri":
      return URI.installHeatPump;
    case "occupationUri":
      return URI.installer;
    case "query":
    case "outcome":
    case "text":
      return fnName.startsWith("parse") ? stringify(validDefinition()) : "heat pump";
    case "lang":
      return "en";
    case "name":
      return "green";
    case "kind":
      return "skill";
    case "sectorId":
      return "construction";
    case "credential":
    case "input":
      return validDefinition();
    case "issued":
      return {
        id: "urn:uuid:6f1c2a5e-8d4b-4c3e-9a7f-2b1d0e9c8a71",
        definition: validDefinition(),
        learner: { fullName: "Alex Example" },
        issued: "2026-06-30",
      };
    case "bytes":
    case "source":
      return fnName === "decodeBundle" || fnName === "loadTaxonomy" ? bundle : undefined;
    case "framework":
      return data.defaultFramework;
    case "path":
      return fnName === "writeFileAtomic" ? join(dir, "written.txt") : goodFile;
    case "out":
      return join(dir, "out.gsb");
    case "data":
      return "text";
    case "file":
      return "source.yaml";
    case "level":
      return 4;
    case "id":
      return "1.1";
    default:
      return undefined;
  }
}

function isGreenSkills(error: unknown): boolean {
  return error instanceof GreenSkillsError;
}

async function outcome(call: () => unknown): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    const result = call();
    if (result && typeof (result as Promise<unknown>).then === "function") await result;
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 160)}` : String(error);

beforeAll(async () => {
  taxonomy = await credentialFixtureTaxonomy();
  attachFramework(taxonomy, data.defaultFramework);
  dir = mkdtempSync(join(tmpdir(), "gs-api-misuse-"));
  goodFile = join(dir, "definition.yaml");
  writeFileSync(goodFile, stringify(validDefinition()));
  bundle = encodeBundle(data.defaultBundle.meta, data.defaultBundle.columns as never);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("every function export checks its arguments", () => {
  const exportsList = functionExports().filter((e) => !isClass(e.fn));
  it("finds the function exports of the four entries", () => {
    expect(exportsList.length).toBeGreaterThan(60);
    expect(exportsList.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "searchSkills",
        "importEsco",
        "formatIssue",
        "parseCredentialText",
        "loadDefaultTaxonomy",
        "loadTaxonomyFile",
        "eqfLevelUri",
      ]),
    );
  });

  it.each(exportsList.map((e) => [`${e.entry} ${e.name}`, e] as const))("%s", async (_label, { name, fn }) => {
    const params = parameterNames(fn);
    const positions = Math.max(params.length, fn.length, 1);
    const baseline = params.map((p) => good(p, name));
    const failures: string[] = [];
    for (let position = 0; position < positions; position++) {
      for (const [label, make] of BAD) {
        for (const variant of ["others good", "others undefined"] as const) {
          const args = variant === "others good" ? [...baseline] : new Array(positions).fill(undefined);
          args[position] = make();
          const started = performance.now();
          const result = await outcome(() => fn(...args));
          const ms = performance.now() - started;
          const where = `${name}: argument ${position + 1} (${params[position] ?? "?"}) = ${label}, ${variant}`;
          if (ms > 5_000) failures.push(`${where}: took ${Math.round(ms)} ms`);
          if (!result.ok && !isGreenSkills(result.error))
            failures.push(`${where}: threw ${describeError(result.error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("classes", () => {
  const classes = functionExports().filter((e) => isClass(e.fn));
  it.each(classes.map((e) => [e.name, e] as const))("%s", (name, { fn }) => {
    const Ctor = fn as new (...args: unknown[]) => unknown;
    if (Ctor.prototype instanceof Error) {
      // Error classes are made by the library, from strings: any strings (empty, odd) give an error with a stable code.
      for (const text of ["", "x", "\u0000", "a".repeat(10_000)]) {
        const error = new Ctor(text, text, [], text) as GreenSkillsError;
        expect(error, name).toBeInstanceOf(GreenSkillsError);
        expect(typeof error.code, name).toBe("string");
        expect(typeof error.message).toBe("string");
      }
      return;
    }
    for (const [label, make] of BAD) {
      const args = [make(), make(), make(), make()];
      const result = (() => {
        try {
          return { ok: true as const, value: new Ctor(...args) };
        } catch (error) {
          return { ok: false as const, error };
        }
      })();
      if (!result.ok) {
        // Other classes (Taxonomy, made by loadTaxonomy) refuse bad arguments with a GreenSkillsError.
        expect(isGreenSkills(result.error), `new ${name}(${label}, …): ${describeError(result.error)}`).toBe(true);
      }
    }
  });
});

describe("the misuse cases reported in issue 11", () => {
  it("importEsco(undefined), parseCredentialText(42), decodeBundle(undefined) throw InvalidArgumentError", async () => {
    await expect(nodeEntry.importEsco(undefined as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(() => nodeEntry.parseCredentialText(42 as never, "x.yaml")).toThrow(InvalidArgumentError);
    expect(() => decodeBundle(undefined as never)).toThrow(InvalidArgumentError);
  });

  it("null options and Symbol URIs are argument errors", () => {
    expect(() => core.searchSkills(taxonomy, "heat", null as never)).toThrow(InvalidArgumentError);
    expect(() => core.validateCredential(taxonomy, validDefinition(), null as never)).toThrow(InvalidArgumentError);
    expect(() => listConcepts(taxonomy, null as never)).toThrow(InvalidArgumentError);
    expect(() => core.getConcept(taxonomy, Symbol("uri") as never)).toThrow(InvalidArgumentError);
  });

  it("a non-taxonomy is E_NOT_A_TAXONOMY with its own class", () => {
    expect(() => core.stats({} as never)).toThrow(
      expect.objectContaining({ code: "E_NOT_A_TAXONOMY", name: "NotATaxonomyError" }),
    );
    expect(() => core.stats({} as never)).toThrow(core.NotATaxonomyError);
  });

  it("toOpenBadgeAchievement(undefined) names the argument, not a field called undefined", () => {
    expect(() => core.toOpenBadgeAchievement(taxonomy, undefined as never)).toThrow(InvalidArgumentError);
    expect(() => core.toOpenBadgeAchievement(taxonomy, undefined as never)).not.toThrow(/"undefined"/);
  });

  it('listConcepts(t, { kind: "bogus" }) is an option error, not an empty list', () => {
    expect(() => listConcepts(taxonomy, { kind: "bogus" as never })).toThrow(InvalidOptionError);
    expect(() => listConcepts(taxonomy, { kind: "bogus" as never })).toThrow(/skill/);
  });

  it("a sparse learningOutcomes array of length 2^28 is refused quickly, not valid", () => {
    const definition = { ...validDefinition(), learningOutcomes: new Array(2 ** 28) };
    const started = performance.now();
    const result = core.validateCredential(taxonomy, definition, { suggest: false });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.success).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain("input_too_large");
    // A small sparse array: the holes are reported as missing outcomes, not skipped.
    const [first, second] = validDefinition().learningOutcomes;
    // biome-ignore lint/suspicious/noSparseArray: the hole is what this test feeds the validator.
    const outcomes = [first, , second];
    const holes = { ...validDefinition(), learningOutcomes: outcomes };
    const small = core.validateCredential(taxonomy, holes, { suggest: false });
    expect(small.success).toBe(false);
    expect(small.issues.some((i) => i.path.join(".") === "learningOutcomes.1")).toBe(true);
  });

  it("bundle objects built from hostile columns are refused, not crashed on", () => {
    expect(() => toBundleObject(data.defaultBundle.meta, new Proxy({}, hostileHandler) as never)).toThrow(
      GreenSkillsError,
    );
  });
});
