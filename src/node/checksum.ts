import * as zlib from "node:zlib";
import { useNativeCrc32 } from "../bundle/checksum.js";

/**
 * In Node ≥ 20.15, bundles, search snapshots and zip members are checksummed with Node's native
 * `zlib.crc32` (the same checksum; a fresh process loads full ESCO's 15 MB bundle about 15 ms sooner). Loaded
 * with `green-skills/node` and the CLI; `package.json` names it in `sideEffects` so that bundlers keep it.
 *
 * @module
 */

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (typeof native === "function") useNativeCrc32((bytes) => native(bytes));
