import extractChunks from "png-chunks-extract";
import { type CredentialIssue, type IssuePath, issue } from "../credential/issues.js";
import { lookup } from "../lookup.js";

/**
 * Decoding the containers a credential travels in: JSON text, a VC-JWT compact form (payload only, the
 * signature is not checked), a baked SVG (`<openbadges:credential>`) or PNG (`iTXt` chunk
 * `openbadgecredential`), and legacy Europass XML (kept as text). Browser-safe: no Node built-ins.
 *
 * @module
 */

/** @internal What a container held. */
export interface Decoded {
  readonly container: "json" | "jwt" | "svg" | "png" | "xml" | "object";
  /** The parsed JSON (the JWT payload), or `undefined` when nothing could be decoded. */
  readonly document: unknown;
  /** The embedded text was a JWT (a baked badge holding a JWT). */
  readonly jwt: boolean;
  /** XML text, for `xml`. */
  readonly text?: string;
  readonly issues: CredentialIssue[];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

const located = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
};

/** JSON text → value, or a located `syntax_error`. */
function parseJson(
  text: string,
  what: string,
  base: { line: number; column: number } | undefined,
): { value: unknown; issues: CredentialIssue[] } {
  try {
    return { value: JSON.parse(text), issues: [] };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const found = issue("syntax_error", "error", [], `${what} is not well-formed JSON: ${message}`, {
      suggestion: "check the JSON syntax near the position given",
    });
    let at: { line: number; column: number } | undefined;
    if (lineCol) at = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
    else if (position) at = located(text, Number(position[1]));
    if (at && base)
      at = { line: base.line + at.line - 1, column: at.line === 1 ? base.column + at.column - 1 : at.column };
    return { value: undefined, issues: [at ? { ...found, ...at } : found] };
  }
}

function base64UrlText(part: string): string {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** @internal The payload of a VC-JWT compact form (no signature check). */
export function decodeJwt(token: string): { value: unknown; issues: CredentialIssue[] } {
  const [header, payload] = token.trim().split(".");
  try {
    const head = JSON.parse(base64UrlText(header ?? "")) as unknown;
    if (!head || typeof head !== "object" || typeof (head as { alg?: unknown }).alg !== "string") {
      return {
        value: undefined,
        issues: [
          issue("invalid_value", "error", [], "the JWT header names no signing algorithm (alg)", {
            suggestion: "pass the compact JWT (header.payload.signature) as issued",
          }),
        ],
      };
    }
  } catch {
    return {
      value: undefined,
      issues: [
        issue("syntax_error", "error", [], "the JWT header is not base64url-encoded JSON", {
          suggestion: "pass the compact JWT (header.payload.signature) as issued",
        }),
      ],
    };
  }
  let text: string;
  try {
    text = base64UrlText(payload ?? "");
  } catch {
    return {
      value: undefined,
      issues: [
        issue("syntax_error", "error", [], "the JWT payload is not base64url-encoded UTF-8", {
          suggestion: "pass the compact JWT (header.payload.signature) as issued",
        }),
      ],
    };
  }
  return parseJson(text, "the JWT payload", undefined);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) =>
    name.startsWith("#x")
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : (lookup(ENTITIES, name) ?? whole),
  );

/** The text (JSON or JWT) inside a credential-holding text, as JSON. */
function embedded(
  text: string,
  what: string,
  base: { line: number; column: number } | undefined,
): { value: unknown; jwt: boolean; issues: CredentialIssue[] } {
  const trimmed = text.trim();
  if (JWT.test(trimmed)) return { ...decodeJwt(trimmed), jwt: true };
  return { ...parseJson(text, what, base), jwt: false };
}

/** @internal The credential baked into an SVG badge. */
export function decodeSvg(text: string): Decoded {
  const bound = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g;
  let prefix = "openbadges";
  for (const m of text.matchAll(bound)) if (m[2] === OB_NAMESPACE) prefix = m[1]!;
  const open = new RegExp(`<${prefix}:credential\\b([^>]*?)(/?)>`).exec(text);
  if (!open) {
    return {
      container: "svg",
      document: undefined,
      jwt: false,
      issues: [
        issue(
          "unsupported_format",
          "error",
          [],
          `the SVG holds no <${prefix}:credential> element, so it is not a baked Open Badges 3.0 badge`,
          {
            suggestion:
              "bake the credential into the SVG as the OB 3.0 specification describes, or check the JSON credential itself",
          },
        ),
      ],
    };
  }
  const at = located(text, open.index);
  const verify = /\bverify\s*=\s*["']([^"']*)["']/.exec(open[1] ?? "");
  if (verify) {
    const decoded = decodeJwt(unescapeXml(verify[1]!));
    return {
      container: "svg",
      document: decoded.value,
      jwt: true,
      issues: decoded.issues.map((i) => ({ ...i, ...at })),
    };
  }
  if (open[2] === "/")
    return {
      container: "svg",
      document: undefined,
      jwt: false,
      issues: [
        {
          ...issue(
            "invalid_value",
            "error",
            [],
            "the <credential> element of the SVG is empty and has no verify attribute",
          ),
          ...at,
        },
      ],
    };
  const start = open.index + open[0].length;
  const end = text.indexOf(`</${prefix}:credential>`, start);
  if (end < 0)
    return {
      container: "svg",
      document: undefined,
      jwt: false,
      issues: [
        { ...issue("syntax_error", "error", [], `the SVG's <${prefix}:credential> element is not closed`), ...at },
      ],
    };
  let body = text.slice(start, end);
  let offset = start;
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/.exec(body);
  if (cdata) {
    offset += cdata.index + "<![CDATA[".length;
    body = cdata[1]!;
  } else body = unescapeXml(body);
  const decoded = embedded(body, "the credential baked into the SVG", located(text, offset));
  return { container: "svg", document: decoded.value, jwt: decoded.jwt, issues: decoded.issues };
}

