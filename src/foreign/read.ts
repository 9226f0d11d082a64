import { type CredentialIssue, issue } from "../credential/issues.js";
import { InvalidArgumentError } from "../errors.js";
import { readingArgument } from "../guard.js";
import { decode } from "./decode.js";
import { foreignElements } from "./elements.js";
import { extractElm, isElm } from "./elm.js";
import { isObject } from "./json.js";
import { extractOpenBadges, isOpenBadges } from "./openbadges.js";
import { scanEscoReferences } from "./scan.js";
import type { ForeignCredential, ForeignEscoReference, ForeignFormat } from "./types.js";
import { scanXml } from "./xml.js";

/**
 * Reading credentials that others issued: Open Badges 3.0 (JSON, VC-JWT, baked SVG and PNG) and ELM /
 * European Digital Credentials (JSON-LD), plus the ESCO references of legacy Europass XML.
 *
 * @module
 */

const API = "readForeignCredential";

function ordered(
  refs: ForeignEscoReference[],
  outcomeOf: (ref: ForeignEscoReference) => number | undefined,
): ForeignEscoReference[] {
  return refs.map((r) => {
    const outcome = outcomeOf(r);
    return outcome === undefined ? r : { ...r, outcome };
  });
}

/**
 * @internal The input as plain data: text and bytes as they are, anything else copied through JSON (a
 * parsed JSON document loses nothing), so that getters, Proxy traps and cycles in what the caller handed
 * in end here as an {@link InvalidArgumentError} rather than somewhere inside the reader.
 */
export function plainInput<T>(api: string, input: T): T {
  if (typeof input === "string") return input;
  return readingArgument(api, "input", input, () => {
    if (input instanceof Uint8Array) return input;
    const copy = JSON.stringify(input) as string | undefined;
    if (copy === undefined) throw new InvalidArgumentError(api, "input", "a JSON value", input);
    return JSON.parse(copy) as T;
  });
}

/**
 * Reads a credential that someone else issued, whatever its container: JSON text or an already parsed
 * object, a VC-JWT compact form (the payload is decoded; the signature is **not** checked), a baked SVG
 * or PNG badge (bytes or text), or legacy Europass XML (ESCO references only). It extracts the title,
 * description, achievement type, ECTS credits, hours, EQF level, learning outcomes and every ESCO skill
 * and occupation reference, each with its JSON path, and lists which Annex I elements the document
 * carries. Never throws on the document: what cannot be read becomes an issue with a path.
 *
 * Paths are into the decoded JSON: for a JWT into its payload (`["vc", …]` for a VCDM 1.1 JWT), for a
 * baked badge into the embedded credential.
 *
 * @category Foreign credentials
 * @param input - The file's bytes, its text, or a parsed JSON value.
 * @returns The format, the decoded document, the extracted fields and the issues.
 * @throws {@link InvalidArgumentError} when `input` is `undefined`, a function, a number or a boolean.
 * @example
 * ```ts
 * import { readForeignCredential } from "green-skills";
 * const read = readForeignCredential('{"type": ["VerifiableCredential", "OpenBadgeCredential"], "credentialSubject": {}}');
 * read.format //=> "openbadges-3.0"
 * read.escoReferences[0] //=> { uri: "http://data.europa.eu/esco/skill/…", path: ["credentialSubject", "achievement", "alignment", 0, "targetUrl"], via: "alignment.targetUrl", expected: "skill", … }
 * ```
 */
