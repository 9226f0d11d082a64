/**
 * Letter sequences inside folded words that are common in one group of ESCO languages and rare in English
 * words (`oe`/`ij` Dutch, `aa`/`uu`/`kk` Finnish and Estonian, `sz`/`gy` Hungarian, `gn`/`zz` Italian, `bh`/`mh`
 * Irish). Query-language detection counts them only in words that no imported label holds, nor a typo or
 * close inflection of one: weak evidence that names the language of a single unknown compound
 * ("klantenservice", "asiakaspalvelu"). Part of the `green-skills/languages` pack.
 *
 * @module
 */

/** A letter sequence and the languages it points to. */
export interface LetterSequence {
  /** Tested on a folded word (lower case, accents removed). */
  readonly pattern: RegExp;
  /** ESCO language codes, sharing the evidence. */
  readonly langs: readonly string[];
}

/** The sequences, tuned on bench/lang-detect-dev.json. */
export const LETTER_SEQUENCES: readonly LetterSequence[] = [
  { pattern: /(?:ij|oe[^s]|aa[^aeiou]|uu|sch|ui[jkl])/, langs: ["nl"] },
  { pattern: /(?:aa|uu|yy|kk|pp|tt[aeiou]|ois|ais|ja$|ua$|us$|lu$|lla|sta$)/, langs: ["fi", "et"] },
  { pattern: /(?:aa|ee|oo|uu|mine$|us$|ndus|ja$)/, langs: ["et"] },
  { pattern: /(?:sz|gy|zs|ny[aeiou]|gia$)/, langs: ["hu"] },
  { pattern: /(?:gn|zz|cch|ria$|ile$|tti$|zio|ello$|aggi)/, langs: ["it"] },
  { pattern: /(?:aria$|agem$|nha|lh|oes$|cao$|ento$|eira$)/, langs: ["pt"] },
  { pattern: /(?:ll|rr|ado$|ida$|cion$|miento)/, langs: ["es"] },
  { pattern: /(?:ie[^s]|sch|ei[^n]|au[^t]|tz|pf|dienst$|ung$|keit$|en$)/, langs: ["de"] },
  { pattern: /(?:pumpe$|ende$|tj|kj|sj|hv|arbeid$|ning$|ering$)/, langs: ["da", "no", "sv"] },
  { pattern: /(?:eau|oux|aux$|eur$|ique$|oi|gestion$|ment$)/, langs: ["fr"] },
  { pattern: /(?:cz|rz|sz|wy|dz|owa|nie$|ych$)/, langs: ["pl"] },
  { pattern: /(?:ea$|ii$|ul$|ului$|rea$)/, langs: ["ro"] },
  { pattern: /(?:nja|lj|nj|ije|ost$|anje$)/, langs: ["hr", "sl"] },
  { pattern: /(?:ov$|ova$|ych$|stv|ie$)/, langs: ["cs", "sk"] },
  { pattern: /(?:as$|is$|ys$|imas$|umas$)/, langs: ["lt"] },
  { pattern: /(?:ana$|ums$|iba$|ibas$)/, langs: ["lv"] },
  { pattern: /(?:bh|mh|fh|dh[aeiou]|cht$|aio|uai)/, langs: ["ga"] },
];
