import type { SearchIndex } from "../index-build.js";
import { expandToken } from "../expand.js";
import { rawTokens } from "../fold-text.js";
import { OUTCOME_WORDS, STOPWORDS } from "../stopwords.js";
import { boilerplateOf } from "./boilerplate.js";
import { ESCO_LANGUAGES, isEscoLanguage } from "./codes.js";
import { stopwordsOf } from "./stopwords.js";
import { languageSupport } from "./support.js";
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
/** Evidence from the text itself (letters, endings, function words) that names a language on the detector's word. */
const TEXT_EVIDENCE = 0.5;
/** Share of `content` words that are, or are within a typo or inflection of, words of the index. */
function nearShare(index: SearchIndex, content: readonly string[]): number {
  if (content.length === 0) return 0;
  let near = 0;
  for (const token of content) if (index.termIds.has(token) || expandToken(index, token).length > 0) near++;
  return near / content.length;
}
/** Evidence enough to name a language none of whose rivals is imported, when no word is in an imported language. */
const WEAK_SCORE = 0.25;
/** Text evidence that names a language for a query none of whose words the imported vocabulary knows. */
const TRACE = 0.09;
/** tinyld's accuracy for its first language from which, with no word in an imported language, it is believed. */
const SURE_DETECTOR = 0.9;
/** Text evidence for languages that are not imported (a whole function word of theirs, as "de" in "bomba de calor"). */
const FUNCTION_WORD = 0.9;
/** Sum of the text evidence for the languages other than `imported`. */
function foreignTextEvidence(evidence: ReadonlyMap<string, number>, imported: readonly string[]): number {
  let sum = 0;
  for (const [lang, score] of evidence) if (!imported.includes(lang)) sum += score;
  return sum;
}
/** Whether a folded word could be a word (a Latin one has a vowel; no letter three times in a row): "zzzzqqq" is no language's. */
function looksLikeWord(token: string): boolean {
  return (!/^[a-z]+$/.test(token) || /[aeiouy]/.test(token)) && !/(.)\1\1/.test(token);
}
/** Weight of each match of the language pack's letter sequences (`LanguageSupport.letterSequences`) in a word the imported vocabulary does not know. */
const INFIX_WEIGHT = 0.3;
/** Share of a query's words unknown to the imported vocabulary from which a weakly leading foreign language is named. */
const UNKNOWN_SHARE = 0.5;
/** A word whose closest vocabulary word is farther than this (a loose word family: "termico" ~ "terminal") counts as unknown. */
const NEAR_SIM = 0.78;

/** Letters that point to languages (lower case). */
const LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ñ: "es",
    ß: "de",
    ä: "de fi sv et sk",
    ö: "de fi sv et hu is",
    ü: "de et hu",
    å: "sv da no",
    æ: "da no is",
    ø: "da no",
    ç: "fr pt",
    ã: "pt",
    õ: "pt et",
    â: "fr pt ro",
    ê: "fr pt",
    î: "fr ro",
    ô: "fr pt sk",
    û: "fr",
    è: "fr it",
    à: "fr it pt",
    ù: "fr it",
    ë: "fr nl",
    ï: "fr nl",
    œ: "fr",
    ì: "it",
    ò: "it",
    ă: "ro",
    ș: "ro",
    ş: "ro",
    ț: "ro",
    ţ: "ro",
    ł: "pl",
    ś: "pl",
    ź: "pl",
    ę: "pl lt",
    ą: "pl lt",
    ń: "pl",
    ć: "pl hr",
    ż: "pl mt",
    ř: "cs",
    ů: "cs",
    ě: "cs",
    ď: "cs sk",
    ť: "cs sk",
    ň: "cs sk",
    ľ: "sk",
    ĺ: "sk",
    ŕ: "sk",
    č: "cs sk sl hr lv lt",
    š: "cs sk sl hr lv lt et",
    ž: "cs sk sl hr lv lt et",
    đ: "hr",
    ő: "hu",
    ű: "hu",
    ā: "lv",
    ē: "lv",
    ī: "lv",
    ū: "lv lt",
    ģ: "lv",
    ķ: "lv",
    ļ: "lv",
    ņ: "lv",
    ė: "lt",
    į: "lt",
    ų: "lt",
    ġ: "mt",
    ħ: "mt",
    ċ: "mt",
    þ: "is",
    ð: "is",
    ý: "is cs sk",
    í: "es pt hu cs sk is ga",
    ó: "es pt hu cs sk is ga pl",
    ú: "es pt hu cs sk is ga",
    á: "es pt hu cs sk is ga",
    é: "fr es pt hu cs sk is ga it",
    і: "uk",
    ї: "uk",
    є: "uk",
    ґ: "uk",
    ъ: "bg",
  }).map(([ch, langs]) => [ch, langs]),
);
/**
 * The letters beyond a–z each Latin-script language writes. A query word with a letter its language lacks is
 * not a word of that language ("gestión" is not French, although French labels hold "gestion"): it gives no
 * vocabulary evidence there, and the language's score is cut to {@link FOREIGN_LETTER}.
 */
