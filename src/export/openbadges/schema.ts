import * as z from "zod";

/**
 * The shapes of the Open Badges 3.0 documents green-skills writes (a subset of OB 3.0 as used here).
 * Objects are loose: they also carry the `ext:`-prefixed extension terms documented in
 * docs/export-openbadges.md. Validate against the official JSON Schema for conformance; these schemas
 * describe what the functions return.
 *
 * @module
 */

/**
 * The JSON-LD contexts of an OB 3.0 credential: VC 2.0, OB 3.0.3, and the OB extensions context that
 * defines the `1EdTechJsonSchemaValidator2019` type of `credentialSchema`.
 *
 * @category Export
 */
export const OPEN_BADGES_CONTEXT = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
  "https://w3id.org/green-skills/context/v1",
] as const;

/** The `$id` of the official AchievementCredential JSON Schema, named in `credentialSchema`. @category Export */
export const OPEN_BADGES_SCHEMA_URL =
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

/**
 * An OB 3.0 `Alignment`: a node in a framework the achievement aligns to (an ESCO skill, a GreenComp
 * competence, an EQF level).
 *
 * @category Export
 */
export const OpenBadgeAlignmentSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    type: z.tuple([z.literal("Alignment")]),
    targetName: z.string().min(1),
    targetUrl: z.string().min(1),
    targetDescription: z.string().optional(),
    targetFramework: z.string().optional(),
    targetCode: z.string().optional(),
    targetType: z.string().optional(),
  }))();
/** An OB 3.0 alignment. @category Export */
export type OpenBadgeAlignment = z.infer<typeof OpenBadgeAlignmentSchema>;

/** An OB 3.0 `Address`. @category Export */
export const OpenBadgeAddressSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    type: z.tuple([z.literal("Address")]),
    addressCountryCode: z.string().optional(),
    addressRegion: z.string().optional(),
  }))();

/** An OB 3.0 `Profile` (issuer or creator). @category Export */
export const OpenBadgeProfileSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string().min(1),
    type: z.tuple([z.literal("Profile")]),
    name: z.string().min(1).optional(),
    url: z.string().optional(),
    email: z.string().optional(),
    address: OpenBadgeAddressSchema.optional(),
    otherIdentifier: z
      .array(z.looseObject({ type: z.literal("IdentifierEntry"), identifier: z.string(), identifierType: z.string() }))
      .optional(),
  }))();
/** An OB 3.0 profile. @category Export */
export type OpenBadgeProfile = z.infer<typeof OpenBadgeProfileSchema>;

/** An OB 3.0 `ResultDescription` (the grade scheme). @category Export */
export const OpenBadgeResultDescriptionSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    type: z.tuple([z.literal("ResultDescription")]),
    name: z.string(),
    resultType: z.string(),
    allowedValue: z.array(z.string()).optional(),
    requiredValue: z.string().optional(),
    valueMin: z.string().optional(),
    valueMax: z.string().optional(),
  }))();

/**
 * An OB 3.0 `Achievement` of type `MicroCredential`.
 *
 * @category Export
 */
export const OpenBadgeAchievementSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    type: z.tuple([z.literal("Achievement")]),
    achievementType: z.literal("MicroCredential"),
    name: z.string().min(1),
    description: z.string().min(1),
    criteria: z.looseObject({ id: z.string().optional(), narrative: z.string() }),
    creditsAvailable: z.number().optional(),
    inLanguage: z.string(),
    tag: z.array(z.string()),
    alignment: z.array(OpenBadgeAlignmentSchema),
    creator: OpenBadgeProfileSchema.optional(),
    resultDescription: z.array(OpenBadgeResultDescriptionSchema).optional(),
  }))();
/** An OB 3.0 achievement. @category Export */
export type OpenBadgeAchievement = z.infer<typeof OpenBadgeAchievementSchema>;

/** An OB 3.0 `Result` (the grade achieved). @category Export */
export const OpenBadgeResultSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    type: z.tuple([z.literal("Result")]),
    resultDescription: z.string().optional(),
    value: z.string(),
  }))();

/** An OB 3.0 `IdentityObject` (a plain, unhashed learner identifier). @category Export */
export const OpenBadgeIdentityObjectSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    type: z.literal("IdentityObject"),
    hashed: z.boolean(),
    identityHash: z.string(),
    identityType: z.string(),
  }))();

/**
 * A complete, unsigned OB 3.0 `OpenBadgeCredential` (an `AchievementCredential`).
 *
 * @category Export
 */
export const OpenBadgeCredentialSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    "@context": z.tuple([
      z.literal(OPEN_BADGES_CONTEXT[0]),
      z.literal(OPEN_BADGES_CONTEXT[1]),
      z.literal(OPEN_BADGES_CONTEXT[2]),
      z.literal(OPEN_BADGES_CONTEXT[3]),
    ]),
    id: z.string(),
    type: z.tuple([z.literal("VerifiableCredential"), z.literal("OpenBadgeCredential")]),
    name: z.string(),
    description: z.string().optional(),
    issuer: OpenBadgeProfileSchema,
    validFrom: z.string(),
    awardedDate: z.string(),
    credentialSubject: z.looseObject({
      type: z.tuple([z.literal("AchievementSubject")]),
      id: z.string().optional(),
      identifier: z.array(OpenBadgeIdentityObjectSchema).optional(),
      achievement: OpenBadgeAchievementSchema,
      creditsEarned: z.number().optional(),
      result: z.array(OpenBadgeResultSchema).optional(),
    }),
    credentialSchema: z.tuple([
      z.object({ id: z.literal(OPEN_BADGES_SCHEMA_URL), type: z.literal("1EdTechJsonSchemaValidator2019") }),
    ]),
  }))();
/** An unsigned OB 3.0 credential. @category Export */
export type OpenBadgeCredential = z.infer<typeof OpenBadgeCredentialSchema>;
