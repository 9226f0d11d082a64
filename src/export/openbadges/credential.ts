import type { IssuedMicroCredential, Learner } from "../../credential/schema.js";
import { ExportError } from "../../errors.js";
import { type Taxonomy, storeOf } from "../../taxonomy/taxonomy.js";
import { issuedInput, exportOptions } from "../input.js";
import { resolveIssuer } from "../issuer.js";
import { dateTime, defaultLanguage, pick } from "../text.js";
import { type ExportResult, Warnings } from "../warnings.js";
import { buildAchievement } from "./achievement.js";
import type { OpenBadgeCredentialOptions } from "./options.js";
import {
  OPEN_BADGES_CONTEXT,
  OPEN_BADGES_SCHEMA_URL,
  type OpenBadgeCredential,
  type OpenBadgeProfile,
} from "./schema.js";

/**
 * Open Badges 3.0: an issued micro-credential as a complete, unsigned `OpenBadgeCredential`.
 *
 * @module
 */

const API = "toOpenBadgeCredential";

/** The learner as plain identity objects (OB 3.0 `identifier`), for learners without a URI. */
function identifiers(learner: Learner): NonNullable<OpenBadgeCredential["credentialSubject"]["identifier"]> {
  const plain = (identityType: string, identityHash: string) => ({
    type: "IdentityObject" as const,
    hashed: false,
    identityHash,
    identityType,
  });
  const out = [];
  const name = learner.fullName ?? [learner.givenName, learner.familyName].filter(Boolean).join(" ");
  if (name) out.push(plain("name", name));
  if (learner.email) out.push(plain("emailAddress", learner.email));
  if (learner.nationalId) out.push(plain("nationalIdentityNumber", learner.nationalId));
  return out;
}

/**
 * Exports an issued micro-credential as a complete, unsigned Open Badges 3.0 `OpenBadgeCredential`
 * (VC 2.0 and OB 3.0.3 contexts): the issuer profile (with the country and region of the issuer),
 * `validFrom` and `awardedDate` from the date of issuing, and a `credentialSubject` holding the learner,
 * the achievement of {@link toOpenBadgeAchievement}, the ECTS earned and the grade as a `result`. Sign it
 * with your OB platform or VC library before handing it to the learner.
 *
 * @category Export
 * @param issued - A parsed issued credential, with its definition inline (not a file reference).
 * @param taxonomy - The ESCO taxonomy the labels come from.
 * @param options - Language, ids, and the issuer where the first awarding body does not say enough.
 * @returns The credential and the warnings.
 * @throws {@link ExportError} `E_EXPORT_INVALID_INPUT` for an invalid issued credential;
 *   `E_EXPORT_UNRESOLVED_DEFINITION` when the definition is a file path; `E_EXPORT_MISSING_DATA` when
 *   there is no credential id or no issuer id.
 * @example
 * ```ts
 * import { toOpenBadgeCredential } from "green-skills";
 * const { document } = toOpenBadgeCredential(taxonomy, { ...issued, definition });
 * document.type //=> ["VerifiableCredential", "OpenBadgeCredential"]
 * document.credentialSubject.result //=> [{ type: ["Result"], resultDescription: "…#grade", value: "pass with distinction" }]
 * ```
 */
export function toOpenBadgeCredential(
  taxonomy: Taxonomy,
  issued: IssuedMicroCredential,
  options: OpenBadgeCredentialOptions = {},
): ExportResult<OpenBadgeCredential> {
  storeOf(taxonomy, "toOpenBadgeCredential");
  options = exportOptions("toOpenBadgeCredential", options);
  const input = issuedInput(API, issued);
  const { definition, learner } = input;
  const warnings = new Warnings();
  const lang = options.lang ?? defaultLanguage(definition.title);
  const id = options.credentialId ?? input.id;
  if (!id)
    throw new ExportError(
      API,
      "missing_data",
      "an OpenBadgeCredential needs an id: give the issued credential an `id` (e.g. urn:uuid:…) or pass options.credentialId",
      ["id"],
    );
  const resolved = resolveIssuer(definition, options.issuer);
  if (!resolved.id) {
    throw new ExportError(
      API,
      "missing_data",
      "the issuer profile needs an id: set awardingBodies[0].id in the definition or pass options.issuer.id",
      ["definition", "awardingBodies", 0, "id"],
    );
  }
  const issuer: OpenBadgeProfile = {
    id: resolved.id,
    type: ["Profile"],
    name: pick(resolved.name, lang, ["definition", "awardingBodies", 0, "name"], warnings),
  };
  if (resolved.homepage) issuer.url = resolved.homepage;
  if (resolved.email) issuer.email = resolved.email;
  issuer.address = {
    type: ["Address"],
    addressCountryCode: resolved.country,
    ...(resolved.region ? { addressRegion: resolved.region } : {}),
  };
  if (resolved.legalIdentifier)
    issuer.otherIdentifier = [
      { type: "IdentifierEntry", identifier: resolved.legalIdentifier, identifierType: "identifier" },
    ];

  const achievement = buildAchievement(definition, taxonomy, options, warnings);
  const subject: OpenBadgeCredential["credentialSubject"] = { type: ["AchievementSubject"], achievement };
  if (learner.id) subject.id = learner.id;
  const identity = identifiers(learner);
  if (identity.length > 0) subject.identifier = identity;
  if (!learner.id && identity.length === 0)
    throw new ExportError(
      API,
      "missing_data",
      "the learner needs an id, a name, an e-mail address or a national id (Annex I: identification of the learner)",
      ["learner"],
    );
  if (learner.dateOfBirth)
    warnings.add(
      "not_exported",
      ["learner", "dateOfBirth"],
      "OB 3.0 has no field for the learner's date of birth; it is not in the credential",
    );
  if (definition.workload.ects !== undefined) subject.creditsEarned = definition.workload.ects;
  if (input.grade !== undefined) {
    const described = achievement.resultDescription?.[0]?.id;
    subject.result = [
      { type: ["Result"], ...(described ? { resultDescription: described } : {}), value: String(input.grade) },
    ];
  }
  const when = dateTime(input.issued);
  const document: OpenBadgeCredential = {
    "@context": [...OPEN_BADGES_CONTEXT],
    id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: achievement.name,
    description: achievement.description,
    issuer,
    validFrom: when,
    awardedDate: when,
    credentialSubject: subject,
    credentialSchema: [{ id: OPEN_BADGES_SCHEMA_URL, type: "1EdTechJsonSchemaValidator2019" }],
  };
  return { document, warnings: warnings.list };
}
