import * as core from "./src/index.ts";
import * as nodeEntry from "./src/node/index.ts";
import * as data from "./src/data.ts";
const only = process.argv[2];
const seen = new Set();
const hostile = { get(){throw new Error("h")}, has(){throw new Error("h")}, ownKeys(){throw new Error("h")}, getPrototypeOf(){throw new Error("h")}, getOwnPropertyDescriptor(){throw new Error("h")} };
const huge = new Array(2**28);
const BAD: [string, () => unknown][] = [["undef",()=>undefined],["null",()=>null],["42",()=>42],["sym",()=>Symbol()],["{}",()=>({})],["[]",()=>[]],["proxy",()=>new Proxy({},hostile)],["aproxy",()=>new Proxy([],hostile)],["huge",()=>huge],["symfields",()=>new Proxy({}, { get: (_t, key) => (key === Symbol.toPrimitive || key === "then" ? undefined : Symbol("field")), has: () => true })]];
for (const mod of [core, nodeEntry, data]) for (const [name, fn] of Object.entries(mod)) {
  if (typeof fn !== "function" || seen.has(fn) || /^class\b/.test(Function.prototype.toString.call(fn))) continue;
  seen.add(fn);
  if (only && name !== only) continue;
  const n = Math.max((fn as Function).length, 1) + 1;
  for (let p = 0; p < n; p++) for (const [label, make] of BAD) {
    const args = new Array(n).fill(undefined); args[p] = make();
    const t0 = performance.now();
    let err: unknown;
    try { const r = (fn as Function)(...args); if (r && typeof r.then === "function") await r; } catch (e) { err = e; }
    const ms = performance.now() - t0;
    if (ms > 1000) console.log(`${name} #${p} ${label}: SLOW ${Math.round(ms)}ms`);
    if (err && !(err instanceof core.GreenSkillsError)) console.log(`${name} #${p} ${label}: ${(err as Error)?.constructor?.name}: ${String((err as Error)?.message).slice(0,100)}`);
  }
}
