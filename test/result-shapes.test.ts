/**
 * One result shape for everything that checks user input (`{ success: true, data, issues }` |
 * `{ success: false, issues }`, issues never empty on failure) and one `Issue` base type that every issue
 * type extends: checked at the type level (tsc runs on the tests) and at run time.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type CredentialIssue,
  type CredentialValidationResult,
  type ExportWarning,
  type ForeignCheckResult,
  type GreenSkillsErrorCode,
  type Issue,
  type MergeIssue,
  type MicroCredential,
  type ParseCredentialResult,
  type Result,
  type SourceIssue,
  type SourceResult,
  checkForeignCredential,
  formatIssue,
  isGreenSkillsError,
  listConcepts,
  parseCredential,
  parseSectorSource,
  validateCredential,
} from "green-skills";
import {
  type ImportWarning,
  type ReadIssuedCredentialFileResult,
  loadDefaultTaxonomy,
  readIssuedCredentialFile,
} from "green-skills/node";
import { IssueSchema } from "green-skills/schemas";

describe("the Issue base type", () => {
  it("is extended by every issue type", () => {
    expectTypeOf<CredentialIssue>().toExtend<Issue>();
    expectTypeOf<SourceIssue>().toExtend<Issue>();
    expectTypeOf<MergeIssue>().toExtend<Issue>();
    expectTypeOf<ExportWarning>().toExtend<Issue>();
    expectTypeOf<ImportWarning>().toExtend<Issue>();
  });

  it("formats any issue on one line", () => {
    const issue: Issue = {
      code: "unknown_key",
      severity: "error",
      path: ["nace", 0],
      message: 'unknown key "rev"',
      file: "retrofit.yaml",
      line: 12,
      column: 5,
      suggestion: "check the spelling",
    };
    expect(formatIssue(issue)).toBe('retrofit.yaml:12:5: error: unknown key "rev" (at nace.0) — check the spelling');
    expect(IssueSchema.safeParse(issue).success).toBe(true);
  });
});

describe("one result shape", () => {
  it("types success with data and failure with a non-empty issue list", () => {
    expectTypeOf<ParseCredentialResult<{ a: 1 }>>().toEqualTypeOf<Result<{ a: 1 }, CredentialIssue>>();
    expectTypeOf<Extract<Result<number>, { success: false }>["issues"]>().toEqualTypeOf<[Issue, ...Issue[]]>();
    expectTypeOf<
      Extract<CredentialValidationResult, { success: true; kind: "definition" }>["data"]["title"]
    >().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<Extract<SourceResult<string>, { success: true }>["data"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<ReadIssuedCredentialFileResult, { success: false }>["data"]>().toEqualTypeOf<undefined>();
    expectTypeOf<Extract<ForeignCheckResult, { success: false }>["issues"]>().toEqualTypeOf<
      [CredentialIssue, ...CredentialIssue[]]
    >();
  });

  it("parseCredential, validateCredential, parseSectorSource, readIssuedCredentialFile and checkForeignCredential agree", async () => {
    const taxonomy = loadDefaultTaxonomy();
    const bad = [
      parseCredential({}),
      validateCredential(taxonomy, {}),
      parseSectorSource("id: [", "x.yaml"),
      await readIssuedCredentialFile("taxonomy/examples/construction-heat-pump-installation.yaml"),
      checkForeignCredential(taxonomy, {}),
    ];
    for (const result of bad) {
      expect(result.success).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.data).toBeUndefined();
    }
    const read = await readIssuedCredentialFile("taxonomy/examples/issued-heat-pump-installation.yaml");
    expect(read.success).toBe(true);
    if (!read.success) return;
    const validated = validateCredential(taxonomy, read.data);
    expect(validated).toMatchObject({ success: true, kind: "issued" });
    if (validated.success && validated.kind === "issued") expect(validated.data.learner).toEqual(read.data.learner);
    const definition = validateCredential(taxonomy, read.data.definition);
    expect(definition.success && definition.kind === "definition" && definition.data.learningOutcomes.length).toBe(
      read.data.definition.learningOutcomes.length,
    );
    expect(parseCredential(read.data.definition)).toMatchObject({ success: true, data: read.data.definition });
  });

  it("keeps the sanitizer's warnings with the value on success", async () => {
    const VALID = (await readIssuedCredentialFile("taxonomy/examples/issued-heat-pump-installation.yaml")).data!
      .definition;
    const taxonomy = loadDefaultTaxonomy();
    const definition = validateCredential(taxonomy, JSON.parse(JSON.stringify(VALID)));
    expect(definition.success).toBe(true);
    // A replacement character is a warning (a sign of a wrong encoding), not an error.
    const damaged = { ...(VALID as MicroCredential), title: { en: "Heat pumps \ufffd installation" } };
    const parsed = parseCredential(damaged);
    expect(parsed.success).toBe(true);
    expect(parsed.issues.map((i) => [i.code, i.severity])).toEqual([["invalid_value", "warning"]]);
  });
});

describe("error codes", () => {
  it("are a closed union, and every error thrown carries one of a named subclass", () => {
    expectTypeOf<GreenSkillsErrorCode>().toExtend<`E_${string}`>();
    expectTypeOf<"E_IMPORT_BAD_ZIP">().toExtend<GreenSkillsErrorCode>();
    expectTypeOf<"E_INVALID_QUERY">().not.toExtend<GreenSkillsErrorCode>();
    const taxonomy = loadDefaultTaxonomy();
    let caught: unknown;
    try {
      listConcepts(taxonomy, { kind: "nonsense" as never });
    } catch (error) {
      caught = error;
    }
    expect(isGreenSkillsError(caught)).toBe(true);
    expect((caught as Error).constructor.name).not.toBe("GreenSkillsError");
  });
});

describe("validateCredential with a locator and prior issues", () => {
  it("places, counts and orders the issues, so file validation need not rewrite the result", () => {
    const taxonomy = loadDefaultTaxonomy();
    const prior = {
      code: "syntax_error" as const,
      severity: "warning" as const,
      path: [],
      message: "a reader's warning",
      line: 9,
      column: 1,
    };
    const lines: Record<string, number> = { title: 3, learningOutcomes: 7 };
    const result = validateCredential(
      taxonomy,
      { title: { en: "x" }, learningOutcomes: [], bogus: 1 },
      {
        issues: [prior],
        locate: (path) =>
          typeof path[0] === "string" && lines[path[0]]
            ? { line: lines[path[0]]!, column: 1 }
            : path[0] === "bogus"
              ? { file: "other.yaml", path: ["renamed"], line: 1, column: 2 }
              : undefined,
      },
    );
    expect(result.success).toBe(false);
    expect(result.counts.warning).toBeGreaterThanOrEqual(1);
    expect(result.issues).toContainEqual(prior);
    const placed = result.issues.filter((i) => i.line !== undefined);
    const own = placed.filter((i) => i.file === undefined).map((i) => i.line!);
    expect(own).toEqual([...own].sort((a, b) => a - b));
    expect(result.issues.at(-1)).toMatchObject({ file: "other.yaml", path: ["renamed"], code: "unknown_field" });
    expect(result.issues.find((i) => i.path[0] === "learningOutcomes")).toMatchObject({ line: 7 });
  });

  it("refuses a locator that is not a function", () => {
    expect(() => validateCredential(loadDefaultTaxonomy(), {}, { locate: 3 as never })).toThrow(
      expect.objectContaining({ code: "E_INVALID_OPTION" }),
    );
  });
});
