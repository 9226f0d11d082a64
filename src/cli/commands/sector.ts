import { Command, InvalidArgumentError } from "commander";
import { UnknownSectorError } from "../../errors.js";
import { type SectorProfile, sectorProfile } from "../../framework/sector-profile.js";
import { type CliIo, CliError, type Colors, colorsFor, writeJson } from "../io.js";
import {
  applySectorFiles,
  embeddedNote,
  mergeReportOf,
  mergeSummary,
  percent,
  table,
  wrapText,
} from "../sector-support.js";
import { unknownSectorHint } from "../sector-hint.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { emitReport, reportFormat } from "../report/output.js";
import { sectorHtml, sectorMarkdown } from "../report/sector-report.js";
import { escoOption, jsonOption, langOption } from "../options.js";

const DEFAULT_LIMIT = 20;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

/** `green-skills sector <id>`: a sector's occupations and its green skills ranked across them. */
export function sectorCommand(io: CliIo): Command {
  return new Command("sector")
    .description("show a sector: its occupations and the green skills that matter across them")
    .argument("<id>", "sector id (see `green-skills sectors`)")
    .addOption(escoOption())
    .option(
      "--sectors <paths...>",
      "extra sector files or folders (YAML/JSON); a sector with a built-in id replaces it",
    )
    .option("--limit <n>", `ranked green skills to show (default ${DEFAULT_LIMIT}; with --json: all)`, positiveInteger)
    .addOption(langOption())
    .addOption(jsonOption())
    .option("--format <format>", "text (default), json, md or html: a report for people")
    .option("--out <file>", "write the report to this file (atomically) instead of standard output")
    .addHelpText(
      "after",
      "\nExample:\n  $ green-skills sector construction --esco esco-v1.1.1.gsb --limit 10\n  $ green-skills sector construction --json",
    )
    .action(
      async (
        id: string,
        options: {
          esco?: string;
          sectors?: string[];
          limit?: number;
          lang?: string;
          json?: boolean;
          format?: string;
          out?: string;
        },
      ) => {
        const format = reportFormat(options.format, options.json, options.out);
        if (format === "json") options.json = true;
        const { taxonomy, source, embedded } = await resolveTaxonomy(io, options.esco);
        await applySectorFiles(taxonomy, options.sectors);
        let profile: SectorProfile;
        try {
          const limit = options.limit ?? (options.json ? undefined : DEFAULT_LIMIT);
          profile = sectorProfile(taxonomy, id, {
            ...(options.lang ? { lang: options.lang } : {}),
            ...(limit === undefined ? {} : { limit }),
          });
        } catch (error) {
          if (error instanceof UnknownSectorError)
            throw new CliError(`unknown sector "${id}"`, unknownSectorHint(id, error.known));
          throw error;
        }
        const report = mergeReportOf(taxonomy);
        const sectorUris = new Set(
          [...profile.keySkills, ...profile.keyOccupations].map((k) => k.concept.uri as string),
        );
        const mergeIssues = report.issues.filter((i) => i.path[1] === profile.sector.id || sectorUris.has(i.uri));
        if (format === "md" || format === "html") {
          await emitReport(
            io,
            format === "html" ? sectorHtml(profile, source) : sectorMarkdown(profile, source),
            options.out,
            options.sectors ?? [],
          );
          return;
        }
        if (options.json) {
          if (options.out)
            await emitReport(
              io,
              `${JSON.stringify({ source, ...profile, mergeIssues }, null, 2)}\n`,
              options.out,
              options.sectors ?? [],
            );
          else writeJson(io, { source, ...profile, mergeIssues });
          return;
        }
        const c = colorsFor(io, "stdout", false);
        const out = header(profile, source, c);
        if (profile.ranking) out.push(...ranking(profile, c));
        out.push(...keyReferences(profile, c));
        if (embedded) out.push("", embeddedNote(c));
        else for (const note of profile.notes) out.push(c.dim(`note: ${note}`));
        const summary = mergeSummary({ ...report, issues: mergeIssues });
        if (summary) out.push(c.yellow(`⚠ ${summary}`));
        io.stdout.write(`${out.join("\n")}\n`);
      },
    );
}

