import {
  ASSESSMENT_TYPES,
  LEARNING_MODES,
  LEARNING_SETTINGS,
  QUALITY_ASSURANCE_TYPES,
  SUPERVISION_TYPES,
} from "../credential/vocab/elm.js";
import type { SkillSuggestion } from "../search/suggest.js";

/**
 * The text of `green-skills init`: a commented YAML template of a micro-credential definition with every
 * Annex I element. Values still to be written are `"TODO: …"` strings (`validate` reports each as a
 * `todo` error); suggested mappings carry a `# TODO review` comment (a `todo` warning).
 *
 * @module
 */

/** One learning outcome to pre-fill, with the mappings `suggest` found for it. */
export interface TemplateOutcome {
  readonly statement: string;
  readonly suggestions: readonly SkillSuggestion[];
}

/** What the template is made of. */
export interface TemplateOptions {
  /** `$schema` reference, relative to the output file. */
  readonly schema: string;
  readonly escoVersion: string | null;
  readonly sector?: string;
  /** Pre-filled outcomes; without them, one TODO outcome. */
  readonly outcomes?: readonly TemplateOutcome[];
  /** Occupations suggested for the sector, listed as comments. */
  readonly occupations?: readonly { uri: string; label: string }[];
}

const q = (text: string) => JSON.stringify(text);
const slugs = (set: Record<string, unknown>) => Object.keys(set).join(", ");

/** The template's YAML text. */
export function credentialTemplate(options: TemplateOptions): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${options.schema}`,
    "# A micro-credential definition (Council Recommendation 2022/C 243/02, Annex I), written by `green-skills init`.",
    '# Replace every "TODO: …" value; `green-skills validate <this file>` lists what is left (code `todo`).',
    "# Put text in double quotes: inside { … } a comma or a colon would end the value.",
    `$schema: ${options.schema}`,
    "",
    "# A URI that names this credential type (your organisation's domain).",
    `id: ${q("TODO: a URI for this credential, e.g. https://credentials.example.org/my-programme/my-credential")}`,
    "# The ESCO version the mappings below were made against (green-skills diff migrates them to a newer one).",
    `escoVersion: ${options.escoVersion ?? q("TODO: the ESCO version, e.g. v1.1.1")}`,
    "",
    "# Annex I: title of the micro-credential (mandatory). One entry per language.",
    "title:",
    `  en: ${q("TODO: the title of the credential")}`,
    "# A short description (optional).",
    "# description:",
    '#   en: "What the learner can do after this credential, in two sentences."',
    "",
    "# Annex I: country/region of the issuer (mandatory). country: ISO 3166-1 alpha-2 (DE, FR, AT …).",
    "issuer:",
    `  country: ${q("TODO: the issuer's country code, e.g. DE")}`,
    '  # region: "Nordrhein-Westfalen"',
    "",
    "# Annex I: awarding body (mandatory, at least one).",
    "awardingBodies:",
    `  - name: ${q("TODO: the awarding body's name")}`,
    '    # id: "https://www.example.org"          # a URI of the body',
    '    # legalIdentifier: "DE123456789"         # e.g. a VAT or registry number',
    "",
    "# Annex I: learning outcomes (mandatory). Each maps to the ESCO skills it develops.",
    '# Find skills with: green-skills suggest "<the outcome text>"; map skills, not skill groups or occupations.',
    "learningOutcomes:",
    ...outcomes(options.outcomes),
    "",
    "# Annex I: notional workload (mandatory; in ECTS wherever possible, 25–30 hours per credit).",
    "workload:",
    `  ects: ${q("TODO: ECTS credits, e.g. 2")}`,
    `  hours: ${q("TODO: hours of learning, e.g. 55")}`,
    "",
    "# Annex I: level (mandatory where applicable): EQF 1–8, or not-applicable. Optional: qfEhea (short-cycle,",
    "# first, second, third) and nqf (your national framework's level).",
    "level:",
    `  eqf: ${q("TODO: the EQF level 1-8, or not-applicable")}`,
    "",
    `# Annex I: type of assessment (mandatory). One or more of: ${slugs(ASSESSMENT_TYPES)}.`,
    "assessment:",
    `  types: [${q("TODO: e.g. practical-assessment")}]`,
    '  # description: { en: "How learners are assessed." }',
    "",
    `# Annex I: form of participation (mandatory). mode: ${slugs(LEARNING_MODES)}; setting: ${slugs(LEARNING_SETTINGS)}.`,
    "participation:",
    `  mode: ${q("TODO: e.g. blended")}`,
    `  setting: ${q("TODO: formal or non-formal")}`,
    "",
    `# Annex I: type of quality assurance (mandatory). One or more of: ${slugs(QUALITY_ASSURANCE_TYPES)}.`,
    "qualityAssurance:",
    `  types: [${q("TODO: e.g. internal")}]`,
    '  # body: { name: "The accrediting body" }',
    "",
    "# Annex I: prerequisites needed to enrol (optional).",
    '# prerequisites: { en: "Completed vocational training in …" }',
    "",
    `# Annex I: supervision and identity verification during assessment (optional): ${slugs(SUPERVISION_TYPES)}.`,
    "# supervision: supervised-with-id-verification",
    "",
    "# Annex I: grade achieved is stated when a credential is issued; the definition may give the scheme (optional).",
    '# gradeScheme: { values: [pass, "pass with distinction"] }',
    "",
    "# Annex I: integration/stackability options (optional): stand-alone, or stackable towards a larger qualification.",
    "# stackability: { type: stand-alone }",
    "",
    "# Annex I: further information (optional).",
    '# furtherInformation: { url: "https://www.example.org/courses/…" }',
    "",
    "# ESCO occupations the credential prepares for (optional; green-skills gap compares with them).",
    ...occupationLines(options.occupations),
    "",
    "# Sectors (optional): agrifood, construction, wood-and-furniture, manufacturing, sustainability-management, public-sector.",
    options.sector ? `sectors: [${options.sector}]` : "# sectors: [construction]",
    "",
  ];
  return out.join("\n");
}

