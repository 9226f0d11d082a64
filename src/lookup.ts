/**
 * `table[key]` for lookup tables written as object literals, but only for the table's own keys: a key that
 * comes from user data ("constructor", "toString", "__proto__") never reaches `Object.prototype`.
 *
 * @internal
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