const ALPHABETS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    cs: "áčďéěíňóřšťúůýž",
    da: "æøåé",
    de: "äöüß",
    en: "",
    es: "áéíñóúü",
    et: "äöõüšž",
    fi: "äöå",
    fr: "àâæçéèêëîïôœùûüÿ",
    ga: "áéíóú",
    hr: "čćđšž",
    hu: "áéíóöőúüű",
    is: "áðéíóúýþæö",
    it: "àèéìíîòóùú",
    lt: "ąčęėįšųūž",
    lv: "āčēģīķļņšūž",
    mt: "àèìòùċġħżé",
    nl: "áéíóúàèëïöü",
    no: "æøåéèêóòô",
    pl: "ąćęłńóśźż",
    pt: "áâãàçéêíóôõúü",
    ro: "ăâîșşțţ",
    sk: "áäčďéíĺľňóôŕšťúýž",
    sl: "čšžćđ",
    sv: "åäöé",
  }),
);
/** Score factor of a Latin-script language that lacks a letter of the query. */
const FOREIGN_LETTER = 0.25;
/** Whether every letter of `word` (lower case) beyond a–z is in `lang`'s alphabet (always for non-Latin-script languages). */
function writable(word: string, lang: string): boolean {
  const alphabet = ALPHABETS.get(lang);
  if (alphabet === undefined) return true;
  for (const ch of word) if (ch > "\u007f" && /\p{Script=Latin}/u.test(ch) && !alphabet.includes(ch)) return false;
  return true;
}

/** Word endings (folded) that point to languages. */
const ENDINGS: readonly [RegExp, string][] = [
  [/(?:cion|ciones|idad|idades|miento|mientos)$/, "es"],
  [/(?:cao|coes|dade|dades)$/, "pt"],
  [/(?:zione|zioni|aggio|mente)$/, "it"],
  [/(?:ement|ements|eaux|ique|iques|eur|eurs)$/, "fr"],
  [/(?:ung|ungen|keit|heit|schaft|lich|ieren)$/, "de"],
  [/(?:heid|lijk|atie|aties)$/, "nl"],
  [/(?:inen|isen|minen|ssa|ssä|lla|sta)$/, "fi"],
  [/(?:ning|ningar|ering|erna)$/, "sv da no"],
  [/(?:anie|enie|osc|ania|enia)$/, "pl"],
  [/(?:ilor|ului|area|tie)$/, "ro"],
  [/(?:ing|ings|tion|tions|ment|ness|ship|ity|ics|ism|isms|ogy|ful|less|ally|ised|ized)$/, "en"],
];

