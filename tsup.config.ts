import { defineConfig } from "tsup";

// Keep to options tsdown also accepts, so a later move off tsup (no longer maintained) stays small.
//
// ESM is published unbundled: one file per source module under dist/, the folder tree of src/. A bundler
// then tree-shakes a page's imports module by module (`{ loadTaxonomy, getConcept }` pulls neither the
// search index nor graphology nor yaml), and the three entries share one copy of every module, so a
// `Taxonomy` from `green-skills/node` or `green-skills/data` is the one `green-skills` knows. There is no
// CJS copy: `require("green-skills")` loads this ESM through Node's require(esm) (Node >= 20.19), so the
// package ships its code once, and the CLI is part of the same tree. See docs/design-choices.md
// ("Bundle size" and "The tarball").
// Source maps are not published (see "The tarball" there).
const typedEntries = {
  index: "src/index.ts",
  node: "src/node/index.ts",
  data: "src/data.ts",
  schemas: "src/schemas.ts",
  languages: "src/languages.ts",
};

export default defineConfig([
  {
    // The CLI too: dist/cli/bin.js (its hashbang comes from src/cli/bin.ts) imports the same modules.
    entry: ["src/**/*.ts"],
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
]);
