/**
 * `Same<T>` is `T`. An interface cannot extend `typeof X` directly, but it can extend `Same<typeof X>`:
 * the schemas that many others embed (`ConceptRefSchema`, `CredentialIssueSchema` …) get a named
 * interface type that way, so the declaration files refer to it by name instead of repeating its shape
 * wherever it is used (~200 times for `ConceptRefSchema`).
 *
 * @module
 * @internal
 */

/** @internal `T` itself. */
export type Same<T> = T;
