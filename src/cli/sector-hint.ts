import { closest } from "../credential/closest.js";

/**
 * The hint for an unknown sector id: the closest id first ("did you mean"), then all known ids.
 *
 * @module
 */

/** `did you mean "construction"? known sectors: …`, or just the known sectors. */
export function unknownSectorHint(id: string, known: readonly string[]): string {
  const lower = id.toLowerCase();
  const near = closest(id, known) ?? known.find((k) => k.includes(lower) || (lower.length >= 4 && lower.includes(k)));
  return `${near ? `did you mean "${near}"? ` : ""}known sectors: ${known.join(", ")}`;
}
