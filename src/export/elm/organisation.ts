import type { LanguageMap, MicroCredential } from "../../credential/schema.js";
import { asLanguageMap } from "../text.js";
import type { Warnings } from "../warnings.js";
import { countryConcept } from "./concept.js";

/**
 * ELM `Organisation`s: awarding bodies and the issuer, each with the legal name and location ELM requires.
 *
 * @module
 */

/** @internal An ELM location in a country (and region). */
export function location(country: string, region?: string): Record<string, unknown> {
  return {
    type: "Location",
    address: { type: "Address", countryCode: countryConcept(country) },
    ...(region ? { geographicName: { en: region } } : {}),
  };
}

/** @internal An ELM organisation node. */
export type ElmOrganisation = { id: string; type: "Organisation"; [key: string]: unknown };

/** @internal An ELM organisation. */
export function organisation(fields: {
  id: string;
  name: LanguageMap | string;
  country: string;
  region?: string | undefined;
  homepage?: string | undefined;
  lang: string;
}): ElmOrganisation {
  return {
    id: fields.id,
    type: "Organisation",
    legalName: asLanguageMap(fields.name, fields.lang),
    location: location(fields.country, fields.region),
    ...(fields.homepage ? { homepage: { type: "WebResource", contentURL: fields.homepage } } : {}),
  };
}

/** @internal The awarding bodies of a definition as organisations (country defaults to the issuer's, reported). */
export function awardingBodies(
  definition: MicroCredential,
  base: string,
  lang: string,
  warnings: Warnings,
): ElmOrganisation[] {
  return definition.awardingBodies.map((body, i) => {
    if (!body.country) {
      warnings.add(
        "assumed_value",
        ["awardingBodies", i, "country"],
        `ELM requires an organisation's location; awarding body ${i + 1} has no country, so the issuer's country (${definition.issuer.country}) is used`,
      );
    }
    const org = organisation({
      id: body.id ?? `${base}#awarding-body-${i + 1}`,
      name: body.name,
      country: body.country ?? definition.issuer.country,
      homepage: body.homepage,
      lang,
    });
    if (body.legalIdentifier)
      org["registration"] = {
        type: "LegalIdentifier",
        notation: body.legalIdentifier,
        spatial: countryConcept(body.country ?? definition.issuer.country),
      };
    return org;
  });
}
