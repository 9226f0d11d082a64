import { ECTS_FRAMEWORK_URI } from "../credential/vocab/elm.js";
import { type CredentialIssue, type IssuePath, issue } from "../credential/issues.js";
import type { ElementPaths } from "./elements.js";
import { at, isObject, items, languageText, numeric, pathThrough, types } from "./json.js";
import type { ForeignOutcome, Located } from "./types.js";

/**
 * ELM v3 / European Digital Credentials (JSON-LD, VCDM 1.1 and 2.0): where an EDC, or a
 * learning-achievement specification alone, carries the fields green-skills checks.
 *
 * @module
 */

/** @internal What the ELM reader extracts. */
export interface ElmExtract {
  kind: "credential" | "achievement";
  achievementPath: IssuePath;
  claimPath?: IssuePath;
  lang: string;
  title?: Located<Record<string, string>>;
  description?: Located<Record<string, string>>;
  achievementType?: Located<string>;
  ects?: Located<number>;
  hours?: Located<number>;
  eqfLevel?: Located<number>;
  outcomes: ForeignOutcome[];
  elements: ElementPaths;
  issues: CredentialIssue[];
}

const SPECIFICATIONS = [
  "Qualification",
  "LearningAchievementSpecification",
  "LearningActivitySpecification",
  "LearningAssessmentSpecification",
  "LearningEntitlementSpecification",
];
const EQF_URI = /^http:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/;

/** @internal True when the document looks like ELM. */
export function isElm(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  const t = types(doc);
  if (t.includes("EuropeanDigitalCredential") || SPECIFICATIONS.some((s) => t.includes(s))) return true;
  const context = Array.isArray(doc["@context"]) ? doc["@context"] : [doc["@context"]];
  return (
    context.some((c) => typeof c === "string" && /data\.europa\.eu\/snb|edc-ap/i.test(c)) ||
    isObject(at(doc, ["credentialSubject", "hasClaim"])) ||
    Array.isArray(at(doc, ["credentialSubject", "hasClaim"]))
  );
}

/** Hours of an xsd:duration (`PT140H`, `P2DT3H`); months and years are not converted. */
export function durationHours(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!m || value === "P" || value === "PT") return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  return Math.round((d * 24 + h + min / 60 + s / 3600) * 1000) / 1000;
}

const noteText = (node: unknown, lang: string) => languageText(at(node, ["noteLiteral"]), lang);

