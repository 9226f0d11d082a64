import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the running green-skills package lives (its folder holding package.json), so that files it ships
 * (the JSON Schemas) can be referenced from a user's files.
 *
 * @module
 */

/** The package's root folder: the nearest parent of this module with green-skills' package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "green-skills") return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("green-skills: cannot find the package's own package.json");
    dir = parent;
  }
}

/** The definition JSON Schema of the installed package, as a path relative to `fromFile`'s folder (forward slashes). */
export function schemaReference(fromFile: string, schema = "micro-credential.schema.json"): string {
  const target = join(packageRoot(), "schema", schema);
  const rel = relative(dirname(resolve(fromFile)), target)
    .split(sep)
    .join("/");
  return rel.startsWith(".") || rel.startsWith("/") ? rel : `./${rel}`;
}
