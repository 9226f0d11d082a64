import * as zlib from "node:zlib";
import CRC32 from "crc-32";
import { describe, expect, it } from "vitest";
import { crc32, useNativeCrc32 } from "../src/bundle/checksum.js";
import "../src/node/checksum.js";

describe("crc32: the pure-JavaScript and Node's native implementation agree", () => {
  it("gives the CRC-32/ISO-HDLC check value and the crc-32 package's result on any bytes", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    let seed = 7;
    for (const size of [0, 1, 7, 8, 1000, 65_537]) {
      const bytes = new Uint8Array(size).map(() => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 24);
      expect(crc32(bytes)).toBe(CRC32.buf(bytes) >>> 0);
    }
  });

  it("refuses a replacement that does not compute CRC-32", () => {
    expect(useNativeCrc32(() => 0)).toBe(false);
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    if (native) expect(useNativeCrc32((b) => native(b))).toBe(true);
  });
});
