/**
 * Which URI schemes a credential may use, by field. The exports copy these values into Open Badges and
 * ELM documents, where wallets and verifiers render them as links: only schemes those formats use are
 * accepted (`http(s)` for web pages; `http(s)`, `urn:` and `did:` for identifiers; `mailto:` also for a
 * learner). `javascript:`, `data:`, `file:` and every other scheme are refused, as is any URI with white
 * space or control characters (which the URL parser would silently drop).
 *
 * @module
 */

/** A URI scheme green-skills accepts somewhere. @internal */
export type UriScheme = "http" | "https" | "urn" | "did" | "mailto";

/** Schemes of web pages (homepage, quality-assurance report, further information). @internal */
export const WEB_SCHEMES: readonly UriScheme[] = ["http", "https"];
/** Schemes of identifiers (credential, awarding body, stackable-towards, quality-assurance body). @internal */
export const ID_SCHEMES: readonly UriScheme[] = ["http", "https", "urn", "did"];
/** Schemes of a learner's identifier. @internal */
export const LEARNER_ID_SCHEMES: readonly UriScheme[] = ["http", "https", "urn", "did", "mailto"];

const FORMS: Record<UriScheme, RegExp> = {
  http: /^http:\/\/[^/?#\s]+/i,
  https: /^https:\/\/[^/?#\s]+/i,
  // RFC 8141: urn:<NID>:<NSS>
  urn: /^urn:[a-z0-9][a-z0-9-]{0,31}:[^\s]+$/i,
  // W3C DID core: did:<method>:<method-specific-id>
  did: /^did:[a-z0-9]+:[A-Za-z0-9._%:-]*[A-Za-z0-9._%-](?:[/?#][^\s]*)?$/,
  mailto: /^mailto:[^\s@]+@[^\s@]+$/i,
};

// C0 and C1 controls, white space, and the bidirectional formatting characters.
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

/**
 * Why `value` is not an acceptable URI for `schemes`, or `undefined` when it is.
 *
 * @internal
 */
export function uriProblem(value: string, schemes: readonly UriScheme[]): string | undefined {
  const expected = describeSchemes(schemes);
  if (FORBIDDEN.test(value))
    return `expected ${expected}; the URI contains white space or an invisible control character`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return `expected ${expected}`;
  if (!(schemes as readonly string[]).includes(scheme))
    return `expected ${expected}; "${scheme}:" URIs are not allowed here`;
  if (!FORMS[scheme as UriScheme].test(value)) return `expected ${expected}; this is not a well-formed ${scheme}: URI`;
  if (scheme === "http" || scheme === "https") {
    try {
      const url = new URL(value);
      if (!url.hostname) return `expected ${expected}; the URL has no host`;
    } catch {
      return `expected ${expected}; this is not a well-formed URL`;
    }
  }
  return undefined;
}

/** "an http(s) URL", "an http(s) URL, a urn: or a did: URI", … @internal */
export function describeSchemes(schemes: readonly UriScheme[]): string {
  const parts: string[] = [];
  if (schemes.includes("http") || schemes.includes("https")) parts.push("an http(s) URL");
  for (const s of schemes) if (s !== "http" && s !== "https") parts.push(`a ${s}: URI`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)!}`;
}
