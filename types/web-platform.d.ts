/**
 * The Web-platform globals the core may use: each exists in browsers and in Node >= 20 alike. Only
 * tsconfig.core.json reads this file (it has `types: []`, so no Node globals); a global missing here is one
 * the core may not use until it is checked to exist on both platforms and added, minimal, below.
 */

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBufferLike): string;
}
declare var TextDecoder: { new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
  readonly port: string;
  readonly origin: string;
}
declare var URL: { new (url: string, base?: string): URL; canParse(url: string, base?: string): boolean };

declare function btoa(data: string): string;
declare function atob(data: string): string;
declare function structuredClone<T>(value: T): T;

declare var performance: { now(): number };
