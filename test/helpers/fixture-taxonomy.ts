import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importEsco, loadTaxonomyFile, type Taxonomy } from "green-skills/node";
import { baseFixture, type FixtureData, type WriteFixtureOptions, writeEscoFixture } from "./esco-fixture.js";

/** Imports a synthetic fixture and loads it as a taxonomy (bundle bytes, nothing left on disk). */
export async function fixtureTaxonomy(
  data: FixtureData = baseFixture(),
  options: WriteFixtureOptions = {},
): Promise<Taxonomy> {
  const dir = mkdtempSync(join(tmpdir(), "gs-fixture-"));
  try {
    const paths = writeEscoFixture(dir, data, options);
    const { bundle } = await importEsco(paths, { workers: false });
    return await loadTaxonomyFile(bundle);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
