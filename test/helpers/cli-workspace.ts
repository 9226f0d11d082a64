/**
 * A temporary folder with a fixture ESCO bundle and one valid credential definition, made before the
 * file's tests and removed after them: the setup that CLI tests of names, reports and graphs share.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { stringify } from "yaml";
import { importEscoToFile } from "green-skills/node";
import { validDefinition } from "./credential-fixture.js";
import { baseFixture, writeEscoFixture } from "./esco-fixture.js";

export interface CliWorkspace {
  /** The temporary folder. */
  readonly dir: string;
  /** A bundle of the base ESCO fixture. */
  readonly bundle: string;
  /** `validDefinition()` as YAML. */
  readonly credential: string;
}

/** Registers beforeAll/afterAll hooks that build and remove the workspace; call at the top of a test file. */
export function cliWorkspace(prefix: string): CliWorkspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workspace = { dir, bundle: join(dir, "esco.gsb"), credential: join(dir, "credential.yaml") };
  beforeAll(async () => {
    await importEscoToFile(writeEscoFixture(join(dir, "esco"), baseFixture()), workspace.bundle, { workers: false });
    writeFileSync(workspace.credential, stringify(validDefinition()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return workspace;
}
