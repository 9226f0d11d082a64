import { InvalidArgumentError } from "../../errors.js";

/**
 * Limits on unzipped data, so that a zip bomb is refused within moments and in bounded memory. Sizes are
 * counted from the bytes actually inflated; a declared size is only used to refuse early.
 *
 * @module
 */

/**
 * Default limit on the unzipped bytes of all zip members read in one import: 4 GiB. The English ESCO
 * v1.1.1 CSV files total 43 MB; by estimate, the largest official download, all 28 languages of v1.2.x
 * (whose relation files repeat per language with label columns), comes to under 2 GB.
 */
export const DEFAULT_MAX_UNZIPPED_SIZE = 4 * 1024 ** 3;

/**
 * Default limit on how many times larger than its compressed data a zip member may inflate: 100. ESCO CSV
 * members inflate 3–7 times; a run of zeros inflates about 1,000 times.
 */
export const DEFAULT_MAX_COMPRESSION_RATIO = 100;

/** Members that inflate to at most this many bytes pass the ratio limit whatever their ratio (1 MiB). */
export const RATIO_FREE_BYTES = 1024 * 1024;

/** Formats a byte count for messages: `4 GiB`, `1.5 MiB`, `812 bytes`. */
export function formatBytes(n: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The unzip limits of one import and the bytes used so far. */
export class UnzipBudget {
  #used = 0;

  constructor(
    readonly maxUnzippedSize: number = DEFAULT_MAX_UNZIPPED_SIZE,
    readonly maxCompressionRatio: number = DEFAULT_MAX_COMPRESSION_RATIO,
  ) {}

  /** Checks the options of `importEsco` that set the limits. */
  static fromOptions(options: { maxUnzippedSize?: unknown; maxCompressionRatio?: unknown }): UnzipBudget {
    const positive = (name: string, value: unknown, fallback: number): number => {
      if (value === undefined) return fallback;
      if (typeof value !== "number" || !(value > 0) || Number.isNaN(value))
        throw new InvalidArgumentError("importEsco", `options.${name}`, "a positive number", value);
      return value;
    };
    return new UnzipBudget(
      positive("maxUnzippedSize", options.maxUnzippedSize, DEFAULT_MAX_UNZIPPED_SIZE),
      positive("maxCompressionRatio", options.maxCompressionRatio, DEFAULT_MAX_COMPRESSION_RATIO),
    );
  }

  /** Unzipped bytes counted so far. */
  get used(): number {
    return this.#used;
  }

  /**
   * The most bytes a member with `compressed` bytes of data may inflate to now, and how to word the
   * refusal when it would go past them.
   */
  limitFor(compressed: number): { bytes: number; message: (size: number) => string } {
    const left = Math.max(0, this.maxUnzippedSize - this.#used);
    const byRatio = Math.max(RATIO_FREE_BYTES, compressed * this.maxCompressionRatio);
    if (left <= byRatio) {
      return {
        bytes: left,
        message: (size) =>
          `the member declares ${formatBytes(size)} of data, which would take the unzipped data of this import past its limit of ${formatBytes(this.maxUnzippedSize)} (${formatBytes(this.#used)} read before it); raise the limit with the maxUnzippedSize option (CLI: --max-unzipped-size) if this is a genuine ESCO download`,
      };
    }
    return {
      bytes: byRatio,
      message: (size) =>
        `the member declares ${formatBytes(size)} of data from ${formatBytes(compressed)} of compressed data, more than ${this.maxCompressionRatio} times its compressed size: this looks like a zip bomb, not an ESCO file (ESCO members inflate less than 10 times); raise the limit with the maxCompressionRatio option (CLI: --max-compression-ratio) if the file is genuine`,
    };
  }

  /** Counts bytes inflated. */
  take(bytes: number): void {
    this.#used += bytes;
  }
}
