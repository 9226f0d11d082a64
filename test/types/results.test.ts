/**
 * Type tests (vitest's `expectTypeOf`, checked by `tsc` in `npm run typecheck`; the runtime assertions
 * are no-ops): the result unions users narrow on, and the attributes of `toGraph`'s nodes and edges, as
 * the public entries declare them. A change to these shapes must change this file.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type CredentialIssue,
  type CredentialValidationResult,
  type MicroCredential,
  type ParseCredentialResult,
  type RelationType,
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
  it("parseCredential: success narrows to data and no issues; failure has issues and no data", () => {
    expectTypeOf(parseCredential).returns.toEqualTypeOf<ParseCredentialResult<MicroCredential>>();
    const result = {} as ParseCredentialResult<MicroCredential>;
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<MicroCredential>();
      expectTypeOf(result.issues).toEqualTypeOf<[]>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.issues).toEqualTypeOf<CredentialIssue[]>();
    }
    expectTypeOf<ParseCredentialResult<MicroCredential>["success"]>().toEqualTypeOf<boolean>();
  });

  it("validateCredential returns a verdict, the issues and the checklist, never the data", () => {
    expectTypeOf(validateCredential).returns.toEqualTypeOf<CredentialValidationResult>();
    expectTypeOf<CredentialValidationResult["valid"]>().toEqualTypeOf<boolean>();
    expectTypeOf<CredentialValidationResult["kind"]>().toEqualTypeOf<"definition" | "issued" | "unknown">();
    expectTypeOf<CredentialValidationResult["issues"]>().toEqualTypeOf<CredentialIssue[]>();
    expectTypeOf<CredentialValidationResult>().not.toHaveProperty("data");
  });

  it("credential issues carry code, severity, path and message", () => {
    expectTypeOf<CredentialIssue["severity"]>().toEqualTypeOf<"error" | "warning" | "info">();
    expectTypeOf<CredentialIssue>().toHaveProperty("code");
    expectTypeOf<CredentialIssue>().toHaveProperty("path");
    expectTypeOf<CredentialIssue["message"]>().toEqualTypeOf<string>();
  });

  it("SourceResult: ok narrows to the value and a locator; not ok has only issues", () => {
    const result = {} as SourceResult<{ id: string }>;
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<{ id: string }>();
      expectTypeOf(result.locate).toBeFunction();
    } else {
      expectTypeOf(result).not.toHaveProperty("value");
      expectTypeOf(result.issues).toEqualTypeOf<SourceIssue[]>();
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
      "skill" | "skillGroup" | "occupation" | "iscoGroup" | "conceptScheme" | "sector" | "greenCompArea" | "greenCompCompetence"
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