/** Endings of words as written (lower case, accents kept): the accent tells languages apart that folding would merge. */
const WRITTEN_ENDINGS: readonly [RegExp, string][] = [
  [/(?:ión|iones)$/u, "es"],
  [/(?:ção|ções|ão|ões)$/u, "pt"],
  [/(?:ție|ții|ării|ări)$/u, "ro"],
  [/(?:ité|ée|ées|ère)$/u, "fr"],
  [/(?:ità|ò)$/u, "it"],
  [/(?:ть|ът|ят|ията|ото|ите|ане|ене)$/u, "bg"],
  [/(?:ння|ий|ів|ує|ують|ити)$/u, "uk"],
  [/(?:ování|ení|ého|ých|ější)$/u, "cs sk"],
  [/(?:osť|ovať|ými)$/u, "sk"],
  [/(?:ših|šnje)$/u, "sl"],
  [/(?:anje|enje|ima|ijom)$/u, "hr sl"],
  [/(?:šana|ība|ības|ums)$/u, "lv"],
  [/(?:imas|ymas|umas|ų)$/u, "lt"],
  [/(?:ndus|mine|lus)$/u, "et"],
  [/(?:ság|ség|ás|és)$/u, "hu"],
  [/(?:eri|heten|ning)$/u, "sv da no"],
  [/(?:eid|arbeid)$/u, "no"],
  [/(?:hoito|palvelu|minen|inen)$/u, "fi"],
  [/(?:werking|heid|teit|ering)$/u, "nl"],
  [/(?:dienst|schaft|ung)$/u, "de"],
  // Not endings: doubled umlauts (Finnish, Estonian; never German), õ outside Portuguese -õe(s), Finnish
  // vowel harmony (y beside ä or ö).
  [/(?:ää|öö)/u, "fi et"],
  [/(?:üü|õ(?!e))/u, "et"],
  [/(?:[äö]\p{L}*y|y\p{L}*[äö])/u, "fi"],
];

let functionWords: Map<string, string[]> | undefined;
let functionWordsGeneration = -1;
/** Folded function word → the languages whose lists have it. */
function functionWordLanguages(): Map<string, string[]> {
  const { generation } = languageSupport();
  if (functionWords && functionWordsGeneration === generation) return functionWords;
  functionWordsGeneration = generation;
  functionWords = new Map();
  const add = (word: string, lang: string) => {
    const list = functionWords!.get(word);
    if (!list) functionWords!.set(word, [lang]);
    else if (!list.includes(lang)) list.push(lang);
  };
  // Function words, and the outcome boilerplate ("alumno", "discente", "Lernenden"), which is as telling.
  for (const word of [...STOPWORDS, ...OUTCOME_WORDS]) add(word, "en");
  for (const lang of ESCO_LANGUAGES)
    if (lang !== "en") for (const word of [...stopwordsOf(lang), ...boilerplateOf(lang)]) add(word, lang);
  return functionWords;
}

/** Options of {@link detectLanguage}. */
export interface DetectOptions {
  /**
   * Only the detected language is needed, not `confidence` or `candidates`: tinyld is skipped when its
   * evidence could not change the language (an outcome whose words an imported language already claims by
   * a wide margin). `lang` is the same either way; `confidence` and `candidates` then leave tinyld out.
   */
  readonly langOnly?: boolean;
}

/**
 * Whether tinyld, which adds at most `weight` to the languages it finds, could change the detected language
 * given the evidence so far: not when an imported language leads so far that every rival given all of that
 * weight still trails it by {@link MIN_LEAD}, and too few words are unknown for a foreign rival to be named
 * instead (the `unknownShare` rule below). A small margin covers the rounding of scores.
 */
