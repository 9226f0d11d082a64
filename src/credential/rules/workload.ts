import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { HOURS_PER_ECTS } from "../vocab/elm.js";

const round = (x: number) => Math.round(x * 10) / 10;

/** `workload_inconsistent`: ECTS credits and hours must agree (25–30 hours per credit by default). */
export const workload: CredentialRule = {
  name: "workload",
  run({ definition, options, report }) {
    const w = definition?.parsed.fields.workload;
    if (!definition || !w || w.ects === undefined || w.hours === undefined) return;
    const [min, max] = options.hoursPerEcts ?? HOURS_PER_ECTS;
    const perCredit = w.hours / w.ects;
    if (perCredit >= min && perCredit <= max) return;
    report(
      issue(
        "workload_inconsistent",
        "error",
        definition.path("workload"),
        `${w.hours} h for ${w.ects} ECTS is ${round(perCredit)} h per credit; ECTS counts ${min}–${max} h per credit`,
        {
          suggestion: `for ${w.ects} ECTS state ${round(w.ects * min)}–${round(w.ects * max)} h, or for ${w.hours} h state ${round(w.hours / max)}–${round(w.hours / min)} ECTS`,
          element: "notional-workload",
        },
      ),
    );
  },
};
