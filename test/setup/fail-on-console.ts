import { afterEach, beforeEach, vi } from "vitest";

// Library code must not log: a stray console call fails the test that caused it.
const methods = ["log", "info", "warn", "error", "debug"] as const;
beforeEach(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`unexpected console.${method}: ${args.map(String).join(" ")}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});
