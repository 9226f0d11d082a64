import type { MicroCredential, MicroCredentialInput } from "../../credential/schema.js";
import { ECTS_FRAMEWORK_URI } from "../../credential/vocab/elm.js";
import { storeOf, type Taxonomy } from "../../taxonomy/taxonomy.js";
import { escoFramework } from "../esco.js";
import { definitionInput, exportOptions } from "../input.js";
import { defaultLanguage, pick } from "../text.js";
import { assessmentConcept, modeConcept, qualityAssuranceLabel, settingConcept, supervisionConcept } from "../vocab.js";
import { type ExportResult, Warnings } from "../warnings.js";
import { alignments } from "./alignment.js";
import type { OpenBadgeAchievementOptions } from "./options.js";
import type { OpenBadgeAchievement, OpenBadgeProfile } from "./schema.js";

/**
 * Open Badges 3.0: a micro-credential definition as an `Achievement` of type `MicroCredential`.
 *
 * @module
 */

const named = (c: { uri: string | null; label: string }) => (c.uri ? { id: c.uri, name: c.label } : { name: c.label });

/** @internal The awarding body as an OB profile (creator). */
export function bodyProfile(
  definition: MicroCredential,
  index: number,
  achievementId: string,
  lang: string,
  warnings: Warnings,
): OpenBadgeProfile {
  const body = definition.awardingBodies[index]!;
  const profile: OpenBadgeProfile = {
    id: body.id ?? `${achievementId}#awarding-body-${index + 1}`,
    type: ["Profile"],
    name: pick(body.name, lang, ["awardingBodies", index, "name"], warnings),
  };
  if (body.homepage) profile.url = body.homepage;
  if (body.country) profile.address = { type: ["Address"], addressCountryCode: body.country };
  if (body.legalIdentifier)
    profile.otherIdentifier = [
      { type: "IdentifierEntry", identifier: body.legalIdentifier, identifierType: "identifier" },
    ];
  return profile;
}

function criteria(
  definition: MicroCredential,
  lang: string,
  labels: (uri: string) => string,
  warnings: Warnings,
): string {
  const lines = ["Holders of this micro-credential have shown these learning outcomes:", ""];
  definition.learningOutcomes.forEach((outcome, o) => {
    const statement = pick(outcome.statement, lang, ["learningOutcomes", o, "statement"], warnings);
    const esco = outcome.esco.length > 0 ? ` (ESCO: ${outcome.esco.map(labels).join("; ")})` : "";
    lines.push(`${o + 1}. ${statement}${esco}`);
  });
  const types = definition.assessment.types.map((t) => assessmentConcept(t).label).join(", ");
  lines.push("", `Assessment: ${types}.`);
  if (definition.assessment.description)
    lines.push("", pick(definition.assessment.description, lang, ["assessment", "description"], warnings));
  const grading = definition.gradeScheme;
  if (grading?.description)
    lines.push("", `Grading: ${pick(grading.description, lang, ["gradeScheme", "description"], warnings)}`);
  return lines.join("\n");
}

function summary(definition: MicroCredential, title: string): string {
  const parts = [
    `${definition.learningOutcomes.length} learning outcome${definition.learningOutcomes.length === 1 ? "" : "s"}`,
  ];
  if (definition.workload.ects !== undefined) parts.push(`${definition.workload.ects} ECTS`);
  if (definition.workload.hours !== undefined) parts.push(`${definition.workload.hours} hours`);
  if (definition.level.eqf !== "not-applicable") parts.push(`EQF level ${definition.level.eqf}`);
  return `Micro-credential "${title}": ${parts.join(", ")}.`;
}

/** Prefixes every key but `id` with `ext:`, recursively: OB contexts define no other term inside an extension. */
function prefixed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prefixed);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k === "id" || k.startsWith("ext:") ? k : `ext:${k}`, prefixed(v)]),
  );
}

