import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { EscoImportError } from "../../errors.js";
import type { InputFile } from "./sources.js";
import { type EncodedRecords, type Table, checkNoNul, csvSyntaxError, tableFromEncoded } from "./table.js";

/**
 * Parses one large CSV file on a worker thread while the main thread parses the rest. The main thread
 * hands the file's bytes over (transferred, not copied); the worker decodes, parses (csv-parse) and
 * dictionary-encodes them, then transfers compact typed arrays back, so both hand-overs cost almost nothing. See docs/design-choices.md ("Import speed").
 *
 * @module
 */

const require = createRequire(import.meta.url);

/** Files below this size are not worth a thread. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * A CSV syntax or encoding error found on the worker. The importer re-parses such a file on the main
 * thread, where the text is at hand to locate the error precisely (error path only).
 */
export class WorkerCsvError extends Error {
  override name = "WorkerCsvError";
  constructor(readonly importError: EscoImportError) {
    super(importError.message);
  }
}

/** Whether this machine can usefully run a parse worker (more than one CPU). */
export function canUseWorker(): boolean {
  return availableParallelism() > 1;
}

type WorkerReply =
  | { ok: true; encoded: EncodedRecords }
  | { ok: false; stage: "utf8" | "csv"; message: string; code?: string; lines?: number };

/**
 * Dictionary-encodes parsed records into an {@link EncodedRecords}. Plain JavaScript in a string because
 * it runs inside the eval'd worker, where neither TypeScript nor the bundle's helpers exist; the import
 * tests force the worker path on fixtures so this code is exercised.
 */
const ENCODE_RECORDS = `
function encodeRecords(records) {
  const countBreaks = (value) => {
    let n = 0;
    for (let at = value.indexOf("\\n"); at !== -1; at = value.indexOf("\\n", at + 1)) n++;
    return n;
  };
  const isBlank = (r) => r.length === 1 && r[0] === "";
  const header = (records[0] || []).slice();
  const width = header.length;
  let data = 0;
  for (let i = 1; i < records.length; i++) if (!isBlank(records[i])) data++;
  const cells = new Int32Array(data * Math.max(width, 1)).fill(-1);
  const blankBefore = new Uint32Array(data);
  const dict = [];
  const breakList = [];
  const ids = new Map();
  let row = 0, blanks = 0, wideRow = -1, wideWidth = 0;
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (isBlank(record)) { blanks++; continue; }
    blankBefore[row] = blanks;
    blanks = 0;
    if (record.length > width && wideRow < 0) { wideRow = row; wideWidth = record.length; }
    const n = Math.min(record.length, width);
    for (let c = 0; c < n; c++) {
      const value = record[c];
      let id = ids.get(value);
      if (id === undefined) { id = dict.length; dict.push(value); breakList.push(countBreaks(value)); ids.set(value, id); }
      cells[row * width + c] = id;
    }
    row++;
  }
  let headerBreaks = 0;
  for (const h of header) headerBreaks += countBreaks(h);
  return { header, dict, dictBreaks: Uint32Array.from(breakList), cells, width, rows: data, headerBreaks, blankBefore, wideRow, wideWidth };
}`;

function workerSource(): string {
  return `
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { isUtf8 } = require("node:buffer");
const { parse } = require(workerData.csvParse);
${ENCODE_RECORDS}
parentPort.on("message", (job) => {
  let stage = "utf8";
  try {
    const bytes = job.bytes;
    if (!isUtf8(bytes)) throw new Error("not UTF-8");
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
    stage = "csv";
    const records = parse(data, { relax_column_count: true, skip_empty_lines: false });
    const encoded = encodeRecords(records);
    if (!encoded.dict.some((value) => value.includes("\\u0000"))) {
      encoded.joined = encoded.dict.join("\\u0000");
      encoded.count = encoded.dict.length;
      encoded.dict = undefined;
    }
    parentPort.postMessage({ ok: true, encoded }, [encoded.cells.buffer, encoded.dictBreaks.buffer, encoded.blankBefore.buffer]);
  } catch (error) {
    parentPort.postMessage({ ok: false, stage, message: String(error && error.message || error), code: error && error.code, lines: error && error.lines });
  }
});
`;
}

/**
 * One parse worker thread that handles jobs in the order they are queued. Jobs are queued in the order
 * the importer needs their tables, so the main thread waits as little as possible.
 */
export class ParseWorker {
  readonly #worker: Worker;
  readonly #pending: { file: InputFile; resolve: (table: Table) => void; reject: (error: unknown) => void }[] = [];
  #failed: unknown;

  constructor() {
    this.#worker = new Worker(workerSource(), {
      eval: true,
      workerData: { csvParse: require.resolve("csv-parse/sync") },
    });
    this.#worker.unref();
    this.#worker.on("message", (reply: WorkerReply) => {
      const job = this.#pending.shift();
      if (!job) return;
      if (reply.ok) job.resolve(tableFromEncoded(job.file.display, decodeDict(reply.encoded)));
      else job.reject(workerError(job.file, reply));
    });
    const fail = (error: unknown) => {
      this.#failed = error;
      for (const job of this.#pending.splice(0)) job.reject(error);
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => fail(new Error(`parse worker stopped with exit code ${code}`)));
  }

  /** Parses `bytes` of `file` on the worker; the bytes are transferred, not copied. */
  parse(file: InputFile, bytes: Uint8Array): Promise<Table> {
    if (this.#failed) return Promise.reject(this.#failed);
    try {
      // Here rather than on the worker: one memchr, and the bytes are still at hand to locate a NUL.
      checkNoNul(bytes, file.display);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#pending.push({ file, resolve, reject });
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      this.#worker.postMessage({ bytes: own }, [own.buffer as ArrayBuffer]);
    });
  }

  /** Stops the thread. */
  close(): void {
    this.#worker.removeAllListeners("exit");
    void this.#worker.terminate();
  }
}

/** The worker sends the dictionary as one NUL-joined string (a single memcpy) unless a cell holds a NUL. */
function decodeDict(encoded: EncodedRecords & { joined?: string; count?: number }): EncodedRecords {
  if (encoded.joined === undefined) return encoded;
  const dict = encoded.count === 0 ? [] : encoded.joined.split("\u0000");
  return { ...encoded, dict };
}

function workerError(file: InputFile, reply: Extract<WorkerReply, { ok: false }>): Error {
  switch (reply.stage) {
    case "utf8":
      // Located on the main thread, which re-reads the file (error path only).
      return new WorkerCsvError(
        new EscoImportError("not_esco", "not UTF-8 text (ESCO CSV files are UTF-8)", { file: file.display }),
      );
    case "csv":
      return new WorkerCsvError(csvSyntaxError(file.display, reply));
  }
}
