import { Command, Option } from "commander";
import { parseDocument } from "../../credential/parse.js";
import { listSectors } from "../../framework/sectors.js";
import { readCredentialFile } from "../../node/credential-file.js";
import { toGraph } from "../../graph/to-graph.js";
import { credentialNeighbourhood, occupationNeighbourhood, sectorNeighbourhood } from "../graph/neighbourhood.js";
import { GRAPH_FORMATS, type GraphFormat, serialiseGraph } from "../graph/serialise.js";
import { type CliIo, CliError } from "../io.js";
import { emitReport } from "../report/output.js";
import { resolveConceptArg } from "../resolve-concept.js";
import { unknownSectorHint } from "../sector-hint.js";
import { resolveTaxonomy } from "../taxonomy.js";
import { escoOption } from "../options.js";

interface GraphOptions {
  sector?: string;
  occupation?: string;
  credential?: string;
  format: GraphFormat;
  out?: string;
  esco?: string;
  allSkills?: boolean;
}

/** `green-skills graph`: a neighbourhood of the taxonomy as GEXF, GraphML or graphology JSON. */
export function graphCommand(io: CliIo): Command {
  return new Command("graph")
    .description(
      "export a sector's, an occupation's or a credential's neighbourhood for graph tools (Gephi, yEd, Cytoscape)",
    )
    .option("--sector <id>", "a sector: its occupations and their green skills")
    .option("--occupation <name-or-uri>", "an occupation: its skills and sectors")
    .option("--credential <file>", "a credential definition: its outcomes, mapped skills and target occupations")
    .addOption(new Option("--format <format>", "output format").choices([...GRAPH_FORMATS]).default("gexf"))
    .option("--out <file>", "write to this file (atomically) instead of standard output")
    .option("--all-skills", "with --sector: all skills of the occupations, not only the green ones")
    .addOption(escoOption("ESCO bundle, zip or folder (a full import: relations are needed)"))
    .addHelpText(
      "after",
      `
Nodes carry label, kind and green; edges carry type (occupationSkill, inSector, mapsTo, …) and relation
(essential/optional).

Example:
  $ green-skills graph --sector wood-and-furniture --format gexf --out wood.gexf --esco esco.gsb
  $ green-skills graph --credential my-credential.yaml --format graphml --out my-credential.graphml --esco esco.gsb`,
    )
    .action(async (options: GraphOptions) => {
      const chosen = [options.sector, options.occupation, options.credential].filter((x) => x !== undefined).length;
      if (chosen !== 1)
        throw new CliError(
          "name one of --sector, --occupation or --credential",
          "e.g. green-skills graph --sector construction --format gexf --out construction.gexf",
        );
      const { taxonomy } = await resolveTaxonomy(io, options.esco);
      if (taxonomy.coverage !== "full")
        io.stderr.write(
          "note: the embedded default has no ESCO relations; pass --esco <your ESCO import> for occupations' skills\n",
        );
      const graph = toGraph(taxonomy, { framework: true });
      let result;
      const inputs: string[] = [];
      if (options.sector !== undefined) {
        const known = listSectors(taxonomy).map((s) => s.id);
        if (!known.includes(options.sector))
          throw new CliError(`unknown sector "${options.sector}"`, unknownSectorHint(options.sector, known));
        result = sectorNeighbourhood(graph, options.sector, options.allSkills === true);
      } else if (options.occupation !== undefined) {
        result = occupationNeighbourhood(
          graph,
          resolveConceptArg(io, taxonomy, options.occupation, "occupation", { option: "--occupation" }).uri,
        );
      } else {
        const file = options.credential!;
        inputs.push(file);
        const source = await readCredentialFile(file).catch((error: Error) => {
          throw new CliError(error.message, "pass the path of a credential definition file");
        });
        const definition = source.value === undefined ? undefined : parseDocument(source.value).definition;
        if (!definition || definition.outcomes.length === 0)
          throw new CliError(`${file} has no readable learning outcomes`, "run green-skills validate on it to see why");
        const title = definition.fields.title as Record<string, string> | undefined;
        result = credentialNeighbourhood(graph, {
          id: (definition.fields.id as string | undefined) ?? `urn:green-skills:credential:${file}`,
          title: title ? (title["en"] ?? Object.values(title)[0] ?? file) : file,
          outcomes: definition.outcomes.map(({ outcome }) => ({
            id: outcome.id,
            statement:
              (outcome.statement as Record<string, string>)["en"] ??
              Object.values(outcome.statement as Record<string, string>)[0] ??
              outcome.id,
            esco: outcome.esco ?? [],
          })),
          targets: (definition.fields.targetOccupations ?? []) as string[],
        });
      }
      await emitReport(io, serialiseGraph(result, options.format), options.out, inputs);
      if (options.out) io.stderr.write(`${result.order} nodes, ${result.size} edges\n`);
    });
}
