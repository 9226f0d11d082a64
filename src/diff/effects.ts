import type { ConceptRef } from "../model/concept.js";
import type { Store } from "../taxonomy/store.js";
import type { DiffContext } from "./context.js";
import { isLive } from "./label-index.js";
import type { MappingSource } from "./mapping-source.js";
import type { MigrationEffect } from "./migration-schema.js";
import type { TaxonomyDiff } from "./schema.js";

/**
 * Credential-level effects of a new ESCO version: a mismatched `escoVersion`, outcomes that stop (or
 * start) being green, target occupations whose essential skills changed.
 *
 * @module
 */

const versionName = (v: string | null) => (v ? `ESCO ${v}` : "the ESCO version");
const sameVersion = (a: string, b: string) =>
  a.trim().toLowerCase().replace(/^v/, "") === b.trim().toLowerCase().replace(/^v/, "");
const labels = (refs: readonly ConceptRef[]) => refs.map((r) => `"${r.label}"`).join(", ");

function essentialSkills(store: Store, occupation: number): Set<string> {
  const out = new Set<string>();
  const adjacency = store.skillsOfOccupation;
  const types = store.occupationSkillTypes;
  for (let at = adjacency.offsets[occupation]!; at < adjacency.offsets[occupation + 1]!; at++) {
    if (types[adjacency.edges[at]!] === 0) out.add(store.uris[adjacency.targets[at]!]!);
  }
  return out;
}

/** @internal A warning when the credential says it was mapped against another version than `older`. */
export function versionEffects(source: MappingSource, olderVersion: string | null): MigrationEffect[] {
  if (!source.escoVersion || !olderVersion || sameVersion(source.escoVersion, olderVersion)) return [];
  return [
    {
      code: "esco_version_mismatch",
      severity: "warning",
      path: ["escoVersion"],
      message: `the credential says it was mapped against ESCO ${source.escoVersion}, but the older taxonomy is ESCO ${olderVersion}`,
      suggestion: "compare against the version the credential was mapped to, or update its escoVersion",
      concepts: [],
    },
  ];
}

/** @internal Outcomes that stop being green (none of their skills is green any more) or become green. */
export function greenEffects(ctx: DiffContext, source: MappingSource, newerVersion: string | null): MigrationEffect[] {
  const { older, newer } = ctx;
  const greenBefore = older.collection("green");
  const greenAfter = newer.collection("green");
  if (!greenBefore || !greenAfter) return [];
  const effects: MigrationEffect[] = [];
  source.learningOutcomes.forEach((outcome, i) => {
    const wasGreen: ConceptRef[] = [];
    const isGreen: ConceptRef[] = [];
    const seen = new Set<string>();
    for (const uri of outcome.esco ?? []) {
      if (seen.has(uri)) continue;
      seen.add(uri);
      const o = older.indexOf(uri);
      const n = newer.indexOf(uri);
      if (o >= 0 && greenBefore[o]) wasGreen.push(ctx.refOld(o));
      if (n >= 0 && greenAfter[n] && isLive(newer, n)) isGreen.push(ctx.refNew(n));
    }
    const path = ["learningOutcomes", i];
    if (wasGreen.length > 0 && isGreen.length === 0) {
      const why = wasGreen.map(
        (r) =>
          `"${r.label}" ${newer.indexOf(r.uri) < 0 ? "was removed" : isLive(newer, newer.indexOf(r.uri)) ? "left the green collection" : "was retired"}`,
      );
      effects.push({
        code: "outcome_stops_green",
        severity: "warning",
        path,
        message: `learning outcome "${outcome.id}" is no longer green in ${versionName(newerVersion)}: ${why.join("; ")}`,
        suggestion:
          "map the outcome to a skill of the green collection of the newer version, or accept that it no longer counts as green",
        concepts: wasGreen,
      });
    } else if (wasGreen.length === 0 && isGreen.length > 0) {
      effects.push({
        code: "outcome_becomes_green",
        severity: "info",
        path,
        message: `learning outcome "${outcome.id}" becomes green in ${versionName(newerVersion)}: ${labels(isGreen)} joined the green collection`,
        concepts: isGreen,
      });
    }
  });
  return effects;
}

/** @internal Target occupations whose essential skills changed, with the credential's coverage before and after. */
export function targetEffects(ctx: DiffContext, source: MappingSource, diff: TaxonomyDiff): MigrationEffect[] {
  const { older, newer } = ctx;
  if (!older.hasRelations || !newer.hasRelations) return [];
  const mapped = new Set(source.learningOutcomes.flatMap((o) => o.esco ?? []));
  const relationChanges = new Map(diff.changes.occupationSkills.map((c) => [c.concept.uri as string, c]));
  const effects: MigrationEffect[] = [];
  (source.targetOccupations ?? []).forEach((uri, k) => {
    const change = relationChanges.get(uri);
    const o = older.indexOf(uri);
    const n = newer.indexOf(uri);
    if (!change || o < 0 || n < 0) return;
    const gained = [
      ...change.added.filter((a) => a.relation === "essential").map((a) => a.skill),
      ...change.switched.filter((s) => s.to === "essential").map((s) => s.skill),
    ];
    const dropped = [
      ...change.removed.filter((r) => r.relation === "essential").map((r) => r.skill),
      ...change.switched.filter((s) => s.from === "essential").map((s) => s.skill),
    ];
    if (gained.length === 0 && dropped.length === 0) return;
    const before = essentialSkills(older, o);
    const after = essentialSkills(newer, n);
    const covered = (set: Set<string>) => [...set].filter((s) => mapped.has(s)).length;
    const parts = [
      ...(gained.length > 0 ? [`+${gained.length} ${labels(gained)}`] : []),
      ...(dropped.length > 0 ? [`−${dropped.length} ${labels(dropped)}`] : []),
    ];
    const uncovered = gained.filter((s) => !mapped.has(s.uri));
    effects.push({
      code: "target_essential_skills_changed",
      severity: "warning",
      path: ["targetOccupations", k],
      message: `target occupation "${change.concept.label}": essential skills changed (${parts.join("; ")}); the credential covers ${covered(after)} of ${after.size} essential skills (was ${covered(before)} of ${before.size})`,
      ...(uncovered.length > 0
        ? { suggestion: `consider covering the new essential skill(s) ${labels(uncovered)}` }
        : {}),
      concepts: [...gained, ...dropped],
    });
  });
  return effects;
}
