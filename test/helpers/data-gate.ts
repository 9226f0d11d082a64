/**
 * The one place a data-dependent suite decides to run or skip. Integration suites read data beside the
 * project (`../shared`: the ESCO downloads, the OB/ELM standards, credentials from the wild); in a fresh
 * clone without it they skip with the reason in their name. CI has `../shared`, and there a skip would
 * hide a broken path or a renamed file: `.ci/run` sets `GREEN_SKILLS_REQUIRE_SHARED=1` when
 * `../shared/esco` exists, and then a suite whose data is missing fails instead of skipping.
 * (Platform skips — Windows, root, no `zip` tool, no Chromium — are not data and stay skips.)
 */
import { describe, it } from "vitest";

/** The environment variable that turns data skips into failures. */
export const REQUIRE_SHARED_ENV = "GREEN_SKILLS_REQUIRE_SHARED";

/** What a data-dependent suite does: run, skip (data absent), or fail (data absent but required). */
export function dataGate(
  present: boolean,
  env: Readonly<Record<string, string | undefined>> = process.env,
): "run" | "skip" | "fail" {
  if (present) return "run";
  return env[REQUIRE_SHARED_ENV] === "1" ? "fail" : "skip";
}

/**
 * `describe(name, body)` when `present`; else a skipped suite named with `reason`, or — with
 * `GREEN_SKILLS_REQUIRE_SHARED=1` — a suite with one failing test that says what is missing.
 */
export function describeIfData(present: boolean, reason: string, name: string, body: () => void): void {
  const gate = dataGate(present);
  if (gate === "run") describe(name, body);
  else if (gate === "skip") describe.skip(`${name} [${reason}]`, body);
  else {
    describe(name, () => {
      it("has the data it tests", () => {
        throw new Error(
          `${reason}, but ${REQUIRE_SHARED_ENV}=1 (CI with ../shared present): this suite must run, not skip`,
        );
      });
    });
  }
}
