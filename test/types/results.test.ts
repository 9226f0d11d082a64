/**
 * Type tests (vitest's `expectTypeOf`, checked by `tsc` in `npm run typecheck`; the runtime assertions
 * are no-ops): the result unions users narrow on, and the attributes of `toGraph`'s nodes and edges, as
 * the public entries declare them. A change to these shapes must change this file.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type CredentialIssue,
  type CredentialValidationResult,
  type Issue,
  type IssuedMicroCredential,
  type MicroCredential,
  type ParseCredentialResult,
  type RelationType,
  type Result,
  type SourceIssue,
  type SourceResult,
  type Taxonomy,
  type TaxonomyEdgeAttributes,
  type TaxonomyGraph,
  type TaxonomyNodeAttributes,
  parseCredential,
  toGraph,
  validateCredential,
} from "green-skills";

describe("result unions", () => {
  it("parseCredential: success narrows to data and its warnings; failure has at least one issue and no data", () => {
    expectTypeOf(parseCredential).returns.toEqualTypeOf<ParseCredentialResult<MicroCredential>>();
    expectTypeOf<ParseCredentialResult<MicroCredential>>().toEqualTypeOf<Result<MicroCredential, CredentialIssue>>();
    const result = {} as ParseCredentialResult<MicroCredential>;
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<MicroCredential>();
      expectTypeOf(result.issues).toEqualTypeOf<CredentialIssue[]>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.issues).toEqualTypeOf<[CredentialIssue, ...CredentialIssue[]]>();
    }
    expectTypeOf<ParseCredentialResult<MicroCredential>["success"]>().toEqualTypeOf<boolean>();
  });

  it("validateCredential: the shared shape plus the report; kind narrows data", () => {
    expectTypeOf(validateCredential).returns.toEqualTypeOf<CredentialValidationResult>();
    expectTypeOf<CredentialValidationResult["success"]>().toEqualTypeOf<boolean>();
    expectTypeOf<CredentialValidationResult["kind"]>().toEqualTypeOf<"definition" | "issued" | "unknown">();
    const result = {} as CredentialValidationResult;
    if (result.success) {
      if (result.kind === "definition") expectTypeOf(result.data).toEqualTypeOf<MicroCredential>();
      else expectTypeOf(result.data).toEqualTypeOf<IssuedMicroCredential>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.issues).toEqualTypeOf<[CredentialIssue, ...CredentialIssue[]]>();
    }
  });

  it("every issue type extends Issue: code, severity, path and message", () => {
    expectTypeOf<CredentialIssue>().toExtend<Issue>();
    expectTypeOf<SourceIssue>().toExtend<Issue>();
    expectTypeOf<CredentialIssue["severity"]>().toEqualTypeOf<"error" | "warning" | "info">();
    expectTypeOf<Issue["message"]>().toEqualTypeOf<string>();
    expectTypeOf<Issue["path"]>().toEqualTypeOf<(string | number)[]>();
  });

  it("SourceResult: success narrows to the data and a locator; failure has only issues", () => {
    const result = {} as SourceResult<{ id: string }>;
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<{ id: string }>();
      expectTypeOf(result.locate).toBeFunction();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.issues).toEqualTypeOf<[SourceIssue, ...SourceIssue[]]>();
    }
    expectTypeOf(result.file).toEqualTypeOf<string | undefined>();
  });
});

describe("toGraph", () => {
  it("returns a graph with typed node and edge attributes", () => {
    expectTypeOf(toGraph).parameter(0).toEqualTypeOf<Taxonomy>();
    expectTypeOf(toGraph).returns.toEqualTypeOf<TaxonomyGraph>();
    expectTypeOf<ReturnType<TaxonomyGraph["getNodeAttributes"]>>().toEqualTypeOf<TaxonomyNodeAttributes>();
    expectTypeOf<ReturnType<TaxonomyGraph["getEdgeAttributes"]>>().toEqualTypeOf<TaxonomyEdgeAttributes>();
    expectTypeOf<Parameters<TaxonomyGraph["replaceAttributes"]>[0]>().toEqualTypeOf<{ escoVersion: string | null }>();
  });

  it("node attributes: kind (concepts and framework nodes), label, green", () => {
    expectTypeOf<TaxonomyNodeAttributes["kind"]>().toEqualTypeOf<
      | "skill"
      | "skillGroup"
      | "occupation"
      | "iscoGroup"
      | "conceptScheme"
      | "sector"
      | "greenCompArea"
      | "greenCompCompetence"
    >();
    expectTypeOf<TaxonomyNodeAttributes["label"]>().toEqualTypeOf<string>();
    expectTypeOf<TaxonomyNodeAttributes["green"]>().toEqualTypeOf<boolean>();
  });

  it("edge attributes: a type, and relation / basis where they apply", () => {
    expectTypeOf<TaxonomyEdgeAttributes["type"]>().toEqualTypeOf<
      "broader" | "occupationSkill" | "skillSkill" | "inSector" | "keySkill" | "keyOccupation" | "greenComp"
    >();
    expectTypeOf<TaxonomyEdgeAttributes["relation"]>().toEqualTypeOf<RelationType | undefined>();
    expectTypeOf<TaxonomyEdgeAttributes["basis"]>().toEqualTypeOf<("nace" | "isco" | "curated")[] | undefined>();
  });
});
