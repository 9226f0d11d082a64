/**
 * A modified copy of the official ESCO v1.1.1 CSV files, for diff tests and the diff benchmark: a few
 * concepts are chosen from the data by rule (so the choice is stable and needs no hard-coded URIs), the
 * matching rows are edited, and everything else is copied byte for byte.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import {
  collectionMembers,
  collectionsOf,
  listConcepts,
  narrower,
  occupationsForSkill,
  relatedSkills,
  skillsOfOccupation,
  type Taxonomy,
} from "green-skills";

export interface EscoModifications {
  /** A skill whose preferred label gets " (revised)" appended. */
  relabel: { uri: string; from: string; to: string };
  /** A skill that gets one more alternative label. */
  altLabel: { uri: string; added: string };
  /** A green skill dropped from the green collection (linked to 1–3 occupations). */
  ungreen: { uri: string; occupations: string[] };
  /** A skill removed (no relations, no narrower concepts, no collection) … */
  remove: { uri: string; label: string };
  /** … and re-added under a new URI with the same labels and broader concept. */
  readd: { uri: string };
  /** An essential occupation–skill relation switched to optional. */
  switchRelation: { occupation: string; skill: string };
}

const NEW_URI = "http://data.europa.eu/esco/skill/0000abcd-0000-4000-8000-000000000001";

/** Chooses the concepts to modify, deterministically, from the unmodified taxonomy. */
export function chooseModifications(base: Taxonomy): EscoModifications {
  const skills = listConcepts(base, { kind: "skill" });
  const plain = skills.filter((s) => collectionsOf(base, s.uri).length === 0);
  const removable = plain.find(
    (s) =>
      occupationsForSkill(base, s.uri).length === 0 &&
      relatedSkills(base, s.uri).length === 0 &&
      narrower(base, s.uri).length === 0,
  );
  const relabel = plain.find((s) => s !== removable && s.label.length > 0);
  const altLabel = plain.find((s) => s !== removable && s !== relabel);
  const green = collectionMembers(base, "green").find((s) => {
    const n = occupationsForSkill(base, s.uri).length;
    return n >= 1 && n <= 3;
  });
  if (!removable || !relabel || !altLabel || !green)
    throw new Error("ESCO data without the concepts the modified copy needs");
  const greenOccupations = occupationsForSkill(base, green.uri).map((o) => o.occupation.uri);
  // An essential relation of an occupation that does not link the un-greened skill.
  let switchRelation: EscoModifications["switchRelation"] | undefined;
  for (const occupation of listConcepts(base, { kind: "occupation" })) {
    if (greenOccupations.includes(occupation.uri)) continue;
    const links = skillsOfOccupation(base, occupation.uri);
    const essential = links.find(
      (l) => l.relation === "essential" && links.filter((m) => m.skill.uri === l.skill.uri).length === 1,
    );
    if (essential) {
      switchRelation = { occupation: occupation.uri, skill: essential.skill.uri };
      break;
    }
  }
  if (!switchRelation) throw new Error("ESCO data without an essential relation to switch");
  return {
    relabel: { uri: relabel.uri, from: relabel.label, to: `${relabel.label} (revised)` },
    altLabel: { uri: altLabel.uri, added: "green-skills test label" },
    ungreen: { uri: green.uri, occupations: greenOccupations },
    remove: { uri: removable.uri, label: removable.label },
    readd: { uri: NEW_URI },
    switchRelation,
  };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Parses a CSV file, lets `edit` change its rows (header excluded), and writes it back in ESCO's style. */
function rewrite(
  from: string,
  to: string,
  edit: (rows: string[][], column: (name: string) => number) => string[][],
): void {
  const [header, ...rows] = parse(readFileSync(from, "utf8"), { bom: true, relax_column_count: true }) as string[][];
  if (!header) throw new Error(`${from} is empty`);
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${from} has no column ${name}`);
    return at;
  };
  const out = [header, ...edit(rows, column)];
  writeFileSync(to, `${out.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`);
}

/** Writes the modified copy of the CSV files in `source` to a new folder under `dir` and returns the folder. */
export function writeModifiedEsco(source: string, dir: string, mods: EscoModifications): string {
  const folder = join(dir, "ESCO-v1.1.1-modified");
  mkdirSync(folder, { recursive: true });
  const edits: Record<string, Parameters<typeof rewrite>[2]> = {
    "skills_en.csv": (rows, column) => {
      const uri = column("conceptUri");
      const pref = column("preferredLabel");
      const alt = column("altLabels");
      const out: string[][] = [];
      for (const row of rows) {
        const copy = [...row];
        if (row[uri] === mods.relabel.uri) {
          copy[pref] = mods.relabel.to;
          // The importer drops alt labels equal to the preferred label; drop that duplicate here too, or it would resurface.
          copy[alt] = (copy[alt] ?? "")
            .split("\n")
            .filter((label) => label.trim() !== mods.relabel.from)
            .join("\n");
        }
        if (row[uri] === mods.altLabel.uri)
          copy[alt] = copy[alt] ? `${copy[alt]}\n${mods.altLabel.added}` : mods.altLabel.added;
        if (row[uri] === mods.remove.uri) {
          copy[uri] = mods.readd.uri;
          out.push(copy);
          continue;
        }
        out.push(copy);
      }
      return out;
    },
    "greenSkillsCollection_en.csv": (rows, column) =>
      rows.filter((row) => row[column("conceptUri")] !== mods.ungreen.uri),
    "broaderRelationsSkillPillar.csv": (rows, column) => {
      const uri = column("conceptUri");
      return rows.flatMap((row) =>
        row[uri] === mods.remove.uri ? [row, Object.assign([...row], { [uri]: mods.readd.uri })] : [row],
      );
    },
    "occupationSkillRelations.csv": (rows, column) => {
      const occupation = column("occupationUri");
      const skill = column("skillUri");
      const type = column("relationType");
      return rows.map((row) =>
        row[occupation] === mods.switchRelation.occupation && row[skill] === mods.switchRelation.skill
          ? Object.assign([...row], { [type]: "optional" })
          : row,
      );
    },
  };
  for (const name of readdirSync(source).filter((f) => f.endsWith(".csv"))) {
    const edit = edits[name];
    if (edit) rewrite(join(source, name), join(folder, name), edit);
    else copyFileSync(join(source, name), join(folder, name));
  }
  return folder;
}
