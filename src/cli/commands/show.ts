import { Command } from "commander";
import { getConcept } from "../../query/concept.js";
import { pathToRoot } from "../../query/hierarchy.js";
import { greenShare } from "../../query/green-share.js";
import { occupationsForSkill, skillsOfOccupation } from "../../query/occupation-skills.js";
import { relatedSkills } from "../../query/related-skills.js";
import { type CliIo, CliError, colorsFor, writeJson } from "../io.js";
import { resolveConceptArg } from "../resolve-concept.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption, jsonOption, langOption } from "../options.js";

const LIMIT = 12;

/** `green-skills show <uri>`: one concept with its neighbourhood. */
export function showCommand(io: CliIo): Command {
  return new Command("show")
    .description("show one ESCO concept: labels, description, hierarchy, relations")
    .argument("<concept>", "ESCO concept URI, or a skill or occupation name (exact or closest match)")
    .addOption(escoOption())
    .addOption(langOption())
    .addOption(jsonOption())
    .addHelpText(
      "after",
      "\nA name is matched against the labels: an exact label, else one clearly best match is taken (and named\non stderr); an ambiguous name lists the candidates with their URIs (exit 2).\n\nExample:\n  $ green-skills show http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f\n  $ green-skills show upholsterer --esco esco.gsb",
    )
    .action(async (given: string, options: { esco?: string; json?: boolean; lang?: string }) => {
      const { taxonomy, source } = await resolveTaxonomy(io, options.esco);
      const lang = options.lang ? { lang: options.lang } : {};
      const uri = resolveConceptArg(io, taxonomy, given, "any", options.lang ? { lang: options.lang } : {}).uri;
      const concept = getConcept(taxonomy, uri, lang);
      if (!concept)
        throw new CliError(
          `no concept ${uri} in ${source}`,
          "check the URI (copy it from the ESCO portal or from `green-skills search`)",
        );
      const full = taxonomy.coverage === "full";
      const path = pathToRoot(taxonomy, uri, lang);
      const relations = !full
        ? null
        : concept.kind === "skill"
          ? {
              of: "skill" as const,
              occupations: occupationsForSkill(taxonomy, uri, lang),
              related: relatedSkills(taxonomy, uri, lang),
            }
          : concept.kind === "occupation"
            ? {
                of: "occupation" as const,
                skills: skillsOfOccupation(taxonomy, uri, lang),
                greenShare: greenShare(taxonomy, uri),
              }
            : null;
      if (options.json) {
        const { of: _of, ...rest } = relations ?? { of: null };
        writeJson(io, { source, concept, pathToRoot: path, ...rest });
        return;
      }
      const c = colorsFor(io, "stdout", false);
      const out: string[] = [];
      const green = concept.kind === "skill" && concept.green ? ` ${c.green("● green")}` : "";
      out.push(`${c.bold(concept.prefLabel)}  ${c.dim(concept.kind)}${green}`, c.dim(concept.uri));
      const description =
        concept.description[options.lang ?? taxonomy.languages[0] ?? "en"] ?? Object.values(concept.description)[0];
      if (description) out.push("", wrap(description, 100));
      const labels = concept.labels[options.lang ?? taxonomy.languages[0] ?? "en"];
      if (labels && labels.alt.length > 0)
        out.push(
          "",
          `${c.bold("also")}: ${labels.alt.slice(0, 8).join("; ")}${labels.alt.length > 8 ? ` (+${labels.alt.length - 8})` : ""}`,
        );
      if (concept.kind === "skill")
        out.push(`${c.bold("type")}: ${concept.skillType ?? "—"}, reuse level ${concept.reuseLevel ?? "—"}`);
      if (concept.kind === "occupation")
        out.push(`${c.bold("ISCO")}: ${concept.iscoGroup ?? "—"}${concept.code ? `, ESCO code ${concept.code}` : ""}`);
      if (concept.collections.length > 0) out.push(`${c.bold("collections")}: ${concept.collections.join(", ")}`);
      if (path.length > 1)
        out.push(
          `${c.bold("path")}: ${path
            .map((p) => p.label)
            .reverse()
            .join(" › ")}`,
        );
      if (relations?.of === "skill") {
        const essential = relations.occupations.filter((o) => o.relation === "essential");
        out.push(
          "",
          `${c.bold("needed by")} ${relations.occupations.length} occupations (${essential.length} essential):`,
        );
        for (const o of relations.occupations.slice(0, LIMIT))
          out.push(`  ${o.relation === "essential" ? "●" : "○"} ${o.occupation.label}`);
        if (relations.occupations.length > LIMIT)
          out.push(c.dim(`  … ${relations.occupations.length - LIMIT} more (--json lists all)`));
        if (relations.related.length > 0)
          out.push(
            `${c.bold("related skills")}: ${relations.related
              .slice(0, 8)
              .map((r) => r.skill.label)
              .join("; ")}`,
          );
      }
      if (relations?.of === "occupation") {
        const essential = relations.skills.filter((s) => s.relation === "essential");
        const share = relations.greenShare;
        out.push(
          "",
          `${c.bold("skills")}: ${essential.length} essential, ${relations.skills.length - essential.length} optional; green share ${share.share === null ? "—" : `${(share.share * 100).toFixed(1)}%`} (${share.greenSkills}/${share.totalSkills})${share.official !== null ? `, official ${(share.official * 100).toFixed(1)}%` : ""}`,
        );
        for (const s of essential.slice(0, LIMIT)) out.push(`  ● ${s.skill.label}`);
        if (essential.length > LIMIT)
          out.push(c.dim(`  … ${essential.length - LIMIT} more essential (--json lists all)`));
      }
      if (!full)
        out.push("", c.dim("relations need a full ESCO import (green-skills import), not the embedded default"));
      io.stdout.write(`${out.join("\n")}\n`);
    });
}

function wrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((paragraph) => {
      const words = paragraph.split(/\s+/);
      const lines: string[] = [];
      let line = "";
      for (const word of words) {
        if (line && line.length + word.length + 1 > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.join("\n");
    })
    .join("\n");
}
