/** Small helpers shared by the benchmarks. */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ESCO_DIR = resolve(ROOT, "../shared/esco/v1.1.1");
export const ESCO_ZIPS = existsSync(join(ESCO_DIR, "download"))
  ? readdirSync(join(ESCO_DIR, "download"))
      .filter((f) => f.endsWith(".zip"))
      .map((f) => join(ESCO_DIR, "download", f))
  : [];
export const hasEsco = ESCO_ZIPS.length === 2;
export const ESCO_CSVS = hasEsco
  ? readdirSync(ESCO_DIR)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => join(ESCO_DIR, f))
  : [];

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
