import { defineConfig } from "tsup";

// Keep to options tsdown also accepts, so a later move off tsup (no longer maintained) stays small.
//
// ESM is published unbundled: one file per source module under dist/, the folder tree of src/. A bundler
// then tree-shakes a page's imports module by module (`{ loadTaxonomy, getConcept }` pulls neither the
// search index nor graphology nor yaml), and the three entries share one copy of every module, so a
// `Taxonomy` from `green-skills/node` or `green-skills/data` is the one `green-skills` knows. CJS users
// get the three entries bundled, sharing chunks. See docs/design-choices.md ("Bundle size").
// Source maps are not published (see "The tarball" there).
const typedEntries = {
  index: "src/index.ts",
  node: "src/node/index.ts",
  data: "src/data.ts",
  schemas: "src/schemas.ts",
};

export default defineConfig([
  {
    entry: ["src/**/*.ts", "!src/cli/**"],
    format: ["esm"],
    bundle: false,
    // Keep `with { type: "json" }` on data.ts's import of the embedded default (Node >= 20.10 needs it).
    esbuildOptions(options) {
      options.supported = { ...options.supported, "import-attributes": true };
    },
    dts: { entry: typedEntries },
    sourcemap: false,
    target: "node20",
    platform: "neutral",
  },
  {
    entry: typedEntries,
    format: ["cjs"],
    dts: true,
    sourcemap: false,
    target: "node20",
    platform: "neutral",
    shims: true,
    splitting: true,
    treeshake: true,
    external: [/^node:/],
  },
  {
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    sourcemap: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
