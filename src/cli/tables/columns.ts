import { CliError } from "../io.js";

/**
 * Finding the columns of a mapping table by their header: documented names and aliases (case, spaces and
 * punctuation ignored), or `--columns outcome=…,esco=…`.
 *
 * @module
 */

/** The roles a column can play. */
export type ColumnRole = "outcome" | "esco" | "id" | "credential" | "title";

/** Header names (normalised: lower case, letters and digits only) accepted for each role, in order of preference. */
export const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  outcome: [
    "outcome",
    "learningoutcome",
    "outcometext",
    "outcomestatement",
    "statement",
    "learningoutcomes",
    "outcomes",
    "lernergebnis",
    "acquisdapprentissage",
  ],
  esco: [
    "esco",
    "escouri",
    "escouris",
    "escoskill",
    "escoskills",
    "escoskilluri",
    "escoskilluris",
    "skilluri",
    "skilluris",
    "uri",
    "uris",
    "skills",
    "mapping",
    "mappings",
  ],
  id: ["outcomeid", "loid", "lo"],
  credential: ["credential", "credentialid", "microcredential", "microcredentialid", "definition"],
  title: ["title", "credentialtitle", "microcredentialtitle", "course", "module"],
};

/** The documented header names, for help texts and hints. */
export const COLUMN_NAMES_HELP =
  'outcome ("learning outcome", "statement"), esco ("ESCO URI", "skill URIs"), optional id ("outcome id"), credential ("credential id") and title';

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");

/** Column indexes (0-based) of each role present in a header. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

/** Parses `--columns outcome=Text,esco=Skills` into role → header name. */
export function parseColumnsOption(value: string | undefined): Partial<Record<ColumnRole, string>> {
  if (!value) return {};
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const part of value.split(",")) {
    const at = part.indexOf("=");
    const role = part.slice(0, at).trim() as ColumnRole;
    if (at < 1 || !(role in COLUMN_ALIASES) || !part.slice(at + 1).trim()) {
      throw new CliError(
        `--columns: "${part.trim()}" is not role=header`,
        `roles: ${Object.keys(COLUMN_ALIASES).join(", ")}; e.g. --columns outcome="Learning outcome",esco="ESCO skills"`,
      );
    }
    out[role] = part.slice(at + 1).trim();
  }
  return out;
}

/**
 * The columns of `header`. An explicit header name must exist (else a usage error listing the headers);
 * other roles are found by alias.
 */
export function findColumns(
  header: readonly string[],
  explicit: Partial<Record<ColumnRole, string>>,
  where: string,
): ColumnMap {
  const normalised = header.map(norm);
  const out: ColumnMap = {};
  const taken = new Set<number>();
  for (const [role, name] of Object.entries(explicit) as [ColumnRole, string][]) {
    const index = normalised.indexOf(norm(name));
    if (index === -1)
      throw new CliError(
        `${where}: no column "${name}" (for --columns ${role}=…)`,
        `the header row has: ${
          header
            .filter(Boolean)
            .map((h) => `"${h}"`)
            .join(", ") || "(nothing)"
        }`,
      );
    out[role] = index;
    taken.add(index);
  }
  for (const role of Object.keys(COLUMN_ALIASES) as ColumnRole[]) {
    if (out[role] !== undefined) continue;
    for (const alias of COLUMN_ALIASES[role]) {
      const index = normalised.findIndex((h, i) => h === alias && !taken.has(i));
      if (index !== -1) {
        out[role] = index;
        taken.add(index);
        break;
      }
    }
  }
  return out;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The URIs in one cell: separated by spaces, commas, semicolons, pipes or line breaks. */
export function splitUris(cell: string): string[] {
  return cell
    .split(/[\s,;|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
