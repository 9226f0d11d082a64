import { type CredentialIssue, formatPath } from "../credential/issues.js";
import type { Colors } from "./io.js";

/**
 * Human-readable rendering of credential issues, shared by `validate` and `gap`.
 *
 * @module
 */

const MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

/** One issue as indented lines: mark, location, path, message and code, then the suggestion. */
export function formatIssue(i: CredentialIssue, c: Colors): string[] {
  const colour = i.severity === "error" ? c.red : i.severity === "warning" ? c.yellow : c.blue;
  const where = [i.file, i.line === undefined ? undefined : `${i.line}:${i.column ?? 1}`].filter(Boolean).join(":");
  const head = `  ${colour(MARK[i.severity])} ${where ? `${c.dim(where)}  ` : ""}${c.bold(formatPath(i.path))}  ${i.message} ${c.dim(`[${i.code}]`)}`;
  const lines = [head];
  if (i.suggestion) lines.push(`      ${c.dim("→")} ${i.suggestion}`);
  return lines;
}

/** "2 errors, 1 warning, 3 notes" (zero counts left out, except when all are zero). */
export function formatCounts(counts: { error: number; warning: number; info: number }): string {
  const parts = [
    counts.error ? `${counts.error} error${counts.error === 1 ? "" : "s"}` : "",
    counts.warning ? `${counts.warning} warning${counts.warning === 1 ? "" : "s"}` : "",
    counts.info ? `${counts.info} note${counts.info === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return parts.join(", ") || "no issues";
}
