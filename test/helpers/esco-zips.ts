/**
 * The ESCO fixture (test/helpers/esco-fixture.ts) as the two zips of an ESCO v1.1.1 download, written with
 * the hand-made zip writer so tests can tamper with any header field or member.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EscoImportError } from "green-skills/node";
import { expect } from "vitest";
import { baseFixture, fixtureFiles } from "./esco-fixture.js";
import { type ZipMemberSpec, writeZip } from "./zip-writer.js";

export const LANGUAGE_ZIP = "ESCO dataset - v1.1.1 - classification - en - csv.zip";
export const RELATIONS_ZIP = "ESCO dataset - v1.1.1 - classification -  - csv.zip";

/** The fixture's files: name → text, per zip. */
export function fixtureTexts(): { language: Record<string, string>; relations: Record<string, string> } {
  const files = fixtureFiles(baseFixture(), { layout: "v1.1.1" });
  return { language: { ...files.language.get("en")! }, relations: { ...files.relations } };
}

export interface EscoZipOptions {
  /** Edits the file texts before zipping. */
  texts?: (texts: { language: Record<string, string>; relations: Record<string, string> }) => void;
  /** Compression method of every member (default deflate). */
  method?: number;
  /** Edits the member specs of the language zip (e.g. to set header fields). */
  language?: (members: ZipMemberSpec[]) => ZipMemberSpec[] | void;
  /** Edits the member specs of the relations zip. */
  relations?: (members: ZipMemberSpec[]) => ZipMemberSpec[] | void;
}

/** Builds both zip archives in memory. */
export function escoZipBytes(options: EscoZipOptions = {}): { language: Buffer; relations: Buffer } {
  const texts = fixtureTexts();
  options.texts?.(texts);
  const specs = (files: Record<string, string>) =>
    Object.entries(files).map(([name, data]): ZipMemberSpec => ({ name, data, method: options.method ?? 8 }));
  const language = specs(texts.language);
  const relations = specs(texts.relations);
  return {
    language: writeZip(options.language?.(language) ?? language),
    relations: writeZip(options.relations?.(relations) ?? relations),
  };
}

const dirs: string[] = [];

/** A fresh temporary folder, removed by {@link removeTemps}. */
export function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "gs-reliability-"));
  dirs.push(dir);
  return dir;
}

/** Removes the folders made by {@link temp}. */
export function removeTemps(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes zip bytes under the portal's names in a fresh folder and returns the two paths. */
export function writeZips(zips: { language: Uint8Array; relations: Uint8Array }): [string, string] {
  const dir = temp();
  const language = join(dir, LANGUAGE_ZIP);
  const relations = join(dir, RELATIONS_ZIP);
  writeFileSync(language, zips.language);
  writeFileSync(relations, zips.relations);
  return [language, relations];
}

/** Builds and writes both zips; returns their paths. */
export function escoZips(options: EscoZipOptions = {}): [string, string] {
  return writeZips(escoZipBytes(options));
}

/** Awaits a promise that must reject with an {@link EscoImportError}, and returns the error. */
export async function importFailure(promise: Promise<unknown>): Promise<EscoImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EscoImportError);
    return error as EscoImportError;
  }
  throw new Error("expected the import to fail");
}
