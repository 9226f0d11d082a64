import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its public names and run against the sources, no build needed.
    alias: [
      { find: /^green-skills\/node$/, replacement: src("node/index.ts") },
      { find: /^green-skills\/data$/, replacement: src("data.ts") },
      { find: /^green-skills\/schemas$/, replacement: src("schemas.ts") },
      { find: /^green-skills\/languages$/, replacement: src("languages.ts") },
      { find: /^green-skills$/, replacement: src("index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Fixture suites run only inside the tests that spawn them (test/data-gate.test.ts).
    exclude: ["test/fixtures/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["test/setup/fail-on-console.ts"],
  },
});
