import { getConcept } from "../query/concept.js";
import { searchOccupations } from "../search/search-occupations.js";
import { searchSkills } from "../search/search-skills.js";
import type { Taxonomy } from "../taxonomy/taxonomy.js";
import { type CliIo, CliError, colorsFor } from "./io.js";

/**
 * Names instead of URIs on the command line: a concept argument may be an ESCO URI or a label
 * ("upholsterer"). A label is looked up with the search engine; an exact label match (preferred or
 * alternative) or one clearly best match is taken, and the command says which concept it took. An
 * ambiguous name lists the candidates with their URIs (exit 2); a name with no match gets the closest
 * names as a hint.
 *
 * @module
 */

/** Which kinds of concept a lookup accepts. */
export type LookupKind = "skill" | "occupation" | "any";

/** A concept a name resolved to. */
export interface ResolvedConcept {
  readonly uri: string;
  readonly label: string;
  readonly kind: string;
  /** `uri`: given as a URI; `exact`: a label matched word for word; `closest`: the clearly best match. */
  readonly how: "uri" | "exact" | "closest";
}

interface Hit {
  uri: string;
  label: string;
  kind: string;
  score: number;
  matched: string;
}

/** Score above which a single best match is taken without asking. */
const TAKE = 0.85;
/** How far ahead of the runner-up the best match must be to be taken. */
const LEAD = 0.1;

const norm = (s: string) => s.toLowerCase().normalize("NFKC").replace(/\s+/g, " ").trim();

function hits(taxonomy: Taxonomy, name: string, kind: LookupKind, lang: string | undefined): Hit[] {
  const options = { limit: 8, mode: "label" as const, ...(lang ? { lang } : {}) };
  const out: Hit[] = [];
  if (kind !== "occupation")
    for (const h of searchSkills(taxonomy, name, options))
      out.push({
        uri: h.uri,
        label: h.label,
        kind: "skill",
        score: h.score,
        matched: h.matchedLabel.type === "hidden" ? h.label : h.matchedLabel.text,
      });
  if (kind !== "skill")
    for (const h of searchOccupations(taxonomy, name, options))
      out.push({
        uri: h.uri,
        label: h.label,
        kind: "occupation",
        score: h.score,
        matched: h.matchedLabel.type === "hidden" ? h.label : h.matchedLabel.text,
      });
  return out.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

const what = (kind: LookupKind) => (kind === "any" ? "concept" : kind);

/** The closest names for a hint, e.g. `upholsterer; furniture upholsterer`. */
export function closestNames(taxonomy: Taxonomy, name: string, kind: LookupKind, lang?: string): string[] {
  if (/^https?:\/\//.test(name)) return [];
  return [...new Set(hits(taxonomy, name, kind, lang).map((h) => h.label))].slice(0, 5);
}

/**
 * Resolves a URI or a name to one concept of `kind`. Prints a note to stderr saying which concept a name
 * was taken as.
 *
 * @throws {@link CliError} (exit 2) for an unknown URI, a name without match, or an ambiguous name.
 */
export function resolveConceptArg(
  io: CliIo,
  taxonomy: Taxonomy,
  given: string,
  kind: LookupKind,
  options: { lang?: string; option?: string } = {},
): ResolvedConcept {
  const name = given.trim();
  const curated = taxonomy.coverage === "curated";
  const fullHint = curated
    ? "; the embedded default holds only the curated concepts, pass --esco <your ESCO import> for all of ESCO"
    : "";
  if (/^https?:\/\//.test(name)) {
    const concept = getConcept(taxonomy, name, options.lang ? { lang: options.lang } : {});
    if (!concept)
      throw new CliError(
        `no ${what(kind)} ${name} in this ESCO taxonomy`,
        `check the URI, or give the ${what(kind)}'s name instead (green-skills search finds it)${fullHint}`,
      );
    if (kind !== "any" && concept.kind !== kind)
      throw new CliError(
        `${name} is a ${concept.kind} (${concept.prefLabel}), not a${kind === "occupation" ? "n" : ""} ${kind}`,
        `give an ESCO ${kind}'s URI or name`,
      );
    return { uri: concept.uri, label: concept.prefLabel, kind: concept.kind, how: "uri" };
  }
  if (!name) throw new CliError(`no ${what(kind)} given`, `give an ESCO ${what(kind)}'s name or URI`);
  const found = hits(taxonomy, name, kind, options.lang);
  const exact = dedupe(found.filter((h) => norm(h.matched) === norm(name) || norm(h.label) === norm(name)));
  const pick = (h: Hit, how: "exact" | "closest"): ResolvedConcept => {
    const c = colorsFor(io, "stderr", false);
    const label = how === "closest" ? "closest match" : "exact match";
    io.stderr.write(
      `${c.dim("note:")} "${name}" → ${h.label} (${h.kind}, ${label}${norm(h.matched) !== norm(h.label) ? ` on "${h.matched}"` : ""}) ${c.dim(h.uri)}\n`,
    );
    return { uri: h.uri, label: h.label, kind: h.kind, how };
  };
  const preferred = exact.filter((h) => norm(h.label) === norm(name));
  if (preferred.length === 1) return pick(preferred[0]!, "exact");
  if (preferred.length === 0 && exact.length === 1) return pick(exact[0]!, "exact");
  const candidates = exact.length > 1 ? exact : dedupe(found);
  if (exact.length === 0 && candidates.length > 0) {
    const [best, second] = candidates;
    if (best!.score >= TAKE && (!second || best!.score - second.score >= LEAD)) return pick(best!, "closest");
  }
  if (candidates.length === 0) {
    throw new CliError(
      `no ${what(kind)} named "${name}"`,
      `no ESCO ${what(kind)} label shares a word with it; try other words, or green-skills search${fullHint}`,
    );
  }
  const list = candidates.slice(0, 8).map((h) => `${h.label} (${h.kind}) ${h.uri}`);
  const head =
    exact.length > 1
      ? `"${name}" is ambiguous: ${exact.length} ESCO concepts have this name`
      : `no ${what(kind)} is named "${name}"; the closest ${list.length === 1 ? "is" : "are"}`;
  throw new CliError(
    `${head}:\n  ${list.join("\n  ")}`,
    `pass one of these names exactly, or its URI${options.option ? ` to ${options.option}` : ""}${fullHint}`,
  );
}

function dedupe(list: readonly Hit[]): Hit[] {
  const seen = new Set<string>();
  return list.filter((h) => !seen.has(h.uri) && (seen.add(h.uri), true));
}
