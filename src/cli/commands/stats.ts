import { Command } from "commander";
import { stats } from "../../query/stats.js";
import { type CliIo, colorsFor, writeJson } from "../io.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption, jsonOption } from "../options.js";

/** `green-skills stats`: headline figures of a taxonomy. */
export function statsCommand(io: CliIo): Command {
  return new Command("stats")
    .description("show counts of concepts, relations and collections")
    .addOption(escoOption())
    .addOption(jsonOption())
    .addHelpText("after", "\nExample:\n  $ green-skills stats --esco esco-v1.1.1.gsb --json")
    .action(async (options: { esco?: string; json?: boolean }) => {
      const { taxonomy, source } = await resolveTaxonomy(io, options.esco);
      const s = stats(taxonomy);
      if (options.json) {
        writeJson(io, { source, ...s });
        return;
      }
      const c = colorsFor(io, "stdout", false);
      const n = (x: number) => x.toLocaleString("en-US");
      const out = [
        `${c.bold("ESCO")} ${s.escoVersion ?? "(version unknown)"}  ${c.dim(`${s.coverage}, languages ${s.languages.join(", ")}, from ${source}`)}`,
        `  skills            ${n(s.concepts["skill"] ?? 0)}`,
        `  occupations       ${n(s.concepts["occupation"] ?? 0)}`,
        `  skill groups      ${n(s.concepts["skillGroup"] ?? 0)}`,
        `  ISCO groups       ${n(s.concepts["iscoGroup"] ?? 0)}`,
        `  concept schemes   ${n(s.concepts["conceptScheme"] ?? 0)}`,
        `  occupation–skill  ${n(s.relations.occupationSkill)} (${n(s.relations.occupationSkillEssential)} essential)`,
        `  skill–skill       ${n(s.relations.skillSkill)}`,
        `  broader           ${n(s.relations.broaderSkill)} skills pillar, ${n(s.relations.broaderOcc)} occupations pillar`,
        `  collections       ${
          Object.entries(s.collections)
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(", ") || "none"
        }`,
      ];
      if (s.unresolvedRows > 0)
        out.push(c.yellow(`  ${n(s.unresolvedRows)} source rows kept aside at import (dangling references)`));
      if (s.coverage === "curated")
        out.push(
          c.dim("  curated layer only: relations and the rest of ESCO need a full import (green-skills import)"),
        );
      io.stdout.write(`${out.join("\n")}\n`);
    });
}
