/**
 * Language-aware search on the real data (issue 15): the English ESCO v1.1.1 download merged with the
 * shared French v1.1.1 and German v1.2.1 files, and the English download alone.
 */
import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { queryLanguage, searchSkills, suggestSkills, type Taxonomy } from "green-skills";
import { loadTaxonomyFile } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import { describeWithLanguages, fullBundlePath, languageBundlePath } from "./helpers/shared-esco.js";

const HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f";

describeWithLanguages("languages on the shared ESCO data", () => {
  let fr: Taxonomy;
  let de: Taxonomy;
  let en: Taxonomy;
  let enPath: string;
  let frPath: string;
  beforeAll(async () => {
    frPath = await languageBundlePath("fr");
    enPath = await fullBundlePath();
    fr = await loadTaxonomyFile(frPath);
    de = await loadTaxonomyFile(await languageBundlePath("de"));
    en = await loadTaxonomyFile(enPath);
  }, 600_000);

  it("en+fr: French labels come from the collection files, and French queries find them", () => {
    expect(fr.languages).toEqual(["en", "fr"]);
    const [hit] = searchSkills(fr, "pompe à chaleur");
    expect(hit).toMatchObject({ uri: HEAT_PUMP, label: "installer une pompe à chaleur", labelLang: "fr" });
    expect(searchSkills(fr, "pompe a chaleur", { lang: "fr" })[0]?.uri).toBe(HEAT_PUMP);
    const waste = searchSkills(fr, "gestion des déchets", { limit: 5 });
    expect(waste[0]?.label).toMatch(/déchets/);
    expect(waste.map((h) => h.label).join(" | ")).not.toMatch(/gest(ure|e)s/i);
    expect(queryLanguage(fr, "gestion des déchets")).toMatchObject({ lang: "fr", imported: true });
  });

  it("en+fr: a French outcome gets French suggestions; English queries stay English", () => {
    const result = suggestSkills(
      fr,
      "L'apprenant est capable d'installer une pompe à chaleur dans une maison individuelle",
    );
    expect(result.language).toBe("fr");
    expect(result.suggestions[0]).toMatchObject({ uri: HEAT_PUMP, labelLang: "fr" });
    const [english] = searchSkills(fr, "install heat pump");
    expect(english).toMatchObject({ uri: HEAT_PUMP, label: "install heat pump", labelLang: "en" });
  });

  it("en+de: German queries and outcomes find the German labels", () => {
    expect(de.languages).toEqual(["en", "de"]);
    expect(searchSkills(de, "Wärmepumpe installieren")[0]).toMatchObject({
      uri: HEAT_PUMP,
      label: "Wärmepumpe installieren",
      labelLang: "de",
    });
    const result = suggestSkills(de, "Die Lernenden können Wärmepumpen in Einfamilienhäusern installieren");
    expect(result.language).toBe("de");
    expect(result.suggestions[0]?.uri).toBe(HEAT_PUMP);
  });

  it("searches, which may skip tinyld where it could not change the language, detect the language queryLanguage does", () => {
    const texts = ["lang-not-imported.json", "lang-eval-fr.json", "lang-eval-de.json", "search-eval.json"].flatMap(
      (file) =>
        (
          JSON.parse(readFileSync(new URL(`../bench/${file}`, import.meta.url), "utf8")) as {
            queries: { query: string }[];
          }
        ).queries.map((q) => q.query),
    );
    expect(texts.length).toBeGreaterThan(300);
    for (const [taxonomy, name] of [
      [en, "en"],
      [fr, "en+fr"],
    ] as const) {
      const differ = texts.filter((t) => suggestSkills(taxonomy, t).language !== queryLanguage(taxonomy, t).lang);
      expect(differ, name).toEqual([]);
    }
  });

  it("en only: an Italian query is flagged as not imported, in the API, the CLI text, JSON and exit code", async () => {
    expect(queryLanguage(en, "pompa di calore")).toMatchObject({ lang: "it", imported: false });
    for (const hit of searchSkills(en, "pompa di calore")) expect(hit.matchedTerms).not.toContain("di");
    const text = await cli(["search", "pompa di calore", "--esco", enPath]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/language_not_imported: the query looks Italian \(it\)/);
    expect(text.stdout).toMatch(/classification - it - csv\.zip/);
    const json = await cli(["search", "pompa di calore", "--json", "--esco", enPath]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).warnings).toEqual([
      expect.objectContaining({ code: "language_not_imported", lang: "it" }),
    ]);
    const suggest = await cli(["suggest", "gestión de residuos peligrosos en la obra", "--json", "--esco", enPath]);
    expect(suggest.code).toBe(1);
    expect(JSON.parse(suggest.stdout)).toMatchObject({
      language: "es",
      warnings: [expect.objectContaining({ code: "language_not_imported", lang: "es" })],
    });
    const english = await cli(["search", "install heat pump", "--json", "--esco", enPath]);
    expect(english.code).toBe(0);
    expect(JSON.parse(english.stdout).warnings).toEqual([]);
  });

  it("en+fr CLI: French labels shown", async () => {
    const out = await cli(["search", "pompe à chaleur", "--esco", frPath, "-n", "3"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("installer une pompe à chaleur");
    expect(out.stdout).not.toContain("language_not_imported");
  });
});