/** Reads an iTXt chunk: keyword, compression flag and method, language tag, translated keyword, text. */
function iTxt(data: Uint8Array): { keyword: string; compressed: boolean; text: string } | undefined {
  const zero = data.indexOf(0);
  if (zero < 0 || zero + 2 >= data.length) return undefined;
  const keyword = new TextDecoder("latin1").decode(data.subarray(0, zero));
  const compressed = data[zero + 1] === 1;
  const langEnd = data.indexOf(0, zero + 3);
  const translatedEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
  if (translatedEnd < 0) return undefined;
  return { keyword, compressed, text: new TextDecoder("utf-8").decode(data.subarray(translatedEnd + 1)) };
}

/** @internal The credential baked into a PNG badge (`iTXt` chunk with keyword `openbadgecredential`). */
export function decodePng(bytes: Uint8Array): Decoded {
  let chunks: { name: string; data: Uint8Array }[];
  try {
    chunks = extractChunks(bytes);
  } catch (error) {
    return {
      container: "png",
      document: undefined,
      jwt: false,
      issues: [issue("syntax_error", "error", [], `the PNG file is damaged: ${(error as Error).message}`)],
    };
  }
  for (const chunk of chunks) {
    if (chunk.name !== "iTXt") continue;
    const text = iTxt(chunk.data);
    if (text?.keyword !== "openbadgecredential") continue;
    if (text.compressed) {
      return {
        container: "png",
        document: undefined,
        jwt: false,
        issues: [
          issue(
            "invalid_value",
            "error",
            [],
            "the PNG's openbadgecredential iTXt chunk is compressed; Open Badges 3.0 bakes the credential uncompressed",
            { suggestion: "bake the badge again without compression" },
          ),
        ],
      };
    }
    const decoded = embedded(text.text, "the credential baked into the PNG", undefined);
    return { container: "png", document: decoded.value, jwt: decoded.jwt, issues: decoded.issues };
  }
  const legacy = chunks.some((c) => c.name === "iTXt" && iTxt(c.data)?.keyword === "openbadges");
  return {
    container: "png",
    document: undefined,
    jwt: false,
    issues: [
      issue(
        "unsupported_format",
        "error",
        [],
        legacy
          ? "the PNG holds an Open Badges 2.0 assertion (iTXt openbadges); green-skills reads Open Badges 3.0"
          : "the PNG holds no iTXt chunk openbadgecredential, so it is not a baked Open Badges 3.0 badge",
        {
          suggestion: "check the credential JSON itself, or bake it as the OB 3.0 specification describes",
        },
      ),
    ],
  };
}

/** @internal Decodes any container. Text is UTF-8; `object` is an already parsed document. */
export function decode(input: string | Uint8Array | object): Decoded {
  if (input instanceof Uint8Array) {
    if (PNG_SIGNATURE.every((b, i) => input[i] === b)) return decodePng(input);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return {
        container: "json",
        document: undefined,
        jwt: false,
        issues: [
          issue("unsupported_format", "error", [], "the file is neither UTF-8 text nor a PNG image", {
            suggestion: "pass an Open Badges or ELM credential as JSON, a JWT, or a baked SVG or PNG badge",
          }),
        ],
      };
    }
    return decode(text.replace(/^\uFEFF/, ""));
  }
  if (typeof input !== "string") return { container: "object", document: input, jwt: false, issues: [] };
  const trimmed = input.trim();
  if (trimmed.startsWith("<")) {
    if (/<svg[\s>]/.test(trimmed)) return decodeSvg(input);
    return { container: "xml", document: undefined, jwt: false, text: input, issues: [] };
  }
  if (JWT.test(trimmed)) {
    const decoded = decodeJwt(trimmed);
    return { container: "jwt", document: decoded.value, jwt: true, issues: decoded.issues };
  }
  const parsed = parseJson(input, "the file", { line: 1, column: 1 });
  return { container: "json", document: parsed.value, jwt: false, issues: parsed.issues };
}

/** @internal Path helpers. */
export const child = (path: IssuePath, ...parts: (string | number)[]): IssuePath => [...path, ...parts];
