import { type Document, LineCounter, type Node, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";

/**
 * YAML parsing with positions (the `yaml` package's `LineCounter` and node ranges): the one reader of
 * YAML with positions, for credential files (`node/credential-file.ts`) and framework sources
 * (`framework/source.ts`). Browser-safe: it takes text. With the guards hostile files need: a flow-nesting pre-scan (deep `[[[…` input exhausts the parser's memory) and a cap
 * on alias expansion ("billion laughs").
 *
 * @module
 */

/** A problem found while parsing, at an offset. */
export interface YamlProblem {
  kind: "syntax" | "warning" | "alias" | "depth";
  message: string;
  offset: number;
  /** How to fix it, where the cause is recognisable (unquoted text in `{ … }`). */
  hint?: string;
}

/** The fix for unquoted text with commas or colons inside a flow mapping. */
export const QUOTE_HINT =
  'quote the text: inside { … } a comma or a colon ends the value, so write { en: "Install, connect and commission …" }';

/** Whether the line around `offset` looks like unquoted text inside `{ … }`. */
function unquotedFlowText(text: string, offset: number): boolean {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const end = text.indexOf("\n", offset);
  const line = text.slice(start, end === -1 ? undefined : end);
  const open = line.indexOf("{");
  if (open === -1) return false;
  const inner = line.slice(open + 1);
  const value = inner.slice(inner.indexOf(":") + 1);
  return /^\s*[^"'\s[{]/.test(value) && /[,:]/.test(value.replace(/}\s*(#.*)?$/, ""));
}

/** The parse result; `value` is undefined when the document could not be turned into data. */
export interface YamlSourceResult {
  value: unknown;
  problems: YamlProblem[];
  lineCounter: LineCounter;
  /** Offset of the key (for map entries) or the node at `path`, or of its deepest existing ancestor. */
  offsetOf(path: readonly (string | number)[]): number | undefined;
  /** Offset of the document's top-level node, when there is one. */
  rootOffset: number | undefined;
}

/** Deepest `[`/`{` nesting outside quotes and comments, stopping once it exceeds `limit`. */
export function flowDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "[" || c === "{") {
      if (++depth > max && (max = depth) > limit) return max;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return max;
}

/** Parses one YAML document with positions. */
export function parseYamlSource(
  text: string,
  options: { maxAliasCount: number; maxFlowDepth: number },
): YamlSourceResult {
  const lineCounter = new LineCounter();
  const depth = flowDepth(text, options.maxFlowDepth);
  if (depth > options.maxFlowDepth) {
    lineCounter.addNewLine(0);
    return {
      value: undefined,
      problems: [{ kind: "depth", message: `brackets nested deeper than ${options.maxFlowDepth} levels`, offset: 0 }],
      lineCounter,
      offsetOf: () => undefined,
      rootOffset: undefined,
    };
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2" });
  const problems: YamlProblem[] = [
    ...doc.errors.map((e) => ({
      kind: "syntax" as const,
      message: e.message.split("\n")[0]!,
      offset: e.pos[0],
      ...(unquotedFlowText(text, e.pos[0]) ? { hint: QUOTE_HINT } : {}),
    })),
    ...doc.warnings.map((w) => ({ kind: "warning" as const, message: w.message.split("\n")[0]!, offset: w.pos[0] })),
  ];
  if (doc.errors.length === 0) problems.push(...splitFlowText(doc));
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: options.maxAliasCount });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      problems.push({
        kind: "alias",
        message: `aliases expand to more than ${options.maxAliasCount} nodes`,
        offset: 0,
      });
    }
  }
  const root = doc.contents as Node | null;
  return { value, problems, lineCounter, offsetOf: (path) => offsetOf(doc, path), rootOffset: root?.range?.[0] };
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      const item = node.items[part] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else return offset;
  }
  return offset;
}

/**
 * `{ en: Install, connect and commission … }` parses without error into `{ en: "Install", "connect and
 * commission …": null }`: a flow mapping entry without a value, after a plain text value, is such a split
 * sentence. Reported as a syntax error with the quoting fix, instead of the schema's cryptic key errors.
 */
function splitFlowText(doc: Document): YamlProblem[] {
  const out: YamlProblem[] = [];
  visit(doc, {
    Map(_, node) {
      if (!node.flow) return;
      node.items.forEach((pair, i) => {
        if (i === 0 || pair.value !== null || !isScalar(pair.key)) return;
        const before = node.items[i - 1]!;
        if (!isScalar(before.value) || typeof before.value.value !== "string" || before.value.type !== "PLAIN") return;
        out.push({
          kind: "syntax",
          message: `the text "${before.value.value}, ${String(pair.key.value)}" is split at a comma: YAML read "${String(pair.key.value)}" as a new key`,
          offset: before.value.range?.[0] ?? 0,
          hint: QUOTE_HINT,
        });
      });
    },
  });
  return out;
}
