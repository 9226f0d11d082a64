import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";

/** `unresolved_definition`: an issued credential whose definition is a file reference the caller did not read. */
export const issuedDefinition: CredentialRule = {
  name: "issued-definition",
  run({ doc, options, report }) {
    const ref = doc.issued?.definitionRef;
    // The caller read it (or tried) and reported on it already: an issue at `definition` or in another file.
    if (!ref || options.issues?.some((i) => i.path[0] === "definition" || i.file !== undefined)) return;
    report(
      issue(
        "unresolved_definition",
        "info",
        ["definition"],
        `the definition is in "${ref}" and was not checked here; only the learner, date of issuing and grade were`,
        {
          suggestion:
            "validate the file with validateCredentialFile (green-skills/node) or the CLI, which read the referenced definition",
        },
      ),
    );
  },
};
