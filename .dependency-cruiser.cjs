// @ts-check
/**
 * The layer check (`npm run check:layers`): no import cycles, and no module imports a layer above its own.
 * The layer order is documented in docs/design-choices.md ("Layers"); keep the two in step.
 *
 * Each entry of LAYERS is one floor, lowest first. A floor may hold several sibling groups: a group may
 * import any group on a lower floor and modules of its own group, never a sibling or anything higher.
 */

/** @type {{ [group: string]: string }} group name → path pattern (relative to the repository root). */
const GROUPS = {
  foundation: "^src/(errors|version|lookup|guard|uri|issue|zod-issues|plain-check)\\.ts$",
  text: "^src/text/",
  model: "^src/model/",
  bundle: "^src/bundle/",
  taxonomy: "^src/taxonomy/",
  query: "^src/query/",
  framework: "^src/framework/",
  search: "^src/search/",
  diff: "^src/diff/",
  graph: "^src/graph/",
  credential: "^src/credential/",
  export: "^src/export/",
  foreign: "^src/foreign/",
  entries: "^src/(index|data|schemas|languages)\\.ts$",
  node: "^src/node/",
  cli: "^src/cli/",
};

/** Floors, lowest first; the groups of one floor are siblings. */
const LAYERS = [
  ["foundation"],
  ["model", "bundle", "text"],
  ["taxonomy"],
  ["query"],
  ["framework"],
  ["search", "diff", "graph"],
  ["credential"],
  ["export"],
  ["foreign"],
  ["entries"],
  ["node"],
  ["cli"],
];

const TESTS = "\\.test\\.ts$";

/** @type {import("dependency-cruiser").IForbiddenRuleType[]} */
const layerRules = LAYERS.flatMap((floor, i) =>
  floor.map((group) => {
    const above = LAYERS.slice(i + 1).flat();
    const siblings = floor.filter((g) => g !== group);
    const forbidden = [...siblings, ...above].map((g) => GROUPS[g]);
    return {
      name: `layer-${group}`,
      comment: `${group} (floor ${i}) imports a sibling or a higher layer (${[...siblings, ...above].join(", ") || "none"}); see docs/design-choices.md "Layers".`,
      severity: "error",
      from: { path: GROUPS[group], pathNot: TESTS },
      to: { path: forbidden.length > 0 ? forbidden.join("|") : "^$^" },
    };
  }),
);

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle (type-only imports count too): split the shared part into a lower module.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "unlayered-module",
      comment:
        "A module under src/ that no layer in .dependency-cruiser.cjs covers: add its folder to GROUPS and LAYERS.",
      severity: "error",
      from: { path: "^src/", pathNot: `${Object.values(GROUPS).join("|")}|${TESTS}` },
      to: {},
    },
    {
      name: "core-no-node-builtins",
      comment: "The core (everything below src/node and src/cli) is browser-safe: no Node built-in modules.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(node|cli)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve.",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
