import type { CredentialIssue, ElementStatus } from "./issues.js";
import type { ParsedDocument } from "./parse.js";
import { ANNEX_ELEMENTS } from "./vocab/annex.js";

/**
 * The Annex I checklist of a validated document.
 *
 * @module
 */

/** @internal Each Annex I element with its status in the document. */
export function elementStatuses(doc: ParsedDocument, issues: readonly CredentialIssue[]): ElementStatus[] {
  const failing = new Set(issues.filter((i) => i.severity === "error" && i.element).map((i) => i.element));
  return ANNEX_ELEMENTS.map((e) => {
    const holder = e.level === "instance" ? doc.issued : doc.definition;
    let status: ElementStatus["status"];
    if (e.level === "instance" && !doc.issued) status = "at-issuing";
    else if (e.id === "grade") {
      const present = doc.issued ? doc.issued.present.has("grade") : doc.definition?.present.has("gradeScheme");
      status = present ? "present" : "missing";
    } else if (!holder?.present.has(e.field)) status = "missing";
    else if (e.id === "level" && doc.definition?.fields.level?.eqf === "not-applicable") status = "not-applicable";
    else status = "present";
    if (status === "present" && failing.has(e.id)) status = "invalid";
    if (e.level === "definition" && !doc.definition && doc.issued?.definitionRef) status = "unchecked";
    return { element: e.id, label: e.label, obligation: e.obligation, level: e.level, status };
  });
}
