import { type CredentialIssue, type IssuePath, issue } from "../credential/issues.js";
import { isObject } from "./json.js";
import type { ForeignEscoReference } from "./types.js";

/**
 * Finds every ESCO skill and occupation URI in a JSON document, wherever the format puts it, and names
 * the property that carries it.
 *
 * @module
 */

const ESCO_IN_TEXT = /https?:\/\/data\.europa\.eu\/esco\/(skill|occupation)\/[0-9a-fA-F-]{36}/g;

const SKILL_PROPERTIES = /skill|competenc|knowledge|learningOutcome/i;
const OCCUPATION_PROPERTIES = /occupation/i;

/** The property a value hangs under: the last key, and for `id` / `targetUrl` the key of the node. */
function via(path: IssuePath): string {
  const keys = path.filter((p): p is string => typeof p === "string");
  const last = keys.at(-1) ?? "";
  const owner = keys.at(-2);
  if (last === "id" || last === "@id") return owner ?? last;
  return owner ? `${owner}.${last}` : last;
}

function expectedOf(
  path: IssuePath,
  node: Record<string, unknown> | undefined,
  namespace: string,
): "skill" | "occupation" {
  const property = via(path);
  const targetType = typeof node?.["targetType"] === "string" ? node["targetType"] : "";
  if (/occupation/i.test(targetType)) return "occupation";
  if (/skill|competenc|knowledge/i.test(targetType)) return "skill";
  if (OCCUPATION_PROPERTIES.test(property)) return "occupation";
  if (SKILL_PROPERTIES.test(property) && !/alignment/i.test(property)) return "skill";
  return namespace === "occupation" ? "occupation" : "skill";
}

function label(node: Record<string, unknown> | undefined, lang: string): string | undefined {
  if (!node) return undefined;
  if (typeof node["targetName"] === "string") return node["targetName"];
  const pref = node["prefLabel"];
  if (typeof pref === "string") return pref;
  if (isObject(pref)) {
    const v = pref[lang] ?? pref["en"] ?? Object.values(pref)[0];
    return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
  }
  return undefined;
}

/** @internal Every ESCO reference in `root`, in document order; `https` spellings are reported and read as `http`. */
export function scanEscoReferences(
  root: unknown,
  lang: string,
  limit = 100_000,
): { refs: ForeignEscoReference[]; issues: CredentialIssue[] } {
  const refs: ForeignEscoReference[] = [];
  const issues: CredentialIssue[] = [];
  let visited = 0;
  const walk = (value: unknown, path: IssuePath, parent: Record<string, unknown> | undefined) => {
    if (++visited > limit) return;
    if (typeof value === "string") {
      for (const m of value.matchAll(ESCO_IN_TEXT)) {
        let uri = m[0];
        if (uri.startsWith("https:")) {
          issues.push(
            issue("invalid_value", "warning", path, `ESCO URIs start with http://, not https:// (${uri})`, {
              suggestion: `write ${uri.replace(/^https:/, "http:")}`,
            }),
          );
          uri = uri.replace(/^https:/, "http:");
        }
        uri = uri.toLowerCase().replace(/^http:\/\/data\.europa\.eu\/esco\//, "http://data.europa.eu/esco/");
        const whole = m[0].length === value.trim().length;
        const l = whole ? label(parent, lang) : undefined;
        refs.push({
          uri,
          path,
          via: whole ? via(path) : `${via(path)} (text)`,
          expected: expectedOf(path, parent, m[1]!),
          ...(l ? { label: l } : {}),
        });
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], parent));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k], value);
  };
  walk(root, [], undefined);
  return { refs, issues };
}
