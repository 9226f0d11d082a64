import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidOptionError, SUGGEST_THRESHOLD, type Taxonomy, suggestSkills } from "green-skills";
import { SuggestResultSchema } from "green-skills/schemas";
import { importEsco, loadTaxonomyFile } from "green-skills/node";
import { baseFixture, fid, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "gs-suggest-"));
let taxonomy: Taxonomy;
beforeAll(async () => {
  const [folder] = writeEscoFixture(dir, baseFixture());
  taxonomy = await loadTaxonomyFile((await importEsco([folder!])).bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAT_PUMP = skillUri(fid(101));
const AUDIT = skillUri(fid(106));

describe("suggestSkills", () => {
  it("suggests skills for a learning outcome and explains each", () => {
    const result = SuggestResultSchema.parse(suggestSkills(taxonomy, "Learners can install and commission heat pumps"));
    expect(result.status).toBe("ok");
    expect(result.threshold).toBe(SUGGEST_THRESHOLD);
    const [first] = result.suggestions;
    expect(first?.uri).toBe(HEAT_PUMP);
    expect(first?.green).toBe(true);
    expect(first?.matchedTerms).toEqual(expect.arrayContaining(["heat", "pumps"]));
    expect(first?.explanation).toMatch(
      new RegExp(
        `^matched ${first?.matchedTerms.map((w) => `"${w}"`).join(", ")} in the ${first?.matchedLabel.type === "pref" ? "preferred" : "alternative"} label "${first?.matchedLabel.text}"; .*skill/competence; green skill$`,
      ),
    );
    // Every matched word says what it matched and how.
    expect(first?.matches.map((m) => m.word)).toEqual(expect.arrayContaining(first?.matchedTerms ?? []));
    expect(first?.matches.find((m) => m.word === "pumps")).toMatchObject({
      term: "pumps",
      via: "exact",
      field: "label",
    });
    expect(result.suggestions.every((s) => s.score >= SUGGEST_THRESHOLD)).toBe(true);
    expect(result.belowThreshold).toEqual([]);
  });
  it("ignores outcome boilerplate and reads the rest in any word order", () => {
    const plain = suggestSkills(taxonomy, "audit energy use of buildings", { threshold: 0.3 });
    const framed = suggestSkills(
      taxonomy,
      "On completion, the participant is able to demonstrate that they can audit the energy use of buildings",
      { threshold: 0.3 },
    );
    expect(plain.suggestions[0]?.uri).toBe(AUDIT);
    expect(framed.suggestions[0]?.uri).toBe(AUDIT);
    expect(framed.suggestions[0]?.matchedTerms).not.toContain("participant");
  });
  it("says 'no good match' instead of passing off a weak match", () => {
    // "heat" occurs in labels, but no label is mostly covered by this outcome.
    const weak = suggestSkills(taxonomy, "Learners can bake sourdough bread using residual oven heat");
    expect(weak.status).toBe("no_good_match");
    expect(weak.suggestions).toEqual([]);
    expect(weak.belowThreshold.length).toBeGreaterThan(0);
    expect(weak.belowThreshold.every((s) => s.score < SUGGEST_THRESHOLD)).toBe(true);
    const none = suggestSkills(taxonomy, "Learners can juggle");
    expect(none).toMatchObject({ status: "no_match", suggestions: [], belowThreshold: [] });
    expect(suggestSkills(taxonomy, "   ").status).toBe("no_match");
  });
  it("applies a custom threshold and the search filters", () => {
    const outcome = "Learners can bake sourdough bread using residual oven heat";
    const loose = suggestSkills(taxonomy, outcome, { threshold: 0 });
    expect(loose.status).toBe("ok");
    expect(loose.suggestions.length).toBeGreaterThan(0);
    const strict = suggestSkills(taxonomy, "Learners can install a heat pump", { threshold: 1, limit: 1 });
    expect(strict.suggestions.every((s) => s.score === 1)).toBe(true);
    const notGreen = suggestSkills(taxonomy, "weld metal parts and install heat pumps", { green: true });
    expect(notGreen.suggestions.every((s) => s.green)).toBe(true);
  });
  it("rejects bad options", () => {
    expect(() => suggestSkills(taxonomy, "install heat pump", { threshold: 2 })).toThrow(InvalidOptionError);
    expect(() => suggestSkills(taxonomy, "install heat pump", { limit: 0 })).toThrow(InvalidOptionError);
  });
});
