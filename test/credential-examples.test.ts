import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  attachFramework,
  conceptKind,
  coverage,
  isGreen,
  listSectors,
  prefLabel,
  type Taxonomy,
  validateCredential,
  withSectors,
} from "green-skills";
import { defaultFramework, loadDefaultTaxonomy } from "green-skills/data";
import { validateCredentialFile } from "green-skills/node";
import { PROJECT_ROOT, describeWithEsco, fullTaxonomy } from "./helpers/shared-esco.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));

describe("taxonomy/examples against the embedded default", () => {
  it.each(files)("%s validates clean: every cited concept is in the curated set", async (file) => {
    const result = await validateCredentialFile(loadDefaultTaxonomy(), join(EXAMPLES, file), { suggest: false });
    expect(result.issues).toEqual([]);
    expect(result.taxonomy).toEqual({ escoVersion: "v1.1.1", coverage: "curated" });
  });

  it("checks sectors against the taxonomy's framework layer", async () => {
    const file = join(EXAMPLES, "construction-heat-pump-installation.yaml");
    const taxonomy = loadDefaultTaxonomy();
    expect(listSectors(taxonomy).map((s) => s.id)).toContain("construction");
    attachFramework(
      taxonomy,
      withSectors({ ...defaultFramework, sectors: [] }, [
        { id: "retrofit", label: { en: "Retrofit" }, description: { en: "Deep renovation." } },
      ]),
    );
    const result = await validateCredentialFile(taxonomy, file, { suggest: false });
    expect(result.issues).toMatchObject([
      { code: "unknown_sector", path: ["sectors", 0], suggestion: "known sectors: retrofit" },
    ]);
  });
});

describeWithEsco("taxonomy/examples against the official ESCO v1.1.1", () => {
  let t: Taxonomy;
  beforeAll(async () => {
    t = await fullTaxonomy();
  });

  it.each(files)("%s validates clean: no error, warning or note", async (file) => {
    const result = await validateCredentialFile(t, join(EXAMPLES, file), { suggest: false });
    expect(result.issues).toEqual([]);
    expect(result.success).toBe(true);
  });

  it("suggests real skills for a broken mapping", () => {
    const doc = parse(readFileSync(join(EXAMPLES, "construction-heat-pump-installation.yaml"), "utf8")) as {
      learningOutcomes: { esco: string[] }[];
    };
    doc.learningOutcomes[2]!.esco = ["http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"];
    const [issue] = validateCredential(t, doc).issues;
    expect(issue).toMatchObject({ code: "unknown_esco_uri", path: ["learningOutcomes", 2, "esco", 0] });
    expect(issue!.candidates?.map((c) => c.label)).toContain("install heat pump");
  });

  it("cites each ESCO concept with its exact preferred label and kind", () => {
    let cited = 0;
    for (const file of files) {
      for (const [, uri, kind, label] of readFileSync(join(EXAMPLES, file), "utf8").matchAll(
        /(http:\/\/data\.europa\.eu\/esco\/(skill|occupation)\/[0-9a-f-]{36}) # (.+)$/gm,
      )) {
        expect(prefLabel(t, uri!), `${file}: ${uri}`).toBe(label);
        expect(conceptKind(t, uri!), `${file}: ${uri}`).toBe(kind);
        cited++;
      }
    }
    expect(cited).toBeGreaterThan(60);
  });

  it("each definition maps most outcomes to green skills and overlaps its target occupations", () => {
    for (const file of files.filter((f) => !f.startsWith("issued-"))) {
      const doc = parse(readFileSync(join(EXAMPLES, file), "utf8")) as {
        learningOutcomes: { id: string; esco: string[] }[];
        targetOccupations: string[];
      };
      const greenOutcomes = doc.learningOutcomes.filter((o) => o.esco.some((uri) => isGreen(t, uri)));
      expect(greenOutcomes.length / doc.learningOutcomes.length, file).toBeGreaterThanOrEqual(0.5);
      const covered = doc.targetOccupations.map((occupation) => {
        const report = coverage(t, doc, occupation);
        return report.essential.covered + report.optional.covered;
      });
      const best = Math.max(...covered);
      expect(best, file).toBeGreaterThan(0);
    }
  });
});
