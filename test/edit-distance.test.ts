/** The one edit distance (src/text/edit-distance.ts) that search's typo tolerance and "did you mean" share. */
import { describe, expect, it } from "vitest";
import { closest } from "../src/credential/closest.js";
import { editDistance } from "../src/text/edit-distance.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent transpositions as one edit each", () => {
    expect(editDistance("install", "install")).toBe(0);
    expect(editDistance("instal", "install")).toBe(1);
    expect(editDistance("insatll", "install")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops at max + 1, also after a longer word grew its reused rows", () => {
    expect(editDistance("a".repeat(200), "b".repeat(200), 2)).toBe(3);
    expect(editDistance("heat", "hate", 1)).toBe(2);
    expect(editDistance("abcdef", "a", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
  });
});

describe("closest", () => {
  it("suggests a likely typo of a key, transpositions included, and nothing for a different word", () => {
    expect(closest("lerningOutcomes", ["title", "learningOutcomes"])).toBe("learningOutcomes");
    expect(closest("titel", ["title", "learningOutcomes"])).toBe("title");
    expect(closest("workload", ["title", "learningOutcomes"])).toBeUndefined();
  });
});
