import CRC32 from "crc-32";

/**
 * The checksum of bundle sections: CRC-32 (the zlib/PNG polynomial) from the `crc-32` package, pure
 * JavaScript and synchronous, so the core stays browser-safe and `loadTaxonomy` stays synchronous. See
 * `docs/design-choices.md` ("Bundle integrity").
 *
 * @module
 */

/** CRC-32 of `bytes` as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  return CRC32.buf(bytes) >>> 0;
}
