import { judgeStatement, type MappingJudgement } from "../../search/plausibility.js";
import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { textIn } from "../resolve-definition.js";
import { mapLanguage, statementLanguage } from "../../search/lang/statement.js";

/**
 * `implausible_mapping`: a mapped skill that its outcome's statement does not support (see
 * `src/search/plausibility.ts` and docs/search.md). A warning, with the evidence and better candidates.
 *
 * Runs on full ESCO imports only: the embedded default holds labels of its curated skills but no
 * descriptions, occupation–skill or skill–skill relations, and with labels alone a sound mapping worded
 * differently from its statement ("thermodynamics" for "explain how heat pumps work") cannot be told from a
 * wrong one. The CLI's summary on the embedded default says that this check needs a full import. Off with
 * `plausibility: false`, and by default when `suggest` is `false` (no search during validation).
 */
export const implausibleMapping: CredentialRule = {
  name: "implausible-mapping",
  run({ definition, taxonomy, store, lang, options, curated, report }) {
    if (!definition || curated || !(options.plausibility ?? options.suggest !== false)) return;
    for (const { index, outcome } of definition.parsed.outcomes) {
      const refs = definition.refs.filter((r) => r.outcome?.index === index && r.index >= 0 && r.kind === "skill");
      if (refs.length === 0) continue;
      const statement = textIn(outcome.statement, lang);
      if (!statement.trim()) continue;
      // Judged in the statement's own language when it is imported (an Italian statement against Italian labels).
      // The language map's key says what language the text is in; a plain string is read in `lang` when given.
      const key =
        mapLanguage(outcome.statement, lang) ??
        (options.lang !== undefined && taxonomy.languages.includes(options.lang) ? options.lang : undefined);
      const searchLang = statementLanguage(taxonomy, statement, key);
      let judged;
      try {
        judged = judgeStatement(taxonomy, statement, [...new Set(refs.map((r) => r.index))], searchLang);
      } catch {
        continue;
      }
      if (!judged.judged) continue;
      const byUri = new Map<string, MappingJudgement>(judged.judgements.map((j) => [j.uri, j]));
      for (const ref of refs) {
        const j = byUri.get(ref.uri);
        if (!j || j.plausible) continue;
        const label = store.label(ref.index, lang);
        const why =
          j.labelTerms.length === 0 && j.descriptionTerms.length === 0
            ? "no word of the statement is in its labels or description"
            : `only ${[...j.labelTerms, ...j.descriptionTerms].map((w) => `"${w}"`).join(", ")} ${j.labelTerms.length + j.descriptionTerms.length === 1 ? "matches" : "match"} (score ${j.score.toFixed(2)})`;
        const place =
          j.rank === null
            ? "it is not among the statement's 30 best candidates"
            : `it ranks ${j.rank} among the statement's candidates`;
        const better = judged.better.map((b) => ({ uri: b.uri, label: b.label }));
        report(
          issue(
            "implausible_mapping",
            "warning",
            ref.path,
            `outcome "${outcome.id}": the statement does not support "${label}": ${why}, ${place}, and it is not next to the statement's best candidates in ESCO`,
            {
              suggestion:
                better.length > 0
                  ? `check the mapping; skills the statement supports: ${better
                      .slice(0, 3)
                      .map((b) => b.label)
                      .join("; ")}`
                  : "check the mapping, or reword the statement to say what the skill is about",
              candidates: better,
              element: "learning-outcomes",
              evidence: {
                uri: ref.uri,
                label,
                score: j.score,
                rank: j.rank,
                labelTerms: [...j.labelTerms],
                descriptionTerms: [...j.descriptionTerms],
                matchedLabel: j.matchedLabel,
                near: j.near ? { ...j.near } : null,
                coverage: "full",
              },
            },
          ),
        );
      }
    }
  },
};
