import { escoLanguageSupport } from "../search/lang/esco-pack.js";
import { useLanguageSupport } from "../search/lang/support.js";

/**
 * In Node, every ESCO language's stemmer, function words and detector are on from the start: this module
 * turns them on when `green-skills/node` (or the CLI) is loaded. It is the package's one module with a side
 * effect, and `package.json` names it in `sideEffects` so that bundlers keep it.
 *
 * @module
 */
useLanguageSupport(escoLanguageSupport);