export function readForeignCredential(input: string | Uint8Array | object): ForeignCredential {
  if (input === null || (typeof input !== "string" && typeof input !== "object") || input === undefined) {
    throw new InvalidArgumentError(
      API,
      "input",
      "the document's bytes (Uint8Array), its text, or a parsed JSON object",
      input,
    );
  }
  const decoded = decode(plainInput(API, input));
  const issues: CredentialIssue[] = [...decoded.issues];
  const empty = { learningOutcomes: [], escoReferences: [], elements: foreignElements({}, false) };
  if (decoded.container === "xml") {
    const xml = scanXml(decoded.text ?? "");
    issues.push(...xml.issues);
    const europass =
      xml.root === "europassCredential" ||
      /xmlns\s*=\s*["']http:\/\/data\.europa\.eu\/snb["']/.test(decoded.text ?? "");
    if (!europass)
      issues.push(
        issue(
          "unsupported_format",
          "error",
          [],
          `an XML document <${xml.root ?? "?"}> that is not a Europass credential`,
          { suggestion: "pass an Open Badges 3.0 or ELM / EDC credential (JSON, JWT, baked SVG or PNG)" },
        ),
      );
    else
      issues.push(
        issue(
          "unsupported_format",
          "info",
          [],
          "legacy Europass (EDC 1.x) XML: only its ESCO references are read; convert it to ELM v3 JSON-LD with the EDC tools to check the other elements",
        ),
      );
    return {
      format: europass ? "europass-xml" : "unknown",
      kind: europass ? "credential" : "unknown",
      document: undefined,
      ...empty,
      escoReferences: xml.refs,
      issues,
    };
  }
  const doc = decoded.document;
  const root = decoded.jwt && isObject(doc) && isObject(doc["vc"]) ? doc["vc"] : doc;
  const prefix = root === doc ? [] : ["vc"];
  if (!isObject(root)) {
    if (doc !== undefined)
      issues.push(
        issue(
          "unsupported_format",
          "error",
          [],
          `the document is ${Array.isArray(doc) ? "an array" : `a ${typeof doc}`}, not a credential object`,
          { suggestion: "pass one Open Badges 3.0 or ELM / EDC credential" },
        ),
      );
    return { format: "unknown", kind: "unknown", document: doc, ...empty, issues };
  }
  const withPrefix = <T extends { path: (string | number)[] }>(x: T): T => ({ ...x, path: [...prefix, ...x.path] });
  const scanned = scanEscoReferences(root, "en");
  issues.push(...scanned.issues.map(withPrefix));
  const suffix =
    decoded.container === "jwt" || (decoded.jwt && decoded.container === "json")
      ? "-jwt"
      : decoded.container === "svg"
        ? "-svg"
        : decoded.container === "png"
          ? "-png"
          : "";
  if (isElm(root) && !isOpenBadges(root)) {
    const elm = extractElm(root);
    issues.push(...elm.issues.map(withPrefix));
    const outcomeOf = (r: ForeignEscoReference) => {
      const i = elm.outcomes.findIndex((o) => o.path.every((part, k) => r.path[k] === part));
      return i < 0 ? undefined : i;
    };
    const refs = ordered(scanned.refs, outcomeOf).map(withPrefix);
    elm.outcomes = elm.outcomes.map((o, i) => ({
      ...o,
      esco: [...new Set(refs.filter((r) => r.outcome === i && r.expected === "skill").map((r) => r.uri))],
    }));
    if (suffix)
      issues.push(
        issue(
          "unsupported_format",
          "info",
          [],
          `an ELM credential inside a ${suffix.slice(1).toUpperCase()} container; EDCs are usually exchanged as JSON-LD`,
        ),
      );
    return result("elm-edc", elm, refs, root === doc ? doc : doc, prefix, issues);
  }
  if (isOpenBadges(root)) {
    const ob = extractOpenBadges(root, scanned.refs);
    issues.push(...ob.issues.map(withPrefix));
    const refs = ordered(scanned.refs, (r) => (r.expected === "skill" ? ob.outcomeOf.get(r.uri) : undefined)).map(
      withPrefix,
    );
    return result(`openbadges-3.0${suffix}` as ForeignFormat, ob, refs, doc, prefix, issues);
  }
  issues.push(
    issue(
      "unsupported_format",
      "error",
      ["type"],
      `neither Open Badges 3.0 nor ELM: type ${JSON.stringify(root["type"] ?? null)}, @context ${JSON.stringify(root["@context"] ?? null)}`,
      {
        suggestion:
          "pass an OpenBadgeCredential / AchievementCredential, an OB Achievement, a European Digital Credential or an ELM learning-achievement specification",
      },
    ),
  );
  return {
    format: "unknown",
    kind: "unknown",
    document: doc,
    ...empty,
    escoReferences: scanned.refs.map(withPrefix),
    issues,
  };
}

function result(
  format: ForeignFormat,
  x: ReturnType<typeof extractElm> | ReturnType<typeof extractOpenBadges>,
  refs: ForeignEscoReference[],
  document: unknown,
  prefix: (string | number)[],
  issues: CredentialIssue[],
): ForeignCredential {
  const at = <T extends { path: (string | number)[] }>(v: T | undefined): T | undefined =>
    v ? { ...v, path: [...prefix, ...v.path] } : undefined;
  const fields = {
    title: at(x.title),
    description: at(x.description),
    achievementType: at(x.achievementType),
    ects: at(x.ects),
    hours: at(x.hours),
    eqfLevel: at(x.eqfLevel),
    escoVersion: at("escoVersion" in x ? x.escoVersion : undefined),
  };
  const elements = Object.fromEntries(
    Object.entries(x.elements).map(([k, v]) => [k, v === "not-applicable" ? v : [...prefix, ...v]]),
  );
  return {
    format,
    kind: x.kind,
    document,
    achievementPath: [...prefix, ...x.achievementPath],
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    learningOutcomes: x.outcomes.map((o) => ({ ...o, path: [...prefix, ...o.path] })),
    escoReferences: refs,
    elements: foreignElements(elements, x.kind === "credential"),
    issues,
  };
}
