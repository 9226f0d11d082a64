/**
 * The plain framework checker that `attachFramework` and the bundle loader use (so that a browser page with
 * `searchSkills` carries no zod, see docs/design-choices.md "Bundle size") agrees with `FrameworkSchema`
 * from `green-skills/schemas`: on the embedded default both accept and give equal values (defaults
 * applied, text trimmed); on every copy broken in one place both reject with the same first issue (path
 * and message), so a bad framework gets the same error whichever way it is checked.
 */
import { describe, expect, it } from "vitest";
import { InvalidFrameworkError, attachFramework, loadTaxonomy } from "green-skills";
import { defaultBundle, defaultFramework } from "green-skills/data";
import { FrameworkSchema } from "green-skills/schemas";
import { frameworkChecker } from "../src/framework/check.js";
import { check } from "../src/plain-check.js";

type Json = Record<string, any>;
const copy = (): Json => structuredClone(defaultFramework) as Json;

function zodFirst(value: unknown) {
  const r = FrameworkSchema.safeParse(value);
  return r.success
    ? { ok: true as const, value: r.data }
    : { ok: false as const, path: r.error.issues[0]!.path.map(String), message: r.error.issues[0]!.message };
}
function plainFirst(value: unknown) {
  const r = check(frameworkChecker, value);
  return r.ok
    ? { ok: true as const, value: r.value }
    : { ok: false as const, path: r.issue.path.map(String), message: r.issue.message };
}

/** Each case breaks (or loosens) one place of the embedded default. */
const CASES: [string, (f: Json) => unknown][] = [
  ["not an object", () => "framework"],
  ["null", () => null],
  ["formatVersion 2", (f) => ({ ...f, formatVersion: 2 })],
  ["formatVersion as a string", (f) => ({ ...f, formatVersion: "1" })],
  ["escoVersion missing", (f) => (delete f.escoVersion, f)],
  ["an extra top-level key", (f) => ({ ...f, extra: 1 })],
  ["two extra keys", (f) => ({ ...f, a: 1, b: 2 })],
  ["sectors not an array", (f) => ({ ...f, sectors: {} })],
  ["sector id upper case", (f) => ((f.sectors[1].id = "Construction"), f)],
  ["sector id a number", (f) => ((f.sectors[0].id = 7), f)],
  ["sector label empty", (f) => ((f.sectors[0].label = {}), f)],
  ["sector label whitespace", (f) => ((f.sectors[0].label = { en: "   " }), f)],
  ["sector label with a bad language code", (f) => ((f.sectors[0].label = { EN: "Construction" }), f)],
  ["sector label: a good key, then a bad one", (f) => ((f.sectors[0].label = { en: "x", English: "y" }), f)],
  ["sector label an array", (f) => ((f.sectors[0].label = ["Construction"]), f)],
  ["sector description a string", (f) => ((f.sectors[2].description = "text"), f)],
  ["NACE rev2 not a code", (f) => ((f.sectors[0].nace[0].rev2 = "construction"), f)],
  ["NACE rev21 a number", (f) => ((f.sectors[0].nace[0].rev21 = 43), f)],
  ["NACE with an extra key", (f) => ((f.sectors[0].nace[0].note = "x"), f)],
  ["NACE label missing", (f) => (delete f.sectors[0].nace[0].label, f)],
  ["ISCO code of five digits", (f) => ((f.sectors[0].isco = [{ code: "71240", label: "x" }]), f)],
  ["ISCO code a number", (f) => ((f.sectors[0].isco = [{ code: 7124, label: "x" }]), f)],
  [
    "nace, isco and references absent: defaults",
    (f) => (delete f.sectors[0].nace, delete f.sectors[0].isco, delete f.sectors[0].references, f),
  ],
  ["references.skills absent: default", (f) => (delete f.sectors[0].references.skills, f)],
  [
    "a skill reference with an occupation URI",
    (f) => (
      (f.sectors[0].references.skills[0].uri =
        f.sectors[0].references.occupations[0]?.uri ?? "http://data.europa.eu/esco/occupation/x"),
      f
    ),
  ],
  [
    "an occupation reference with a skill URI",
    (f) => ((f.sectors[0].references.occupations[0].uri = f.sectors[0].references.skills[0].uri), f),
  ],
  ["a reference without rationale", (f) => (delete f.sectors[1].references.skills[0].rationale, f)],
  [
    "a reference label with spaces around: trimmed",
    (f) => ((f.sectors[1].references.skills[0].label = `  ${f.sectors[1].references.skills[0].label}  `), f),
  ],
  ["duplicate sector id", (f) => ((f.sectors[3].id = f.sectors[1].id), f)],
  [
    "duplicate sector id and an empty label later",
    (f) => ((f.sectors[3].id = f.sectors[1].id), (f.sectors[4].label = { en: "" }), f),
  ],
  ["GreenComp framework id", (f) => ((f.greenComp.framework.id = "greencomp2"), f)],
  ["GreenComp crosswalk status", (f) => ((f.greenComp.framework.crosswalkStatus = "draft"), f)],
  ["GreenComp area id 5", (f) => ((f.greenComp.areas[0].id = "5"), f)],
  ["GreenComp competence id unknown", (f) => ((f.greenComp.areas[0].competences[0].id = "1.4"), f)],
  ["GreenComp competence in the wrong area", (f) => ((f.greenComp.areas[0].competences[0].id = "2.1"), f)],
  ["GreenComp duplicate area", (f) => ((f.greenComp.areas[1].id = "1"), f)],
  ["GreenComp missing a competence", (f) => (f.greenComp.areas[3].competences.pop(), f)],
  ["GreenComp missing an area", (f) => (f.greenComp.areas.pop(), f)],
  [
    "GreenComp crosswalk collection",
    (f) => (
      (f.greenComp.areas[0].competences[0].crosswalk = [
        {
          uri: "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000",
          label: "x",
          collection: "digital",
          rationale: "y",
        },
      ]),
      f
    ),
  ],
  ["GreenComp crosswalk absent: default", (f) => (delete f.greenComp.areas[0].competences[0].crosswalk, f)],
  [
    "GreenComp problem and a duplicate sector id",
    (f) => ((f.sectors[3].id = f.sectors[1].id), (f.greenComp.areas[1].id = "1"), f),
  ],
];

describe("the plain framework checker and FrameworkSchema", () => {
  it("both accept the embedded default and give equal values", () => {
    const z = zodFirst(copy());
    const p = plainFirst(copy());
    expect(z.ok && p.ok).toBe(true);
    expect(p).toEqual(z);
  });

  it("the cases break what they say (most are rejected)", () => {
    const rejected = CASES.filter(([, make]) => !zodFirst(make(copy())).ok).length;
    expect(rejected).toBeGreaterThanOrEqual(34);
  });

  for (const [name, make] of CASES) {
    it(name, () => {
      expect(plainFirst(make(copy()))).toEqual(zodFirst(make(copy())));
    });
  }
});

describe("attachFramework with an invalid framework", () => {
  it("throws InvalidFrameworkError naming the path and the problem", () => {
    const taxonomy = loadTaxonomy(defaultBundle);
    const broken = copy();
    broken.sectors[0].nace[0].rev2 = "construction";
    let thrown: unknown;
    try {
      attachFramework(taxonomy, broken as typeof defaultFramework);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidFrameworkError);
    expect((thrown as InvalidFrameworkError).path).toBe("sectors.0.nace.0.rev2");
    expect((thrown as Error).message).toContain("is not a NACE code");
  });
});
