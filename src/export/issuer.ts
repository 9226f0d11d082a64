import type { AwardingBody, LanguageMap, MicroCredential } from "../credential/schema.js";

/**
 * Who issues an exported credential: options over the first awarding body over the definition's issuer.
 *
 * @module
 */

/**
 * The issuing organisation, where the credential's first awarding body does not say enough (or is not
 * the issuer).
 *
 * @category Export
 */
export interface ExportIssuer {
  /** URI of the issuer (its website, a registry entry, a DID). Default: the first awarding body's `id`. */
  id?: string;
  /** Legal name. Default: the first awarding body's name. */
  name?: LanguageMap | string;
  /** Web page. Default: the first awarding body's `homepage`. */
  homepage?: string;
  /** ISO 3166-1 alpha-2 country code. Default: the definition's `issuer.country` (Annex I "country/region of the issuer"). */
  country?: string;
  /**
   * The issuer's eIDAS legal identifier (required by the EDC shapes). Default: the first awarding body's
   * `legalIdentifier`.
   */
  legalIdentifier?: string;
  /** Contact e-mail address. */
  email?: string;
}

/** @internal The issuer with every default applied (`undefined` where nothing gives a value). */
export interface ResolvedIssuer {
  readonly id: string | undefined;
  readonly name: LanguageMap | string;
  readonly homepage: string | undefined;
  readonly country: string;
  readonly region: string | undefined;
  readonly legalIdentifier: string | undefined;
  readonly email: string | undefined;
  /** Where each value came from, for error messages: `options.issuer` or `awardingBodies[0]`. */
  readonly body: AwardingBody;
}

/** @internal Options over the first awarding body over the definition's issuer. */
export function resolveIssuer(definition: MicroCredential, issuer: ExportIssuer = {}): ResolvedIssuer {
  const body = definition.awardingBodies[0]!;
  return {
    id: issuer.id ?? body.id,
    name: issuer.name ?? body.name,
    homepage: issuer.homepage ?? body.homepage,
    country: issuer.country ?? definition.issuer.country,
    region:
      issuer.country === undefined || issuer.country === definition.issuer.country
        ? definition.issuer.region
        : undefined,
    legalIdentifier: issuer.legalIdentifier ?? body.legalIdentifier,
    email: issuer.email,
    body,
  };
}
