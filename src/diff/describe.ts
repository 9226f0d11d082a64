import type { MappingChange } from "./migration-schema.js";
import type { ShareFigure } from "./schema.js";
import { argObject, readingArgument } from "../guard.js";

/**
 * One-line English descriptions of change-set entries, for messages and reports.
 *
 * @module
 */

const q = (label: string) => `"${label}"`;
const SHOWN = 3;

function list<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, SHOWN).map(show).join(", ");
  return items.length > SHOWN ? `${shown} … ${items.length - SHOWN} more` : shown;
}

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);
const figure = (f: ShareFigure) => `${percent(f.share)} (${f.greenSkills}/${f.totalSkills})`;
const naceCode = (uri: string) => uri.slice(uri.lastIndexOf("/") + 1);

interface Delta<K extends string> {
  added: readonly ({ relation: string } & Record<K, { label: string }>)[];
  removed: readonly ({ relation: string } & Record<K, { label: string }>)[];
  switched: readonly ({ from: string; to: string } & Record<K, { label: string }>)[];
}

function delta<K extends string>(what: string, key: K, d: Delta<K>): string {
  const parts: string[] = [];
  if (d.added.length > 0)
    parts.push(`+${d.added.length} ${list(d.added, (x) => `${q(x[key].label)} (${x.relation})`)}`);
  if (d.removed.length > 0)
    parts.push(`−${d.removed.length} ${list(d.removed, (x) => `${q(x[key].label)} (${x.relation})`)}`);
  if (d.switched.length > 0)
    parts.push(`${d.switched.length} switched ${list(d.switched, (x) => `${q(x[key].label)} ${x.from} → ${x.to}`)}`);
  return `${what}: ${parts.join("; ")}`;
}

/**
 * A one-line description of a change, e.g. `preferred label (en) "energy efficiency" → "energy
 * efficiency principles"` or `left the green collection`.
 *
 * @category Diff
 * @param change - An entry of a change set or of a mapping's `changes`.
 * @returns The description, without the concept's own label.
 * @example
 * ```ts
 * const [change] = diffTaxonomies(older, newer).changes.collection;
 * if (change) describeChange(change) //=> "left the green collection"
 * ```
 */
export function describeChange(change: MappingChange): string {
  argObject("describeChange", "change", change, "a change from diffTaxonomies");
  return readingArgument("describeChange", "change", change, () => describeChangeUnchecked(change));
}

function describeChangeUnchecked(change: MappingChange): string {
  switch (change.type) {
    case "added":
      return `new ${change.concept.kind}`;
    case "removed":
      return `removed ${change.concept.kind}`;
    case "kind":
      return `kind ${change.from} → ${change.to}`;
    case "status":
      return `status ${change.from ?? "—"} → ${change.to ?? "—"}`;
    case "prefLabel":
      return `preferred label (${change.lang}) ${q(change.from)} → ${q(change.to)}`;
    case "altLabels": {
      const parts = [...change.added.map((l) => `+${q(l)}`), ...change.removed.map((l) => `−${q(l)}`)];
      return `alternative labels (${change.lang}): ${parts.join(", ")}`;
    }
    case "skillType":
      return `skill type ${change.from ?? "—"} → ${change.to ?? "—"}`;
    case "reuseLevel":
      return `reuse level ${change.from ?? "—"} → ${change.to ?? "—"}`;
    case "collection":
      return `${change.change === "joined" ? "joined" : "left"} the ${change.collection} collection`;
    case "broader": {
      const parts = [...change.added.map((r) => `+${q(r.label)}`), ...change.removed.map((r) => `−${q(r.label)}`)];
      return `broader concept: ${parts.join(", ")}`;
    }
    case "iscoGroup":
      return `ISCO group ${change.from ?? "—"} → ${change.to ?? "—"}`;
    case "code":
      return `code ${change.from ?? "—"} → ${change.to ?? "—"}`;
    case "nace": {
      const parts = [...change.added.map((u) => `+${naceCode(u)}`), ...change.removed.map((u) => `−${naceCode(u)}`)];
      return `NACE codes: ${parts.join(", ")}`;
    }
    case "occupationSkills":
      return delta("skills", "skill", change);
    case "skillSkills":
      return delta("related skills", "skill", change);
    case "skillOccupations":
      return delta("occupations", "occupation", change);
    case "greenShare": {
      const parts: string[] = [];
      if (change.computed) parts.push(`green share ${figure(change.computed.from)} → ${figure(change.computed.to)}`);
      if (change.official)
        parts.push(`official green share ${percent(change.official.from)} → ${percent(change.official.to)}`);
      return parts.join("; ");
    }
  }
}
