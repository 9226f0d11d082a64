import type { CredentialRule } from "../context.js";
import { issue } from "../issues.js";
import { type AnnexElementId, annexElement } from "../vocab/annex.js";

const DEFINITION_FIELDS: readonly [field: string, element: AnnexElementId, hint: string][] = [
  ["title", "title", 'add title: { en: "…" }'],
  ["issuer", "issuer-country", "add issuer: { country: DE } (ISO 3166-1 alpha-2)"],
  ["awardingBodies", "awarding-body", 'add awardingBodies: [{ name: "…" }]'],
  ["learningOutcomes", "learning-outcomes", "add learningOutcomes: [{ id, statement, esco }]"],
  ["workload", "notional-workload", "add workload: { ects: 2, hours: 50 }"],
  ["assessment", "assessment-type", "add assessment: { types: [written-examination] }"],
  ["participation", "participation-form", "add participation: { mode: online, setting: non-formal }"],
  ["qualityAssurance", "quality-assurance", "add qualityAssurance: { types: [internal] }"],
];

/** `missing_element`: the mandatory Annex I elements a document leaves out. */
export const annexElements: CredentialRule = {
  name: "annex-elements",
  run({ doc, definition, report }) {
    const missing = (path: (string | number)[], id: AnnexElementId, suggestion: string) =>
      report(
        issue("missing_element", "error", path, `Annex I element "${annexElement(id).label}" is missing`, {
          suggestion,
          element: id,
        }),
      );
    if (definition) {
      const { present, fields } = definition.parsed;
      for (const [field, id, hint] of DEFINITION_FIELDS)
        if (!present.has(field)) missing(definition.path(field), id, hint);
      const workload = fields.workload;
      if (workload && workload.ects === undefined && workload.hours === undefined) {
        missing(definition.path("workload"), "notional-workload", "state ects (wherever possible) and/or hours");
      }
    }
    const issued = doc.issued;
    if (!issued) return;
    if (!issued.present.has("definition")) {
      report(
        issue("missing_element", "error", ["definition"], "an issued credential needs its definition", {
          suggestion: "add definition: <inline definition> or definition: ./my-definition.yaml",
        }),
      );
    }
    if (!issued.present.has("learner"))
      missing(["learner"], "learner-identification", "add learner: { fullName: …, id: … }");
    else {
      const learner = issued.fields.learner;
      if (
        learner &&
        !learner.id &&
        !learner.fullName &&
        !(learner.givenName && learner.familyName) &&
        !learner.nationalId
      ) {
        missing(
          ["learner"],
          "learner-identification",
          "identify the learner by fullName, givenName and familyName, id or nationalId",
        );
      }
    }
    if (!issued.present.has("issued")) missing(["issued"], "date-of-issuing", "add issued: YYYY-MM-DD");
  },
};
