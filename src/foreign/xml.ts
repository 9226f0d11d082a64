import { type CredentialIssue, type IssuePath, issue } from "../credential/issues.js";
import type { ForeignEscoReference } from "./types.js";

/**
 * Legacy Europass (EDC 1.x) XML: only the ESCO references are read, each located by its element path
 * and line. A small tag scanner, not a full XML parser: enough to find `uri="…"` attributes and element
 * text holding an ESCO URI.
 *
 * @module
 */

const ESCO = /https?:\/\/data\.europa\.eu\/esco\/(skill|occupation)\/[0-9a-fA-F-]{36}/;

/** @internal ESCO references in XML text, with element paths and lines. */
export function scanXml(text: string): {
  refs: (ForeignEscoReference & { line: number; column: number })[];
  root: string | undefined;
  issues: CredentialIssue[];
} {
  const refs: (ForeignEscoReference & { line: number; column: number })[] = [];
  const stack: string[] = [];
  const lineAt = (offset: number) => {
    const before = text.slice(0, offset);
    return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
  };
  let root: string | undefined;
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g;
  let last = 0;
  const textRefs = (from: number, to: number) => {
    const body = text.slice(from, to);
    const m = ESCO.exec(body);
    if (m && stack.length > 0) {
      const name = stack.at(-1)!;
      refs.push({
        uri: m[0].replace(/^https:/, "http:"),
        path: [...stack],
        via: `xml:${name}`,
        expected: /occupation/i.test(name) || m[1] === "occupation" ? "occupation" : "skill",
        ...lineAt(from + m.index),
      });
    }
  };
  for (const m of text.matchAll(tag)) {
    textRefs(last, m.index);
    last = m.index + m[0].length;
    if (!m[2]) continue;
    const name = m[2].replace(/^[\w.-]+:/, "");
    if (m[1]) {
      const i = stack.lastIndexOf(name);
      if (i >= 0) stack.length = i;
      continue;
    }
    root ??= name;
    stack.push(name);
    for (const a of (m[3] ?? "").matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = a[2] ?? a[3] ?? "";
      const found = ESCO.exec(value);
      if (found && value.trim() === found[0]) {
        const uri = found[0].replace(/^https:/, "http:");
        const named = /<targetName[^>]*>\s*(?:<text[^>]*>)?([^<]+)/.exec(text.slice(last, last + 2000));
        refs.push({
          uri,
          path: [...stack, `@${a[1]}`],
          via: `xml:${name}@${a[1]}`,
          expected: /occupation/i.test(name) || found[1] === "occupation" ? "occupation" : "skill",
          ...(named ? { label: named[1]!.trim() } : {}),
          ...lineAt(m.index),
        });
      }
    }
    if (m[4]) stack.pop();
  }
  const issues: CredentialIssue[] = [];
  if (!root) issues.push(issue("syntax_error", "error", [], "the file starts with < but holds no XML element"));
  return { refs, root, issues };
}

/** @internal A path of element names, for messages. */
export const xmlPath = (path: IssuePath): string => path.join("/");
