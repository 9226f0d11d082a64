/**
 * British and American spelling variants mapped to one form, so that "organise" finds "organize",
 * "colour" finds "color" and "centre" finds "center". ESCO labels are in British English while many users
 * type American spellings (and the other way round). The rules are deliberately narrow (word lists
 * rather than blanket suffix rewrites) so that unrelated words never collide; index and query both pass
 * through them, so the chosen canonical form never shows.
 *
 * @module
 */

/** -ise/-ize and -yse/-yze verbs and their derivations: organise, organisation, analyse, paralysed. */
const ISE = /^(.{3,}?)([iy])s(e|es|ed|ing|ation|ations|ational|er|ers|able)$/;
/** -our/-or words (a list: four, hour, pour, tour must stay). */
const OUR =
  /^(behavi|col|fav|flav|harb|hon|hum|lab|neighb|od|rum|vap|vig|arm|sav|endeav|rig|splend|tum|parl|glam|ard|clam|val)our(s|ed|ing|er|ers|able|ite|ites|ful|less|hood|ly)?$/;
/** -re/-er words: centre, metre, litre, fibre, theatre (also in compounds: kilometre). */
const RE = /(cent|met|lit|fib|theat|calib|lust|sab|somb|spect|meag|manoeuv)re(s|d)?$/;
/** Doubled l before -ing/-ed/-er in British English: modelling, labelled, travelling, counsellor. */
const LL =
  /^(model|label|travel|fuel|signal|level|cancel|counsel|channel|tunnel|dial|equal|panel|total|shovel|marshal|pedal|jewel|barrel|fuel|initial|grovel|chisel|enamel|funnel|gravel|quarrel|rival|tassel|towel|trowel|tunnel|marvel|cruel|duel|yodel|bevel|dishevel|libel|pencil|stencil)l(ing|ed|er|ers|or|ors)$/;
/** -ae-/-oe- in classical loans: paediatric, anaesthesia, haemoglobin, oestrogen, orthopaedic. */
const AE =
  /^(pae|anae|haem|orthopae|gynae|encyclopae|leukae|archae|aesthe|caes|faec|oede|oesoph|oestr|foet|manoeu|diarrhoe)/;

/**
 * Single words whose variants no rule covers. A `Map`, not an object literal: a token is arbitrary text,
 * and an object lookup would find `Object.prototype` members ("constructor", "toString", "__proto__").
 */
const WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    aluminium: "aluminum",
    ageing: "aging",
    programme: "program",
    programmes: "programs",
    licence: "license",
    licences: "licenses",
    defence: "defense",
    offence: "offense",
    practise: "practice",
    practised: "practiced",
    practising: "practicing",
    grey: "gray",
    mould: "mold",
    moulds: "molds",
    moulding: "molding",
    mouldings: "moldings",
    moulded: "molded",
    plough: "plow",
    ploughing: "plowing",
    sulphur: "sulfur",
    sulphate: "sulfate",
    sulphates: "sulfates",
    catalogue: "catalog",
    catalogues: "catalogs",
    dialogue: "dialog",
    analogue: "analog",
    judgement: "judgment",
    acknowledgement: "acknowledgment",
    draught: "draft",
    draughts: "drafts",
    kerb: "curb",
    storey: "story",
    storeys: "stories",
    jewellery: "jewelry",
    tyre: "tire",
    tyres: "tires",
    cheque: "check",
    cheques: "checks",
    fulfil: "fulfill",
    enrol: "enroll",
    enrolment: "enrollment",
    instalment: "installment",
    skilful: "skillful",
    woollen: "woolen",
    gaol: "jail",
    pyjamas: "pajamas",
    manoeuvre: "maneuver",
    manoeuvres: "maneuvers",
  }),
);

/**
 * The canonical spelling of one folded token (lower case, no accents).
 *
 * @param token - A token as {@link tokenise} produces before this step.
 * @returns The token with British/American variants unified.
 */
export function normaliseSpelling(token: string): string {
  if (token.length < 4) return token;
  const word = WORDS.get(token);
  if (word) return word;
  if (token.endsWith("re") || token.endsWith("res") || token.endsWith("red")) {
    const re = token.replace(RE, "$1er$2");
    if (re !== token) return re;
  }
  if (token.includes("our")) {
    const our = token.replace(OUR, "$1or$2");
    if (our !== token) return our;
  }
  if (token.includes("ll")) {
    const ll = token.replace(LL, "$1$2");
    if (ll !== token) return ll;
  }
  if (AE.test(token)) return token.replace(/ae|oe/, "e");
  return token.replace(ISE, "$1$2z$3");
}
