import { crc32 } from "./checksum.js";

/**
 * The envelope that bundles and search snapshots share: an 8-byte magic, u32 format version, u32 header
 * length, u32 CRC-32 of the header, the header, zero padding to an 8-byte boundary, then the data area
 * (8-byte-aligned sections). All integers little-endian.
 *
 * @module
 */

/** Section and data-area alignment, in bytes. */
export const FRAME_ALIGN = 8;

/** `n` rounded up to {@link FRAME_ALIGN}. */
export const alignFrame = (n: number): number => Math.ceil(n / FRAME_ALIGN) * FRAME_ALIGN;

/** Bytes before the header, for a magic of `magicLength` bytes. */
export const framePrelude = (magicLength: number): number => magicLength + 12;

/**
 * Writes the envelope around `header`, with `dataLength` zero bytes for the data area. Returns the
 * buffer and where the data area starts, for the caller to copy its sections in.
 */
export function writeFrame(
  magic: Uint8Array,
  format: number,
  header: Uint8Array,
  dataLength: number,
): { out: Uint8Array; dataStart: number } {
  const prelude = framePrelude(magic.length);
  const dataStart = alignFrame(prelude + header.byteLength);
  const out = new Uint8Array(dataStart + dataLength);
  out.set(magic, 0);
  const view = new DataView(out.buffer);
  view.setUint32(magic.length, format, true);
  view.setUint32(magic.length + 4, header.byteLength, true);
  view.setUint32(magic.length + 8, crc32(header), true);
  out.set(header, prelude);
  return { out, dataStart };
}
