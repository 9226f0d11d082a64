import { escoLanguageSupport } from "../search/lang/esco-pack.js";
import { useLanguageSupport } from "../search/lang/support.js";

/**
 * In Node, every ESCO language's stemmer, function words and detector are on from the start: this module
 * turns them on when `green-skills/node` (or the CLI) is loaded. With `checksum.ts` it is one of the
 * package's two modules with a side effect; `package.json` names both in `sideEffects` so that bundlers
 * keep them.
 *
 * @module
 */
useLanguageSupport(escoLanguageSupport);
