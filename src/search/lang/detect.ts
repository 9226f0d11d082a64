import { detectAll } from "tinyld/light";
import type { SearchIndex } from "../index-build.js";
import { rawTokens } from "../normalise.js";
import { STOPWORDS } from "../stopwords.js";
import { ESCO_LANGUAGES } from "./codes.js";
import { stopwordsOf } from "./stopwords.js";
import { inLanguage, stemSiblings } from "./vocabulary.js";

/**
 * Query-language detection for short texts. Short queries are hard for statistical detectors, so four kinds
 * of evidence are added up per ESCO language, and a language is named only when it clearly leads:
 *
 * 1. **script**: Cyrillic (Bulgarian, Ukrainian; `і ї є ґ` only Ukrainian, `ъ` only Bulgarian), Greek,
 *    Arabic;
 * 2. **letters and endings** typical of a language (`ñ`, `ß`, `ő`, `ł`, `ř`, `ș`; `-ción`, `-zione`, `-ção`,
 *    `-ung`, `-heid`), shared out among the languages that have them;
 * 3. **function words** from the stopword lists (`di` Italian, `des` French, `der` German), shared out the
 *    same way;
 * 4. **tinyld** (its light model, 24 languages), counted only as a share of what it finds and only for texts
 *    of two words or more;
 * 5. **vocabulary hits**: which imported languages' labels hold the query's content words (for imported
 *    languages only; this is what makes an English query on an English import English).
 *
 * @module
 */

/** Evidence a language needs to be named at all. */
const MIN_SCORE = 1.2;
/** ... and how far it must lead the runner-up. */
const MIN_LEAD = 1.6;

/** Letters that point to languages (lower case). */
const LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ñ: "es", ß: "de", ä: "de fi sv et sk", ö: "de fi sv et hu is", ü: "de et hu", å: "sv da no", æ: "da no is", ø: "da no",
    ç: "fr pt", ã: "pt", õ: "pt et", â: "fr pt ro", ê: "fr pt", î: "fr ro", ô: "fr pt sk", û: "fr", è: "fr it", à: "fr it pt",
    ù: "fr it", ë: "fr nl", ï: "fr nl", œ: "fr", ì: "it", ò: "it", ă: "ro", ș: "ro", ş: "ro", ț: "ro", ţ: "ro", ł: "pl",
    ś: "pl", ź: "pl", ę: "pl lt", ą: "pl lt", ń: "pl", ć: "pl hr", ż: "pl mt", ř: "cs", ů: "cs", ě: "cs", ď: "cs sk",
    ť: "cs sk", ň: "cs sk", ľ: "sk", ĺ: "sk", ŕ: "sk", č: "cs sk sl hr lv lt", š: "cs sk sl hr lv lt et", ž: "cs sk sl hr lv lt et",
    đ: "hr", ő: "hu", ű: "hu", ā: "lv", ē: "lv", ī: "lv", ū: "lv lt", ģ: "lv", ķ: "lv", ļ: "lv", ņ: "lv", ė: "lt", į: "lt", ų: "lt",
    ġ: "mt", ħ: "mt", ċ: "mt", þ: "is", ð: "is", ý: "is cs sk", í: "es pt hu cs sk is ga", ó: "es pt hu cs sk is ga pl",
    ú: "es pt hu cs sk is ga", á: "es pt hu cs sk is ga", é: "fr es pt hu cs sk is ga it",
    і: "uk", ї: "uk", є: "uk", ґ: "uk", ъ: "bg",
  }).map(([ch, langs]) => [ch, langs]),
);
/** Word endings (folded) that point to languages. */
const ENDINGS: readonly [RegExp, string][] = [
  [/(?:cion|ciones|idad|idades|miento|mientos)$/, "es"],
  [/(?:cao|coes|dade|dades)$/, "pt"],
  [/(?:zione|zioni|aggio|mente)$/, "it"],
  [/(?:ement|ements|eaux|iques|eur|eurs)$/, "fr"],
  [/(?:ung|ungen|keit|heit|schaft|lich|ieren)$/, "de"],
  [/(?:heid|lijk|atie|aties)$/, "nl"],
  [/(?:inen|isen|minen|ssa|ssä|lla|sta)$/, "fi"],
  [/(?:ning|ningar|ering|erna)$/, "sv da no"],
  [/(?:anie|enie|osc|ania|enia)$/, "pl"],
  [/(?:ilor|ului|area|tie)$/, "ro"],
  [/(?:ing|ings|tion|tions|ment|ness|ship|ity)$/, "en"],
];

