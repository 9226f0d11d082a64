import { normaliseSpelling } from "./spelling.js";
import { argString } from "../guard.js";
import { isElidedHead } from "./lang/elision.js";
import { STOPWORDS } from "./stopwords.js";

/**
 * Text normalisation shared by the search index and queries: accent folding, case folding, British and
 * American spelling, tokenisation. Index and query go through the same functions, so they always agree.
 *
 * @module
 */

/** Letters that Unicode decomposition does not fold to ASCII. */
const SPECIAL_LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ß: "ss",
    æ: "ae",
    œ: "oe",
    ø: "o",
    đ: "d",
    ð: "d",
    ł: "l",
    ı: "i",
    þ: "th",
    ħ: "h",
    // Greek final sigma: σ and ς are one letter (a word cut at a hyphen or apostrophe ends in either).
    ς: "σ",
  }),
);
const SPECIAL = new RegExp(`[${[...SPECIAL_LETTERS.keys()].join("")}]`, "g");
const MARKS = /\p{M}+/gu;

/**
 * Folds text for matching: lower case, accents removed (`é` → `e`, `ß` → `ss`), compatibility forms
 * unified (`ﬁ` → `fi`, full-width letters). Keeps spaces and punctuation.
 *
 * @category Search
 * @param text - Any text.
 * @returns The folded text.
 * @example
 * ```ts
 * foldText("Énergie Wärme-Pumpe") //=> "energie warme-pumpe"
 * ```
 */
export function foldText(text: string): string {
  argString("foldText", "text", text, true);
  return text
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(SPECIAL, (ch) => SPECIAL_LETTERS.get(ch) ?? ch);
}

/**
 * Splits text into normalised search tokens: folded ({@link foldText}), split at anything that is not a
 * letter or digit, possessive `'s` dropped, British spellings mapped to one form (`organise`/`organize`,
 * `colour`/`color`, `centre`/`center` → one token). Stopwords are kept; the index decides what they weigh.
 *
 * @category Search
 * @param text - Any text.
 * @returns The tokens in order (duplicates kept).
 * @example
 * ```ts
 * tokenise("Organise the company's waste-sorting centre") //=> ["organize", "the", "company", "waste", "sorting", "center"]
 * ```
 */
export function tokenise(text: string): string[] {
  argString("tokenise", "text", text, true);
  return rawTokens(text).map(canonical);
}

/**
 * {@link tokenise} before spelling normalisation (apply {@link canonical} to each token). With `elide`
 * (French and Italian text), an elided article before an apostrophe is dropped (`l'énergie` → `energie`,
 * `dell'acqua` → `acqua`; see `lang/elision.ts`); otherwise the pieces are joined as before.
 *
 * @internal
 */
export function rawTokens(text: string, elide = false): string[] {
  const lower = beforeTokens(text).toLowerCase();
  const plain = plainTokens(lower);
  if (plain) return plain;
  // eslint-disable-next-line no-control-regex
  const folded = /^[\x00-\x7f]*$/.test(text) ? lower : foldText(text);
  const tokens: string[] = [];
  const n = folded.length;
  // A word is `head` (pieces before an apostrophe) plus folded[start, i).
  let head = "";
  let start = -1;
  const flush = (end: number) => {
    const word = start >= 0 ? head + folded.slice(start, end) : head;
    if (word) tokens.push(word);
    head = "";
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const code = folded.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && LETTER.test(folded[i]!))) {
      if (start < 0) start = i;
    } else if (code === 39 || code === 0x2019 || code === 96 || code === 0xb4) {
      // Apostrophe: drop a possessive 's, otherwise join ("don't" → "dont", "l'energie" → "lenergie"), or
      // with `elide` drop an elided article ("l'energie" → "energie").
      if (start >= 0) head += folded.slice(start, i);
      start = -1;
      if (elide && isElidedHead(head, folded[i + 1])) {
        head = "";
        continue;
      }
      if (folded.charCodeAt(i + 1) === 115 && !isWordChar(folded, i + 2)) i++;
    } else if ((code === 43 || code === 35) && (start >= 0 || head)) {
      // C++, C#: keep the trailing signs.
      let end = i + 1;
      while (folded.charCodeAt(end) === code) end++;
      if (start < 0) start = i;
      flush(end);
      i = end - 1;
    } else flush(i);
  }
  flush(n);
  return tokens;
}

const LETTER = /[\p{L}\p{N}]/u;

/** One letter, or two lower-case letters, hyphenated to a word: a prefix (`e-`, `x-`, `re-`, `co-`), not `EU-`. */
const FRAGMENT = /(?<![\p{L}\p{N}])(\p{L}|\p{Ll}{2})[-\u2010\u2011](?=\p{L}{2})/gu;

/**
 * What tokenising reads in the text's own case. A prefix closes onto its word, as ESCO writes either
 * ("e-learning", "x-ray", "re-use", and "e tendering" opening a label), so the pair is one word and its
 * bare second half ("learning") does not match it in full; two-letter function words stay apart
 * ("in-house", "up-to-date"). The abbreviation IT, in capitals, is ICT (ESCO writes both), not the
 * stopword "it".
 */
function beforeTokens(text: string): string {
  let t = /^e (?=\p{L}{4})/iu.test(text) ? text[0] + text.slice(2) : text;
  if (t.includes("IT")) t = t.replace(/\bIT\b/g, "ICT");
  return /[-\u2010\u2011]/.test(t)
    ? t.replace(FRAGMENT, (all, f: string) => (f.length > 1 && STOPWORDS.has(f) ? all : f))
    : t;
}

/** Tokens of lower-case text made of ASCII letters, digits and separators only (most labels); else `undefined`. */
function plainTokens(lower: string): string[] | undefined {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (code > 127 || code === 39 || code === 43 || code === 35 || code === 96) {
      return undefined;
    } else if (start >= 0) {
      tokens.push(lower.slice(start, i));
      start = -1;
    }
  }
  return tokens;
}
function isWordChar(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && LETTER.test(text[at]!));
}

const canonicalCache = new Map<string, string>();

/**
 * Spelling normalisation of one raw token, memoised: a vocabulary has far fewer distinct words than labels
 * have words.
 *
 * @internal
 */
export function canonical(word: string): string {
  let hit = canonicalCache.get(word);
  if (hit === undefined) {
    hit = normaliseSpelling(word);
    if (canonicalCache.size > 50_000) canonicalCache.clear();
    canonicalCache.set(word, hit);
  }
  return hit;
}

/** A token with the word of the original text it came from. */
export interface SourcedToken {
  readonly token: string;
  readonly word: string;
  /** The text between this token's word and the next word (punctuation, spaces); `""` inside a word. */
  readonly after: string;
}

const WORD = /[\p{L}\p{M}\p{N}'’`´]+[+#]*/gu;

/**
 * {@link tokenise}, keeping for each token the word of the original text it came from (to explain
 * matches in the user's own spelling).
 *
 * @internal
 */
export function tokeniseWords(text: string, elide = false): SourcedToken[] {
  const out: SourcedToken[] = [];
  const matches = [...text.matchAll(WORD)];
  matches.forEach((match, i) => {
    const word = match[0].replace(/['’`´]s$/u, "");
    const end = match.index + match[0].length;
    const after = text.slice(end, matches[i + 1]?.index ?? text.length);
    const tokens = rawTokens(match[0], elide).map(canonical);
    tokens.forEach((token, k) => out.push({ token, word, after: k === tokens.length - 1 ? after : "" }));
  });
  return out;
}
