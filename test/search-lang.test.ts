/**
 * Language-aware search on small fixtures of our own (issue 15, items 1 and 2): stemming reaches
 * inflections, function words and outcome boilerplate are dropped, elided articles are split, the query's
 * language is detected, matched first when imported and flagged when not. Labels below are written for
 * these tests (not taken from ESCO).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  foldText,
  queryLanguage,
  searchSkills,
  suggestSkills,
  type Taxonomy,
  tokenise,
  useLanguageSupport,
  validateCredential,
} from "green-skills";
import { escoLanguageSupport } from "green-skills/languages";
import { SuggestResultSchema } from "green-skills/schemas";
import { validDefinition } from "./helpers/credential-fixture.js";
import { importEsco, loadTaxonomy } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import {
  baseFixture,
  fid,
  OCCUPATIONS_HEADER,
  occupationUri,
  SKILLS_HEADER,
  skillUri,
  writeEscoFixture,
} from "./helpers/esco-fixture.js";

const HEAT_PUMP = skillUri(fid(101));
const HEAT_PUMP_TYPES = skillUri(fid(104));
const ENERGY_EFFICIENCY = skillUri(fid(105));
const WASTE = skillUri(fid(108));
const TEAMS = skillUri(fid(109));

/** Per language: concept id → [preferred label, alternative labels]. */
const LABELS: Record<string, Record<number, [string, string[]]>> = {
  it: {
    101: ["installare pompe di calore", ["installazione di pompe di calore"]],
    104: ["tipi di pompe di calore", []],
    105: ["efficienza energetica", []],
    108: ["gestire i rifiuti", ["gestione dei rifiuti"]],
    109: ["lavorare in squadra", []],
    110: ["seguire i discenti", []],
  },
  es: {
    101: ["instalar bombas de calor", []],
    105: ["eficiencia energética", []],
    108: ["gestión de residuos", []],
    109: ["trabajar en equipo", []],
    110: ["tutorizar alumnos", []],
  },
  de: {
    101: ["Wärmepumpen installieren", []],
    105: ["Energieeffizienz", []],
    108: ["Abfälle bewirtschaften", []],
    109: ["im Team arbeiten", []],
    110: ["Lernende betreuen", []],
  },
  nl: {
    101: ["warmtepompen installeren", []],
    105: ["energie-efficiëntie", []],
    108: ["afval beheren", []],
    109: ["in teamverband werken", []],
  },
  fi: {
    101: ["asentaa lämpöpumppuja", []],
    105: ["energiatehokkuus", []],
    108: ["jätehuolto", ["jätteiden käsittely"]],
    109: ["työskennellä tiimissä", []],
  },
  bg: {
    101: ["монтиране на термопомпи", []],
    105: ["енергийна ефективност", []],
    108: ["управление на отпадъци", []],
    109: ["работа в екип", []],
    111: ["поддръжка на помпа", []],
  },
};

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csv = (header: string[], rows: string[][]) =>
  `${[header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;

/** Skills files for the languages above; French only as a green collection file plus an occupations file (like ESCO's French v1.1.1 set). */
function writeLanguages(folder: string): void {
  const header = [...SKILLS_HEADER];
  for (const [lang, labels] of Object.entries(LABELS)) {
    const rows = Object.entries(labels).map(([id, [pref, alt]]) => [
      "KnowledgeSkillCompetence",
      skillUri(fid(Number(id))),
      "",
      "",
      pref,
      alt.join("\n"),
      "",
      "released",
      "",
      "",
      "",
      "",
      "",
    ]);
    writeFileSync(join(folder, `skills_${lang}.csv`), csv(header, rows));
  }
  const collection = [
    "conceptType",
    "conceptUri",
    "preferredLabel",
    "status",
    "skillType",
    "reuseLevel",
    "altLabels",
    "description",
    "broaderConceptUri",
    "broaderConceptPT",
  ];
  writeFileSync(
    join(folder, "greenSkillsCollection_fr.csv"),
    csv(collection, [
      [
        "KnowledgeSkillCompetence",
        HEAT_PUMP,
        "installer une pompe à chaleur",
        "released",
        "skill/competence",
        "cross-sector",
        "pose de pompes à chaleur",
        "Poser et raccorder les unités d'une pompe à chaleur.",
        "",
        "",
      ],
      [
        "KnowledgeSkillCompetence",
        ENERGY_EFFICIENCY,
        "économie de l'énergie",
        "released",
        "knowledge",
        "cross-sector",
        "",
        "",
        "",
        "",
      ],
    ]),
  );
  const occupations = [...OCCUPATIONS_HEADER];
  writeFileSync(
    join(folder, "occupations_fr.csv"),
    csv(occupations, [
      [
        "Occupation",
        occupationUri(fid(201, "cccccccc")),
        "7126",
        "installateur de pompes à chaleur",
        "",
        "",
        "released",
        "",
        "",
        "",
        "",
        "",
        "",
        "7126.3",
      ],
    ]),
  );
}

let dir: string;
let manyBundle: Uint8Array;
let many: Taxonomy;
let english: Taxonomy;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gs-lang-"));
  const [folder] = writeEscoFixture(join(dir, "many"), baseFixture(), { languages: ["en"] });
  writeLanguages(folder!);
  const imported = await importEsco([folder!], { workers: false });
  manyBundle = imported.bundle;
  many = await loadTaxonomy(imported.bundle);
  const [plain] = writeEscoFixture(join(dir, "en"), baseFixture(), { languages: ["en"] });
  english = await loadTaxonomy((await importEsco([plain!], { workers: false })).bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("languages of a many-language import", () => {
  it("imports every language, French labels from the collection file (no skills_fr.csv)", () => {
    expect([...many.languages].sort()).toEqual(["bg", "de", "en", "es", "fi", "fr", "it", "nl"]);
    const [hit] = searchSkills(many, "pose de pompes à chaleur", { lang: "fr" });
    expect(hit?.uri).toBe(HEAT_PUMP);
    expect(hit).toMatchObject({
      label: "installer une pompe à chaleur",
      labelLang: "fr",
      matchedLabel: { type: "alt", lang: "fr" },
    });
  });

  it.each([
    ["it", "installazione della pompa di calore", HEAT_PUMP],
    ["es", "gestionar los residuos", WASTE],
    ["de", "Wärmepumpe installieren", HEAT_PUMP],
    ["nl", "warmtepomp installeren", HEAT_PUMP],
    ["fi", "lämpöpumpun asentaminen", HEAT_PUMP],
    ["bg", "термопомпата", HEAT_PUMP],
    ["fr", "pompes à chaleur", HEAT_PUMP],
  ])("%s: an inflected query finds the skill, labelled in that language", (lang, query, uri) => {
    const [hit] = searchSkills(many, query, { lang });
    expect(hit?.uri, query).toBe(uri);
    expect(hit?.labelLang).toBe(lang);
    expect(hit?.matchedLabel.lang).toBe(lang);
  });

  it("bg: a definite article is an inflection (stem), where word families alone do not reach", () => {
    // "помпата" (the pump) is "помпа" + "та": a short word with an ending the word-family rule does not
    // know, and two edits away; the stemmer reads both as "помп".
    const [hit] = searchSkills(many, "помпата", { lang: "bg" });
    expect(hit?.uri).toBe(skillUri(fid(111)));
    expect(hit?.matches[0]).toMatchObject({ word: "помпата", term: "помпа", via: "word-family" });
  });

  it("drops the query language's function words", () => {
    const [hit] = searchSkills(many, "pompa di calore", { lang: "it" });
    expect(hit?.uri).toBe(HEAT_PUMP);
    expect(hit?.matchedTerms).toEqual(["pompa", "calore"]);
    expect(searchSkills(many, "de la des", { lang: "fr" })).toEqual([]);
    expect(searchSkills(many, "на", { lang: "bg" })).toEqual([]);
  });

  it("splits elided articles in French and Italian (l'énergie is énergie)", () => {
    const [hit] = searchSkills(many, "énergie", { lang: "fr" });
    expect(hit?.uri).toBe(ENERGY_EFFICIENCY);
    expect(hit?.matches[0]).toMatchObject({ term: "energie", via: "exact" });
    expect(searchSkills(many, "l'énergie", { lang: "fr" })[0]?.matches[0]).toMatchObject({
      word: "l'énergie",
      term: "energie",
      via: "exact",
    });
  });

  it.each([
    ["it", "Il discente è in grado di installare una pompa di calore", HEAT_PUMP, ["discente", "grado"]],
    ["es", "El alumno será capaz de gestionar los residuos de la obra", WASTE, ["alumno", "capaz"]],
    ["de", "Die Lernenden können Wärmepumpen fachgerecht installieren", HEAT_PUMP, ["Lernenden", "können"]],
    ["nl", "De deelnemer kan warmtepompen installeren en in bedrijf stellen", HEAT_PUMP, ["deelnemer", "kan"]],
    ["fi", "Opiskelija osaa asentaa lämpöpumppuja omakotitaloon", HEAT_PUMP, ["Opiskelija", "osaa"]],
    ["bg", "Обучаемият може да извършва монтиране на термопомпи", HEAT_PUMP, ["Обучаемият", "може"]],
    ["fr", "L'apprenant est capable d'installer une pompe à chaleur", HEAT_PUMP, ["apprenant", "capable"]],
  ])(
    "%s: outcome boilerplate is dropped, the language detected, the skill suggested",
    (lang, outcome, uri, boilerplate) => {
      const result = SuggestResultSchema.parse(suggestSkills(many, outcome));
      expect(result.language).toBe(lang);
      expect(result.warnings).toEqual([]);
      const top = result.suggestions[0] ?? result.belowThreshold[0];
      expect(top?.uri, JSON.stringify(result.suggestions.map((s) => s.label))).toBe(uri);
      expect(top?.labelLang).toBe(lang);
      for (const word of boilerplate) expect(top?.matchedTerms).not.toContain(word);
      // Some languages have a label with a boilerplate word ("seguire i discenti"): it must not be reached.
      const tutor = skillUri(fid(110));
      expect([...result.suggestions, ...result.belowThreshold].map((s) => s.uri)).not.toContain(tutor);
    },
  );

  it("matches in the detected language first, and says so when nothing in it matches", () => {
    const [es] = searchSkills(many, "gestión de residuos");
    expect(es).toMatchObject({
      uri: WASTE,
      label: "gestión de residuos",
      labelLang: "es",
      matchedLabel: { lang: "es" },
    });
    const [en] = searchSkills(many, "install heat pump");
    expect(en).toMatchObject({ uri: HEAT_PUMP, label: "install heat pump", labelLang: "en" });
    // Finnish boilerplate, but no Finnish label has these words.
    const result = suggestSkills(many, "Opiskelija osaa hitsata metalliosia");
    expect(result.language).toBe("fi");
    expect(result.warnings.map((w) => w.code)).toEqual(["no_match_in_language"]);
    expect(result.warnings[0]?.lang).toBe("fi");
  });
});

describe("labels in a fallback language", () => {
  it("a French outcome no French label matches falls back to the other languages, labels marked", async () => {
    const result = suggestSkills(many, "L'apprenant est capable de souder le métal");
    expect(result.language).toBe("fr");
    expect(result.warnings.map((w) => w.code)).toEqual(["no_match_in_language"]);
    const weld = [...result.suggestions, ...result.belowThreshold].find((s) => s.uri === skillUri(fid(107)));
    expect(weld).toMatchObject({ label: "weld metal parts", labelLang: "en" });
    const path = join(dir, "many.gsb");
    writeFileSync(path, manyBundle);
    const out = await cli([
      "suggest",
      "L'apprenant est capable de souder le métal",
      "--threshold",
      "0",
      "--esco",
      path,
    ]);
    expect(out.stdout).toContain("no_match_in_language");
    expect(out.stdout).toMatch(/weld metal parts.*\(label in en\)/);
  });
});

describe("query language on an English-only import", () => {
  it.each([
    ["pompa di calore", "it"],
    ["gestión de residuos", "es"],
    ["Die Lernenden können Wärmepumpen installieren", "de"],
    ["De deelnemer kan een warmtepomp installeren", "nl"],
    ["Opiskelija osaa asentaa lämpöpumpun", "fi"],
    ["Обучаемият може да монтира термопомпа", "bg"],
    ["L'apprenant est capable d'installer une pompe à chaleur", "fr"],
    ["El alumno será capaz de instalar una bomba de calor", "es"],
    ["Il discente è in grado di gestire i rifiuti", "it"],
  ])("flags %j as %s, not imported, with a hint", (query, lang) => {
    const detected = queryLanguage(english, query);
    expect(detected).toMatchObject({ lang, imported: false });
    expect(detected.warnings).toHaveLength(1);
    expect(detected.warnings[0]).toMatchObject({ code: "language_not_imported", lang });
    expect(detected.warnings[0]?.hint).toContain(`- ${lang} - csv.zip`);
    const result = suggestSkills(english, query);
    expect(result.warnings.map((w) => w.code)).toEqual(["language_not_imported"]);
  });

  it.each([
    "install heat pump",
    "instlal heet pmup",
    "Learners can size and commission an air-source heat pump",
    "teamwork",
    "manage waste",
    "energy efficiency",
  ])("does not flag the English %j", (query) => {
    const detected = queryLanguage(english, query);
    expect(detected.warnings).toEqual([]);
    expect(detected.lang === null || detected.lang === "en").toBe(true);
    expect(suggestSkills(english, query).warnings).toEqual([]);
  });

  it.each([
    ["energía solar", ["es"]],
    ["efficacité énergétique", ["fr"]],
  ])("flags %j: a letter no imported language writes makes a word unknown, even next to a cognate", (query, langs) => {
    const detected = queryLanguage(english, query);
    expect(detected.warnings[0]?.code).toBe("language_not_imported");
    expect(langs).toContain(detected.lang);
  });

  it("flags a query of cognates joined by another language's function word", () => {
    const detected = queryLanguage(english, "bomba de calor");
    expect(detected.warnings[0]?.code).toBe("language_not_imported");
    expect(["es", "pt"]).toContain(detected.lang);
  });

  it.each([
    ["varmepumpe", ["da", "no", "sv"]],
    ["asiakaspalvelu", ["fi", "et"]],
  ])("flags the single unknown compound %j on its letter sequences", (query, langs) => {
    const detected = queryLanguage(english, query);
    expect(detected.warnings[0]?.code).toBe("language_not_imported");
    expect(langs).toContain(detected.lang);
  });

  it.each(["zzzzqqq", "HVAC", "ISO 14001", "PV installer", "instal heat pmup"])(
    "does not flag gibberish, acronyms or typos: %j",
    (query) => {
      expect(queryLanguage(english, query).warnings).toEqual([]);
    },
  );

  it("drops the detected language's function words even when it is not imported", () => {
    // "di" must not match anything (the issue's "colour grade images with digital intermediate").
    for (const hit of searchSkills(english, "pompa di calore")) expect(hit.matchedTerms).not.toContain("di");
  });

  it("labels stay in English and say so", () => {
    const [hit] = searchSkills(english, "heat pump types");
    expect(hit).toMatchObject({ uri: HEAT_PUMP_TYPES, labelLang: "en" });
    expect(queryLanguage(english, "")).toMatchObject({ lang: null, warnings: [] });
  });
});

describe("teams in every language", () => {
  it.each([
    ["it", "lavorare in squadra"],
    ["es", "trabajar en equipo"],
    ["de", "im Team arbeiten"],
    ["nl", "in teamverband werken"],
    ["fi", "työskennellä tiimissä"],
    ["bg", "работа в екип"],
  ])("%s: %s", (lang, query) => {
    expect(searchSkills(many, query, { lang })[0]?.uri).toBe(TEAMS);
    expect(searchSkills(many, query)[0]).toMatchObject({ uri: TEAMS });
  });
});

describe("credentials in any imported language (item 5)", () => {
  const withOutcome = (statement: Record<string, string>, esco: string[]) => {
    const definition = validDefinition();
    definition["learningOutcomes"][0] = { id: "lo-1", statement, esco, greenComp: ["2.1"] };
    return definition;
  };
  const implausible = (definition: Record<string, unknown>, options = {}) =>
    validateCredential(many, definition, options)
      .issues.filter((i) => i.code === "implausible_mapping")
      .map((i) => (i.evidence as { uri: string }).uri);

  it("judges an Italian statement against the Italian labels (plausible heat pump, implausible waste)", () => {
    const definition = withOutcome({ it: "Il discente è in grado di installare pompe di calore." }, [HEAT_PUMP, WASTE]);
    expect(implausible(definition)).toEqual([WASTE]);
    expect(implausible(definition, { lang: "it" })).toEqual([WASTE]);
  });

  it("judges a German statement of a French-titled credential in German", () => {
    const definition = withOutcome({ de: "Die Lernenden können Abfälle bewirtschaften." }, [WASTE, HEAT_PUMP]);
    expect(implausible(definition)).toEqual([HEAT_PUMP]);
  });

  it("suggests skills for an unmapped Spanish outcome in Spanish", () => {
    const definition = withOutcome({ es: "El alumno será capaz de gestionar los residuos." }, []);
    const issues = validateCredential(many, definition).issues.filter((i) => i.code === "unmapped_outcome");
    expect(issues[0]?.candidates?.[0]).toMatchObject({ uri: WASTE, label: "gestión de residuos" });
  });
});

describe("reports in the credential's language (item 3)", () => {
  it("shows mapped skills' labels in the title's language, marking the ones only in English", async () => {
    const definition = validDefinition();
    definition["title"] = { it: "Installatore di pompe di calore" };
    definition["learningOutcomes"][0] = {
      id: "lo-1",
      statement: { it: "Il discente è in grado di installare pompe di calore e saldare parti metalliche." },
      esco: [HEAT_PUMP, skillUri(fid(107))],
      greenComp: ["2.1"],
    };
    const file = join(dir, "credential-it.json");
    writeFileSync(file, JSON.stringify(definition));
    const bundle = join(dir, "many-report.gsb");
    writeFileSync(bundle, manyBundle);
    const out = await cli(["validate", file, "--esco", bundle, "--format", "md"]);
    expect(out.stdout).toContain("installare pompe di calore");
    expect(out.stdout).toMatch(/weld metal parts \(label in en\)/);
    const english = await cli(["validate", file, "--esco", bundle, "--format", "md", "--lang", "en"]);
    expect(english.stdout).toContain("install heat pump");
    expect(english.stdout).not.toContain("(label in");
  });
});

describe("folding and tokens across scripts", () => {
  it("keeps Cyrillic and Greek searchable, folds the Greek final sigma, leaves English apostrophes as they were", () => {
    expect(foldText("ΣΤΑΘΜΟΣ")).toBe(foldText("σταθμός"));
    expect(tokenise("Ενεργειακή απόδοση")).toEqual(["ενεργειακη", "αποδοση"]);
    expect(tokenise("Управление на отпадъците")).toEqual(["управление", "на", "отпадъците"]);
    // English tokenisation is unchanged: elision applies only to French and Italian text.
    expect(tokenise("don't l'oreal company's")).toEqual(["dont", "loreal", "company"]);
  });
  it.each([
    ["Ο εκπαιδευόμενος μπορεί να εγκαταστήσει αντλία θερμότητας", "el"],
    ["Учень може встановити тепловий насос у приватному будинку", "uk"],
  ])("detects %j as %s on an English-only import", (query, lang) => {
    expect(queryLanguage(english, query)).toMatchObject({ lang, imported: false });
  });
});

describe("language resources are supplied (green-skills/languages), on by default in green-skills/node", () => {
  afterAll(() => useLanguageSupport(escoLanguageSupport));

  it("without them (the core entry alone, as in a browser page) stems fall back to word families; with them back, stems return", () => {
    useLanguageSupport(null);
    const bare = loadTaxonomy(manyBundle);
    // No Bulgarian stemmer: "помпата" (the pump) is two edits from "помпа" and has no ending the
    // word-family rule knows, so the pump skill is not found.
    expect(searchSkills(bare, "помпата", { lang: "bg" })[0]?.uri).not.toBe(skillUri(fid(111)));
    useLanguageSupport(escoLanguageSupport);
    const full = loadTaxonomy(manyBundle);
    expect(searchSkills(full, "помпата", { lang: "bg" })[0]?.uri).toBe(skillUri(fid(111)));
  });

  it("refuses what is not a LanguageSupport", () => {
    expect(() => useLanguageSupport({ stemmers: {} } as never)).toThrow(
      /useLanguageSupport: support must be a LanguageSupport/,
    );
    expect(() => useLanguageSupport("all" as never)).toThrow(/InvalidArgumentError|must be a LanguageSupport/);
    expect(() =>
      useLanguageSupport({ stemmers: {}, stopwords: {}, letterSequences: [{ pattern: "aa", langs: ["fi"] }] } as never),
    ).toThrow(/must be a LanguageSupport/);
  });

  it("letter sequences come from the pack: without it a single unknown compound is not named on them", () => {
    useLanguageSupport({ ...escoLanguageSupport, letterSequences: [] });
    expect(queryLanguage(english, "varmepumpe").warnings).toEqual([]);
    useLanguageSupport({ ...escoLanguageSupport, letterSequences: [{ pattern: /pumpe$/, langs: ["no"] }] });
    expect(queryLanguage(english, "varmepumpe")).toMatchObject({ lang: "no", imported: false });
    useLanguageSupport(escoLanguageSupport);
    expect(queryLanguage(english, "varmepumpe").warnings[0]?.code).toBe("language_not_imported");
  });
});
