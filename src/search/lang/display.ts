import { labelColumns } from "../../bundle/names.js";
import type { Store } from "../../taxonomy/store.js";

/**
 * The label a result shows: the preferred label in the language asked for (given or detected), else in the
 * taxonomy's default language, else in any language that has one; with the language it is in, so that a
 * label shown in a fallback language can be marked as such.
 *
 * @module
 */

/** The preferred label of `concept` in `lang` (or the fallback), with its language. @internal */
export function displayLabel(
  store: Store,
  concept: number,
  lang: string | undefined,
): { label: string; labelLang: string } {
  const order = [...(lang ? [lang] : []), store.defaultLanguage, ...store.meta.esco.languages];
  for (const l of order) {
    const label = store.str(labelColumns(l).pref)?.get(concept);
    if (label) return { label, labelLang: l };
  }
  return { label: "", labelLang: lang ?? store.defaultLanguage };
}
