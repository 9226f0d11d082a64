/**
 * Data skips fail in CI: with GREEN_SKILLS_REQUIRE_SHARED=1 (set by .ci/run where ../shared/esco exists)
 * a suite whose data is missing fails instead of skipping; without it, it skips and says why.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REQUIRE_SHARED_ENV, dataGate } from "./helpers/data-gate.js";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

describe("the data gate", () => {
  it("runs with data, skips without, fails without when the data is required", () => {
    expect(dataGate(true, {})).toBe("run");
    expect(dataGate(true, { [REQUIRE_SHARED_ENV]: "1" })).toBe("run");
    expect(dataGate(false, {})).toBe("skip");
    expect(dataGate(false, { [REQUIRE_SHARED_ENV]: "0" })).toBe("skip");
    expect(dataGate(false, { [REQUIRE_SHARED_ENV]: "1" })).toBe("fail");
  });

  const runFixture = (require: boolean) => {
    const vitest = join(PROJECT_ROOT, "node_modules/vitest/vitest.mjs");
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: "1",
      [REQUIRE_SHARED_ENV]: require ? "1" : undefined,
    };
    delete env["VITEST"];
    delete env["VITEST_WORKER_ID"];
    if (!require) delete env[REQUIRE_SHARED_ENV];
    return spawnSync(
      process.execPath,
      [vitest, "run", "--config", join(PROJECT_ROOT, "test/fixtures/data-gate/vitest.config.ts")],
      { cwd: PROJECT_ROOT, encoding: "utf8", env },
    );
  };

  it("a vitest run of a suite with missing data skips it (exit 0) without the variable", () => {
    const run = runFixture(false);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/skipped/);
  }, 60_000);

  it("…and fails (exit 1, naming what is missing) with GREEN_SKILLS_REQUIRE_SHARED=1", () => {
    const run = runFixture(true);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/\/nowhere\/esco not found, but GREEN_SKILLS_REQUIRE_SHARED=1/);
  }, 60_000);
});
