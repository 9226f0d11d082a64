/**
 * Cell normalisation with accounting: every change the importer makes to a value is counted by kind so
 * that the report can say what was normalised.
 *
 * @module
 */

/** Counters of normalisations, by kind. */
export class Normaliser {
  readonly counts: Record<string, number> = {};

  count(kind: string, by = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + by;
  }

  /** A single-line label: NUL removed, trimmed, inner whitespace runs collapsed to one space. */
  label(raw: string): string {
    let value = raw;
    if (value.includes("\u0000")) {
      value = value.replaceAll("\u0000", "");
      this.count("nulCharactersRemoved");
    }
    const trimmed = value.trim();
    if (trimmed.length !== value.length) this.count("labelsTrimmed");
    if (/\s\s|[\t\n\r\u00a0]/.test(trimmed)) {
      this.count("labelWhitespaceCollapsed");
      return trimmed.replace(/\s+/g, " ");
    }
    return trimmed;
  }

  /** Free text (descriptions, notes): NUL removed and trimmed; inner line breaks are kept. */
  text(raw: string): string {
    let value = raw;
    if (value.includes("\u0000")) {
      value = value.replaceAll("\u0000", "");
      this.count("nulCharactersRemoved");
    }
    const trimmed = value.trim();
    if (trimmed.length !== value.length && trimmed.length > 0) this.count("textsTrimmed");
    return trimmed;
  }

  /**
   * A multi-valued label cell. ESCO separates values with line breaks in the main files and with ` | `
   * in the collection files. Empty values and duplicates (within the list or of `exclude`) are dropped.
   */
  labelList(raw: string, exclude: ReadonlySet<string>): string[] {
    if (raw === "") return [];
    const parts = raw.includes("\n") ? raw.split("\n") : raw.includes(" | ") ? raw.split(" | ") : [raw];
    const out: string[] = [];
    const seen = new Set<string>();
    for (const part of parts) {
      const value = this.label(part);
      if (value === "") {
        this.count("emptyLabelsDropped");
        continue;
      }
      if (seen.has(value) || exclude.has(value)) {
        this.count("duplicateLabelsRemoved");
        continue;
      }
      seen.add(value);
      out.push(value);
    }
    return out;
  }
}

/**
 * A multi-valued URI cell. ESCO separates URIs with `,\n` (inScheme, hasTopConcept, naceCode), line
 * breaks or ` | `; URIs contain none of these characters, so any of them splits.
 */
export function uriList(raw: string): string[] {
  if (raw === "") return [];
  const out = new Set<string>();
  for (const part of raw.split(/[\s,|]+/)) if (part !== "") out.add(part);
  return [...out];
}
