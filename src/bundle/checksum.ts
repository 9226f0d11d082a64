import CRC32 from "crc-32";

/**
 * The checksum of bundle sections: CRC-32 (the zlib/PNG polynomial) from the `crc-32` package, pure
 * JavaScript and synchronous, so the core stays browser-safe and `loadTaxonomy` stays synchronous. In
 * Node, `green-skills/node` (and the CLI) swap in Node's native `zlib.crc32` where it exists (Node ≥
 * 20.15): the same function, about ten times faster. See `docs/design-choices.md` ("Bundle integrity").
 *
 * @module
 */

let implementation: (bytes: Uint8Array) => number = (bytes) => CRC32.buf(bytes) >>> 0;

/** CRC-32 of `bytes` as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  return implementation(bytes);
}

/**
 * Replaces the implementation of {@link crc32} by `native`, if it computes the same checksum (checked on
 * a test vector); returns whether it was taken.
 *
 * @internal
 */
export function useNativeCrc32(native: (bytes: Uint8Array) => number): boolean {
  // The check value of CRC-32/ISO-HDLC: "123456789" → 0xcbf43926.
  const probe = Uint8Array.of(0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39);
  if (native(probe) >>> 0 !== 0xcbf43926) return false;
  implementation = (bytes) => native(bytes) >>> 0;
  return true;
}
