import { GREEN_SKILLS_CONTEXT_URL } from "../openbadges/context.js";

/**
 * The Europass (EBSI) profile of a European Digital Credential: VCDM 2.0, as the EBSI
 * "vcdm2.0-europass-edc-schema" JSON Schema and Europass wallets expect it, made from the VCDM 1.1 form.
 *
 * - `@context`: the edc-ap context **first**, then VC 2.0, then the green-skills context. VC 2.0 declares
 *   `description` `@protected`, so the edc-ap context cannot come after it (JSON-LD rejects the
 *   redefinition); before it, VC 2.0 takes over `description` (schema.org, no language maps). The
 *   green-skills context defines `issued` (VC 1.1 did, VC 2.0 does not) and EBSI's `VerifiableAttestation`.
 * - `type` gains `VerifiableAttestation`; `issuanceDate` (VC 1.1) is left out.
 * - Every ELM `description` (a language map, which VC 2.0's `description` cannot hold) becomes an
 *   `additionalNote` with the id `…#description` where the node takes notes; the display's is dropped
 *   (the title stays).
 * - References by id (`awardedBy`, `specifiedBy`, `awardingBody`) are embedded: the EBSI schema wants objects.
 * - A region (`geographicName`, which the EBSI schema types as an address) becomes the address's `fullAddress`.
 *
 * @module
 */

/** @internal The contexts of the Europass form. */
export const EUROPASS_CONTEXT = [
  "http://data.europa.eu/snb/model/context/edc-ap",
  "https://www.w3.org/ns/credentials/v2",
  GREEN_SKILLS_CONTEXT_URL,
] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Collects every node with an id and more than an id and a type, to embed references to it. */
function index(value: unknown, byId: Map<string, Json>): void {
  if (Array.isArray(value)) value.forEach((v) => index(v, byId));
  else if (isObject(value)) {
    if (typeof value["id"] === "string" && Object.keys(value).length > 2 && !byId.has(value["id"]))
      byId.set(value["id"], value);
    for (const v of Object.values(value)) index(v, byId);
  }
}

const EMBED = new Set(["awardedBy", "specifiedBy", "awardingBody"]);
const NO_NOTES = new Set(["DisplayParameter", "Concept", "Note", "WebResource", "MediaObject", "GradingScheme"]);

/** `…#description` for an id without a fragment, `…-description` for one with (a URI has one `#`). */
const noteId = (id: string) => (id.includes("#") ? `${id}-description` : `${id}#description`);

/** A node without an id (a blank node), or a list of them. */
const blank = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.length > 0 && v.every(blank)
    : isObject(v) && typeof v["type"] === "string" && typeof v["id"] !== "string";

function rewrite(
  value: unknown,
  byId: Map<string, Json>,
  key: string | undefined,
  depth: number,
  copy = false,
): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, byId, key, depth, copy));
  if (typeof value === "string" && key && EMBED.has(key) && byId.has(value) && depth < 12)
    return rewrite(structuredClone(byId.get(value)!), byId, undefined, depth + 1, true);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "description" && isObject(v)) continue;
    if (k === "geographicName") continue;
    // An embedded copy leaves out blank nodes (a location, a grading scheme, an identifier): the original has
    // them, and each copy would add another (the shapes allow one). An organisation keeps its location,
    // which the EBSI schema requires and the shapes allow more than once.
    if (copy && blank(v) && !(k === "location" && value["type"] === "Organisation")) continue;
    out[k] = rewrite(v, byId, k, depth, copy && !blank(v));
  }
  const type = typeof value["type"] === "string" ? value["type"] : undefined;
  if (isObject(value["description"]) && type && !NO_NOTES.has(type)) {
    const note = {
      ...(typeof value["id"] === "string" ? { id: noteId(value["id"]) } : {}),
      type: "Note",
      noteLiteral: value["description"],
    };
    const notes = Array.isArray(out["additionalNote"])
      ? out["additionalNote"]
      : out["additionalNote"]
        ? [out["additionalNote"]]
        : [];
    out["additionalNote"] = [note, ...notes];
  }
  if (type === "Location" && isObject(value["geographicName"]) && isObject(out["address"])) {
    out["address"] = {
      ...(out["address"] as Json),
      fullAddress: { type: "Note", noteLiteral: value["geographicName"] },
    };
  }
  return out;
}

/** @internal The Europass (VCDM 2.0) form of a VCDM 1.1 EDC. */
export function europassForm<T extends Json>(document: T): T {
  const byId = new Map<string, Json>();
  index(document, byId);
  const { "@context": _context, issuanceDate: _issuanceDate, type: _type, ...rest } = document;
  const body = rewrite(rest, byId, undefined, 0) as Json;
  return {
    "@context": [...EUROPASS_CONTEXT],
    ...body,
    type: ["VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"],
  } as unknown as T;
}
