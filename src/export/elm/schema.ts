import * as z from "zod";
import type { Same } from "../../schema-type.js";

/**
 * The shapes of the ELM / European Digital Credential JSON-LD green-skills writes (the top of each
 * document; nested nodes are loose). Conformance is checked against the EDC SHACL shapes; these schemas
 * describe what the functions return.
 *
 * @module
 */

/**
 * The contexts of a European Digital Credential: W3C VC 1.1 and the EDC application profile, as in the
 * Commission's ELM v3 samples and shapes (VCDM 2.0 with the edc-ap context does not expand: see
 * docs/export-elm.md).
 *
 * @category Export
 */
export const EDC_CONTEXT = [
  "https://www.w3.org/2018/credentials/v1",
  "http://data.europa.eu/snb/model/context/edc-ap",
] as const;

/**
 * The JSON-LD contexts of a standalone ELM specification: the same pair as a credential, because the
 * edc-ap context leaves `id` and `type` to the VC context.
 *
 * @category Export
 */
export const ELM_SPECIFICATION_CONTEXT = EDC_CONTEXT;

/** The EDC application profile the credential declares in `credentialSchema`. @category Export */
export const EDC_SHAPES_URI = "http://data.europa.eu/snb/model/ap/edc-generic-full";

const langMap = /* @__PURE__ */ (() => z.record(z.string(), z.string()))();
const node = /* @__PURE__ */ (() => z.looseObject({ id: z.string().optional(), type: z.string() }))();

const ElmConceptSchemaBase = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string().optional(),
    type: z.literal("Concept"),
    inScheme: z.object({ id: z.string(), type: z.literal("ConceptScheme") }),
    prefLabel: langMap,
    notation: z.string().optional(),
  }))();
/**
 * The type of {@link ElmConceptSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Export
 */
export interface ElmConceptSchemaType extends Same<typeof ElmConceptSchemaBase> {}
/** An ELM concept reference (`skos:Concept` with its scheme and labels). @category Export */
export const ElmConceptSchema: ElmConceptSchemaType = ElmConceptSchemaBase;

const ElmLearningOutcomeSchemaBase = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    type: z.literal("LearningOutcome"),
    title: langMap,
    relatedESCOSkill: z.array(ElmConceptSchema).optional(),
    relatedSkill: z.array(ElmConceptSchema).optional(),
    dcType: ElmConceptSchema.optional(),
    reusabilityLevel: ElmConceptSchema.optional(),
  }))();
/**
 * The type of {@link ElmLearningOutcomeSchema}, named so that declaration files refer to it instead of repeating its shape.
 *
 * @category Export
 */
export interface ElmLearningOutcomeSchemaType extends Same<typeof ElmLearningOutcomeSchemaBase> {}
/** An ELM `LearningOutcome`. @category Export */
export const ElmLearningOutcomeSchema: ElmLearningOutcomeSchemaType = ElmLearningOutcomeSchemaBase;
/** An ELM learning outcome. @category Export */
export type ElmLearningOutcome = z.infer<typeof ElmLearningOutcomeSchema>;

/**
 * An ELM learning-achievement specification (`Qualification` or `LearningAchievementSpecification`).
 *
 * @category Export
 */
export const ElmSpecificationSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    "@context": z.tuple([z.literal(EDC_CONTEXT[0]), z.literal(EDC_CONTEXT[1])]).optional(),
    id: z.string(),
    type: z.enum(["Qualification", "LearningAchievementSpecification"]),
    title: langMap,
    description: langMap.optional(),
    dcType: ElmConceptSchema.optional(),
    language: z.array(ElmConceptSchema),
    mode: z.array(ElmConceptSchema),
    learningSetting: ElmConceptSchema,
    learningOutcome: z.array(ElmLearningOutcomeSchema),
    provenBy: z.array(node),
    awardingOpportunity: z.array(node),
    additionalNote: z.array(z.looseObject({ type: z.literal("Note"), noteLiteral: langMap })),
    creditPoint: z
      .array(z.looseObject({ type: z.literal("CreditPoint"), framework: ElmConceptSchema, point: z.string() }))
      .optional(),
    volumeOfLearning: z.string().regex(/^PT/).optional(),
    eqfLevel: ElmConceptSchema.optional(),
    entryRequirement: z.looseObject({ type: z.literal("Note"), noteLiteral: langMap }).optional(),
    category: z.record(z.string(), z.array(z.string())).optional(),
    homepage: z.array(node).optional(),
    supplementaryDocument: z.array(node).optional(),
    isPartialQualification: z.boolean().optional(),
    isPartOf: z.array(node).optional(),
  }))();
/** An ELM learning-achievement specification. @category Export */
export type ElmSpecification = z.infer<typeof ElmSpecificationSchema>;

/**
 * An unsigned European Digital Credential (ELM v3, VCDM 1.1 form).
 *
 * @category Export
 */
export const EuropeanDigitalCredentialSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    "@context": z.union([
      z.tuple([z.literal(EDC_CONTEXT[0]), z.literal(EDC_CONTEXT[1])]),
      z.tuple([
        z.literal("http://data.europa.eu/snb/model/context/edc-ap"),
        z.literal("https://www.w3.org/ns/credentials/v2"),
        z.literal("https://w3id.org/green-skills/context/v1"),
      ]),
    ]),
    id: z.string(),
    type: z.union([
      z.tuple([z.literal("VerifiableCredential"), z.literal("EuropeanDigitalCredential")]),
      z.tuple([
        z.literal("VerifiableCredential"),
        z.literal("VerifiableAttestation"),
        z.literal("EuropeanDigitalCredential"),
      ]),
    ]),
    credentialProfiles: z.array(ElmConceptSchema),
    credentialSchema: z.array(z.object({ id: z.literal(EDC_SHAPES_URI), type: z.literal("ShaclValidator2017") })),
    issuer: z.looseObject({
      id: z.string(),
      type: z.literal("Organisation"),
      eIDASIdentifier: z.looseObject({ type: z.literal("LegalIdentifier"), notation: z.string() }),
    }),
    issued: z.string(),
    issuanceDate: z.string().optional(),
    validFrom: z.string(),
    credentialSubject: z.looseObject({
      type: z.literal("Person"),
      hasClaim: z.looseObject({
        type: z.literal("LearningAchievement"),
        specifiedBy: ElmSpecificationSchema.omit({ "@context": true }),
      }),
    }),
    displayParameter: z.looseObject({ type: z.literal("DisplayParameter"), title: langMap }),
  }))();
/** An unsigned European Digital Credential. @category Export */
export type EuropeanDigitalCredential = z.infer<typeof EuropeanDigitalCredentialSchema>;