function header(profile: SectorProfile, source: string, c: Colors): string[] {
  const { sector } = profile;
  const out = [
    `${c.bold(sector.label)} ${c.dim(`(${sector.id})`)}  ${c.dim(`ESCO ${profile.escoVersion ?? "(version unknown)"}, ${profile.coverage}, from ${source}`)}`,
    ...wrapText(sector.description, 100),
    "",
    `${c.bold("NACE")}  ${sector.nace.map((n) => `${n.rev21}${n.rev2 !== n.rev21 ? ` (Rev. 2 ${n.rev2})` : ""} ${n.label}`).join("; ") || "—"}`,
    `${c.bold("ISCO-08 fallback")}  ${sector.isco.length} group(s)${sector.isco.length > 0 ? `: ${sector.isco.map((g) => g.code).join(" ")}` : ""}`,
  ];
  const key = profile.occupations.filter((o) => o.key).length;
  const by =
    profile.coverage === "curated"
      ? "embedded: the curated key occupations and any cited occupation in its ISCO groups"
      : {
          nace: "by NACE code",
          isco: "by ISCO-08 group",
          mixed: "by NACE code or ISCO-08 group",
          none: "curated key occupations only",
        }[profile.assignment];
  const share = profile.coverage === "full" ? ` · average green share ${percent(profile.averageGreenShare)}` : "";
  const official =
    profile.officialAverageGreenShare === null ? "" : ` (ESCO official ${percent(profile.officialAverageGreenShare)})`;
  out.push(`${c.bold("Occupations")}  ${profile.occupations.length} (${by}; ${key} key)${share}${official}`);
  return out;
}

function ranking(profile: SectorProfile, c: Colors): string[] {
  const rows = profile.ranking ?? [];
  const w = profile.weights;
  const out = [
    "",
    c.bold(
      `Green skills ranked across ${profile.occupations.length} occupations (essential ×${w.essential}, optional ×${w.optional}; ● curated core skill):`,
    ),
  ];
  if (rows.length === 0) return [...out, "  none: no occupation of this sector is linked to a green skill"];
  const lines = table(
    [
      ["#", "score", "ess.", "opt.", "reach", "skill"],
      ...rows.map((r) => [
        String(r.rank),
        r.score.toFixed(1),
        String(r.essential),
        String(r.optional),
        percent(r.reach),
        `${r.key ? "● " : "  "}${r.skill.label}`,
      ]),
    ],
    ["r", "r", "r", "r", "r", "l"],
  );
  out.push(c.dim(`  ${lines[0]}`), ...lines.slice(1).map((l) => `  ${l}`));
  const more = (profile.rankedCount ?? 0) - rows.length;
  if (more > 0) out.push(c.dim(`  … ${more} more (--limit N shows more; --json lists all)`));
  return out;
}

function keyReferences(profile: SectorProfile, c: Colors): string[] {
  const out = ["", c.bold(`Key occupations (${profile.keyOccupations.length}, curated):`)];
  const share = profile.coverage === "full";
  out.push(
    ...table(
      profile.keyOccupations.map((k) => [
        `  ${k.concept.label}${k.present ? "" : c.yellow(" (not in this ESCO version)")}`,
        share ? percent(k.greenShare ?? null) : "",
        k.rationale,
      ]),
      ["l", "r", "l"],
    ),
  );
  const unranked = profile.ranking ? profile.keySkills.filter((k) => k.rank === null) : profile.keySkills;
  if (unranked.length > 0) {
    const title = profile.ranking
      ? `Curated core green skills no occupation of this sector is linked to (${unranked.length}):`
      : `Core green skills (${unranked.length}, curated):`;
    out.push("", c.bold(title));
    out.push(
      ...table(
        unranked.map((k) => [
          `  ${k.concept.label}${k.present ? "" : c.yellow(" (not in this ESCO version)")}`,
          k.rationale,
        ]),
        ["l", "l"],
      ),
    );
  }
  return out;
}
