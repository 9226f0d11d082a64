/**
 * Absurd values are validation issues, never exceptions and never exported: huge or non-finite numbers
 * (YAML `.nan`, `.inf`), negative durations, impossible calendar dates, control characters and
 * bidirectional overrides in titles.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Taxonomy, parseCredentialText, validateCredential } from "green-skills/node";
import { credentialFixtureTaxonomy, validDefinition } from "../helpers/credential-fixture.js";

let taxonomy: Taxonomy;
beforeAll(async () => {
  taxonomy = await credentialFixtureTaxonomy();
});

const check = (doc: unknown) => validateCredential(taxonomy, doc, { suggest: false });
const errorAt = (doc: unknown, path: string) =>
  check(doc).issues.find((i) => i.severity === "error" && i.path.join(".") === path);
const issued = (fields: Record<string, unknown>, learner: Record<string, unknown> = {}) => ({
  id: "urn:uuid:1f1c2a5e-8d4b-4c3e-9a7f-2b1d0e9c8a71",
  definition: validDefinition(),
  learner: { fullName: "Alex", ...learner },
  issued: "2026-06-30",
  ...fields,
});

describe("absurd values", () => {
  it.each([
    ["workload.ects", 1e308],
    ["workload.ects", Number.NaN],
    ["workload.hours", -40],
    ["workload.hours", Number.POSITIVE_INFINITY],
    ["gradeScheme.min", 1e308],
    ["stackability.towards.0.ects", 1e308],
  ] as const)("%s = %s is an issue", (path, value) => {
    const doc: Record<string, any> = validDefinition();
    if (path.startsWith("gradeScheme")) doc.gradeScheme = { min: value };
    else if (path.startsWith("stackability")) doc.stackability = { type: "stackable", towards: [{ ects: value }] };
    else doc.workload[path.split(".")[1]!] = value;
    expect(errorAt(doc, path)).toMatchObject({ code: "invalid_value" });
  });

  it("YAML .nan and .inf are refused where numbers are expected", () => {
    const source = parseCredentialText("workload:\n  ects: .nan\n  hours: .inf\n", "x.yaml");
    const result = check(source.value);
    expect(
      result.issues.filter((i) => i.path[0] === "workload" && i.severity === "error").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("a grade range upside down is an issue", () => {
    expect(errorAt({ ...validDefinition(), gradeScheme: { min: 10, max: 1 } }, "gradeScheme.min")).toBeDefined();
    expect(check({ ...validDefinition(), gradeScheme: { min: 1, max: 10, pass: 5 } }).success).toBe(true);
  });

  it("impossible and implausible dates are issues; real leap days are fine", () => {
    for (const date of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-02-30T10:00:00Z", "0000-01-01", "9999-12-31"]) {
      expect(errorAt(issued({ issued: date }), "issued"), date).toBeDefined();
    }
    expect(errorAt(issued({}, { dateOfBirth: "2001-02-29" }), "learner.dateOfBirth")).toBeDefined();
    expect(check(issued({ issued: "2024-02-29" })).success).toBe(true);
    expect(check(issued({ issued: "2026-06-30T09:30:00+02:00" })).success).toBe(true);
  });

  it("grades must be finite and bounded", () => {
    for (const grade of [Number.NaN, Number.POSITIVE_INFINITY, 1e308])
      expect(errorAt(issued({ grade }), "grade"), String(grade)).toBeDefined();
  });

  it("control characters and bidi overrides in titles are errors at their path", () => {
    for (const title of [
      "Heat\u0000pumps",
      "Heat \u202eslaes\u202c pumps",
      "Heat\u2066pumps\u2069",
      "a\u0085b",
      "\u001b[31mred",
    ]) {
      expect(errorAt({ ...validDefinition(), title: { en: title } }, "title.en"), JSON.stringify(title)).toBeDefined();
    }
    // Tabs, line breaks, direction marks and non-Latin scripts are text.
    expect(
      check({
        ...validDefinition(),
        title: { en: "Heat\tpumps", ar: "مضخات \u200fالحرارة" },
        description: { en: "Line one\nLine two\r\n" },
      }).success,
    ).toBe(true);
  });

  it("hostile values never make validation throw", () => {
    const values = [Symbol("x"), 10n, () => 1, new Map(), new Date(Number.NaN), Object.create(null), new Array(5)];
    for (const value of values) {
      for (const field of ["title", "id", "workload", "learningOutcomes", "awardingBodies"]) {
        expect(
          () => check({ ...validDefinition(), [field]: value }),
          `${field}: ${String(typeof value)}`,
        ).not.toThrow();
        expect(check({ ...validDefinition(), [field]: value }).success).toBe(false);
      }
    }
  });
});
