import { defineConfig } from "tsup";

// Keep to options tsdown also accepts, so a later move off tsup (no longer maintained) stays small.
export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node/index.ts", data: "src/data.ts", schemas: "src/schemas.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
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
    sourcemap: true,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