/** @internal The `ext:` extension terms: Annex I elements OB 3.0 has no field for. */
function extensions(
  definition: MicroCredential,
  lang: string,
  achievementId: string,
  warnings: Warnings,
): Record<string, unknown> {
  const ext: Record<string, unknown> = {};
  const { ects, hours } = definition.workload;
  ext["ext:notionalWorkload"] = {
    ...(ects !== undefined
      ? {
          ects,
          creditSystem: { id: ECTS_FRAMEWORK_URI, name: "European Credit Transfer and Accumulation System (ECTS)" },
        }
      : {}),
    ...(hours !== undefined ? { hours } : {}),
  };
  ext["ext:level"] = {
    eqf: definition.level.eqf,
    ...(definition.level.qfEhea ? { qfEheaCycle: definition.level.qfEhea } : {}),
    ...(definition.level.nqf ? { nqf: definition.level.nqf } : {}),
  };
  ext["ext:assessment"] = {
    types: definition.assessment.types.map((t) => named(assessmentConcept(t))),
    ...(definition.supervision ? { supervision: named(supervisionConcept(definition.supervision)) } : {}),
  };
  ext["ext:participation"] = {
    mode: named(modeConcept(definition.participation.mode)),
    setting: named(settingConcept(definition.participation.setting)),
    ...(definition.participation.description
      ? { description: pick(definition.participation.description, lang, ["participation", "description"], warnings) }
      : {}),
  };
  const qa = definition.qualityAssurance;
  ext["ext:qualityAssurance"] = {
    types: qa.types.map((t) => ({ code: t, name: qualityAssuranceLabel(t) })),
    ...(qa.description
      ? { description: pick(qa.description, lang, ["qualityAssurance", "description"], warnings) }
      : {}),
    ...(qa.body
      ? {
          body: {
            ...(qa.body.id ? { id: qa.body.id } : {}),
            name: pick(qa.body.name, lang, ["qualityAssurance", "body", "name"], warnings),
          },
        }
      : {}),
    ...(qa.url ? { url: qa.url } : {}),
  };
  ext["ext:issuerCountry"] = {
    country: definition.issuer.country,
    ...(definition.issuer.region ? { region: definition.issuer.region } : {}),
  };
  if (definition.prerequisites)
    ext["ext:prerequisites"] = pick(definition.prerequisites, lang, ["prerequisites"], warnings);
  if (definition.stackability) {
    const { type, towards } = definition.stackability;
    ext["ext:stackability"] = {
      type,
      ...(towards
        ? {
            towards: towards.map((t, i) => ({
              ...(t.id ? { id: t.id } : {}),
              ...(t.title ? { name: pick(t.title, lang, ["stackability", "towards", i, "title"], warnings) } : {}),
              ...(t.ects !== undefined ? { ects: t.ects } : {}),
            })),
          }
        : {}),
    };
  }
  const info = definition.furtherInformation;
  if (info)
    ext["ext:furtherInformation"] = {
      ...(info.url ? { url: info.url } : {}),
      ...(info.note ? { note: pick(info.note, lang, ["furtherInformation", "note"], warnings) } : {}),
    };
  const out = prefixed(ext) as Record<string, unknown>;
  // Further awarding bodies are OB profiles: their own terms are defined, so they keep them.
  if (definition.awardingBodies.length > 1)
    out["ext:awardingBodies"] = definition.awardingBodies.map((_, i) =>
      bodyProfile(definition, i, achievementId, lang, warnings),
    );
  return out;
}

