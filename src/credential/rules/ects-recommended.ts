import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { HOURS_PER_ECTS } from "../vocab/elm.js";

/** `ects_recommended`: Annex I asks for the workload in ECTS wherever possible. */
export const ectsRecommended: CredentialRule = {
  name: "ects-recommended",
  run({ definition, options, report }) {
    const w = definition?.parsed.fields.workload;
    if (!definition || !w || w.hours === undefined || w.ects !== undefined) return;
    const [min, max] = options.hoursPerEcts ?? HOURS_PER_ECTS;
    const low = Math.round((w.hours / max) * 10) / 10;
    const high = Math.round((w.hours / min) * 10) / 10;
    report(
      issue(
        "ects_recommended",
        "info",
        definition.path("workload"),
        "the workload is given in hours only; Annex I asks for ECTS credits wherever possible",
        { suggestion: `${w.hours} h corresponds to ${low}–${high} ECTS`, element: "notional-workload" },
      ),
    );
  },
};