let functionWords: Map<string, string[]> | undefined;
/** Folded function word → the languages whose lists have it. */
function functionWordLanguages(): Map<string, string[]> {
  if (functionWords) return functionWords;
  functionWords = new Map();
  const add = (word: string, lang: string) => {
    const list = functionWords!.get(word);
    if (!list) functionWords!.set(word, [lang]);
    else if (!list.includes(lang)) list.push(lang);
  };
  for (const word of STOPWORDS) add(word, "en");
  for (const lang of ESCO_LANGUAGES) if (lang !== "en") for (const word of stopwordsOf(lang)) add(word, lang);
  return functionWords;
}

/** A language and its summed evidence. */
export interface LanguageScore {
  readonly lang: string;
  readonly score: number;
}

/** What {@link detectLanguage} found. */
export interface DetectedLanguage {
  /** The detected language, or `null` when no language clearly leads. */
  readonly lang: string | null;
  /** How clearly it leads, in [0, 1]: 1 − runner-up / leader (0 when nothing was detected). */
  readonly confidence: number;
  /** The three best languages with their evidence, best first. */
  readonly candidates: readonly LanguageScore[];
}

/**
 * Detects the language of a query or outcome statement.
 *
 * @param text - The query.
 * @param index - The search index of the taxonomy (all languages), for vocabulary evidence; without it only
 *   the text itself counts.
 * @internal
 */
export function detectLanguage(text: string, index?: SearchIndex): DetectedLanguage {
  const scores = new Map<string, number>();
  const give = (langs: readonly string[], weight: number) => {
    for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + weight / langs.length);
  };
  const lower = text.toLowerCase();
  // 1. Script.
  const cyrillic = (lower.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const greek = (lower.match(/\p{Script=Greek}/gu) ?? []).length;
  const arabic = (lower.match(/\p{Script=Arabic}/gu) ?? []).length;
  if (cyrillic > 0) give(["bg", "uk"], 2);
  if (greek > 0) give(["el"], 4);
  if (arabic > 0) give(["ar"], 4);
  // 2. Letters and endings.
  const seen = new Set<string>();
  for (const ch of lower) {
    const langs = LETTERS.get(ch);
    if (langs && !seen.has(ch)) {
      seen.add(ch);
      give(langs.split(" "), 1.5);
    }
  }
  const tokens = rawTokens(text, true);
  for (const token of new Set(tokens)) {
    if (token.length < 5) continue;
    for (const [ending, langs] of ENDINGS) if (ending.test(token)) give(langs.split(" "), 0.6);
  }
  // 3. Function words.
  const fw = functionWordLanguages();
  const content: string[] = [];
  for (const token of tokens) {
    const langs = fw.get(token);
    if (langs) give(langs, 1);
    else if (token.length >= 3) content.push(token);
  }
  // 4. tinyld, for texts of two words or more.
  if (tokens.length >= 2) {
    const found = detectAll(text).filter((x) => x.accuracy > 0);
    const total = found.reduce((sum, x) => sum + x.accuracy, 0);
    for (const x of found) if (x.lang !== "ru") give([x.lang], (2 * x.accuracy) / total);
  }
  // 5. Vocabulary hits in the imported languages.
  if (index) {
    for (const token of new Set(content)) {
      const langs = index.languages.filter((lang) => inLanguage(index, token, lang) || (lang !== "en" && stemSiblings(index, token, [lang]).length > 0));
      if (langs.length > 0) give(langs, 1.2);
    }
  }
  const ranked = [...scores].map(([lang, score]) => ({ lang, score: Math.round(score * 1000) / 1000 })).sort((a, b) => b.score - a.score || a.lang.localeCompare(b.lang));
  const [top, second] = ranked;
  const candidates = ranked.slice(0, 3);
  if (!top || top.score < MIN_SCORE || (second && top.score < MIN_LEAD * second.score)) return { lang: null, confidence: 0, candidates };
  return { lang: top.lang, confidence: Math.round((1 - (second?.score ?? 0) / top.score) * 1000) / 1000, candidates };
}