/** @internal The achievement of a parsed definition. */
export function buildAchievement(
  definition: MicroCredential,
  taxonomy: Taxonomy,
  options: OpenBadgeAchievementOptions,
  warnings: Warnings,
): OpenBadgeAchievement {
  const store = storeOf(taxonomy);
  const lang = options.lang ?? defaultLanguage(definition.title);
  const id = options.achievementId ?? definition.id;
  const framework = escoFramework(taxonomy.escoVersion, definition.escoVersion, warnings);
  const { list, concepts } = alignments(definition, taxonomy, store, lang, framework, warnings);
  if (lang !== "en" && definition.learningOutcomes.some((o) => (o.greenComp ?? []).length > 0)) {
    warnings.add(
      "text_fallback",
      ["learningOutcomes"],
      `GreenComp competence names are available in English only; the alignments name them in English`,
    );
  }
  const name = pick(definition.title, lang, ["title"], warnings);
  const achievement: OpenBadgeAchievement = {
    id,
    type: ["Achievement"],
    achievementType: "MicroCredential",
    name,
    description: definition.description
      ? pick(definition.description, lang, ["description"], warnings)
      : summary(definition, name),
    criteria: { narrative: criteria(definition, lang, (uri) => concepts.get(uri)?.label ?? uri, warnings) },
    inLanguage: lang,
    tag: ["micro-credential", ...(definition.sectors ?? [])],
    alignment: list,
    creator: bodyProfile(definition, 0, id, lang, warnings),
  };
  if (definition.workload.ects !== undefined) achievement.creditsAvailable = definition.workload.ects;
  if (definition.furtherInformation?.url) achievement.criteria.id = definition.furtherInformation.url;
  const grading = definition.gradeScheme;
  if (
    grading &&
    (grading.values || grading.min !== undefined || grading.max !== undefined || grading.pass !== undefined)
  ) {
    achievement.resultDescription = [
      {
        id: `${id}#grade`,
        type: ["ResultDescription"],
        name: "Grade",
        resultType: grading.values
          ? "PerformanceLevel"
          : grading.min !== undefined || grading.max !== undefined
            ? "ScaledScore"
            : "Result",
        ...(grading.values ? { allowedValue: grading.values } : {}),
        ...(grading.pass !== undefined ? { requiredValue: String(grading.pass) } : {}),
        ...(grading.min !== undefined ? { valueMin: String(grading.min) } : {}),
        ...(grading.max !== undefined ? { valueMax: String(grading.max) } : {}),
      },
    ];
  }
  return Object.assign(achievement, extensions(definition, lang, id, warnings));
}

/**
 * Exports a micro-credential definition as an Open Badges 3.0 `Achievement` (`achievementType:
 * "MicroCredential"`), ready to be embedded in an `OpenBadgeCredential` or registered on an OB 3.0
 * platform. Each mapped ESCO skill (and target occupation) becomes an `alignment` named with its ESCO
 * preferred label in the requested language; GreenComp competences and the EQF level are alignments too;
 * Annex I elements OB 3.0 has no field for travel as `ext:` extension terms (docs/export-openbadges.md).
 *
 * @category Export
 * @param credential - A parsed micro-credential definition (validate it first: this checks the shape only).
 * @param taxonomy - The ESCO taxonomy the labels come from.
 * @param options - Language and achievement id.
 * @returns The achievement and the warnings (labels that fell back to another language, URIs the taxonomy lacks).
 * @throws {@link ExportError} `E_EXPORT_INVALID_INPUT` when `credential` is not a valid definition.
 * @example
 * ```ts
 * import { toOpenBadgeAchievement } from "green-skills";
 * const { document, warnings } = toOpenBadgeAchievement(taxonomy, definition, { lang: "en" });
 * document.alignment[0]
 * //=> { type: ["Alignment"], targetName: "types of heat pumps", targetUrl: "http://data.europa.eu/esco/skill/59998878-…",
 * //     targetCode: "59998878-…", targetFramework: "ESCO v1.1.1", targetType: "ext:ESCOSkill", targetDescription: "…" }
 * ```
 */
export function toOpenBadgeAchievement(
  taxonomy: Taxonomy,
  credential: MicroCredentialInput,
  options: OpenBadgeAchievementOptions = {},
): ExportResult<OpenBadgeAchievement> {
  storeOf(taxonomy, "toOpenBadgeAchievement");
  options = exportOptions("toOpenBadgeAchievement", options);
  const definition = definitionInput("toOpenBadgeAchievement", credential);
  const warnings = new Warnings();
  const document = buildAchievement(definition, taxonomy, options, warnings);
  return { document, warnings: warnings.list };
}
