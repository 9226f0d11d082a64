import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";
import { cliWorkspace } from "./helpers/cli-workspace.js";
import { URI, validDefinition } from "./helpers/credential-fixture.js";

const { dir, bundle, credential } = cliWorkspace("gs-graph-");

const readBack = (format: string, text: string) =>
  format === "gexf"
    ? parseGexf(MultiDirectedGraph, text)
    : format === "graphml"
      ? parseGraphml(MultiDirectedGraph, text)
      : MultiDirectedGraph.from(JSON.parse(text));

describe("green-skills graph", () => {
  it.each(["gexf", "graphml", "json"])(
    "a credential's neighbourhood as %s reads back with its nodes, edges and attributes",
    async (format) => {
      const out = join(dir, `credential.${format}`);
      const { code, stderr } = await cli([
        "graph",
        "--credential",
        credential,
        "--format",
        format,
        "--out",
        out,
        "--esco",
        bundle,
      ]);
      expect(code).toBe(0);
      expect(stderr).toMatch(/wrote .*\n\d+ nodes, \d+ edges\n$/);
      const graph = readBack(format, readFileSync(out, "utf8"));
      const id = validDefinition().id as string;
      expect(graph.getNodeAttribute(id, "kind")).toBe("credential");
      expect(graph.getNodeAttribute(`${id}#lo-1`, "kind")).toBe("learningOutcome");
      expect(graph.getNodeAttribute(URI.installHeatPump, "label")).toBe("install heat pump");
      expect(String(graph.getNodeAttribute(URI.installHeatPump, "green"))).toBe("true");
      expect(graph.hasNode(URI.installer)).toBe(true);
      // lo-1 maps install heat pump; the target occupation needs it (essential).
      expect(graph.edges(`${id}#lo-1`, URI.installHeatPump).length).toBe(1);
      const need = graph.edges(URI.installer, URI.installHeatPump).map((e) => graph.getEdgeAttributes(e));
      expect(need).toEqual([expect.objectContaining({ type: "occupationSkill", relation: "essential" })]);
      expect(graph.order).toBe(1 + 3 + 3 + 1);
    },
  );

  it("a sector: its occupations and their green skills (all skills with --all-skills)", async () => {
    const green = await cli(["graph", "--sector", "construction", "--format", "json", "--esco", bundle]);
    expect(green.code).toBe(0);
    const graph = MultiDirectedGraph.from(JSON.parse(green.stdout));
    expect(graph.hasNode("urn:green-skills:sector:construction")).toBe(true);
    expect(graph.hasNode(URI.installer)).toBe(true);
    expect(
      graph.filterNodes((_, a) => a["kind"] === "skill").every((n) => graph.getNodeAttribute(n, "green") === true),
    ).toBe(true);
    const all = MultiDirectedGraph.from(
      JSON.parse(
        (await cli(["graph", "--sector", "construction", "--format", "json", "--all-skills", "--esco", bundle])).stdout,
      ),
    );
    expect(all.order).toBeGreaterThan(graph.order);
  });

  it("an occupation by name; usage errors exit 2", async () => {
    const { code, stdout, stderr } = await cli([
      "graph",
      "--occupation",
      "welder",
      "--format",
      "graphml",
      "--esco",
      bundle,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("→ welder (occupation, exact match)");
    const graph = parseGraphml(MultiDirectedGraph, stdout);
    expect(graph.hasNode(URI.weld)).toBe(true);
    expect((await cli(["graph", "--format", "gexf", "--esco", bundle])).code).toBe(2);
    expect((await cli(["graph", "--sector", "x", "--occupation", "welder", "--esco", bundle])).code).toBe(2);
    const unknown = await cli(["graph", "--sector", "constructon", "--esco", bundle]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "construction"?');
  });
});
