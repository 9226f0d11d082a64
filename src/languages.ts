/**
 * `green-skills/languages`: stemmers, function words and a language detector for every ESCO language, for
 * pages and programs that use the core entry (`green-skills`) and search outside English. `green-skills/node`
 * turns them on by itself.
 *
 * ```ts
 * import { useLanguageSupport } from "green-skills";
 * import { escoLanguageSupport } from "green-skills/languages";
 * useLanguageSupport(escoLanguageSupport); // before the first search
 * ```
 *
 * @module
 */
export { escoLanguageSupport } from "./search/lang/esco-pack.js";
export type { LanguageSupport } from "./search/lang/support.js";
