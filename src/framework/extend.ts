import { InvalidFrameworkError } from "../errors.js";
import { type Framework, FrameworkSchema, type Sector, type SectorInput, SectorSchema } from "./schema.js";
import { argArray, argSchema, readingArgument } from "../guard.js";

/**
 * Adding your own sectors to a framework.
 *
 * @module
 */

/**
 * A copy of `framework` with `sectors` added. A sector whose id the framework already has replaces it, so
 * you can also tailor a built-in sector. Attach the result with `attachFramework`.
 *
 * @category Framework
 * @param framework - The framework to extend (e.g. `defaultFramework` from `green-skills/data`).
 * @param sectors - Sectors as objects (validated here) — parse files with `parseSectorSource` to get located errors.
 * @returns A new framework; the input is not changed.
 * @throws {@link InvalidFrameworkError} when a sector object is invalid.
 * @example
 * ```ts
 * const framework = withSectors(defaultFramework, [{ id: "retrofit", label: { en: "Retrofit" }, description: { en: "Deep renovation" }, isco: [{ code: "7124", label: "Insulation workers" }] }]);
 * framework.sectors.map((s) => s.id).at(-1) //=> "retrofit"
 * ```
 */
export function withSectors(framework: Framework, sectors: readonly (Sector | SectorInput)[]): Framework {
  const base = argSchema<Framework>(
    "withSectors",
    "framework",
    framework,
    FrameworkSchema,
    "a framework object (e.g. defaultFramework)",
  );
  argArray("withSectors", "sectors", sectors, 10_000, "an array of sectors");
  const parsed = sectors.map((sector, i) => {
    const result = readingArgument("withSectors", "sectors", sectors, () => SectorSchema.safeParse(sector));
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new InvalidFrameworkError(
        "withSectors",
        [i, ...(issue?.path ?? [])].map(String).join("."),
        issue?.message ?? "invalid sector",
      );
    }
    return result.data;
  });
  const replaced = new Map(parsed.map((s) => [s.id, s]));
  const kept = base.sectors.map((s) => replaced.get(s.id) ?? s);
  const existing = new Set(base.sectors.map((s) => s.id));
  const added: Sector[] = [];
  for (const sector of parsed) {
    if (existing.has(sector.id)) continue;
    existing.add(sector.id);
    added.push(replaced.get(sector.id)!);
  }
  return { ...base, sectors: [...kept, ...added] };
}
