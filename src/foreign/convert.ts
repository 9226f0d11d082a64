import { Document } from "yaml";
import {
  ASSESSMENT_TYPES,
  LEARNING_MODES,
  LEARNING_SETTINGS,
  QUALITY_ASSURANCE_TYPES,
  SUPERVISION_TYPES,
} from "../credential/vocab/elm.js";
import { InvalidArgumentError } from "../errors.js";
import { countryAlpha2 } from "../export/elm/nal.js";
import { qualityAssuranceLabel, supervisionConcept } from "../export/vocab.js";
import { at, isObject, items, languageText, numeric, pathThrough } from "./json.js";
import { plainInput, readForeignCredential } from "./read.js";
import { checkOptions } from "../guard.js";
import type { ForeignCredential } from "./types.js";

/**
 * Converting a foreign credential into a green-skills definition: every field the formats share is
 * mapped (all of them for green-skills' own exports, whose `ext:` terms carry the rest), and what could
 * not be mapped is listed.
 *
 * @module
 */

const API = "foreignToDefinition";

/**
 * The result of {@link foreignToDefinition}.
 *
 * @category Foreign credentials
 */
export interface ForeignConversion {
  /** The definition (validate it: elements the source lacks are missing here too). */
  readonly definition: Record<string, unknown>;
  /** What could not be mapped, one sentence each (the YAML puts them in a comment). */
  readonly unmapped: readonly string[];
  /** The definition as YAML with the unmapped list as a leading comment. */
  readonly yaml: string;
}

/** Options of {@link foreignToDefinition}. @category Foreign credentials */
export interface ForeignToDefinitionOptions {
  /** The ESCO version to state when the document names none (e.g. that of the taxonomy you check against). */
  escoVersion?: string;
}

const reverse = <K extends string>(table: Record<K, string | null>) =>
  new Map(Object.entries(table).flatMap(([k, v]) => (v ? [[v as string, k as K]] : [])));
const ASSESSMENT = reverse(ASSESSMENT_TYPES);
const MODE = reverse(LEARNING_MODES);
const SETTING = reverse(LEARNING_SETTINGS);
const SUPERVISION = reverse(SUPERVISION_TYPES);
const SUPERVISION_BY_LABEL = new Map(
  Object.keys(SUPERVISION_TYPES).map((k) => [
    supervisionConcept(k as keyof typeof SUPERVISION_TYPES).label.toLowerCase(),
    k,
  ]),
);
const QA_BY_LABEL = new Map(
  Object.keys(QUALITY_ASSURANCE_TYPES).map((k) => [
    qualityAssuranceLabel(k as keyof typeof QUALITY_ASSURANCE_TYPES).toLowerCase(),
    k,
  ]),
);
const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const HTTP = /^https?:\/\/\S+$/;

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);
const ext = (node: unknown, ...keys: string[]): unknown =>
  at(
    node,
    keys.map((k) => `ext:${k}`),
  );
const stripUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

function obBody(profile: unknown, lang: string): Record<string, unknown> | undefined {
  if (typeof profile === "string") return URI.test(profile) ? { name: profile, id: profile } : undefined;
  if (!isObject(profile)) return undefined;
  const name = languageText(profile["name"], lang);
  if (!name) return undefined;
  const legal = items(profile, ["otherIdentifier"])
    .map((x) => str(at(x.value, ["identifier"])))
    .find(Boolean);
  const country = str(at(profile, ["address", "addressCountryCode"]));
  return stripUndefined({
    name: Object.keys(name).length === 1 && name[lang] ? name[lang] : name,
    id: str(profile["id"]) && URI.test(String(profile["id"])) ? profile["id"] : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    legalIdentifier: legal,
    homepage: str(profile["url"]) && HTTP.test(String(profile["url"])) ? profile["url"] : undefined,
  });
}

