import { type CredentialIssue, type IssuePath, issue } from "../credential/issues.js";
import { at, isObject, items, languageText, numeric, types } from "./json.js";
import type { ElementPaths } from "./elements.js";
import type { ForeignEscoReference, ForeignOutcome, Located } from "./types.js";

/**
 * Open Badges 3.0: where an `OpenBadgeCredential` / `AchievementCredential` (or an `Achievement` alone)
 * carries the fields green-skills checks, including the `ext:` terms of green-skills' own export.
 *
 * @module
 */

/** @internal What the OB reader extracts. */
export interface ObExtract {
  kind: "credential" | "achievement";
  achievementPath: IssuePath;
  lang: string;
  title?: Located<Record<string, string>>;
  description?: Located<Record<string, string>>;
  achievementType?: Located<string>;
  ects?: Located<number>;
  hours?: Located<number>;
  eqfLevel?: Located<number | "not-applicable">;
  escoVersion?: Located<string>;
  outcomes: ForeignOutcome[];
  /** Outcome index per ESCO URI (the first outcome citing it). */
  outcomeOf: Map<string, number>;
  elements: ElementPaths;
  issues: CredentialIssue[];
}

const VC2 = "https://www.w3.org/ns/credentials/v2";
const VC1 = "https://www.w3.org/2018/credentials/v1";
const EQF_URI = /^http:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/;
const OUR_CRITERIA = "Holders of this micro-credential have shown these learning outcomes:";

/** @internal True when the document looks like Open Badges 3.0. */
export function isOpenBadges(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  const t = types(doc);
  if (
    t.some((x) => ["OpenBadgeCredential", "AchievementCredential", "EndorsementCredential", "Achievement"].includes(x))
  )
    return true;
  const context = doc["@context"];
  return (Array.isArray(context) ? context : [context]).some(
    (c) => typeof c === "string" && /imsglobal|openbadges/i.test(c),
  );
}

const ext = (node: unknown, ...keys: string[]): unknown =>
  at(
    node,
    keys.map((k) => `ext:${k}`),
  );

function structure(doc: Record<string, unknown>, credential: boolean, issues: CredentialIssue[]): void {
  const error = (path: IssuePath, message: string, suggestion?: string) =>
    issues.push(issue("invalid_value", "error", path, message, { suggestion }));
  const context = Array.isArray(doc["@context"]) ? doc["@context"] : [doc["@context"]];
  if (credential) {
    if (context[0] !== VC2 && context[0] !== VC1)
      error(
        ["@context"],
        `the first @context of a verifiable credential is ${VC2} (VCDM 2.0, as OB 3.0 uses) or ${VC1} (VCDM 1.1)`,
        `put "${VC2}" first`,
      );
    else if (context[0] === VC1)
      issues.push(
        issue(
          "invalid_value",
          "info",
          ["@context", 0],
          "VCDM 1.1 form: Open Badges 3.0 credentials now use the VC 2.0 context (validFrom instead of issuanceDate)",
        ),
      );
    const t = types(doc);
    if (!t.includes("VerifiableCredential"))
      error(["type"], "the type of a verifiable credential includes VerifiableCredential");
    if (
      !t.includes("OpenBadgeCredential") &&
      !t.includes("AchievementCredential") &&
      !t.includes("EndorsementCredential")
    )
      error(
        ["type"],
        `type ${JSON.stringify(doc["type"])} names no Open Badges credential type`,
        "add OpenBadgeCredential (or AchievementCredential)",
      );
    const issuer = doc["issuer"];
    if (!(typeof issuer === "string" || (isObject(issuer) && typeof issuer["id"] === "string")))
      error(["issuer"], "the issuer needs an id (a URI)");
    if (doc["validFrom"] === undefined && doc["issuanceDate"] === undefined)
      error(["validFrom"], "the credential states no validFrom (VCDM 2.0) or issuanceDate (VCDM 1.1)");
    const until = doc["validUntil"] ?? doc["expirationDate"];
    if (typeof until === "string" && !Number.isNaN(Date.parse(until)) && Date.parse(until) < Date.now()) {
      issues.push(
        issue(
          "invalid_value",
          "warning",
          [doc["validUntil"] !== undefined ? "validUntil" : "expirationDate"],
          `the credential expired on ${until}`,
        ),
      );
    }
    for (const subject of items(doc, ["credentialSubject"])) {
      for (const r of items(subject.value, ["result"])) {
        if (!types(r.value).includes("Result"))
          error(
            [...subject.path, ...r.path],
            `a result's type is Result, not ${JSON.stringify(isObject(r.value) ? r.value["type"] : r.value)}`,
          );
      }
    }
  }
}

