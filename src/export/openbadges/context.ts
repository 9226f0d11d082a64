/**
 * The JSON-LD context green-skills ships for its `ext:` extension terms (and the ELM `issued` date that VC 2.0
 * no longer defines): it binds the `ext` prefix to an http(s) namespace, so `ext:notionalWorkload` expands to
 * `https://w3id.org/green-skills/ns#notionalWorkload` instead of an IRI in a bare `ext:` scheme. The
 * same context is in the package as `green-skills/context-v1.json`; serve it from there (or from this
 * constant) in a document loader to expand or sign offline.
 *
 * @module
 */

/** The URL under which credentials name the green-skills context. @category Export */
export const GREEN_SKILLS_CONTEXT_URL = "https://w3id.org/green-skills/context/v1";

/** The namespace of the `ext:` terms. @category Export */
export const GREEN_SKILLS_NAMESPACE = "https://w3id.org/green-skills/ns#";

/**
 * The context document itself (what a document loader returns for {@link GREEN_SKILLS_CONTEXT_URL}).
 *
 * @category Export
 * @example
 * ```ts
 * import { GREEN_SKILLS_CONTEXT, GREEN_SKILLS_CONTEXT_URL } from "green-skills/schemas";
 * const documentLoader = async (url: string) => {
 *   if (url === GREEN_SKILLS_CONTEXT_URL) return { contextUrl: null, documentUrl: url, document: GREEN_SKILLS_CONTEXT };
 *   throw new Error(`no local copy of ${url}`);
 * };
 * ```
 */
export const GREEN_SKILLS_CONTEXT = {
  "@context": {
    "@version": 1.1,
    ext: GREEN_SKILLS_NAMESPACE,
    // The ELM "issued" date of a European Digital Credential: defined by the VC 1.1 context, dropped by VC 2.0.
    // EBSI's type of every attestation, which no published JSON-LD context defines: named in our namespace.
    VerifiableAttestation: `${GREEN_SKILLS_NAMESPACE}VerifiableAttestation`,
    issued: {
      "@id": "https://www.w3.org/2018/credentials#issued",
      "@type": "http://www.w3.org/2001/XMLSchema#dateTime",
    },
  },
} as const;
