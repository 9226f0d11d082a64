import { formatPath } from "../credential/issues.js";
import { parseCredential, parseIssuedCredential } from "../credential/parse-credential.js";
import type { IssuedMicroCredential, MicroCredential } from "../credential/schema.js";
import { ExportError, InvalidOptionError } from "../errors.js";
import {
  AwardingBodySchema,
  CountryCodeSchema,
  IssuedMicroCredentialSchema,
  LANGUAGE_CODE_PATTERN,
  LearnerSchema,
} from "../credential/schema.js";
import { ID_SCHEMES, WEB_SCHEMES, uriProblem } from "../credential/uri-schemes.js";
import { argObject, argOptions, optObject, optString, readOption, readingArgument } from "../guard.js";

/**
 * The exports take a parsed definition (or issued credential). A value of another shape is misuse: they
 * throw {@link ExportError} with the first problems instead of exporting half a credential.
 *
 * @module
 */

function fail(api: string, issues: readonly { path: (string | number)[]; message: string }[], what: string): never {
  const first = issues[0];
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? `${formatPath(i.path)}: ` : ""}${i.message}`)
    .join("; ");
  throw new ExportError(
    api,
    "invalid_input",
    `not a valid ${what} (${shown}${issues.length > 3 ? `; +${issues.length - 3} more` : ""}); check it with validateCredential first`,
    first?.path ?? [],
  );
}

/** @internal The definition, parsed (defaults applied), or an {@link ExportError}. */
export function definitionInput(api: string, value: unknown): MicroCredential {
  argObject(api, "credential", value, "a micro-credential definition (an object; read files with readCredentialFile)");
  const parsed = readingArgument(api, "credential", value, () => parseCredential(value));
  if (!parsed.success) fail(api, parsed.issues, "micro-credential definition");
  return parsed.data;
}

/** @internal An issued credential with its definition inline, or an {@link ExportError}. */
export function issuedInput(api: string, value: unknown): IssuedMicroCredential & { definition: MicroCredential } {
  argObject(api, "issued", value, "an issued micro-credential (an object; read files with readIssuedCredentialFile)");
  const parsed = readingArgument(api, "issued", value, () => parseIssuedCredential(value));
  if (!parsed.success) fail(api, parsed.issues, "issued micro-credential");
  const { definition } = parsed.data;
  if (typeof definition === "string") {
    throw new ExportError(
      api,
      "unresolved_definition",
      `the definition is a file reference ("${definition}"); put the parsed definition inline (readIssuedCredentialFile in green-skills/node resolves it)`,
      ["definition"],
    );
  }
  return { ...parsed.data, definition };
}

/** @internal The export options, checked: a bad value must not reach the document (a `javascript:` id, a number as language). */
export function exportOptions<T extends object>(api: string, value: T | undefined): T {
  const options = argOptions<T>(api, value);
  const lang = optString(api, options, "lang");
  if (lang !== undefined && !LANGUAGE_CODE_PATTERN.test(lang))
    throw new InvalidOptionError(
      api,
      "lang",
      `must be a language code such as en, de or pt-BR, got ${JSON.stringify(lang)}`,
    );
  for (const key of ["achievementId", "credentialId"]) {
    const id = optString(api, options, key);
    const problem = id === undefined ? undefined : uriProblem(id, ID_SCHEMES);
    if (problem) throw new InvalidOptionError(api, key, problem);
  }
  const validFrom = optString(api, options, "validFrom");
  if (validFrom !== undefined && !IssuedMicroCredentialSchema.shape.issued.safeParse(validFrom).success)
    throw new InvalidOptionError(api, "validFrom", "must be an ISO date (YYYY-MM-DD) or date-time");
  const display = optObject(api, options, "display");
  if (display !== undefined) {
    optString(api, display, "base64");
    optString(api, display, "fileType");
    if (
      typeof display["base64"] !== "string" ||
      !/^[A-Za-z0-9+/]*={0,2}$/.test(display["base64"]) ||
      typeof display["fileType"] !== "string" ||
      !/^[A-Z0-9_-]+$/i.test(display["fileType"])
    ) {
      throw new InvalidOptionError(
        api,
        "display",
        "must be { base64, fileType } with base64 text and a file type such as PNG",
      );
    }
  }
  const issuer = optObject(api, options, "issuer");
  if (issuer !== undefined) {
    const fields: [string, (v: string) => string | undefined][] = [
      ["id", (v) => uriProblem(v, ID_SCHEMES)],
      ["homepage", (v) => uriProblem(v, WEB_SCHEMES)],
      [
        "country",
        (v) =>
          CountryCodeSchema.safeParse(v).success ? undefined : "must be an ISO 3166-1 alpha-2 country code such as DE",
      ],
      [
        "legalIdentifier",
        (v) =>
          v.trim() && !/[\u0000-\u001f\u007f-\u009f]/.test(v)
            ? undefined
            : "must be non-empty text without control characters",
      ],
      ["email", (v) => (LearnerSchema.shape.email.safeParse(v).success ? undefined : "must be an e-mail address")],
    ];
    for (const [key, check] of fields) {
      const v = optString(api, issuer, key);
      const problem = v === undefined ? undefined : check(v);
      if (problem) throw new InvalidOptionError(api, `issuer.${key}`, problem);
    }
    const name = readOption(api, issuer, "name");
    if (name !== undefined && !AwardingBodySchema.shape.name.safeParse(name).success)
      throw new InvalidOptionError(api, "issuer.name", "must be text or a language map");
  }
  return options;
}
