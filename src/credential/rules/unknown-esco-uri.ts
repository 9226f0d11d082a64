import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { textIn } from "../resolve-definition.js";

const NAMESPACES = ["skill", "occupation"] as const;

/**
 * `unknown_esco_uri`: URIs the loaded ESCO version does not hold, with the closest skills to the
 * outcome's statement. On the embedded default, URIs outside its curated set cannot be judged: one
 * `full_esco_required` note says how many were left unchecked.
 */
export const unknownEscoUri: CredentialRule = {
  name: "unknown-esco-uri",
  run({ definition, taxonomy, store, curated, lang, report, suggest }) {
    if (!definition) return;
    const version = taxonomy.escoVersion ? `ESCO ${taxonomy.escoVersion}` : "the loaded ESCO version";
    const unchecked = definition.refs.filter((ref) => ref.index < 0);
    if (unchecked.length === 0) return;
    if (curated) {
      const first = unchecked[0]!;
      report(
        issue(
          "full_esco_required",
          "info",
          first.path,
          `${unchecked.length} ESCO URI${unchecked.length === 1 ? " is" : "s are"} outside the embedded default's curated concepts: whether ${unchecked.length === 1 ? "it exists" : "they exist"}, ${unchecked.length === 1 ? "its" : "their"} concept type, status and green membership were not checked`,
          {
            suggestion: "validate against a full ESCO import: --esco <bundle, zip or folder> (see green-skills import)",
          },
        ),
      );
      return;
    }
    const bySuggestion = new Map<number, ReturnType<typeof suggest>>();
    for (const ref of unchecked) {
      const uuid = ref.uri.slice(ref.uri.lastIndexOf("/") + 1);
      const elsewhere = NAMESPACES.map((ns) => `http://data.europa.eu/esco/${ns}/${uuid}`).find(
        (other) => other !== ref.uri && store.indexOf(other) >= 0,
      );
      let candidates: ReturnType<typeof suggest> = [];
      if (ref.outcome && !elsewhere) {
        const key = ref.outcome.index;
        if (!bySuggestion.has(key)) bySuggestion.set(key, suggest(textIn(ref.outcome.outcome.statement, lang)));
        candidates = bySuggestion.get(key)!;
      }
      report(
        issue("unknown_esco_uri", "error", ref.path, `${version} has no concept ${ref.uri}`, {
          suggestion: elsewhere
            ? `this id exists as ${elsewhere} ("${store.label(store.indexOf(elsewhere), lang)}")`
            : candidates.length > 0
              ? `closest ESCO skills for "${textIn(ref.outcome?.outcome.statement, lang)}": ${candidates.map((c) => c.label).join("; ")}`
              : "check the URI against the ESCO portal or green-skills search",
          candidates,
          element: ref.outcome ? "learning-outcomes" : undefined,
        }),
      );
    }
  },
};