function elmBody(org: unknown, lang: string): Record<string, unknown> | undefined {
  if (!isObject(org)) return undefined;
  const name = languageText(org["legalName"], lang) ?? languageText(org["prefLabel"], lang);
  if (!name) return undefined;
  const countryPath = pathThrough(org, [], ["location", "address", "countryCode", "id"]);
  const countryId = countryPath ? str(at(org, countryPath)) : undefined;
  const homepage = str(at(org, ["homepage", "contentURL"]) ?? at(org, ["homepage", 0, "contentURL"]));
  return stripUndefined({
    name,
    id:
      str(org["id"]) && URI.test(String(org["id"])) && !String(org["id"]).includes("#awarding-body-")
        ? org["id"]
        : undefined,
    country: countryId ? countryAlpha2(countryId) : undefined,
    legalIdentifier: str(at(org, ["registration", "notation"]) ?? at(org, ["eIDASIdentifier", "notation"])),
    homepage: homepage && HTTP.test(homepage) ? homepage : undefined,
  });
}

/** The Open Badges parts of a definition. */
function fromOpenBadges(read: ForeignCredential, unmapped: string[]): Record<string, unknown> {
  const doc = read.document as Record<string, unknown>;
  const a = at(doc, read.achievementPath ?? []) as Record<string, unknown> | undefined;
  if (!isObject(a)) return {};
  const lang = str(a["inLanguage"]) ?? "en";
  const out: Record<string, unknown> = {};
  const bodies = [
    obBody(a["creator"], lang) ?? obBody(doc["issuer"], lang),
    ...items(a, ["ext:awardingBodies"])
      .slice(1)
      .map((x) => obBody(x.value, lang)),
  ].filter(Boolean);
  out["awardingBodies"] = bodies;
  const country =
    str(ext(a, "issuerCountry", "country")) ??
    str(at(doc, ["issuer", "address", "addressCountryCode"])) ??
    str(at(a, ["creator", "address", "addressCountryCode"]));
  const region = str(ext(a, "issuerCountry", "region")) ?? str(at(doc, ["issuer", "address", "addressRegion"]));
  if (country) out["issuer"] = stripUndefined({ country, region });
  const qfEhea = str(ext(a, "level", "qfEheaCycle"));
  const nqf = str(ext(a, "level", "nqf"));
  if (read.eqfLevel || qfEhea || nqf) out["level"] = stripUndefined({ eqf: read.eqfLevel?.value, qfEhea, nqf });
  const assessmentTypes = items(a, ["ext:assessment", "ext:types"])
    .map((x) => ASSESSMENT.get(String(at(x.value, ["id"]))))
    .filter(Boolean);
  if (assessmentTypes.length > 0) out["assessment"] = { types: assessmentTypes };
  const supervision = str(at(a, ["ext:assessment", "ext:supervision", "id"]));
  const supervisionName = str(at(a, ["ext:assessment", "ext:supervision", "ext:name"]));
  const sup =
    (supervision && SUPERVISION.get(supervision)) ??
    (supervisionName ? SUPERVISION_BY_LABEL.get(supervisionName.toLowerCase()) : undefined);
  if (sup) out["supervision"] = sup;
  const mode = MODE.get(String(at(a, ["ext:participation", "ext:mode", "id"])));
  const setting = SETTING.get(String(at(a, ["ext:participation", "ext:setting", "id"])));
  if (mode && setting)
    out["participation"] = stripUndefined({
      mode,
      setting,
      description: str(ext(a, "participation", "description"))
        ? { [lang]: ext(a, "participation", "description") }
        : undefined,
    });
  const qaTypes = items(a, ["ext:qualityAssurance", "ext:types"])
    .map((x) => str(at(x.value, ["ext:code"])))
    .filter((t): t is string => !!t && t in QUALITY_ASSURANCE_TYPES);
  if (qaTypes.length > 0) {
    const body = ext(a, "qualityAssurance", "body");
    out["qualityAssurance"] = stripUndefined({
      types: qaTypes,
      body:
        isObject(body) && str(body["ext:name"])
          ? stripUndefined({ name: body["ext:name"], id: str(body["id"]) })
          : undefined,
      description: str(ext(a, "qualityAssurance", "description"))
        ? { [lang]: ext(a, "qualityAssurance", "description") }
        : undefined,
      url: str(ext(a, "qualityAssurance", "url")),
    });
  }
  if (str(ext(a, "prerequisites"))) out["prerequisites"] = { [lang]: ext(a, "prerequisites") };
  const stackType = str(ext(a, "stackability", "type"));
  if (stackType === "stand-alone" || stackType === "stackable") {
    const towards = items(a, ["ext:stackability", "ext:towards"]).map((x) =>
      stripUndefined({
        id: str(at(x.value, ["id"])),
        title: str(at(x.value, ["ext:name"])) ? { [lang]: at(x.value, ["ext:name"]) } : undefined,
        ects: numeric(at(x.value, ["ext:ects"])),
      }),
    );
    out["stackability"] = stripUndefined({ type: stackType, towards: towards.length > 0 ? towards : undefined });
  }
  const infoUrl =
    str(ext(a, "furtherInformation", "url")) ??
    (str(at(a, ["criteria", "id"])) && HTTP.test(String(at(a, ["criteria", "id"])))
      ? String(at(a, ["criteria", "id"]))
      : undefined);
  const infoNote = str(ext(a, "furtherInformation", "note"));
  if (infoUrl || infoNote)
    out["furtherInformation"] = stripUndefined({ url: infoUrl, note: infoNote ? { [lang]: infoNote } : undefined });
  const result = items(a, ["resultDescription"])[0]?.value;
  if (isObject(result)) {
    const values = Array.isArray(result["allowedValue"])
      ? result["allowedValue"].filter((v) => typeof v === "string")
      : undefined;
    const min = numeric(result["valueMin"]);
    const max = numeric(result["valueMax"]);
    const required = str(result["requiredValue"]);
    const pass =
      required === undefined ? undefined : values || numeric(required) === undefined ? required : numeric(required);
    const scheme = stripUndefined({ values: values && values.length > 0 ? values : undefined, min, max, pass });
    if (Object.keys(scheme).length > 0) out["gradeScheme"] = scheme;
  }
  const tags = Array.isArray(a["tag"])
    ? a["tag"].filter(
        (t): t is string =>
          typeof t === "string" && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(t) && t !== "micro-credential",
      )
    : [];
  if (tags.length > 0) out["sectors"] = tags;
  const alignments = items(a, ["alignment"]).filter(
    (x) =>
      !/data\.europa\.eu\/(esco|snb\/eqf)\//.test(String(at(x.value, ["targetUrl"]))) &&
      at(x.value, ["targetType"]) !== "ext:GreenCompCompetence",
  );
  if (alignments.length > 0)
    unmapped.push(
      `${alignments.length} alignment${alignments.length === 1 ? "" : "s"} to frameworks other than ESCO, EQF and GreenComp (${[...new Set(alignments.map((x) => String(at(x.value, ["targetFramework"]) ?? at(x.value, ["targetUrl"]))))].join("; ")})`,
    );
  const greenComp = items(a, ["alignment"])
    .filter((x) => at(x.value, ["targetType"]) === "ext:GreenCompCompetence")
    .map((x) => str(at(x.value, ["targetCode"])));
  if (greenComp.length > 0)
    unmapped.push(
      `GreenComp competences ${greenComp.join(", ")}: the alignment does not say which learning outcome develops them`,
    );
  return out;
}

