/**
 * Ranking, precision guards, score order, explanations and the plausibility rule, on a small ESCO-format
 * fixture (issue 12).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SUGGEST_THRESHOLD, type Taxonomy, searchSkills, suggestSkills, validateCredential } from "green-skills";
import { baseFixture, fid, skillUri } from "./helpers/esco-fixture.js";
import { fixtureTaxonomy } from "./helpers/fixture-taxonomy.js";
import { URI, curatedFixtureTaxonomy, validDefinition } from "./helpers/credential-fixture.js";

const FOAM = skillUri(fid(301));
const FORMS = skillUri(fid(302));
const CAREER = skillUri(fid(303));
const RE = skillUri(fid(304));
const MEND_CHAIR = skillUri(fid(305));
const CHAIR_MEETING = skillUri(fid(306));
const VELOCIPEDES = skillUri(fid(307));
const PONDS = skillUri(fid(308));
const PONDS_HOTEL = skillUri(fid(309));
const KNOWLEDGE_MANAGEMENT = skillUri(fid(311));
const AQUACULTURE = skillUri(fid(312));
const COMMUNICATION = skillUri(fid(313));
const PESTICIDES = skillUri(fid(315));
const GARDEN = skillUri(fid(316));
const COOKING = skillUri(fid(318));
const CHILLING = skillUri(fid(319));
const BRAILLE = skillUri(fid(321));
const SCENERY = skillUri(fid(322));

let taxonomy: Taxonomy;
beforeAll(async () => {
  const data = baseFixture();
  const skill = (
    n: number,
    label: string,
    alt: string[],
    description: string,
    skillType: "skill/competence" | "knowledge" = "skill/competence",
  ) => data.skills.push({ id: fid(n), label, alt, skillType, reuseLevel: "cross-sector", description, broader: [] });
  skill(301, "apply spray foam", ["spray foam insulation"], "Spray expanding foam into cavities.");
  skill(302, "fill out forms", ["complete forms"], "Complete official paper and online forms.");
  skill(303, "advise on career", ["career guidance"], "Guide people in choosing a career path.");
  skill(304, "instrumentation equipment", ["RE", "re"], "Devices that measure process values.", "knowledge");
  skill(
    305,
    "mend chair",
    ["repair chair"],
    "Repair the frame, springs and upholstery of worn furniture. Keep a record of the work.",
  );
  skill(306, "chair a meeting", ["chair an assembly"], "Lead a formal meeting of a group and keep it to its agenda.");
  skill(
    307,
    "service velocipedes",
    ["overhaul velocipedes"],
    "Adjust the gears, brakes and wheel bearings of bicycles so that they ride smoothly.",
  );
  skill(
    308,
    "maintain ponds in public parks",
    [],
    "Test the oxygen, pH and temperature of the water and remove algae.",
  );
  skill(309, "maintain ponds in hotel grounds", [], "Look after the ornamental features of a hotel.");
  // So that the pond words are label vocabulary, as they are in ESCO.
  skill(310, "log oxygen and temperature of water", [], "Write down measured values.");
  skill(311, "knowledge management", [], "Organise what an organisation knows so that it can be found.", "knowledge");
  skill(312, "aquaculture", ["fish farming"], "Rearing fish and shellfish in tanks and ponds.", "knowledge");
  skill(313, "communication", [], "Exchanging information through words, signs and symbols.", "knowledge");
  skill(314, "teach communication methods", ["teach communication skills"], "Instruct people in ways to communicate.");
  skill(315, "apply chemical pesticides", ["spray pesticides"], "Spray chemical pesticides on crops against pests.");
  skill(317, "e-learning", ["online learning"], "Learning through digital media and the internet.", "knowledge");
  skill(316, "tend garden plants", ["look after garden plants"], "Water, feed and prune the plants of a garden.");
  // Words only descriptions use: "grilling", "braising", "poaching", "roasting" (no label has them).
  skill(
    318,
    "use cooking techniques",
    ["use cookery techniques"],
    "Apply cooking techniques including grilling, frying, braising, poaching or roasting.",
  );
  skill(319, "perform chilling processes", ["chill food products"], "Cool food quickly to a safe temperature.");
  skill(320, "clean kitchen equipment", [], "Clean ovens, grilling plates and fryers after service.");
  skill(321, "teach braille", [], "Teach blind and visually impaired people to read and write braille.");
  skill(322, "paint scenery", ["paint theatre sets"], "Paint the sets of a stage production.");
  // ESCO-style synonym evidence: "coach" and "teach" label the same skill twice.
  skill(323, "coach employees", ["teach employees"], "Help staff improve their performance.");
  skill(324, "coach athletes", ["teach athletes"], "Train sportspeople in their discipline.");
  skill(325, "teach mathematics", [], "Instruct students in mathematics.");
  // "include" is in one label but in many descriptions ("Tasks include …"); "ward" is in three labels.
  skill(326, "include guests in activities", [], "Let every guest take part.");
  for (const [n, label, description] of [
    [327, "manage hospital wards", "Tasks include rotas and budgets."],
    [328, "clean ward floors", "Work may include mopping and polishing."],
    [329, "staff a night ward", "Duties include rounds and handovers."],
    [330, "sort parcels", "This may include weighing and labelling."],
    [331, "stack shelves", "Tasks include rotating stock."],
  ] as const)
    skill(n, label, [], description);
  skill(332, "plate meals", [], "Work may include garnishing dishes.");
  skill(333, "portion meals", [], "Divide dishes for each patient on a ward.");
  skill(334, "plan shipments", [], "Decide when and how goods are sent.");
  skill(335, "address customer concerns", [], "Answer the worries of customers.");
  skill(336, "store hazardous chemicals", [], "Keep dangerous substances safely.");
  skill(337, "identify hazards", [], "Spot what may cause harm.");
  // ESCO's evidence that two derivations are one word: one concept's labels hold both.
  skill(338, "decide on loans", ["loan decision"], "Approve or refuse loan applications.");
  skill(339, "decide on grants", [], "Approve or refuse grant requests.");
  skill(340, "analyse colour samples", [], "Compare the colour of samples with a standard.");
  // Twins that differ only in type: the opening verb decides between them.
  skill(341, "vineyard pruning", [], "Cutting back vines in winter.", "knowledge");
  skill(342, "vineyard pruning", [], "Cutting back vines in winter.");
  skill(343, "operate a wood planer", ["use planing machines"], "Smooth boards by planing them.");
  skill(344, "scrape paint off walls", [], "Remove old coatings with a scraper.");
  skill(345, "sort scrap metal", [], "Separate metals for recycling.");
  skill(346, "sell scrap", [], "Trade recovered materials.");
  // Closed compounds that texts often hyphenate after a fragment ("co-operate", "re-use").
  skill(347, "cooperate with suppliers", [], "Work together with the firms that supply goods.");
  skill(348, "operate forklifts", [], "Drive lifting trucks in a warehouse.");
  skill(349, "reuse packaging", [], "Use boxes and crates again instead of discarding them.");
  skill(350, "use packaging machines", [], "Run the machines that wrap products.");
  // Labels that write a prefix apart from its word ("e-learning", ESCO's "e tendering").
  skill(351, "e-marketing", [], "Promotion through digital media.", "knowledge");
  skill(352, "marketing principles", [], "How products are promoted and sold.", "knowledge");
  skill(355, "plan marketing campaigns", [], "Decide how and where to promote a product.");
  skill(356, "manage tendering processes", [], "Organise how offers are requested and compared.");
  skill(357, "provide ICT support", [], "Help users of computer systems with their problems.");
  skill(358, "provide learning support", [], "Help learners with difficulties in literacy and numeracy.");
  skill(359, "mount photovoltaic panels", ["install PV panels"], "Fix solar panels to a roof or frame.");
  skill(360, "install roof windows", [], "Fit windows into a pitched roof.");
  skill(353, "e-procurement", ["e tendering"], "Buying through online platforms.", "knowledge");
  skill(354, "carry out tendering", [], "Run a call for tenders.");
  taxonomy = await fixtureTaxonomy(data);
}, 60_000);

describe("precision guards", () => {
  it("reads a fragment hyphenated to the next word as the closed word the vocabulary has (co-operate, re-use)", () => {
    const hits = searchSkills(taxonomy, "co-operate");
    expect(hits[0]?.uri).toBe(skillUri(fid(347)));
    expect(hits[0]?.matches[0]).toMatchObject({ word: "co-operate", term: "cooperate", via: "exact" });
    const exactly = (list: typeof hits, term: string) =>
      list.flatMap((h) => h.matches).filter((m) => m.term === term && m.via === "exact");
    expect(exactly(hits, "operate")).toEqual([]);
    const reuse = searchSkills(taxonomy, "Learners can re-use packaging in the workshop");
    expect(reuse[0]?.uri).toBe(skillUri(fid(349)));
    expect(reuse[0]?.matches.map((m) => m.word)).toContain("re-use");
    expect(exactly(reuse, "use")).toEqual([]);
  });
  it("reads a label's prefix as part of its word, so the bare word does not match it in full (e-marketing, e tendering)", () => {
    expect(searchSkills(taxonomy, "marketing")[0]?.uri).toBe(skillUri(fid(352)));
    expect(searchSkills(taxonomy, "tendering")[0]?.uri).toBe(skillUri(fid(354)));
    for (const query of ["e-marketing", "emarketing"]) {
      const [hit] = searchSkills(taxonomy, query);
      expect(hit?.uri, query).toBe(skillUri(fid(351)));
      expect(hit?.matches[0]?.term, query).toBe("emarketing");
    }
    expect(searchSkills(taxonomy, "e-tendering")[0]?.uri).toBe(skillUri(fid(353)));
  });
  it("reads IT in capitals as ICT, not as the stopword it", () => {
    const [hit] = searchSkills(taxonomy, "IT support");
    expect(hit?.uri).toBe(skillUri(fid(357)));
    expect(hit?.matches[0]).toMatchObject({ word: "IT", term: "ict", via: "exact" });
    expect(searchSkills(taxonomy, "support it")[0]?.uri).not.toBe(skillUri(fid(357)));
  });
  it("does not correct a word whose inflection the vocabulary knows into another word (foams ≠ forms)", () => {
    const hits = searchSkills(taxonomy, "foams");
    expect(hits.map((h) => h.uri)).toContain(FOAM);
    expect(hits.map((h) => h.uri)).not.toContain(FORMS);
    expect(hits[0]?.matches[0]).toMatchObject({ word: "foams", term: "foam", via: "word-family" });
  });
  it("extends a short word only by an ending (care does not reach career)", () => {
    const hits = searchSkills(taxonomy, "care");
    expect(hits.map((h) => h.uri)).not.toContain(CAREER);
    expect(searchSkills(taxonomy, "careers").map((h) => h.uri)).toContain(CAREER);
  });
  it("joins two derivations of a four-letter stem only when both end as derivations do (braise ≁ braille)", () => {
    expect(searchSkills(taxonomy, "braise").map((h) => h.uri)).not.toContain(BRAILLE);
    expect(searchSkills(taxonomy, "scenic painting")[0]?.uri).toBe(SCENERY);
  });
  it("takes no synonyms of a typo guess (poach → coach, but not → teach)", () => {
    const text = "Learners can poach eggs and fish gently in barely simmering stock";
    const matches = searchSkills(taxonomy, text, { limit: 20 }).flatMap((h) => h.matches);
    expect(matches.filter((m) => m.word === "poach" && m.via === "synonym")).toEqual([]);
    // A known word still brings its synonyms.
    const coach = searchSkills(taxonomy, "Learners can coach pupils in mathematics at secondary school level");
    expect(coach[0]?.uri).toBe(skillUri(fid(325)));
    expect(coach[0]?.matches).toContainEqual(expect.objectContaining({ word: "coach", term: "teach", via: "synonym" }));
  });
  it("knows that a final consonant doubles before an ending (planning ~ plan)", () => {
    expect(searchSkills(taxonomy, "planning shipments")[0]?.uri).toBe(skillUri(fid(334)));
    expect(searchSkills(taxonomy, "planned shipments")[0]?.matches).toContainEqual(
      expect.objectContaining({ word: "planned", term: "plan", via: "word-family" }),
    );
  });
  it("does not read an undoubled consonant before a vowel ending as an inflection (plan ≁ planer, scrap ≁ scrape)", () => {
    const planer = skillUri(fid(343));
    expect(searchSkills(taxonomy, "plan shipments", { limit: 20 }).map((h) => h.uri)).not.toContain(planer);
    expect(searchSkills(taxonomy, "plan").map((h) => h.uri)).not.toContain(planer);
    const scrap = searchSkills(taxonomy, "scrap").map((h) => h.uri);
    expect(scrap).toContain(skillUri(fid(345)));
    expect(scrap).not.toContain(skillUri(fid(344)));
    // The words themselves still find their own skills.
    expect(searchSkills(taxonomy, "planer")[0]?.uri).toBe(planer);
    expect(searchSkills(taxonomy, "scraper")[0]?.uri).toBe(skillUri(fid(344)));
  });
  it("joins two derivations of a stem only when both end as derivations do or ESCO labels them as variants", () => {
    // "concert" and "concern" share "conce", but "t" and "n" are no endings.
    expect(searchSkills(taxonomy, "concert").map((h) => h.uri)).not.toContain(skillUri(fid(335)));
    // "decision" and "decide" end otherwise too, but one concept's labels hold both.
    const [grants] = searchSkills(taxonomy, "decision on grants");
    expect(grants?.uri).toBe(skillUri(fid(339)));
    expect(grants?.matches).toContainEqual(expect.objectContaining({ word: "decision", term: "decide" }));
    // A word that extends a known word by no real ending is still a typo: hazardus → hazardous, not hazard.
    const [hit] = searchSkills(taxonomy, "store hazardus chemicals");
    expect(hit?.uri).toBe(skillUri(fid(336)));
    expect(hit?.matches).toContainEqual(expect.objectContaining({ word: "hazardus", term: "hazardous", via: "typo" }));
  });
  it("does not correct a word that descriptions use into a label word in free text (grilling ≠ chilling)", () => {
    const text = "Learners can prepare vegetables by grilling them over charcoal before serving";
    const hits = searchSkills(taxonomy, text, { limit: 20 });
    expect(hits.map((h) => h.uri)).not.toContain(CHILLING);
    expect(hits.flatMap((h) => h.matches).filter((m) => m.via === "typo")).toEqual([]);
    // A word no text uses is still corrected.
    const typo = searchSkills(taxonomy, "Learners can perform chiling processes on food products");
    expect(typo[0]?.uri).toBe(CHILLING);
    expect(typo[0]?.matches).toContainEqual(
      expect.objectContaining({ word: "chiling", term: "chilling", via: "typo" }),
    );
  });
  it("ignores one- and two-letter fragments of free text (re-upholster does not match the label RE)", () => {
    const result = suggestSkills(taxonomy, "The learner is able to re-upholster a worn chair", { threshold: 0 });
    expect([...result.suggestions, ...result.belowThreshold].map((s) => s.uri)).not.toContain(RE);
    // A label query still finds the abbreviation.
    expect(searchSkills(taxonomy, "re")[0]?.uri).toBe(RE);
  });
  it("keeps a two-letter abbreviation written in capitals in free text (PV panels)", () => {
    const text = "Participants can install PV panels on a pitched roof";
    const [top] = suggestSkills(taxonomy, text, { threshold: 0 }).suggestions;
    expect(top?.uri).toBe(skillUri(fid(359)));
    expect(top?.matches.map((m) => m.word)).toContain("PV");
    const lower = suggestSkills(taxonomy, text.replace("PV", "pv"), { threshold: 0 });
    expect(lower.suggestions[0]?.matches.map((m) => m.word) ?? []).not.toContain("pv");
  });
});

describe("ranking and scores", () => {
  it("always returns results in score order", () => {
    for (const query of [
      "heat pump",
      "instal heatpump",
      "Learners can install and commission heat pumps and insulate walls",
      "chair",
      "waste",
      "energy audit of buildings",
    ]) {
      const scores = searchSkills(taxonomy, query).map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const suggested = suggestSkills(taxonomy, query, { threshold: 0 }).suggestions.map((s) => s.score);
      expect(suggested).toEqual([...suggested].sort((a, b) => b - a));
    }
  });
  it("reads descriptions as weaker evidence: the sense of an ambiguous word follows the rest of the outcome", () => {
    const result = suggestSkills(taxonomy, "Learners can mend a chair whose upholstery and springs are worn", {
      threshold: 0,
    });
    const top = result.suggestions[0]!;
    expect(top.uri).toBe(MEND_CHAIR);
    const chairMeeting = result.suggestions.find((s) => s.uri === CHAIR_MEETING);
    if (chairMeeting) expect(chairMeeting.score).toBeLessThan(top.score);
    expect(top.matches.filter((m) => m.field === "description").map((m) => m.term)).toEqual(
      expect.arrayContaining(["upholstery", "springs", "worn"]),
    );
    expect(top.snippet).toBe("Repair the frame, springs and upholstery of worn furniture.");
    expect(top.explanation).toContain('description also has "upholstery"');
    expect(top.explanation).toContain("skill/competence");
  });
  it("finds a skill through its description when its labels share no word with the outcome", () => {
    const result = suggestSkills(taxonomy, "Learners can adjust the gears and brakes of a bicycle", { threshold: 0 });
    const found = result.suggestions.find((s) => s.uri === VELOCIPEDES);
    expect(found).toBeDefined();
    expect(found!.matches.every((m) => m.field === "description")).toBe(true);
    expect(found!.matches.map((m) => m.term)).toEqual(expect.arrayContaining(["gears", "brakes"]));
    expect(found!.explanation).toContain("found through its description only");
    // A label query does not reach into descriptions.
    expect(searchSkills(taxonomy, "gears brakes").map((h) => h.uri)).not.toContain(VELOCIPEDES);
  });
  it("reaches words only descriptions use through their inflections (grill → grilling, braise → braising)", () => {
    const [top] = searchSkills(taxonomy, "The learner can grill, braise, poach and roast food correctly.");
    expect(top?.uri).toBe(COOKING);
    expect(top?.matches).toEqual(
      expect.arrayContaining([
        { word: "grill", term: "grilling", via: "word-family", field: "description" },
        // Shown as the description spells it, though the index folds -ise/-ize spellings into one.
        { word: "braise", term: "braising", via: "word-family", field: "description" },
        { word: "poach", term: "poaching", via: "word-family", field: "description" },
        { word: "roast", term: "roasting", via: "word-family", field: "description" },
      ]),
    );
  });
  it('weighs a description word by its rarity among descriptions ("include" says little there)', () => {
    const ranked = suggestSkills(taxonomy, "Duties include preparing meals on the ward", { threshold: 0 }).suggestions;
    const at = (uri: string) => ranked.findIndex((s) => s.uri === uri);
    expect(at(skillUri(fid(333)))).toBeGreaterThanOrEqual(0);
    expect(at(skillUri(fid(333)))).toBeLessThan(at(skillUri(fid(332))));
  });
  it("lets a description that holds the outcome's other words make up for a partly covered label", () => {
    // searchSkills: the score of each hit on its own (suggestSkills also weighs the lead of the best one).
    const result = searchSkills(
      taxonomy,
      "The learner can maintain ponds, testing the oxygen, pH and temperature of the water",
      { mode: "outcome" },
    );
    const described = result.find((s) => s.uri === PONDS)!;
    const bare = result.find((s) => s.uri === PONDS_HOTEL)!;
    expect(described.score).toBeGreaterThan(bare.score);
    // Both labels cover half of themselves ("maintain ponds"); the described one is lifted towards the
    // full score (about 0.28 → 0.48 here); the other, whose description backs none of the statement's
    // other words, stays low.
    expect(described.score).toBeGreaterThan(0.4);
    expect(bare.score).toBeLessThan(0.3);
    expect(described.matches.filter((m) => m.field === "description").map((m) => m.term)).toEqual(
      expect.arrayContaining(["oxygen", "temperature"]),
    );
  });
  it("lowers the suggestion scores when a close second explains the outcome about as well, and says so", () => {
    const text = "The learner can maintain ponds";
    const raw = searchSkills(taxonomy, text, { mode: "outcome" });
    const result = suggestSkills(taxonomy, text, { threshold: 0 });
    expect(
      raw
        .slice(0, 2)
        .map((h) => h.uri)
        .sort(),
    ).toEqual([PONDS, PONDS_HOTEL].sort());
    expect(result.suggestions[0]!.uri).toBe(raw[0]!.uri);
    expect(result.suggestions[0]!.score).toBeLessThan(raw[0]!.score);
    expect(result.suggestions[0]!.explanation).toMatch(
      /close second "maintain ponds in (public parks|hotel grounds)" \([0-9.]+\) lowers confidence/,
    );
    // The runner-up is named with the score it is listed with.
    const second = result.suggestions[1]!;
    expect(result.suggestions[0]!.explanation).toContain(`close second "${second.label}" (${second.score})`);
    // A clear winner keeps its score.
    expect(suggestSkills(taxonomy, "Learners can install heat pumps").suggestions[0]?.score).toBe(
      searchSkills(taxonomy, "Learners can install heat pumps", { mode: "outcome" })[0]?.score,
    );
  });
  it("gives a label matched word for word the score 1, and a weak partial match a low one", () => {
    expect(searchSkills(taxonomy, "install heat pump")[0]).toMatchObject({ uri: URI.installHeatPump, score: 1 });
    const weak = suggestSkills(taxonomy, "Learners can bake sourdough bread using residual oven heat");
    expect(weak.status).toBe("no_good_match");
    expect(weak.belowThreshold.every((s) => s.score < SUGGEST_THRESHOLD)).toBe(true);
  });
  it('lets the words a job ad frames decide, not the frame ("strong knowledge of …")', () => {
    // "skills" is rarer than "communication" here: without the frame rule the label holding both would win.
    expect(searchSkills(taxonomy, "Strong communication skills")[0]?.uri).toBe(COMMUNICATION);
    expect(searchSkills(taxonomy, "Strong knowledge of fish farming")[0]?.uri).toBe(AQUACULTURE);
    expect(searchSkills(taxonomy, "good knowledge of farming fish")[0]?.uri).toBe(AQUACULTURE);
    // A frame word alone, or in a label, still matches in full.
    expect(searchSkills(taxonomy, "knowledge management")[0]).toMatchObject({ uri: KNOWLEDGE_MANAGEMENT, score: 1 });
    expect(searchSkills(taxonomy, "knowledge")[0]?.uri).toBe(KNOWLEDGE_MANAGEMENT);
  });
  it('weighs what an outcome excludes lightly ("without chemical pesticides")', () => {
    const text = "Learners can keep garden plants healthy without spraying chemical pesticides";
    expect(searchSkills(taxonomy, text)[0]?.uri).toBe(GARDEN);
    // Stated, not excluded, the same words lead to the pesticide skill.
    expect(
      searchSkills(taxonomy, "Learners can keep garden plants healthy by spraying chemical pesticides")[0]?.uri,
    ).toBe(PESTICIDES);
  });
  it('reads a short text that opens as an outcome as free text ("The learner can …": no match on learner)', () => {
    const hits = searchSkills(taxonomy, "The learner can mend a chair");
    expect(hits[0]?.uri).toBe(MEND_CHAIR);
    expect(hits.flatMap((h) => h.matchedTerms)).not.toContain("learner");
    // Without the frame, a short query is a label query: "learner" may match its word family.
    expect(searchSkills(taxonomy, "learner")[0]?.label).toBe("e-learning");
  });
  it("shows matched words as the label or description spells them (British and American spelling)", () => {
    const [hit] = searchSkills(taxonomy, "analyze color samples");
    expect(hit?.uri).toBe(skillUri(fid(340)));
    expect(hit?.matches).toEqual([
      { word: "analyze", term: "analyse", via: "exact", field: "label" },
      { word: "color", term: "colour", via: "exact", field: "label" },
      { word: "samples", term: "samples", via: "exact", field: "label" },
    ]);
  });
  it('reads "knows how to" as know-how (a skill), "knows" or "explain" as knowledge', () => {
    const first = (text: string) => suggestSkills(taxonomy, text, { threshold: 0 }).suggestions[0]?.uri;
    expect(first("The learner knows how to do vineyard pruning in winter")).toBe(skillUri(fid(342)));
    expect(first("The learner knows the principles of vineyard pruning in winter")).toBe(skillUri(fid(341)));
    expect(first("The learner can explain vineyard pruning in winter")).toBe(skillUri(fid(341)));
  });
  it("explains typo and compound hops", () => {
    const [hit] = searchSkills(taxonomy, "instal heatpump");
    expect(hit?.uri).toBe(URI.installHeatPump);
    expect(hit?.matches.map((m) => m.via)).not.toContain(undefined);
  });
});

describe("implausible_mapping", () => {
  const withMapping = (statement: string, esco: string[]) => {
    const definition = validDefinition();
    definition["learningOutcomes"][0] = { id: "lo-1", statement: { en: statement }, esco, greenComp: ["2.1"] };
    return definition;
  };
  const implausible = (result: ReturnType<typeof validateCredential>) =>
    result.issues.filter((i) => i.code === "implausible_mapping");

  it("warns when the statement does not support a mapped skill, with evidence and better candidates", () => {
    const result = validateCredential(taxonomy, withMapping("Install a heat pump.", [URI.installInsulation, URI.weld]));
    const [warning, ...rest] = implausible(result);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      severity: "warning",
      path: ["learningOutcomes", 0, "esco", 1],
      element: "learning-outcomes",
    });
    expect(warning?.message).toContain('does not support "weld metal parts"');
    expect(warning?.evidence).toMatchObject({
      uri: URI.weld,
      label: "weld metal parts",
      rank: null,
      labelTerms: [],
      descriptionTerms: [],
      near: null,
      coverage: "full",
    });
    expect(warning?.candidates?.map((c) => c.uri)).toContain(URI.installHeatPump);
    expect(result.success).toBe(true);
  });
  it("accepts a skill next to a strong candidate in ESCO (narrower, related, needed by the same occupations)", () => {
    // "maintain heat pump" is narrower than "install heat pump"; "types of heat pumps" is its related skill.
    const result = validateCredential(
      taxonomy,
      withMapping("Install and commission a heat pump in a family home.", [
        URI.installHeatPump,
        URI.maintainHeatPump,
        URI.heatPumpTypes,
      ]),
    );
    expect(implausible(result)).toEqual([]);
  });
  it("is off with plausibility: false, by default with suggest: false, and on the embedded default", async () => {
    const definition = withMapping("Install and commission a heat pump in a family home.", [URI.weld]);
    expect(implausible(validateCredential(taxonomy, definition))).toHaveLength(1);
    expect(implausible(validateCredential(taxonomy, definition, { plausibility: false }))).toEqual([]);
    expect(implausible(validateCredential(taxonomy, definition, { suggest: false }))).toEqual([]);
    expect(implausible(validateCredential(taxonomy, definition, { suggest: false, plausibility: true }))).toHaveLength(
      1,
    );
    const curated = await curatedFixtureTaxonomy();
    expect(implausible(validateCredential(curated, withMapping("Install a heat pump.", [URI.teamwork])))).toEqual([]);
  });
});
