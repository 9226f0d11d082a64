import { expect, it } from "vitest";
import { checkExamples } from "../scripts/check-examples.js";

it("every @example in the TSDoc type-checks against the public entry points", async () => {
  const { examples, errors } = await checkExamples();
  expect(examples).toBeGreaterThan(10);
  expect(errors).toBe("");
}, 120_000);