/** The learning outcomes written by green-skills' own export in `criteria.narrative`, with their ESCO labels. */
function ourOutcomes(narrative: string): { statement: string; labels: string[] }[] | undefined {
  if (!narrative.startsWith(OUR_CRITERIA)) return undefined;
  const out: { statement: string; labels: string[] }[] = [];
  for (const line of narrative.split("\n").slice(1)) {
    const m = /^(\d+)\. (.*?)(?: \(ESCO: (.*)\))?$/.exec(line);
    if (m) out.push({ statement: m[2]!, labels: m[3] ? m[3].split("; ") : [] });
    else if (out.length > 0 && line.trim() === "") break;
  }
  return out.length > 0 ? out : undefined;
}

/** @internal Extracts the OB fields. */
export function extractOpenBadges(doc: Record<string, unknown>, refs: readonly ForeignEscoReference[]): ObExtract {
  const issues: CredentialIssue[] = [];
  const credential = types(doc).includes("VerifiableCredential") || doc["credentialSubject"] !== undefined;
  structure(doc, credential, issues);
  const subjects = items(doc, ["credentialSubject"]);
  const subject = subjects.find((s) => isObject(s.value) && isObject(s.value["achievement"])) ?? subjects[0];
  const achievementPath: IssuePath = credential ? [...(subject?.path ?? ["credentialSubject"]), "achievement"] : [];
  const achievement = at(doc, achievementPath);
  if (credential && !isObject(achievement) && !types(doc).includes("EndorsementCredential")) {
    issues.push(
      issue("invalid_value", "error", achievementPath, "the credential subject holds no achievement", {
        suggestion: "an OpenBadgeCredential's credentialSubject.achievement describes what was achieved",
      }),
    );
  }
  const a = isObject(achievement) ? achievement : {};
  const lang = typeof a["inLanguage"] === "string" ? a["inLanguage"] : "en";
  const p = (...keys: (string | number)[]): IssuePath => [...achievementPath, ...keys];
  const located = <T>(value: T | undefined, path: IssuePath): Located<T> | undefined =>
    value === undefined ? undefined : { value, path };

  const title =
    located(languageText(a["name"], lang), p("name")) ??
    (credential ? located(languageText(doc["name"], lang), ["name"]) : undefined);
  const description = located(languageText(a["description"], lang), p("description"));
  const achievementType = located(
    typeof a["achievementType"] === "string" ? a["achievementType"] : undefined,
    p("achievementType"),
  );
  const ects =
    located(numeric(ext(a, "notionalWorkload", "ects")), p("ext:notionalWorkload", "ext:ects")) ??
    located(numeric(a["creditsAvailable"]), p("creditsAvailable")) ??
    (subject ? located(numeric(at(subject.value, ["creditsEarned"])), [...subject.path, "creditsEarned"]) : undefined);
  const hours = located(numeric(ext(a, "notionalWorkload", "hours")), p("ext:notionalWorkload", "ext:hours"));
  if (a["creditsAvailable"] !== undefined && numeric(a["creditsAvailable"]) === undefined)
    issues.push(issue("invalid_value", "error", p("creditsAvailable"), "creditsAvailable is a number of credits"));

  let eqfLevel: Located<number | "not-applicable"> | undefined;
  const extEqf = ext(a, "level", "eqf");
  if (extEqf === "not-applicable") eqfLevel = { value: "not-applicable", path: p("ext:level", "ext:eqf") };
  else if (extEqf !== undefined) eqfLevel = located(numeric(extEqf), p("ext:level", "ext:eqf"));
  let escoVersion: Located<string> | undefined;
  for (const al of items(a, ["alignment"])) {
    const framework = at(al.value, ["targetFramework"]);
    const version = typeof framework === "string" ? /\bESCO\s+v?(\d+\.\d+(?:\.\d+)?)\b/i.exec(framework) : null;
    if (version && !escoVersion)
      escoVersion = { value: `v${version[1]}`, path: [...achievementPath, ...al.path, "targetFramework"] };
    const url = at(al.value, ["targetUrl"]);
    const m = typeof url === "string" ? EQF_URI.exec(url) : null;
    if (m && !eqfLevel) eqfLevel = { value: Number(m[1]), path: [...achievementPath, ...al.path, "targetUrl"] };
  }

  const outcomes: ForeignOutcome[] = [];
  const outcomeOf = new Map<string, number>();
  const narrative = at(a, ["criteria", "narrative"]);
  const ours = typeof narrative === "string" ? ourOutcomes(narrative) : undefined;
  if (ours) {
    const byLabel = new Map<string, string>();
    for (const r of refs) if (r.label && r.expected === "skill") byLabel.set(r.label, r.uri);
    ours.forEach((o, i) => {
      const esco = o.labels.flatMap(
        (l) => byLabel.get(l) ?? (/^http:\/\/data\.europa\.eu\/esco\/skill\//.test(l) ? [l] : []),
      );
      outcomes.push({ statement: { [lang]: o.statement }, path: p("criteria", "narrative"), id: `lo-${i + 1}`, esco });
      for (const uri of esco) if (!outcomeOf.has(uri)) outcomeOf.set(uri, i);
    });
  } else {
    // One outcome: the criteria (else the description), citing every skill the achievement aligns to.
    const esco = [
      ...new Set(
        refs
          .filter(
            (r) =>
              r.expected === "skill" &&
              achievementPath.every((part, k) => r.path[k] === part) &&
              r.path[achievementPath.length] === "alignment",
          )
          .map((r) => r.uri),
      ),
    ];
    const single =
      typeof narrative === "string" && narrative.trim()
        ? { statement: { [lang]: narrative.trim() }, path: p("criteria", "narrative") }
        : description
          ? { statement: description.value, path: description.path }
          : undefined;
    if (single) {
      outcomes.push({ ...single, esco });
      for (const uri of esco) outcomeOf.set(uri, 0);
    }
  }

  const elements: ElementPaths = {};
  const has = (path: IssuePath) => (at(doc, path) !== undefined ? path : undefined);
  const set = (id: keyof ElementPaths, ...paths: (IssuePath | undefined)[]) => {
    const found = paths.find((x) => x !== undefined);
    if (found) elements[id] = found;
  };
  if (credential && subject)
    set("learner-identification", has([...subject.path, "id"]), has([...subject.path, "identifier"]));
  set("title", title?.path);
  set(
    "issuer-country",
    has(p("ext:issuerCountry")),
    has(["issuer", "address", "addressCountryCode"]),
    has(["issuer", "address", "addressCountry"]),
    has(p("creator", "address", "addressCountryCode")),
    has(p("creator", "address", "addressCountry")),
  );
  set("awarding-body", credential ? has(["issuer"]) : undefined, has(p("creator")));
  if (credential) set("date-of-issuing", has(["validFrom"]), has(["issuanceDate"]), has(["awardedDate"]));
  set("learning-outcomes", outcomes.length > 0 ? outcomes[0]!.path : undefined);
  set("notional-workload", ects?.path, hours?.path);
  if (eqfLevel) elements.level = eqfLevel.value === "not-applicable" ? "not-applicable" : eqfLevel.path;
  set("assessment-type", has(p("ext:assessment", "ext:types")));
  set("participation-form", has(p("ext:participation")));
  set("quality-assurance", has(p("ext:qualityAssurance")));
  set("prerequisites", has(p("ext:prerequisites")));
  set("supervision", has(p("ext:assessment", "ext:supervision")));
  set("grade", subject ? has([...subject.path, "result"]) : undefined, has(p("resultDescription")));
  set("stackability", has(p("ext:stackability")));
  set("further-information", has(p("ext:furtherInformation")), has(p("criteria", "id")));

  return {
    kind: credential ? "credential" : "achievement",
    achievementPath,
    lang,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(achievementType ? { achievementType } : {}),
    ...(ects ? { ects } : {}),
    ...(hours ? { hours } : {}),
    ...(eqfLevel ? { eqfLevel } : {}),
    ...(escoVersion ? { escoVersion } : {}),
    outcomes,
    outcomeOf,
    elements,
    issues,
  };
}
