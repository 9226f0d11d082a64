import { languageSupport } from "./support.js";
import { foldText } from "../fold-text.js";

/**
 * Function words per ESCO language, folded like index tokens. Source: the `stopword` package (lists for 26
 * of ESCO's 28 languages, ISO 639-3 keyed); Icelandic and Maltese, which it lacks, have short lists of
 * their own below (articles, prepositions, conjunctions, pronouns, the verb "to be"). English is not here:
 * English keeps the project's own short list (`../stopwords.ts`), unchanged.
 *
 * The package lists are long (German 621 words, Hungarian 781) and some hold content words. Only words of
 * up to {@link MAX_STOPWORD_LENGTH} letters are used (longer list words are mostly adverbs that IDF weighting
 * keeps light anyway), and the content words found in the German and Bulgarian lists when they were read
 * for this purpose ("Recht", "Mittel"; "екип" team, "живот" life) are kept as words ({@link KEEP}). The
 * other lists are used as the package gives them.
 *
 * @module
 */

/** Longer list words are more often content words than function words; they are not dropped. */
const MAX_STOPWORD_LENGTH = 6;

/** Own lists for the languages `stopword` lacks. */
const OWN: ReadonlyMap<string, string> = new Map(
  Object.entries({
    is:
      "og að á í um við með frá til fyrir af er eru var voru vera hann hún það þeir þær þau ég þú við þið sem en eða ekki " +
      "þessi þetta þessa þess sín sinn sitt hans hennar einn ein eitt hjá yfir undir eftir milli",
    mt:
      "il l u jew ta tal tad tat taż tas tan ma minn fi fil mal lil għal għall bħal f b li hu hi huma jien int aħna " +
      "intom dan din dawn dak dik dawk kien kienet kienu qed se biex meta fejn kif x xi kull ukoll imma iżda",
  }),
);

/** Content words in the package lists, kept searchable (folded). */
const KEEP: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    de: "recht rechte gut gute guter gutes hoch kurz mann mensch tag tage tagen jahr jahre jahren gott sache neue neuen offen lang lange leicht mittel ende gross grosse grosser grosses klein kleine suche machen macht besser besten ernst",
    bg: "време година години екип живот глас главен главна главно нов нова нови новина добър добра добро добре лош мек мокър смях юмрук месец ден дни днес евтин лесен лесно син хиляди часа прави равен равна взема",
  }).map(([lang, words]) => [lang, new Set(words.split(" ").map((w) => foldText(w)))]),
);

let cache = new Map<string, ReadonlySet<string>>();
let cacheGeneration = -1;

/** The folded function words of `lang` (empty for English and unknown codes). */
export function stopwordsOf(lang: string): ReadonlySet<string> {
  const { support, generation } = languageSupport();
  if (generation !== cacheGeneration) {
    cache = new Map();
    cacheGeneration = generation;
  }
  let set = cache.get(lang);
  if (set) return set;
  const supplied = Object.hasOwn(support.stopwords, lang) ? support.stopwords[lang] : undefined;
  const words: readonly string[] = supplied ?? OWN.get(lang)?.split(" ") ?? [];
  set = new Set(
    words
      .map((w) => foldText(w).replace(/['’]/g, ""))
      .filter((w) => w !== "" && [...w].length <= MAX_STOPWORD_LENGTH && !/[\s,.]/.test(w) && !KEEP.get(lang)?.has(w)),
  );
  cache.set(lang, set);
  return set;
}
