import type { CredentialRule } from "../context.js";
import { closest } from "../closest.js";
import { issue } from "../issues.js";
import { knownSectorIds } from "../sector-ids.js";

/** `unknown_sector`: sector ids must be ones the taxonomy (or the `sectors` option) defines. */
export const sectors: CredentialRule = {
  name: "sectors",
  run({ definition, taxonomy, options, report }) {
    const ids = definition?.parsed.fields.sectors;
    if (!definition || !ids) return;
    const known = options.sectors ?? knownSectorIds(taxonomy);
    const set = new Set(known);
    ids.forEach((id, i) => {
      if (set.has(id)) return;
      const near = closest(id, known);
      report(
        issue("unknown_sector", "error", definition.path("sectors", i), `unknown sector "${id}"`, {
          suggestion: near ? `did you mean "${near}"?` : `known sectors: ${known.join(", ")}`,
        }),
      );
    });
  },
};
