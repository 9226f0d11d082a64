/**
 * The bundle's format tag, in a module of its own so that the zod schemas (`schema.ts`) and the plain
 * checkers (`meta-check.ts`) share it without an import cycle through `format.ts`.
 *
 * @module
 */

/** The `format` tag every bundle carries. */
export const BUNDLE_FORMAT = "green-skills-bundle";