/** @internal Extracts the ELM fields. */
export function extractElm(doc: Record<string, unknown>): ElmExtract {
  const issues: CredentialIssue[] = [];
  const t = types(doc);
  const credential =
    t.includes("EuropeanDigitalCredential") ||
    t.includes("VerifiableCredential") ||
    doc["credentialSubject"] !== undefined;
  let claimPath: IssuePath | undefined;
  let achievementPath: IssuePath = [];
  if (credential) {
    const claims = items(doc, ["credentialSubject", "hasClaim"]);
    const claim = claims.find((c) => types(c.value).includes("LearningAchievement")) ?? claims[0];
    if (!claim)
      issues.push(
        issue(
          "invalid_value",
          "error",
          ["credentialSubject", "hasClaim"],
          "the credential subject makes no claim (hasClaim)",
          { suggestion: "an EDC's credentialSubject.hasClaim holds the LearningAchievement" },
        ),
      );
    claimPath = claim?.path ?? ["credentialSubject", "hasClaim"];
    const spec = at(doc, [...claimPath, "specifiedBy"]);
    achievementPath = [...claimPath, "specifiedBy", ...(Array.isArray(spec) ? [0] : [])];
    if (claim && !isObject(at(doc, achievementPath))) {
      issues.push(
        issue(
          "invalid_value",
          "warning",
          achievementPath,
          "the claim names no specification inline (specifiedBy), so title, workload, level and outcomes are read from the claim only",
        ),
      );
    }
    const issuer = doc["issuer"];
    if (isObject(issuer) && !languageText(issuer["legalName"], "en")) {
      issues.push(
        issue(
          "missing_element",
          "error",
          ["issuer", "legalName"],
          "the issuer has no legal name (the EDC shapes require one)",
          { suggestion: 'add issuer.legalName: { "en": "…" }', element: "awarding-body" },
        ),
      );
    } else if (issuer === undefined)
      issues.push(
        issue("missing_element", "error", ["issuer"], "the credential names no issuer", { element: "awarding-body" }),
      );
    const context = Array.isArray(doc["@context"]) ? doc["@context"] : [doc["@context"]];
    if (
      !context.some(
        (c) => c === "https://www.w3.org/ns/credentials/v2" || c === "https://www.w3.org/2018/credentials/v1",
      )
    ) {
      issues.push(
        issue(
          "invalid_value",
          "error",
          ["@context"],
          "an EDC's @context names the W3C credentials context (v2, or v1 for VCDM 1.1)",
        ),
      );
    }
  }
  const spec = isObject(at(doc, achievementPath)) ? (at(doc, achievementPath) as Record<string, unknown>) : {};
  const claim = claimPath && isObject(at(doc, claimPath)) ? (at(doc, claimPath) as Record<string, unknown>) : {};
  const titleNode = spec["title"] ?? claim["title"];
  const firstLang = isObject(titleNode) ? Object.keys(titleNode)[0] : undefined;
  const lang = firstLang && /^[a-z]{2,3}/.test(firstLang) ? firstLang : "en";
  const p = (...keys: (string | number)[]): IssuePath => [...achievementPath, ...keys];
  const c = (...keys: (string | number)[]): IssuePath => [...(claimPath ?? []), ...keys];
  const located = <T>(value: T | undefined, path: IssuePath): Located<T> | undefined =>
    value === undefined ? undefined : { value, path };

  const title =
    located(languageText(spec["title"], lang), p("title")) ??
    (claimPath ? located(languageText(claim["title"], lang), c("title")) : undefined);
  // The Europass (VCDM 2.0) form carries descriptions as notes with the id …#description / …-description.
  const descriptionNote = items(spec, ["additionalNote"]).find((n) =>
    /[#-]description$/.test(String(at(n.value, ["id"]) ?? "")),
  );
  const description =
    located(languageText(spec["description"], lang), p("description")) ??
    (descriptionNote
      ? located(
          languageText(at(descriptionNote.value, ["noteLiteral"]), lang),
          p(...descriptionNote.path, "noteLiteral"),
        )
      : undefined) ??
    (claimPath ? located(languageText(claim["description"], lang), c("description")) : undefined);
  const dcType = at(spec, ["dcType", "id"]);
  const specType = types(spec)[0];
  const achievementType = located(
    typeof dcType === "string" ? dcType : specType,
    typeof dcType === "string" ? p("dcType", "id") : p("type"),
  );

  let ects: Located<number> | undefined;
  for (const cp of items(spec, ["creditPoint"])) {
    const framework = at(cp.value, ["framework"]);
    const label = JSON.stringify(at(framework, ["prefLabel"]) ?? "");
    if (at(framework, ["id"]) === ECTS_FRAMEWORK_URI || /ECTS|European Credit/i.test(label)) {
      const point = numeric(at(cp.value, ["point"]));
      if (point === undefined)
        issues.push(issue("invalid_value", "error", p(...cp.path, "point"), "an ECTS credit point is a number"));
      else ects ??= { value: point, path: p(...cp.path, "point") };
    }
  }
  const volume = spec["volumeOfLearning"];
  const hours = located(durationHours(volume), p("volumeOfLearning"));
  if (typeof volume === "string" && hours === undefined) {
    issues.push(
      issue(
        "invalid_value",
        "warning",
        p("volumeOfLearning"),
        `volumeOfLearning ${volume} is not in hours or days (a duration in months or years, P…M / P…Y, cannot be read as hours of learning)`,
        { suggestion: "state the notional workload as hours, e.g. PT140H" },
      ),
    );
  }
  const eqfId = at(spec, ["eqfLevel", "id"]) ?? at(spec, ["eqfLevel"]);
  const eqfMatch = typeof eqfId === "string" ? EQF_URI.exec(eqfId) : null;
  const eqfLevel = eqfMatch ? { value: Number(eqfMatch[1]), path: p("eqfLevel") } : undefined;
  if (spec["eqfLevel"] !== undefined && !eqfMatch)
    issues.push(
      issue(
        "invalid_value",
        "error",
        p("eqfLevel"),
        `eqfLevel ${JSON.stringify(eqfId)} is not an EQF level concept (http://data.europa.eu/snb/eqf/1 … /8)`,
      ),
    );

  const outcomes: ForeignOutcome[] = [];
  for (const lo of items(spec, ["learningOutcome"])) {
    const statement =
      languageText(at(lo.value, ["title"]), lang) ??
      languageText(at(lo.value, ["definition"]), lang) ??
      languageText(at(lo.value, ["description"]), lang) ??
      {};
    const id = at(lo.value, ["id"]);
    const ours = typeof id === "string" ? /#outcome-([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(id)?.[1] : undefined;
    outcomes.push({ statement, path: p(...lo.path), ...(ours ? { id: ours } : {}), esco: [] });
  }

  const elements: ElementPaths = {};
  const has = (path: IssuePath) => (at(doc, path) !== undefined ? path : undefined);
  const set = (id: keyof ElementPaths, ...paths: (IssuePath | undefined)[]) => {
    const found = paths.find((x) => x !== undefined);
    if (found) elements[id] = found;
  };
  const notes = items(spec, ["additionalNote"]);
  const noteStarting = (prefix: RegExp) => {
    const n = notes.find((x) => Object.values(noteText(x.value, lang) ?? {}).some((v) => prefix.test(v)));
    return n ? p(...n.path) : undefined;
  };
  const awarding = items(spec, ["awardingOpportunity"])[0];
  if (credential) {
    set(
      "learner-identification",
      has(["credentialSubject", "id"]),
      has(["credentialSubject", "fullName"]),
      has(["credentialSubject", "identifier"]),
    );
    set("date-of-issuing", has(["issued"]), has(["issuanceDate"]), has(c("awardedBy", "awardingDate")));
    set("grade", ...items(claim, ["provenBy"]).map((x) => has(c(...x.path, "grade"))));
  }
  set("title", title?.path);
  set(
    "issuer-country",
    pathThrough(doc, ["issuer"], ["location", "address", "countryCode"]),
    awarding ? pathThrough(doc, p(...awarding.path), ["location", "address", "countryCode"]) : undefined,
  );
  set(
    "awarding-body",
    credential ? has(c("awardedBy", "awardingBody")) : undefined,
    awarding ? has(p(...awarding.path, "awardingBody")) : undefined,
    credential ? has(["issuer"]) : undefined,
  );
  set("learning-outcomes", outcomes[0]?.path, has(p("learningOutcomeSummary")));
  set("notional-workload", ects?.path, hours ? hours.path : undefined, has(p("creditPoint")));
  set("level", eqfLevel?.path, noteStarting(/^Level: EQF not applicable/));
  if (elements.level && noteStarting(/^Level: EQF not applicable/) && !eqfLevel) elements.level = "not-applicable";
  set("assessment-type", has(p("provenBy")), credential ? has(c("provenBy")) : undefined);
  set("participation-form", has(p("mode")), has(p("learningSetting")));
  set("quality-assurance", has(p("accreditation")), noteStarting(/^Type of quality assurance/));
  set("prerequisites", has(p("entryRequirement")));
  set(
    "supervision",
    ...items(claim, ["provenBy"]).map((x) => has(c(...x.path, "idVerification"))),
    noteStarting(/^Supervision and identity verification/),
  );
  set("stackability", has(p("isPartialQualification")), has(p("isPartOf")), noteStarting(/^Integration\/stackability/));
  set("further-information", has(p("homepage")), has(p("supplementaryDocument")));

  return {
    kind: credential ? "credential" : "achievement",
    achievementPath,
    ...(claimPath ? { claimPath } : {}),
    lang,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(achievementType ? { achievementType } : {}),
    ...(ects ? { ects } : {}),
    ...(hours ? { hours } : {}),
    ...(eqfLevel ? { eqfLevel } : {}),
    outcomes,
    elements,
    issues,
  };
}