function detectorCannotChange(
  scores: ReadonlyMap<string, number>,
  words: readonly string[],
  imported: readonly string[],
  weight: number,
  unknownShare: number,
): boolean {
  if (unknownShare >= UNKNOWN_SHARE) return false;
  const scaled = (lang: string, score: number) =>
    words.every((w) => writable(w, lang)) ? score : score * FOREIGN_LETTER;
  let top: string | undefined;
  let first = 0;
  let second = 0;
  for (const [lang, raw] of scores) {
    const score = scaled(lang, raw);
    if (score > first) {
      second = first;
      first = score;
      top = lang;
    } else if (score > second) second = score;
  }
  const margin = 0.01;
  return (
    top !== undefined &&
    imported.includes(top) &&
    first >= MIN_SCORE + margin &&
    first >= MIN_LEAD * (second + weight) + margin
  );
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
 * @param options - `langOnly`: only `lang` is needed (see {@link DetectOptions}).
 * @internal
 */
export function detectLanguage(text: string, index?: SearchIndex, options: DetectOptions = {}): DetectedLanguage {
  const scores = new Map<string, number>();
  const give = (langs: readonly string[], weight: number) => {
    for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + weight / langs.length);
  };
  const lower = text.toLowerCase();
  // 1. Script.
  const cyrillic = (lower.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const greek = (lower.match(/\p{Script=Greek}/gu) ?? []).length;
  const arabic = (lower.match(/\p{Script=Arabic}/gu) ?? []).length;
  if (cyrillic > 0) {
    give(["bg", "uk"], 2);
  }
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
  const words = (lower.match(/[\p{L}\p{M}]+/gu) ?? []).map((w) => w.normalize("NFC"));
  for (const word of new Set(words)) {
    if ([...word].length < 4) continue;
    for (const [ending, langs] of WRITTEN_ENDINGS) if (ending.test(word)) give(langs.split(" "), 1);
  }
  // Ukrainian writes і ї є ґ, Bulgarian ъ; Russian (not an ESCO language) ы э ё. A longer Cyrillic text
  // with none of these and no Ukrainian ending is more likely Bulgarian.
  if (cyrillic >= 8 && !/[іїєґъыэё]/u.test(lower) && (scores.get("uk") ?? 0) <= 1) give(["bg"], 1);
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
    // A longer function word of another language that is a word of an imported one ("pour", "slab") counts
    // for both.
    if (
      token.length >= 3 &&
      (!langs ||
        (token.length >= 4 &&
          index !== undefined &&
          !langs.some((l) => index.languages.includes(l)) &&
          index.termIds.has(token)))
    )
      content.push(token);
  }
  // Words no imported label holds, nor a typo or inflection of one (acronyms and codes left out).
  const acronyms = new Set(rawTokens((text.match(/\b\p{Lu}{2,}\b/gu) ?? []).join(" ")));
  const judged = content.filter((token) => !/\d/.test(token) && !acronyms.has(token));
  // A word with a letter that no imported language writes ("energía" on an English import) counts as unknown.
  const spelledAs = new Map(words.map((w) => [rawTokens(w)[0] ?? w, w]));
  const unknown = index
    ? judged.filter(
        (token) =>
          !index.languages.some((lang) => writable(spelledAs.get(token) ?? token, lang)) ||
          (!index.termIds.has(token) && (expandToken(index, token)[0]?.sim ?? 0) < NEAR_SIM),
      )
    : [];
  const unknownShare = judged.length > 0 ? unknown.length / judged.length : 0;
  const wordlike = unknown.filter(looksLikeWord);
  const sequences = languageSupport().support.letterSequences ?? [];
  for (const token of wordlike) {
    for (const { pattern, langs } of sequences) if (pattern.test(token)) give(langs, INFIX_WEIGHT);
  }
  const textEvidence = new Map(scores);
  // 5. Vocabulary hits in the imported languages (a word counts only where its letters are written).
  let hits = 0;
  if (index) {
    const spelled = new Map(words.map((w) => [rawTokens(w)[0] ?? w, w]));
    for (const token of new Set(content)) {
      const word = spelled.get(token) ?? token;
      const langs = index.languages.filter(
        (lang) =>
          writable(word, lang) &&
          (inLanguage(index, token, lang) || (lang !== "en" && stemSiblings(index, token, [lang]).length > 0)),
      );
      if (langs.length > 0) {
        give(langs, 1.2);
        hits++;
      }
    }
  }
  // 4. tinyld, for texts of two words or more, or a single word that the imported vocabulary does not know
  // (added after the vocabulary hits: the sum is the same).
  const detector = languageSupport().support.detect;
  let sure: string | undefined;
  const weight = tokens.length >= 2 ? 2 : 1;
  if (
    (tokens.length >= 2 || (unknownShare === 1 && wordlike.length === judged.length && judged.length > 0)) &&
    detector &&
    !(options.langOnly && index && detectorCannotChange(scores, words, index.languages, weight, unknownShare))
  ) {
    const found = detector(text).filter((x) => x.accuracy > 0);
    const total = found.reduce((sum, x) => sum + x.accuracy, 0);
    // A single word is weak ground for the detector: half the weight.
    for (const x of found) if (isEscoLanguage(x.lang)) give([x.lang], (weight * x.accuracy) / total);
    if (tokens.length >= 2 && found[0] && isEscoLanguage(found[0].lang) && found[0].accuracy >= SURE_DETECTOR)
      sure = found[0].lang;
  }
  // A language that lacks a letter of the text is unlikely.
  for (const [lang, score] of scores)
    if (!words.every((w) => writable(w, lang))) scores.set(lang, score * FOREIGN_LETTER);
  const ranked = [...scores]
    .map(([lang, score]) => ({ lang, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.lang.localeCompare(b.lang));
  const [top, second] = ranked;
  const candidates = ranked.slice(0, 3);
  const clear = top !== undefined && top.score >= MIN_SCORE && (!second || top.score >= MIN_LEAD * second.score);
  // No content word of the query is a word of any imported language, and the text points (weakly) to another
  // language: name it, with a low confidence, rather than match it as if it were in an imported language.
  const bestImported = ranked.find((x) => index?.languages.includes(x.lang))?.score ?? 0;
  const foreign =
    top !== undefined &&
    index !== undefined &&
    judged.length > 0 &&
    !index.languages.includes(top.lang) &&
    (((hits === 0 || unknownShare >= UNKNOWN_SHARE) && top.score >= WEAK_SCORE) ||
      // Every word unknown, and its letters point elsewhere ("varmepumpe"; not a bare detector guess).
      (unknownShare === 1 && hits === 0 && (textEvidence.get(top.lang) ?? 0) >= TRACE) ||
      // Foreign languages race each other far ahead of every imported one ("Eleven kan installere …": no, sv, da).
      (top.score >= MIN_SCORE / 2 && top.score >= MIN_LEAD * bestImported));
  // Half the words unknown to the imported vocabulary, and those words written like another language
  // ("agriculture biologique"): the imported language leads on the cognates only.
  const rival = index ? ranked.find((x) => !index.languages.includes(x.lang)) : undefined;
  if (
    top !== undefined &&
    rival !== undefined &&
    index?.languages.includes(top.lang) &&
    unknownShare >= UNKNOWN_SHARE &&
    (textEvidence.get(rival.lang) ?? 0) >= TEXT_EVIDENCE &&
    rival.score >= top.score / 2
  )
    return { lang: rival.lang, confidence: 0, candidates };
  if (!top || (!clear && !foreign)) return { lang: null, confidence: 0, candidates };
  // The detector alone does not make a query foreign when its words are near words of the imported languages
  // (typos: "instlal heet pmup" looks Dutch to tinyld).
  if (
    index &&
    !index.languages.includes(top.lang) &&
    (textEvidence.get(top.lang) ?? 0) < TEXT_EVIDENCE &&
    foreignTextEvidence(textEvidence, index.languages) < FUNCTION_WORD &&
    !(hits === 0 && sure === top.lang) &&
    unknownShare < UNKNOWN_SHARE &&
    nearShare(index, content) >= 0.5
  ) {
    return { lang: null, confidence: 0, candidates };
  }
  return { lang: top.lang, confidence: Math.round((1 - (second?.score ?? 0) / top.score) * 1000) / 1000, candidates };
}