/** The ELM parts of a definition. */
function fromElm(read: ForeignCredential, unmapped: string[]): Record<string, unknown> {
  const doc = read.document as Record<string, unknown>;
  const spec = at(doc, read.achievementPath ?? []);
  if (!isObject(spec)) return {};
  const lang = read.title ? (Object.keys(read.title.value)[0] ?? "en") : "en";
  const out: Record<string, unknown> = {};
  const awarding = items(spec, ["awardingOpportunity"])[0]?.value;
  const claimBodies =
    read.achievementPath && read.achievementPath.length >= 2
      ? items(doc, [
          ...read.achievementPath.slice(0, read.achievementPath.indexOf("specifiedBy")),
          "awardedBy",
          "awardingBody",
        ])
      : [];
  const orgs = [...items(awarding, ["awardingBody"]), ...claimBodies].map((x) => x.value).filter(isObject);
  const seen = new Set<string>();
  const bodies = orgs.flatMap((o) => {
    const key = String(o["id"] ?? JSON.stringify(o));
    if (seen.has(key)) return [];
    seen.add(key);
    const body = elmBody(o, lang);
    return body ? [body] : [];
  });
  if (bodies.length === 0 && isObject(doc["issuer"])) {
    const issuer = elmBody(doc["issuer"], lang);
    if (issuer) bodies.push(issuer);
  }
  out["awardingBodies"] = bodies;
  const countryAt =
    pathThrough(awarding, [], ["location", "address", "countryCode", "id"]) ??
    pathThrough(doc, ["issuer"], ["location", "address", "countryCode", "id"]);
  const countryId = countryAt ? str(at(countryAt[0] === "issuer" ? doc : awarding, countryAt)) : undefined;
  const country = countryId ? countryAlpha2(countryId) : undefined;
  const region =
    languageText(at(awarding, ["location", "geographicName"]), lang) ??
    languageText(at(awarding, ["location", "address", "fullAddress", "noteLiteral"]), lang);
  if (country) out["issuer"] = stripUndefined({ country, region: region ? Object.values(region)[0] : undefined });
  const notes = items(spec, ["additionalNote"])
    .filter((x) => !/[#-]description$/.test(String(at(x.value, ["id"]) ?? "")))
    .map((x) => ({
      text: languageText(at(x.value, ["noteLiteral"]), lang) ?? {},
      subject: at(x.value, ["subject", "id"]),
    }));
  const note = (re: RegExp) => notes.find((n) => Object.values(n.text).some((t) => re.test(t)));
  const naNote = note(/^Level: EQF not applicable/);
  const qfNote = note(/^QF-EHEA cycle: ([a-z-]+)\./);
  const nqfNote = note(/^National qualifications framework level: (.+)\.$/);
  const eqf = read.eqfLevel?.value ?? (naNote ? "not-applicable" : undefined);
  const qfEhea = qfNote ? /^QF-EHEA cycle: ([a-z-]+)\./.exec(qfNote.text["en"] ?? "")?.[1] : undefined;
  const nqf = nqfNote
    ? /^National qualifications framework level: (.+)\.$/.exec(nqfNote.text["en"] ?? "")?.[1]
    : undefined;
  if (eqf !== undefined || qfEhea || nqf) out["level"] = stripUndefined({ eqf, qfEhea, nqf });
  const assessments = items(spec, ["provenBy"])
    .map((x) => ASSESSMENT.get(String(at(x.value, ["dcType", "id"]))))
    .filter(Boolean);
  if (assessments.length > 0) {
    const first = items(spec, ["provenBy"])[0]?.value;
    const note = items(first, ["additionalNote"]).find((n) =>
      /[#-]description$/.test(String(at(n.value, ["id"]) ?? "")),
    );
    const description =
      languageText(at(first, ["description"]), lang) ??
      (note ? languageText(at(note.value, ["noteLiteral"]), lang) : undefined);
    out["assessment"] = stripUndefined({ types: [...new Set(assessments)], description });
  }
  const supervisionNote = items(spec, ["provenBy"])
    .flatMap((x) => items(x.value, ["additionalNote"]))
    .map((x) => languageText(at(x.value, ["noteLiteral"]), lang)?.["en"] ?? "")
    .find((t) => t.startsWith("Supervision and identity verification: "));
  const supervision = supervisionNote
    ? SUPERVISION_BY_LABEL.get(
        supervisionNote
          .replace(/^Supervision and identity verification: /, "")
          .replace(/\.$/, "")
          .toLowerCase(),
      )
    : undefined;
  if (supervision) out["supervision"] = supervision;
  const mode = MODE.get(String(at(items(spec, ["mode"])[0]?.value, ["id"])));
  const setting = SETTING.get(String(at(spec, ["learningSetting", "id"])));
  const participationNote = note(/^Form of participation: /);
  if (mode && setting) {
    const description = participationNote
      ? Object.fromEntries(
          Object.entries(participationNote.text)
            .map(([l, t]) => [l, l === "en" ? t.replace(/^Form of participation: [^.]*\.\s*/, "") : t])
            .filter(([, t]) => t),
        )
      : undefined;
    out["participation"] = stripUndefined({
      mode,
      setting,
      description: description && Object.keys(description).length > 0 ? description : undefined,
    });
  }
  const qaNote = note(/^Type of quality assurance: /);
  if (qaNote) {
    const en = qaNote.text["en"] ?? "";
    const list = /^Type of quality assurance: ([^.]*)\./.exec(en)?.[1] ?? "";
    const qaTypes = list
      .split("; ")
      .map((l) => QA_BY_LABEL.get(l.toLowerCase()))
      .filter(Boolean);
    const body = /Quality assurance body: (.*?)(?: \((\S+)\))?\.(?: |$)/.exec(en);
    const url = items(spec, ["supplementaryDocument"])
      .map((x) => x.value)
      .find((d) => JSON.stringify(at(d, ["title"]) ?? "").includes("Quality assurance"));
    const rest = en
      .replace(/^Type of quality assurance: [^.]*\.\s*/, "")
      .replace(/Quality assurance body: .*?(?: \(\S+\))?\.\s*/, "")
      .replace(/Report: \S+\s*/, "")
      .trim();
    const description = {
      ...Object.fromEntries(Object.entries(qaNote.text).filter(([l]) => l !== "en")),
      ...(rest ? { en: rest } : {}),
    };
    if (qaTypes.length > 0)
      out["qualityAssurance"] = stripUndefined({
        types: qaTypes,
        body: body ? stripUndefined({ name: body[1], id: body[2] }) : undefined,
        description: Object.keys(description).length > 0 ? description : undefined,
        url: str(at(url, ["contentURL"])),
      });
  } else if (spec["accreditation"] !== undefined) out["qualityAssurance"] = { types: ["accreditation"] };
  const prerequisites = languageText(at(spec, ["entryRequirement", "noteLiteral"]), lang);
  if (prerequisites) out["prerequisites"] = prerequisites;
  const stackNote = note(/^Integration\/stackability: /);
  const parents = items(spec, ["isPartOf"]).map((x) =>
    stripUndefined({ id: str(at(x.value, ["id"])), title: languageText(at(x.value, ["title"]), lang) }),
  );
  if (stackNote || spec["isPartialQualification"] !== undefined || parents.length > 0) {
    const standAlone = stackNote
      ? /stand-alone/.test(stackNote.text["en"] ?? "")
      : spec["isPartialQualification"] === false && parents.length === 0;
    const ects = [...(stackNote?.text["en"] ?? "").matchAll(/, (\d+(?:\.\d+)?) ECTS/g)].map((m) => Number(m[1]));
    out["stackability"] = stripUndefined({
      type: standAlone ? "stand-alone" : "stackable",
      towards: parents.length > 0 ? parents.map((t, i) => stripUndefined({ ...t, ects: ects[i] })) : undefined,
    });
  }
  const homepage = str(at(items(spec, ["homepage"])[0]?.value, ["contentURL"]));
  const infoNote = notes.find(
    (n) =>
      !n.subject &&
      !Object.values(n.text).some(
        (t) =>
          /^(Type of quality assurance|Level: EQF|QF-EHEA cycle|National qualifications framework level|Form of participation|Integration\/stackability|Target occupation): /.test(
            t,
          ) || /^Level: EQF not applicable/.test(t),
      ),
  );
  if (homepage || infoNote)
    out["furtherInformation"] = stripUndefined({
      url: homepage && HTTP.test(homepage) ? homepage : undefined,
      note: infoNote ? infoNote.text : undefined,
    });
  const category = at(spec, ["category"]);
  const sectors = isObject(category)
    ? (Object.values(category)
        .flat()
        .filter((t) => typeof t === "string" && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(t)) as string[])
    : [];
  if (sectors.length > 0) out["sectors"] = sectors;
  const greenComp = items(spec, ["learningOutcome"])
    .flatMap((lo) => items(lo.value, ["relatedSkill"]).map((x) => str(at(x.value, ["notation"]))))
    .filter((n): n is string => !!n && /^[1-4]\.[1-4]$/.test(n));
  if (greenComp.length > 0) out["_greenComp"] = greenComp;
  const others = items(spec, ["creditPoint"]).filter(
    (x) =>
      at(x.value, ["framework", "id"]) !== "http://data.europa.eu/snb/education-credit/6fcec5c5af" &&
      !/ECTS|European Credit/i.test(JSON.stringify(at(x.value, ["framework", "prefLabel"]) ?? "")),
  );
  if (others.length > 0)
    unmapped.push(
      `${others.length} credit point${others.length === 1 ? "" : "s"} in frameworks other than ECTS (${others.map((x) => `${String(at(x.value, ["point"]))} in ${String(at(x.value, ["framework", "id"]))}`).join("; ")})`,
    );
  return out;
}

/**
 * Converts a foreign credential (or what {@link readForeignCredential} reads) into a green-skills
 * micro-credential definition: title, description, awarding bodies, learning outcomes with their ESCO
 * skills, target occupations, workload, level and — for green-skills' own exports, whose `ext:` terms
 * and notes carry them — every other Annex I element. What could not be mapped is listed (and becomes a
 * comment at the top of the YAML). Elements the source lacks stay missing: validate the result.
 *
 * @category Foreign credentials
 * @param input - A read foreign credential, or bytes, text or parsed JSON to read.
 * @param options - The ESCO version to state when the document names none.
 * @returns The definition, the unmapped list and the YAML text.
 * @throws {@link InvalidArgumentError} for an input that is not a document.
 * @example
 * ```ts
 * import { foreignToDefinition } from "green-skills";
 * const { yaml, unmapped } = foreignToDefinition('{"type": "Achievement", "name": "Heat pumps"}', { escoVersion: "v1.1.1" });
 * ```
 */
export function foreignToDefinition(
  input: ForeignCredential | string | Uint8Array | object,
  options: ForeignToDefinitionOptions = {},
): ForeignConversion {
  if (input === null || input === undefined || (typeof input !== "string" && typeof input !== "object"))
    throw new InvalidArgumentError(
      API,
      "input",
      "a read foreign credential, or the document's bytes, text or parsed JSON",
      input,
    );
  options = checkOptions(API, options, { escoVersion: "string" });
  const plain = plainInput(API, input);
  const read =
    isObject(plain) &&
    typeof plain["format"] === "string" &&
    Array.isArray(plain["escoReferences"]) &&
    "document" in plain
      ? (plain as unknown as ForeignCredential)
      : readForeignCredential(plain);
  const unmapped: string[] = [];
  const doc = read.document;
  const achievement = at(doc, read.achievementPath ?? []);
  const id = [at(achievement, ["id"]), at(doc, ["id"])].find((v): v is string => typeof v === "string" && URI.test(v));
  const parts = read.format.startsWith("openbadges")
    ? fromOpenBadges(read, unmapped)
    : read.format === "elm-edc"
      ? fromElm(read, unmapped)
      : {};
  const greenComp = (parts["_greenComp"] as string[] | undefined) ?? [];
  delete parts["_greenComp"];
  const outcomes = read.learningOutcomes.map((o, i) => {
    const statement = Object.keys(o.statement).length > 0 ? o.statement : undefined;
    const labels = read.escoReferences.filter((r) => r.outcome === i && r.label).map((r) => r.label);
    if (!statement)
      unmapped.push(
        `learning outcome ${i + 1} (${o.path.join(".")}) states no text; its statement is made from the ESCO labels it cites`,
      );
    return {
      id: o.id ?? `lo-${i + 1}`,
      statement: statement ?? { en: labels.join("; ") || `outcome ${i + 1}` },
      esco: [...o.esco],
      ...(greenComp.length > 0 && read.learningOutcomes.length === 1 ? { greenComp } : {}),
    };
  });
  const orphan = read.escoReferences.filter((r) => r.expected === "skill" && r.outcome === undefined);
  if (orphan.length > 0)
    unmapped.push(
      `${orphan.length} ESCO skill reference${orphan.length === 1 ? "" : "s"} outside any learning outcome (${[...new Set(orphan.map((r) => r.path.join(".")))].slice(0, 5).join("; ")})`,
    );
  const occupations = [
    ...new Set(
      read.escoReferences
        .filter((r) => r.expected === "occupation" && /\/esco\/occupation\//.test(r.uri))
        .map((r) => r.uri),
    ),
  ];
  const workload = stripUndefined({ ects: read.ects?.value, hours: read.hours?.value });
  const escoVersion = read.escoVersion?.value ?? options.escoVersion;
  if (!read.escoVersion)
    unmapped.push(
      options.escoVersion
        ? `the document names no ESCO version; ${options.escoVersion} (the taxonomy converted against) is stated`
        : "the document names no ESCO version (escoVersion is left out)",
    );
  const definition = stripUndefined({
    id,
    escoVersion,
    title: read.title?.value,
    description: read.description?.value,
    issuer: parts["issuer"],
    awardingBodies: parts["awardingBodies"],
    learningOutcomes: outcomes,
    workload: Object.keys(workload).length > 0 ? workload : undefined,
    ...Object.fromEntries(Object.entries(parts).filter(([k]) => k !== "issuer" && k !== "awardingBodies")),
    targetOccupations: occupations.length > 0 ? occupations : undefined,
  });
  for (const e of read.elements) {
    if (e.level === "instance" && e.status === "present")
      unmapped.push(`${e.label} (${e.path?.join(".")}): belongs to the issued credential, not the definition`);
  }
  for (const [field, label] of [
    ["id", "an id (URI)"],
    ["title", "a title"],
    ["issuer", "the issuer's country"],
    ["awardingBodies", "an awarding body"],
    ["learningOutcomes", "learning outcomes"],
    ["workload", "the workload"],
    ["level", "the level"],
    ["assessment", "the assessment type"],
    ["participation", "the form of participation"],
    ["qualityAssurance", "the type of quality assurance"],
  ] as const) {
    if (definition[field] === undefined)
      unmapped.push(`the document gives no ${label.replace(/^(an?|the) /, "")}: add ${field} by hand`);
  }
  if (read.format === "unknown") unmapped.push("the document is not a credential green-skills reads");
  const yamlDoc = new Document(definition);
  const header = [
    `Converted by green-skills from ${read.format}${id ? ` (${id})` : ""}.`,
    ...(unmapped.length > 0 ? ["Not mapped:", ...unmapped.map((u) => `- ${u}`)] : ["Everything was mapped."]),
  ];
  yamlDoc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  return { definition, unmapped, yaml: yamlDoc.toString({ lineWidth: 0 }) };
}
