import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `esco_version_mismatch`: the mapping was made against another ESCO version than the one loaded. */
export const escoVersion: CredentialRule = {
  name: "esco-version",
  run({ definition, taxonomy, report }) {
    const stated = definition?.parsed.fields.escoVersion;
    if (!definition || !stated || !taxonomy.escoVersion || stated === taxonomy.escoVersion) return;
    report(
      issue(
        "esco_version_mismatch",
        "warning",
        definition.path("escoVersion"),
        `the skills were mapped against ESCO ${stated}, but ESCO ${taxonomy.escoVersion} is loaded`,
        {
          suggestion: `validate against ESCO ${stated}, or review the mapping for ${taxonomy.escoVersion} (labels, green membership and obsolete concepts change between versions) and set escoVersion: ${taxonomy.escoVersion}`,
        },
      ),
    );
  },
};
