/**
 * The layer check (`npm run check:layers`, .dependency-cruiser.cjs) fails where it should: run on tiny
 * source trees (test/fixtures/layers) with an import cycle and with a lower layer importing a higher one,
 * it reports them and exits non-zero; on a clean tree and on the real src/ it passes.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs the check as `npm run check:layers` does (its `err` output) in `cwd`; parses the violations it prints. */
function cruise(cwd: string): { status: number | null; violations: Violation[] } {
  const bin = join(PROJECT_ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  const run = spawnSync(process.execPath, [bin, "--config", join(PROJECT_ROOT, ".dependency-cruiser.cjs"), "src"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const out = `${run.stdout}${run.stderr}`;
  if (!/dependency violations|no dependency violations found/.test(out))
    throw new Error(`dependency-cruiser did not run: ${out}`);
  const violations = [...out.matchAll(/error ([\w-]+): (\S+)\s*→\s*(\S+)/g)].map(([, rule, from, to]) => ({
    rule: rule!,
    from: from!,
    to: to!,
  }));
  return { status: run.status, violations };
}

const fixture = (name: string) => join(PROJECT_ROOT, "test/fixtures/layers", name);

describe("the layer check", () => {
  it("fails on an import cycle, type-only imports included", () => {
    const { status, violations } = cruise(fixture("cycle"));
    expect(status).not.toBe(0);
    expect(violations.map((v) => v.rule)).toContain("no-circular");
  });

  it("fails when a lower layer imports a higher one", () => {
    const { status, violations } = cruise(fixture("upward"));
    expect(status).not.toBe(0);
    expect(violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ["layer-taxonomy", "src/taxonomy/low.ts", "src/framework/high.ts"],
    ]);
  });

  it("passes on a clean tree (a higher layer importing a lower one)", () => {
    expect(cruise(fixture("clean"))).toEqual({ status: 0, violations: [] });
  });

  it("passes on the package's own sources", () => {
    expect(cruise(PROJECT_ROOT)).toEqual({ status: 0, violations: [] });
  });
});
