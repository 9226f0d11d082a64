/**
 * Elision in French, Italian and Catalan-like spelling: an article or particle joined to the next word by an
 * apostrophe (`l'énergie`, `d'eau`, `qu'il`, `dell'acqua`, `un'analisi`). The tokeniser splits these and
 * drops the elided head, so `l'énergie` is the word `energie` (as in `énergie renouvelable`), not
 * `lenergie`. English contractions (`don't`, `o'clock`) have other heads and are joined as before.
 *
 * @module
 */

/** Elided heads (folded, lower case). French: l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu. Italian: l d c n s v un dell all dall nell sull coll quell quest nessun buon tutt. */
const HEADS: ReadonlySet<string> = new Set(
  "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu un dell all dall nell sull coll quell quest nessun buon tutt".split(
    " ",
  ),
);

/**
 * Whether `head` (the letters before an apostrophe, folded) is an elided article or particle, given the
 * letter after the apostrophe (elision happens before a vowel or `h`).
 */
export function isElidedHead(head: string, next: string | undefined): boolean {
  return next !== undefined && /[aeiouyh]/.test(next) && HEADS.has(head);
}
