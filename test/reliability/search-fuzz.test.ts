/**
 * Search over many-language vocabularies never throws (issue 11, item 17). A French + English import once
 * crashed every free-text search with `a.charCodeAt is not a function`: the spelling table was an object
 * literal, so the English label word "constructor" normalised to `Object.prototype.constructor` (a
 * function) and that non-string term reached the synonym builder. These tests build taxonomies whose labels
 * hold `Object.prototype` member names, accents and other scripts, then search them with seeded random
 * queries in every mode and language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Taxonomy, searchOccupations, searchSkills, suggestSkills } from "green-skills";
import { SkillHitSchema, OccupationHitSchema, SuggestResultSchema } from "green-skills/schemas";
import { tokenise } from "../../src/search/fold-text.js";
import { baseFixture, fid } from "../helpers/esco-fixture.js";
import { fixtureTaxonomy } from "../helpers/fixture-taxonomy.js";
import { seededRandom } from "../helpers/random.js";

/** Words that are `Object.prototype` members or otherwise special as object keys. */
const PROTO_WORDS = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "prototype",
  "length",
  "then",
];
/** Accents, ligatures and other scripts. */
const WORLD_WORDS = [
  "ingeniera",
  "especializada",
  "gasoductos",
  "oleoductos",
  "constructeur",
  "ingénieur",
  "spécialisé",
  "Wärmepumpe",
  "Straße",
  "œuvre",
  "ﬁbre",
  "οικοδόμος",
  "инженер",
  "строитель",
  "建筑师",
  "工程",
  "エンジニア",
  "مهندس",
  "מהנדס",
  "इंजीनियर",
  "ช่าง",
  "Ærø",
  "Łódź",
  "İstanbul",
  "ǅemal",
];
const PLAIN_WORDS = [
  "install",
  "heat",
  "pump",
  "pumps",
  "solar",
  "panel",
  "weld",
  "metal",
  "waste",
  "sort",
  "team",
  "lead",
  "the",
  "of",
  "re",
  "c++",
  "c#",
  "x",
  "42",
  "1.5",
  "l'énergie",
  "don't",
];
const POOL = [...PROTO_WORDS, ...WORLD_WORDS, ...PLAIN_WORDS];

const random = seededRandom;

function randomQuery(next: () => number): string {
  const n = 1 + Math.floor(next() * 9);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.75) words.push(POOL[Math.floor(next() * POOL.length)]!);
    else if (r < 0.9) {
      // A mutated pool word: one character dropped, doubled or replaced.
      const w = POOL[Math.floor(next() * POOL.length)]!;
      const at = Math.floor(next() * w.length);
      words.push(w.slice(0, at) + String.fromCodePoint(0x61 + Math.floor(next() * 26)) + w.slice(at + 1));
    } else {
      // Random code points from several blocks (Latin, Greek, Cyrillic, CJK, combining marks, punctuation).
      const blocks = [0x20, 0xc0, 0x370, 0x400, 0x4e00, 0x300, 0x2000];
      let w = "";
      const len = 1 + Math.floor(next() * 8);
      for (let k = 0; k < len; k++)
        w += String.fromCodePoint(blocks[Math.floor(next() * blocks.length)]! + Math.floor(next() * 96));
      words.push(w);
    }
  }
  return words.join(next() < 0.5 ? " " : next() < 0.5 ? ", " : "-");
}

/** Fixture whose labels (English and a second language) hold the awkward words. */
async function awkwardTaxonomy(): Promise<Taxonomy> {
  const data = baseFixture();
  // Pairs of preferred/alternative labels that differ in one word, so the synonym table aligns the
  // awkward word with another one (this is where the crash happened).
  PROTO_WORDS.forEach((word, i) => {
    data.skills.push({
      id: fid(900 + i),
      label: `road ${word} work`,
      alt: [`road builder work`, `${word}`],
      skillType: i % 2 ? "knowledge" : "skill/competence",
      reuseLevel: "sector-specific",
      description: `Description with ${word}.`,
      broader: [],
      de: `${WORLD_WORDS[i % WORLD_WORDS.length]} ${word}`,
    });
    data.skills.push({
      id: fid(950 + i),
      label: `bridge ${word} work`,
      alt: [`bridge builder work`],
      skillType: "skill/competence",
      reuseLevel: "sector-specific",
      description: "Another pair, so the word pair is seen twice.",
      broader: [],
      de: `${word} ${WORLD_WORDS[(i + 3) % WORLD_WORDS.length]}`,
    });
  });
  WORLD_WORDS.forEach((word, i) => {
    data.occupations.push({
      id: fid(800 + i),
      label: `${word} constructor`,
      alt: [`${word} builder`, `constructor ${PLAIN_WORDS[i % PLAIN_WORDS.length]}`],
      isco: "7126",
      code: `7126.${90 + i}`,
      description: `An occupation named with ${word}.`,
      essential: [],
      optional: [],
      de: `${word} Bauer`,
    });
  });
  return fixtureTaxonomy(data, { languages: ["en", "de", "fr"] });
}

describe("search over many-language vocabularies never throws", () => {
  let taxonomy: Taxonomy;
  beforeAll(async () => {
    taxonomy = await awkwardTaxonomy();
  }, 60_000);

  it("tokenise keeps prototype member names as plain strings", () => {
    for (const word of PROTO_WORDS)
      for (const token of tokenise(`${word} ${word.toUpperCase()}`)) expect(typeof token).toBe("string");
    expect(tokenise("constructor toString __proto__")).toEqual(["constructor", "tostring", "proto"]);
  });

  it("answers the queries of the bug report on every index", () => {
    for (const query of [
      "ingeniera especializada en gasoductos y oleoductos",
      "especializada en gasoductos",
      "constructor",
      "road constructor work of the builder",
    ]) {
      for (const lang of [undefined, "en", "de", "fr"]) {
        const options = lang ? { lang } : {};
        expect(() => searchOccupations(taxonomy, query, options)).not.toThrow();
        expect(() => searchSkills(taxonomy, query, options)).not.toThrow();
        expect(() => suggestSkills(taxonomy, query, options)).not.toThrow();
      }
    }
    // The awkward words are found like any other word.
    expect(searchSkills(taxonomy, "road constructor work")[0]?.label).toBe("road constructor work");
    expect(searchOccupations(taxonomy, "инженер constructor")[0]?.label).toBe("инженер constructor");
  });

  it("survives 1,500 seeded random queries in every mode and language", () => {
    const next = random(20261202);
    const langs = [undefined, "en", "de", "fr"] as const;
    const modes = ["auto", "label", "outcome"] as const;
    for (let i = 0; i < 1500; i++) {
      const query = randomQuery(next);
      const lang = langs[i % langs.length];
      const mode = modes[Math.floor(i / langs.length) % modes.length]!;
      const options = { ...(lang ? { lang } : {}), mode };
      try {
        for (const hit of searchSkills(taxonomy, query, options)) SkillHitSchema.parse(hit);
        for (const hit of searchOccupations(taxonomy, query, options)) OccupationHitSchema.parse(hit);
        SuggestResultSchema.parse(suggestSkills(taxonomy, query, lang ? { lang } : {}));
      } catch (error) {
        throw new Error(
          `query #${i} ${JSON.stringify(query)} (${JSON.stringify(options)}) failed: ${(error as Error).message}`,
        );
      }
    }
  });
});
