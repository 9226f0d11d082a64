/**
 * A strict JSON parser that remembers where every key and value starts, so that validation issues can
 * point at a line and column. It accepts exactly what `JSON.parse` accepts, but reports duplicate keys
 * (which `JSON.parse` silently collapses) and caps nesting.
 *
 * @module
 */

/** Where a key and its value start (character offsets). */
export interface JsonPosition {
  key?: number;
  value: number;
}

/** A parse result: the value and the positions by path, or an error at an offset. */
export type JsonSourceResult =
  | {
      ok: true;
      value: unknown;
      positions: Map<string, JsonPosition>;
      duplicates: { path: (string | number)[]; offset: number }[];
    }
  | { ok: false; message: string; offset: number; tooDeep: boolean };

/** The key of a path in the positions map. */
export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Parses JSON text with positions. Nesting deeper than `maxDepth` is an error. */
export function parseJsonSource(text: string, maxDepth = 256): JsonSourceResult {
  const positions = new Map<string, JsonPosition>();
  const duplicates: { path: (string | number)[]; offset: number }[] = [];
  let at = 0;
  const ws = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
      else break;
    }
  };
  const describe = () => (at >= text.length ? "end of file" : `"${text[at]}"`);
  const string = (): string => {
    STRING.lastIndex = at;
    const match = STRING.exec(text);
    if (!match)
      throw new JsonSyntaxError(
        text[at] === '"' ? "unterminated or malformed string" : `expected a string, found ${describe()}`,
        at,
      );
    at += match[0].length;
    return JSON.parse(match[0]) as string;
  };
  const value = (path: (string | number)[], depth: number, key?: number): unknown => {
    ws();
    const start = at;
    positions.set(pathKey(path), key === undefined ? { value: start } : { key, value: start });
    const c = text[at];
    if (c === "{" || c === "[") {
      if (depth >= maxDepth) throw new JsonSyntaxError(`nesting deeper than ${maxDepth} levels`, at, true);
      at++;
      ws();
      if (c === "[") {
        const out: unknown[] = [];
        if (text[at] === "]") {
          at++;
          return out;
        }
        for (;;) {
          out.push(value([...path, out.length], depth + 1));
          ws();
          if (text[at] === ",") at++;
          else if (text[at] === "]") {
            at++;
            return out;
          } else throw new JsonSyntaxError(`expected "," or "]", found ${describe()}`, at);
        }
      }
      const out: Record<string, unknown> = {};
      if (text[at] === "}") {
        at++;
        return out;
      }
      for (;;) {
        ws();
        const keyAt = at;
        const name = string();
        ws();
        if (text[at] !== ":") throw new JsonSyntaxError(`expected ":" after a key, found ${describe()}`, at);
        at++;
        if (Object.hasOwn(out, name)) duplicates.push({ path: [...path, name], offset: keyAt });
        // defineProperty keeps "__proto__" an ordinary own key, as JSON.parse does.
        Object.defineProperty(out, name, {
          value: value([...path, name], depth + 1, keyAt),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        ws();
        if (text[at] === ",") at++;
        else if (text[at] === "}") {
          at++;
          return out;
        } else throw new JsonSyntaxError(`expected "," or "}", found ${describe()}`, at);
      }
    }
    if (c === '"') return string();
    for (const [word, literal] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (match) {
      at += match[0].length;
      return Number(match[0]);
    }
    throw new JsonSyntaxError(`unexpected ${describe()}`, at);
  };
  try {
    const result = value([], 0);
    ws();
    if (at < text.length) throw new JsonSyntaxError(`unexpected ${describe()} after the document`, at);
    return { ok: true, value: result, positions, duplicates };
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      return { ok: false, message: error.message, offset: error.offset, tooDeep: error.tooDeep };
    throw error;
  }
}
