import type { IssuedMicroCredential, Learner } from "../../credential/schema.js";
import { ExportError } from "../../errors.js";
import { type Taxonomy, storeOf } from "../../taxonomy/taxonomy.js";
import { issuedInput, exportOptions } from "../input.js";
import { resolveIssuer } from "../issuer.js";
import { dateTime, pick } from "../text.js";
import { SCHEMES, supervisionConcept } from "../vocab.js";
import { type ExportResult, Warnings } from "../warnings.js";
import { concept, countryConcept, languageConcept, note, vocab } from "./concept.js";
import { base64Utf8, displaySvg } from "./display.js";
import type { EdcOptions } from "./options.js";
import { organisation } from "./organisation.js";
import { EDC_CONTEXT, EDC_SHAPES_URI, type EuropeanDigitalCredential } from "./schema.js";
import { europassForm } from "./europass.js";
import { buildSpecification } from "./specification.js";

/**
 * ELM: an issued micro-credential as an unsigned European Digital Credential (VCDM 1.1 form, like the
 * Commission's ELM v3 samples), valid against the EDC application-profile shapes.
 *
 * @module
 */

const API = "toEuropeanDigitalCredential";
const GENERIC_PROFILE = "http://data.europa.eu/snb/credential/e34929035b";
const BASE64 = "http://data.europa.eu/snb/encoding/6146cde7dd";

function person(learner: Learner, id: string, lang: string): Record<string, unknown> {
  const name = (value: string) => ({ [lang]: value });
  const full = learner.fullName ?? ([learner.givenName, learner.familyName].filter(Boolean).join(" ") || undefined);
  return {
    id: learner.id ?? id,
    type: "Person",
    ...(learner.givenName ? { givenName: name(learner.givenName) } : {}),
    ...(learner.familyName ? { familyName: name(learner.familyName) } : {}),
    ...(full ? { fullName: name(full) } : {}),
    ...(learner.dateOfBirth ? { dateOfBirth: dateTime(learner.dateOfBirth) } : {}),
    // ELM's nationalID is a LegalIdentifier that needs the issuing country, which the learner file does not give.
    ...(learner.nationalId
      ? { identifier: [{ type: "Identifier", notation: learner.nationalId, schemeName: "national identifier" }] }
      : {}),
    ...(learner.email
      ? { contactPoint: [{ type: "ContactPoint", emailAddress: [{ id: `mailto:${learner.email}`, type: "Mailbox" }] }] }
      : {}),
  };
}

/**
 * Exports an issued micro-credential as an unsigned European Digital Credential (ELM v3): the issuer
 * with its eIDAS legal identifier, `issued` and `validFrom`, the display parameters (with a generated SVG
 * page unless you pass an image), and the learner (`Person`) holding a `LearningAchievement` that is
 * awarded by the awarding bodies, specified by the specification of {@link toElm}, and proven by the
 * assessment with the grade. Seal it with the EDC issuing tools before handing it to the learner.
 *
 * @category Export
 * @param issued - A parsed issued credential, with its definition inline (not a file reference).
 * @param taxonomy - The ESCO taxonomy the labels come from.
 * @param options - Language, ids, the issuer (with its eIDAS legal identifier), validity, display image.
 * @returns The JSON-LD credential and the warnings.
 * @throws {@link ExportError} `E_EXPORT_INVALID_INPUT` for an invalid issued credential;
 *   `E_EXPORT_UNRESOLVED_DEFINITION` when the definition is a file path; `E_EXPORT_MISSING_DATA` when
 *   there is no credential id or no eIDAS legal identifier of the issuer.
 * @example
 * ```ts
 * import { toEuropeanDigitalCredential } from "green-skills";
 * const { document } = toEuropeanDigitalCredential(taxonomy, { ...issued, definition }, { issuer: { legalIdentifier: "DE.HRB.12345" } });
 * document.issuer.eIDASIdentifier.notation //=> "DE.HRB.12345"
 * document.credentialSubject.hasClaim.specifiedBy.type //=> "Qualification"
 * ```
 */
