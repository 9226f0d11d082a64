/**
 * A small zip writer for hostile-input tests: every header field can be set by hand (method, flags, CRC,
 * declared sizes, zip64 fields), so tests can build archives that ordinary zip tools refuse to make.
 * Members are deflated with Node's zlib or stored; `payload` replaces the member's data bytes verbatim.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipMemberSpec {
  name: string;
  /** The member's (uncompressed) content. */
  data: Uint8Array | string;
  /** 0 = stored, 8 = deflate (default); any other number is written as is (with the data stored). */
  method?: number;
  /** General-purpose bit flags (bit 0 = encrypted). */
  flags?: number;
  /** CRC-32 to declare (default: the real one). */
  crc?: number;
  /** Uncompressed size to declare (default: the real one). */
  size?: number;
  /** The bytes written as the member's data (default: `data`, deflated or stored). */
  payload?: Uint8Array;
  /** Write the sizes as 0xFFFFFFFF with a zip64 extra field (`zip64: "no-extra"` leaves the extra field out). */
  zip64?: boolean | "no-extra";
}

const bytesOf = (data: Uint8Array | string) =>
  typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Builds a zip archive from member specs. */
export function writeZip(members: readonly ZipMemberSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const data = bytesOf(m.data);
    const method = m.method ?? 8;
    const payload = m.payload ? Buffer.from(m.payload) : method === 8 ? deflateRawSync(data) : data;
    const crc = m.crc ?? crc32(data);
    const size = m.size ?? data.byteLength;
    const name = Buffer.from(m.name, "utf8");
    const zip64 = m.zip64 === true || m.zip64 === "no-extra";
    const extra = m.zip64 === true ? zip64Extra(size, payload.byteLength) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(m.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : payload.byteLength, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    local.writeUInt16LE(extra.byteLength, 28);
    locals.push(local, name, extra, payload);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(m.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : payload.byteLength, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt16LE(extra.byteLength, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.byteLength + extra.byteLength + payload.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function zip64Extra(size: number, compressed: number): Buffer {
  const extra = Buffer.alloc(4 + 16);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(compressed), 12);
  return extra;
}

/** Where a member's data lies in a zip (from the central directory and the local header). */
export function memberData(zip: Uint8Array, name: string): { start: number; end: number } {
  const { local, compressed } = centralEntry(zip, name);
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  return { start, end: start + compressed };
}

/** A member's central directory record: its offset in the zip, its local header offset and compressed size. */
export function centralEntry(zip: Uint8Array, name: string): { at: number; local: number; compressed: number } {
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const compressed = buffer.readUInt32LE(at + 20);
    const local = buffer.readUInt32LE(at + 42);
    const entryName = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    if (entryName === name) return { at, local, compressed };
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no member ${name}`);
}

/**
 * A zip bomb payload made in moments: `prefix` followed by `zeros` zero bytes, as raw deflate data. Each
 * 1 MiB run of zeros is deflated once, with a sync flush so the copies can be concatenated; the result is
 * about 1/1000 of the inflated size.
 */
export function deflatedZeros(prefix: string, zeros: number): { payload: Buffer; crc: number; size: number } {
  const chunkSize = 1 << 20;
  const chunk = Buffer.alloc(chunkSize);
  const flushed = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const head = Buffer.from(prefix, "utf8");
  const parts = [flushed(head)];
  let crc = crc32(head);
  const whole = Math.floor(zeros / chunkSize);
  const onePart = flushed(chunk);
  for (let i = 0; i < whole; i++) {
    parts.push(onePart);
    crc = crc32(chunk, crc);
  }
  const rest = chunk.subarray(0, zeros - whole * chunkSize);
  if (rest.length > 0) {
    parts.push(flushed(rest));
    crc = crc32(rest, crc);
  }
  parts.push(deflateRawSync(Buffer.alloc(0)));
  return { payload: Buffer.concat(parts), crc, size: head.length + zeros };
}
