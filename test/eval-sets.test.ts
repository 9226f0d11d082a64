import { describe, expect, it } from "vitest";
import {
  type EscoSkillRow,
  type GoldQuery,
  checkEvalSets,
  checkGold,
  longestSharedRun,
  parseCsv,
  readSkills,
  seededSplit,
} from "../scripts/check-eval-sets.js";
import { SHARED_ESCO, describeWithEsco } from "./helpers/shared-esco.js";

const URI = "http://data.europa.eu/esco/skill/0000";
const skill: EscoSkillRow = {
  uri: URI,
  pref: "repair furniture frames",
  alt: [],
  description: "Repair dents, cracks or holes in frames.",
};
const query = (over: Partial<GoldQuery>): GoldQuery => ({
  id: "x1",
  kind: "outcome",
  sector: "wood-furniture",
  query: "The learner can mend a broken chair.",
  accept: [URI],
  labels: ["repair furniture frames"],
  ...over,
});
const problemsOf = (q: GoldQuery) => {
  const problems: string[] = [];
  checkGold("f.json", [q], new Map([[URI, skill]]), problems);
  return problems;
};

describe("evaluation-set checker", () => {
  it("parses quoted CSV cells with commas, quotes and line breaks", () => {
    expect(parseCsv('a,b\r\n"x, ""y""","1\n2"\r\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "1\n2"],
    ]);
  });

  it("accepts a consistent gold query and reports wrong labels, unknown URIs, kinds and sectors", () => {
    expect(problemsOf(query({}))).toEqual([]);
    expect(problemsOf(query({ labels: ["repair furniture"] }))[0]).toMatch(
      /is "repair furniture frames" in skills_en.csv/,
    );
    expect(problemsOf(query({ accept: [`${URI}1`] }))[0]).toMatch(/not in skills_en.csv/);
    expect(problemsOf(query({ kind: "question" }))[0]).toMatch(/unknown kind/);
    expect(problemsOf(query({ sector: "space" }))[0]).toMatch(/unknown sector/);
  });

  it("flags outcome statements that copy five words of a gold concept's ESCO text", () => {
    expect(longestSharedRun("They repair dents, cracks or holes quickly", skill.description)).toBe(
      "repair dents cracks or holes",
    );
    expect(problemsOf(query({ query: "The learner can repair dents, cracks or holes in a chair." }))[0]).toMatch(
      /copies "repair dents cracks or holes in"/,
    );
  });

  it("splits by the seed reproducibly, half to calibration", () => {
    const statements = ["a", "b", "c", "d", "e"];
    const split = seededSplit(7, statements);
    expect(split.filter((s) => s === "calibration")).toHaveLength(2);
    expect(seededSplit(7, statements)).toEqual(split);
  });
});

describeWithEsco("evaluation sets of issue 12 against ESCO v1.1.1", () => {
  it("reads every skill of skills_en.csv", () => {
    expect(readSkills(SHARED_ESCO).size).toBe(13_896);
  });

  it("cite existing ESCO URIs with their preferred labels, keep no-fit statements off ESCO labels, and split as documented", () => {
    expect(checkEvalSets(SHARED_ESCO)).toEqual([]);
  });
});
