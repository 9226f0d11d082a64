/**
 * Issue 12 on the official ESCO v1.1.1 download: the precision guards on the cases of the bug report, and
 * the mapping-plausibility swap test (mapped URIs swapped between outcomes of different example credentials
 * are flagged; the examples' own mappings are not).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { type Taxonomy, suggestSkills, validateCredential } from "green-skills";
import { PROJECT_ROOT, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const CHAIR_A_MEETING = "http://data.europa.eu/esco/skill/5e9e6dea-23d9-46ba-b8ea-749319b48994";

interface Outcome {
  file: string;
  id: string;
  statement: string;
  esco: string[];
}

function exampleDefinitions(): { file: string; doc: Record<string, any> }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".yaml") && !f.startsWith("issued"))
    .map((file) => ({ file, doc: parse(readFileSync(join(EXAMPLES, file), "utf8")) as Record<string, any> }));
}

describeWithEsco("mapping trust on ESCO v1.1.1", () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = await fullTaxonomy();
  }, 120_000);

  it("keeps the nonsense of the upholstery course below the threshold", () => {
    const top = (text: string) => suggestSkills(taxonomy, text).suggestions.map((s) => s.label);
    expect(top("The learner is able to choose suitable foams and fillings for a seat cushion")).not.toContain(
      "fill out forms",
    );
    expect(top("The learner is able to re-upholster a dining chair")).not.toContain("instrumentation equipment");
    expect(top("The learner is able to re-upholster a dining chair")).not.toContain("chair a meeting");
    expect(top("The learner is able to advise customers on how to care for their sofa")).not.toContain(
      "advise on career",
    );
    // Ranked first; its score is lowered by a close second ("clean upholstered furniture"), so it may fall below the threshold.
    const repair = suggestSkills(taxonomy, "The learner is able to carry out common repairs on upholstered furniture", {
      threshold: 0,
    });
    expect(repair.suggestions[0]?.label).toBe("perform upholstery repair");
    const scores = repair.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("flags chair a meeting for an upholstery repair outcome", () => {
    const { doc } = exampleDefinitions().find((d) => d.file === "wood-circular-furniture.yaml")!;
    doc["learningOutcomes"][1] = {
      id: "lo-2",
      statement: { en: "Carry out common repairs on upholstered furniture." },
      esco: [CHAIR_A_MEETING],
    };
    const result = validateCredential(taxonomy, doc);
    const flagged = result.issues.filter((i) => i.code === "implausible_mapping");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({
      path: ["learningOutcomes", 1, "esco", 0],
      evidence: { uri: CHAIR_A_MEETING, label: "chair a meeting", coverage: "full" },
    });
    expect(flagged[0]?.candidates?.map((c) => c.label)).toContain("perform upholstery repair");
  });

  it("flags ≥ 90 % of mappings swapped between credentials and ≤ 5 % of the examples' own", () => {
    const definitions = exampleDefinitions();
    const outcomes: Outcome[] = definitions.flatMap(({ file, doc }) =>
      (doc["learningOutcomes"] as any[]).map((o) => ({
        file,
        id: o.id as string,
        statement: o.statement.en as string,
        esco: (o.esco ?? []) as string[],
      })),
    );
    const flaggedOf = (file: string, outcome: Outcome, esco: readonly string[]) => {
      const { doc } = definitions.find((d) => d.file === file)!;
      const copy = structuredClone(doc);
      copy["learningOutcomes"] = [{ id: outcome.id, statement: { en: outcome.statement }, esco }];
      return validateCredential(taxonomy, copy, { suggestions: 0 }).issues.filter(
        (i) => i.code === "implausible_mapping",
      ).length;
    };
    let own = 0;
    let ownFlagged = 0;
    let swapped = 0;
    let swappedFlagged = 0;
    for (const outcome of outcomes) {
      own += outcome.esco.length;
      ownFlagged += flaggedOf(outcome.file, outcome, outcome.esco);
      const others = [...new Set(outcomes.filter((o) => o.file !== outcome.file).flatMap((o) => o.esco))].filter(
        (uri) => !outcome.esco.includes(uri),
      );
      swapped += others.length;
      swappedFlagged += flaggedOf(outcome.file, outcome, others);
    }
    expect(own).toBeGreaterThan(30);
    expect(ownFlagged / own).toBeLessThanOrEqual(0.05);
    expect(swappedFlagged / swapped).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