export function toEuropeanDigitalCredential(
  taxonomy: Taxonomy,
  issued: IssuedMicroCredential,
  options: EdcOptions = {},
): ExportResult<EuropeanDigitalCredential> {
  storeOf(taxonomy, "toEuropeanDigitalCredential");
  options = exportOptions("toEuropeanDigitalCredential", options);
  const input = issuedInput(API, issued);
  const { definition, learner } = input;
  const id = options.credentialId ?? input.id;
  if (!id)
    throw new ExportError(
      API,
      "missing_data",
      "a European Digital Credential needs an id: give the issued credential an `id` (e.g. urn:uuid:…) or pass options.credentialId",
      ["id"],
    );
  const resolved = resolveIssuer(definition, options.issuer);
  if (!resolved.legalIdentifier) {
    throw new ExportError(
      API,
      "missing_data",
      "the EDC shapes require the issuer's eIDAS legal identifier: set awardingBodies[0].legalIdentifier in the definition or pass options.issuer.legalIdentifier",
      ["definition", "awardingBodies", 0, "legalIdentifier"],
    );
  }
  const warnings = new Warnings();
  const {
    node: spec,
    organisations,
    assessmentIds,
    langs,
  } = buildSpecification(definition, taxonomy, options, warnings);
  const { "@context": _context, ...specifiedBy } = spec;
  const primary = langs[0]!;
  const when = dateTime(input.issued);

  const issuerId = resolved.id ?? organisations[0]!.id;
  const issuer = {
    ...organisation({
      id: issuerId,
      name: resolved.name,
      country: resolved.country,
      region: resolved.region,
      homepage: resolved.homepage,
      lang: primary,
    }),
    eIDASIdentifier: {
      type: "LegalIdentifier" as const,
      notation: resolved.legalIdentifier,
      spatial: countryConcept(resolved.country),
    },
    ...(resolved.email
      ? {
          contactPoint: [{ type: "ContactPoint", emailAddress: [{ id: `mailto:${resolved.email}`, type: "Mailbox" }] }],
        }
      : {}),
  };

  const awarding = {
    id: `${id}#awarding`,
    type: "AwardingProcess",
    awardingBody: organisations.map((o) => o.id),
    awardingDate: when,
    location: spec.awardingOpportunity[0]?.["location"],
  };
  const claim: Record<string, unknown> = {
    id: `${id}#achievement`,
    type: "LearningAchievement",
    title: definition.title,
    awardedBy: awarding,
    specifiedBy,
  };
  if (input.grade !== undefined) {
    const supervision = definition.supervision ? supervisionConcept(definition.supervision) : undefined;
    claim["provenBy"] = [
      {
        id: `${id}#assessment`,
        type: "LearningAssessment",
        title: { en: "Assessment" },
        grade: note({ [primary]: String(input.grade) }),
        awardedBy: awarding.id,
        specifiedBy: assessmentIds[0],
        ...(supervision?.uri ? { idVerification: vocab(supervision, SCHEMES.supervision) } : {}),
      },
    ];
  }

  const language = langs.flatMap((l) => languageConcept(l, ["definition", "title", l], warnings) ?? []);
  const primaryLanguage =
    language[0] ?? concept(`${SCHEMES.language}/ENG`, SCHEMES.language, { en: "English" }, "language");
  if (!language[0])
    warnings.add(
      "assumed_value",
      ["definition", "title"],
      `the EDC display needs a primary language from the EU Language NAL; "${primary}" has none known, so English is declared`,
    );
  const title = pick(definition.title, primary, ["definition", "title"], warnings);
  const learnerName =
    learner.fullName ??
    ([learner.givenName, learner.familyName].filter(Boolean).join(" ") || learner.email || learner.id || "");
  const image = options.display ?? {
    base64: base64Utf8(
      displaySvg({
        title,
        learner: learnerName,
        awardedBy: definition.awardingBodies
          .map((b, i) => pick(b.name, primary, ["definition", "awardingBodies", i, "name"], warnings))
          .join(", "),
        date: input.issued.slice(0, 10),
        outcomes: definition.learningOutcomes.map((o, i) =>
          pick(o.statement, primary, ["definition", "learningOutcomes", i, "statement"], warnings),
        ),
        footer: `European Digital Credential · ${id}`,
      }),
    ),
    fileType: "SVG",
  };

  const document: EuropeanDigitalCredential = {
    "@context": [...EDC_CONTEXT],
    id,
    type: ["VerifiableCredential", "EuropeanDigitalCredential"],
    credentialProfiles: [concept(GENERIC_PROFILE, SCHEMES.credential, { en: "Generic" })],
    credentialSchema: [{ id: EDC_SHAPES_URI, type: "ShaclValidator2017" }],
    issuer,
    issued: when,
    issuanceDate: when,
    validFrom: options.validFrom ? dateTime(options.validFrom) : when,
    credentialSubject: {
      ...person(learner, `${id}#learner`, primary),
      type: "Person",
      hasClaim: claim as EuropeanDigitalCredential["credentialSubject"]["hasClaim"],
    },
    displayParameter: {
      type: "DisplayParameter",
      title: definition.title,
      ...(definition.description ? { description: definition.description } : {}),
      language,
      primaryLanguage,
      individualDisplay: [
        {
          type: "IndividualDisplay",
          language: primaryLanguage,
          displayDetail: [
            {
              type: "DisplayDetail",
              page: 1,
              image: {
                type: "MediaObject",
                content: image.base64,
                contentEncoding: concept(BASE64, SCHEMES.encoding, { en: "base64" }),
                contentType: concept(
                  `${SCHEMES.fileType}/${image.fileType}`,
                  SCHEMES.fileType,
                  { en: image.fileType },
                  "file-type",
                ),
              },
            },
          ],
        },
      ],
    },
  };
  return { document: options.vcdm === "1.1" ? document : europassForm(document), warnings: warnings.list };
}
