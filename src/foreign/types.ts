import type { CredentialIssue, ElementStatus, IssuePath } from "../credential/issues.js";
import type { AnnexElementId } from "../credential/vocab/annex.js";

/**
 * What the reader of foreign credentials returns: the format, the decoded document, and the fields
 * green-skills checks, each with its JSON path into the document.
 *
 * @module
 */

/**
 * The formats {@link readForeignCredential} recognises. `openbadges-3.0` is plain JSON (also the OB
 * `Achievement` alone); `-jwt` a VC-JWT compact form (payload decoded, signature not checked); `-svg`
 * and `-png` baked badges; `elm-edc` an ELM v3 European Digital Credential or learning-achievement
 * specification (JSON-LD, VCDM 1.1 or 2.0); `europass-xml` the legacy EDC 1.x XML (ESCO references
 * only); `unknown` when nothing matched.
 *
 * @category Foreign credentials
 */
export type ForeignFormat =
  | "openbadges-3.0"
  | "openbadges-3.0-jwt"
  | "openbadges-3.0-svg"
  | "openbadges-3.0-png"
  | "elm-edc"
  | "europass-xml"
  | "unknown";

/** A value and where it was found. @category Foreign credentials */
export interface Located<T> {
  readonly value: T;
  /** Path into the decoded document (for a JWT: into its payload; for a baked badge: into the embedded credential). */
  readonly path: IssuePath;
}

/**
 * One ESCO reference found in a document.
 *
 * @category Foreign credentials
 */
export interface ForeignEscoReference {
  readonly uri: string;
  /** Where the URI is written. */
  readonly path: IssuePath;
  /** How the format carries it: `alignment.targetUrl`, `relatedESCOSkill`, `limitOccupation`, `xml:uri`, … */
  readonly via: string;
  /** What the field calls for: a skill, an occupation, or any concept (the field says nothing). */
  readonly expected: "skill" | "occupation";
  /** The label the document gives (alignment `targetName`, concept `prefLabel`). */
  readonly label?: string;
  /** Index into {@link ForeignCredential.learningOutcomes} of the outcome citing it. */
  readonly outcome?: number;
  /** 1-based line and column in the source file, where known (plain JSON files, XML). */
  readonly line?: number;
  readonly column?: number;
}

/** A learning outcome as the document states it. @category Foreign credentials */
export interface ForeignOutcome {
  /** The statement per language (`und` when the document gives no language). */
  readonly statement: Record<string, string>;
  readonly path: IssuePath;
  /** Our outcome id, when the document is one of our exports. */
  readonly id?: string;
  /** The ESCO skill URIs this outcome cites, in order. */
  readonly esco: readonly string[];
}

/** An Annex I element and where (or whether) the document carries it. @category Foreign credentials */
export interface ForeignElement {
  readonly element: AnnexElementId;
  readonly label: string;
  readonly obligation: ElementStatus["obligation"];
  readonly level: ElementStatus["level"];
  /** `present`; `missing`; `not-applicable`; `at-issuing` (an instance element of a document that is not issued to anyone). */
  readonly status: "present" | "missing" | "not-applicable" | "at-issuing";
  /** Where it is, when present. */
  readonly path?: IssuePath;
}

/**
 * A foreign credential as read: never thrown on; what could not be read is in `issues`.
 *
 * @category Foreign credentials
 */
export interface ForeignCredential {
  readonly format: ForeignFormat;
  /** `credential` (issued to a learner), `achievement` (an OB Achievement or ELM specification alone), or `unknown`. */
  readonly kind: "credential" | "achievement" | "unknown";
  /** The decoded JSON document (the JWT payload, the credential baked into an image), or `undefined`. */
  readonly document: unknown;
  /** The path of the achievement / specification inside the document. */
  readonly achievementPath?: IssuePath;
  readonly title?: Located<Record<string, string>>;
  readonly description?: Located<Record<string, string>>;
  /** OB `achievementType`, or the ELM `dcType` / type of the specification. */
  readonly achievementType?: Located<string>;
  /** Credit points in ECTS (OB `creditsAvailable`, ELM `creditPoint` in the ECTS framework). */
  readonly ects?: Located<number>;
  /** Notional hours (ELM `volumeOfLearning`, our `ext:notionalWorkload`). */
  readonly hours?: Located<number>;
  /** EQF level (1–8), or `not-applicable` where our extension says so. */
  readonly eqfLevel?: Located<number | "not-applicable">;
  /** The ESCO version the document says its references were made against (OB `targetFramework: "ESCO v1.1.1"`). */
  readonly escoVersion?: Located<string>;
  readonly learningOutcomes: readonly ForeignOutcome[];
  readonly escoReferences: readonly ForeignEscoReference[];
  /** The 16 Annex I elements and where the document carries them. */
  readonly elements: readonly ForeignElement[];
  /** Problems reading the document (syntax, structure), with paths. */
  readonly issues: readonly CredentialIssue[];
}