function outcomes(list: readonly TemplateOutcome[] | undefined): string[] {
  if (!list || list.length === 0) {
    return [
      "  - id: lo-1",
      "    statement:",
      `      en: ${q("TODO: what the learner can do, e.g. Install and commission an air-source heat pump")}`,
      "    esco:",
      `      - ${q("TODO: ESCO skill URIs, from green-skills suggest")}`,
      '    # greenComp: ["2.1"]                      # GreenComp competences 1.1 … 4.3 (optional)',
      "    # level: 4                                # EQF level of this outcome (optional)",
    ];
  }
  const out: string[] = [];
  list.forEach((o, index) => {
    out.push(`  - id: lo-${index + 1}`, "    statement:", `      en: ${q(o.statement)}`);
    if (o.suggestions.length === 0) {
      out.push(
        "    esco:",
        `      - ${q("TODO: no ESCO skill matched this outcome well; search with green-skills search")}`,
      );
      return;
    }
    out.push(
      "    # TODO review the suggested mappings: keep the skills the outcome teaches, delete the others",
      "    esco:",
    );
    for (const s of o.suggestions)
      out.push(
        `      - ${s.uri} # ${s.label.replace(/\s+/g, " ")} (score ${s.score.toFixed(2)}${s.green ? ", green" : ""})`,
      );
  });
  return out;
}

function occupationLines(occupations: readonly { uri: string; label: string }[] | undefined): string[] {
  if (!occupations || occupations.length === 0)
    return [
      "# targetOccupations:",
      "#   - http://data.europa.eu/esco/occupation/…   # find one with green-skills search --occupations",
    ];
  return [
    "# Occupations of the sector; keep the ones the credential prepares for:",
    "# targetOccupations:",
    ...occupations.map((o) => `#   - ${o.uri} # ${o.label}`),
  ];
}
