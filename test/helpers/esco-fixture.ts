/**
 * Writes small synthetic datasets in the ESCO CSV format, in the layouts of ESCO v1.1.0, v1.1.1 and
 * v1.2.1, as folders or as zips named like the ESCO portal's downloads. The content is our own (made-up
 * URIs and labels); it reproduces the quirks of the real files: CRLF records, quoted multi-line cells,
 * three multi-value separators, ragged hierarchy rows, stray whitespace, duplicate labels and a dangling
 * relation.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";

export type Layout = "v1.1.0" | "v1.1.1" | "v1.2.1";

export interface FixtureSkill {
  id: string;
  label: string;
  alt?: string[];
  hidden?: string[];
  skillType: "skill/competence" | "knowledge" | "";
  reuseLevel: "transversal" | "cross-sector" | "sector-specific" | "occupation-specific" | "";
  description: string;
  status?: string;
  /** Broader concept ids (skill groups or skills). */
  broader: string[];
  collections?: ("green" | "digital" | "transversal" | "language" | "research")[];
  de?: string;
}
export interface FixtureGroup {
  id: string;
  uri: string;
  label: string;
  code: string;
  broader: string[];
  description: string;
  de?: string;
}
export interface FixtureOccupation {
  id: string;
  label: string;
  alt?: string[];
  isco: string;
  code: string;
  description: string;
  /** Broader occupation id (for narrower occupations). */
  broaderOccupation?: string;
  nace?: string[];
  greenShare?: number;
  essential: string[];
  optional: string[];
  de?: string;
}
export interface FixtureData {
  groups: FixtureGroup[];
  skills: FixtureSkill[];
  occupations: FixtureOccupation[];
  isco: { code: string; label: string; description: string; greenShare?: number }[];
  skillSkill: { from: string; to: string; relation: "essential" | "optional" }[];
  /** Occupation–skill rows naming an occupation that is not defined. */
  danglingOccupationRows: { occupationUri: string; skill: string; relation: "essential" | "optional" }[];
}

/** The columns of an ESCO v1.1.x `skills_<lang>.csv`, in the official order. */
export const SKILLS_HEADER: readonly string[] = [
  "conceptType",
  "conceptUri",
  "skillType",
  "reuseLevel",
  "preferredLabel",
  "altLabels",
  "hiddenLabels",
  "status",
  "modifiedDate",
  "scopeNote",
  "definition",
  "inScheme",
  "description",
];

/** The columns of an ESCO v1.1.x `occupations_<lang>.csv`, in the official order. */
export const OCCUPATIONS_HEADER: readonly string[] = [
  "conceptType",
  "conceptUri",
  "iscoGroup",
  "preferredLabel",
  "altLabels",
  "hiddenLabels",
  "status",
  "modifiedDate",
  "regulatedProfessionNote",
  "scopeNote",
  "definition",
  "inScheme",
  "description",
  "code",
];

export const skillUri = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
export const occupationUri = (id: string) => `http://data.europa.eu/esco/occupation/${id}`;
export const iscoUri = (code: string) => `http://data.europa.eu/esco/isco/C${code}`;

/** A fixture id: a valid UUID built from a short number. */
export const fid = (n: number, prefix = "aaaaaaaa") => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const ROOT = { S: fid(1, "00000000"), K: fid(2, "00000000"), T: fid(3, "00000000"), L: fid(4, "00000000") };

/** The default fixture content. Ids are stable so tests can name concepts. */
export function baseFixture(): FixtureData {
  const groups: FixtureGroup[] = [
    {
      id: ROOT.S,
      uri: skillUri(ROOT.S),
      label: "skills",
      code: "S",
      broader: [],
      description: "Pillar root of the skills.",
    },
    {
      id: ROOT.K,
      uri: skillUri(ROOT.K),
      label: "knowledge",
      code: "K",
      broader: [],
      description: "Pillar root of knowledge.",
    },
    {
      id: ROOT.T,
      uri: skillUri(ROOT.T),
      label: "transversal skills and competences",
      code: "T",
      broader: [],
      description: "Pillar root of transversal skills.",
    },
    {
      id: ROOT.L,
      uri: skillUri(ROOT.L),
      label: "language skills and knowledge",
      code: "L",
      broader: [],
      description: "Pillar root of languages.",
    },
    {
      id: "g-constructing",
      uri: skillUri(fid(11, "bbbbbbbb")),
      label: "constructing",
      code: "S7",
      broader: [ROOT.S],
      description: "Building and installing.",
      de: "Bauen",
    },
    {
      id: "g-hvac",
      uri: skillUri(fid(12, "bbbbbbbb")),
      label: "installing heating and cooling equipment",
      code: "S7.1",
      broader: ["g-constructing"],
      description: "Installing heating, ventilation and cooling.",
    },
    {
      id: "g-metal",
      uri: skillUri(fid(13, "bbbbbbbb")),
      label: "working with metal",
      code: "S7.2",
      broader: ["g-constructing"],
      description: "Joining and shaping metal.",
    },
    {
      id: "g-engineering",
      uri: "http://data.europa.eu/esco/isced-f/07",
      label: "engineering, manufacturing and construction",
      code: "07",
      broader: [ROOT.K],
      description: "Engineering knowledge.",
    },
    {
      id: "g-teamwork",
      uri: skillUri(fid(14, "bbbbbbbb")),
      label: "working with others",
      code: "T4",
      broader: [ROOT.T],
      description: "Working with other people.",
    },
  ];
  const skills: FixtureSkill[] = [
    {
      id: fid(101),
      label: "install heat pump",
      alt: ["heat pump installation", "commission heat pumps", "install heat pump"],
      hidden: ["instal heatpump"],
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
      description: "Fit and connect the indoor and outdoor units of a heat pump and commission it.",
      broader: ["g-hvac"],
      collections: ["green"],
      de: "Wärmepumpe installieren",
    },
    {
      id: fid(102),
      label: "install insulation material",
      alt: ["fit insulation"],
      skillType: "skill/competence",
      reuseLevel: "sector-specific",
      description: "Place insulating material in walls, roofs and floors.",
      broader: ["g-constructing"],
      de: "Dämmstoffe einbauen",
    },
    {
      id: fid(103),
      label: "apply insulation strips",
      alt: ["fit draught strips"],
      skillType: "skill/competence",
      reuseLevel: "sector-specific",
      description: "Seal gaps around windows and doors with strips.",
      broader: ["g-constructing"],
      collections: ["green"],
    },
    {
      id: fid(104),
      label: "types of heat pumps",
      alt: ["heat pump types"],
      skillType: "knowledge",
      reuseLevel: "sector-specific",
      description: "Air-source, ground-source and water-source heat pumps and their uses.",
      broader: ["g-engineering"],
      collections: ["green"],
    },
    {
      id: fid(105),
      label: "energy efficiency",
      alt: ["energy performance", "efficient use of energy"],
      skillType: "knowledge",
      reuseLevel: "cross-sector",
      description: "Ways to use less energy for the same result.",
      broader: ["g-engineering"],
      collections: ["green"],
      de: "Energieeffizienz",
    },
    {
      id: fid(106),
      label: "conduct energy audit",
      alt: ["perform energy audits", "energy auditing"],
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
      description: "Assess the energy use of a building or process and propose savings.",
      broader: ["g-constructing"],
      collections: ["green"],
    },
    {
      id: fid(107),
      label: "weld metal parts",
      alt: ["join metal by welding", "welding"],
      skillType: "skill/competence",
      reuseLevel: "sector-specific",
      description: "Join metal workpieces with an electric arc or gas flame.",
      broader: ["g-metal"],
    },
    {
      id: fid(108),
      label: "  manage   waste ",
      alt: ["handle waste\u00a0streams", "waste management", "waste management"],
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
      description: "  Organise the collection, sorting and disposal of waste.  ",
      broader: ["g-constructing"],
      collections: ["green"],
    },
    {
      id: fid(109),
      label: "work in teams",
      alt: ["collaborate with colleagues", "teamwork"],
      skillType: "skill/competence",
      reuseLevel: "transversal",
      description: "Work with others towards a shared goal.",
      broader: ["g-teamwork"],
      collections: ["transversal"],
      de: "im Team arbeiten",
    },
    {
      id: fid(110),
      label: "use spreadsheets software",
      alt: ["use spreadsheets", "work with spreadsheets"],
      skillType: "skill/competence",
      reuseLevel: "cross-sector",
      description: "Use software to tabulate and calculate data.",
      broader: [ROOT.S],
      collections: ["digital"],
    },
    {
      id: fid(111),
      label: "maintain heat pump",
      alt: ["service heat pumps"],
      skillType: "skill/competence",
      reuseLevel: "sector-specific",
      description: "Service a heat pump so it keeps working efficiently.",
      broader: [fid(101)],
    },
    {
      id: fid(112),
      label: "food waste reduction",
      alt: ["reduce food waste"],
      skillType: "knowledge",
      reuseLevel: "sector-specific",
      description: "Methods to prevent and reduce food waste in kitchens and shops.",
      broader: ["g-engineering"],
      collections: ["green"],
    },
    {
      id: fid(113),
      label: "operate obsolete boiler",
      skillType: "skill/competence",
      reuseLevel: "occupation-specific",
      description: "A concept kept for old mappings.",
      status: "obsolete",
      broader: ["g-hvac"],
    },
    {
      id: fid(114),
      label: "untyped concept",
      skillType: "",
      reuseLevel: "",
      description: "A concept the data leaves untyped.",
      broader: [ROOT.S],
    },
  ];
  const occupations: FixtureOccupation[] = [
    {
      id: fid(201, "cccccccc"),
      label: "heat pump installer",
      alt: ["heat pump fitter"],
      isco: "7126",
      code: "7126.3",
      description: "Installs and maintains heat pumps.",
      nace: ["4322"],
      greenShare: 0.42,
      essential: [fid(101), fid(102), fid(104)],
      optional: [fid(105), fid(109)],
      de: "Wärmepumpeninstallateur",
    },
    {
      id: fid(202, "cccccccc"),
      label: "energy assessor",
      alt: ["energy auditor"],
      isco: "3112",
      code: "3112.2",
      description: "Assesses the energy performance of buildings.",
      nace: ["7112", "71"],
      greenShare: 0.5,
      essential: [fid(105), fid(106)],
      optional: [fid(101), fid(110)],
    },
    {
      id: fid(203, "cccccccc"),
      label: "welder",
      isco: "7212",
      code: "7212.1",
      description: "Joins metal parts by welding.",
      nace: ["25"],
      greenShare: 0.1,
      essential: [fid(107)],
      optional: [fid(108), fid(109)],
    },
    {
      id: fid(204, "cccccccc"),
      label: "senior heat pump installer",
      isco: "7126",
      code: "7126.3.1",
      description: "Leads heat pump installation teams.",
      broaderOccupation: fid(201, "cccccccc"),
      nace: ["4322"],
      essential: [fid(101), fid(109)],
      optional: [fid(106)],
    },
  ];
  const isco = [
    { code: "3", label: "Technicians and associate professionals", description: "Major group 3." },
    { code: "31", label: "Science and engineering associate professionals", description: "Sub-major group 31." },
    {
      code: "311",
      label: "Physical and engineering science technicians",
      description: "Minor group 311.",
      greenShare: 0.3,
    },
    { code: "3112", label: "Civil engineering technicians", description: "Unit group 3112.", greenShare: 0.35 },
    { code: "7", label: "Craft and related trades workers", description: "Major group 7." },
    {
      code: "71",
      label: "Building and related trades workers (excluding electricians)",
      description: "Sub-major group 71.",
    },
    { code: "712", label: "Building finishers and related trades workers", description: "Minor group 712." },
    { code: "7126", label: "Plumbers and pipe fitters", description: "Unit group 7126.", greenShare: 0.25 },
    { code: "72", label: "Metal, machinery and related trades workers", description: "Sub-major group 72." },
    {
      code: "721",
      label: "Sheet and structural metal workers, moulders and welders, and related workers",
      description: "Minor group 721.",
    },
    { code: "7212", label: "Welders and flamecutters", description: "Unit group 7212." },
  ];
  return {
    groups,
    skills,
    occupations,
    isco,
    skillSkill: [
      { from: fid(101), to: fid(104), relation: "essential" },
      { from: fid(106), to: fid(105), relation: "optional" },
    ],
    danglingOccupationRows: [
      { occupationUri: occupationUri(fid(299, "dddddddd")), skill: fid(107), relation: "optional" },
    ],
  };
}

/** Quotes a CSV cell when needed. */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
function csv(header: string[], rows: string[][], options: { ragged?: boolean } = {}): string {
  const lines = [header.map(cell).join(",")];
  for (const row of rows) {
    let cells = row;
    if (options.ragged) {
      // Real skillsHierarchy rows stop after their last non-empty cell.
      let end = cells.length;
      while (end > 1 && cells[end - 1] === "") end--;
      cells = cells.slice(0, end);
    }
    lines.push(cells.map(cell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

export interface WriteFixtureOptions {
  layout?: Layout;
  languages?: string[];
  /** Write zips named like the ESCO portal's downloads instead of a folder of CSV files. */
  zip?: boolean;
  /** Name of the folder (default: `ESCO-<layout>` so the version is detectable). */
  folder?: string;
  /** Add an unknown column to skills files (v1.2.1 layout adds one anyway). */
  extraSkillColumn?: boolean;
}

/** Builds the files of a fixture: file name → content. */
export function fixtureFiles(
  data: FixtureData,
  options: WriteFixtureOptions = {},
): { language: Map<string, Record<string, string>>; relations: Record<string, string> } {
  const layout = options.layout ?? "v1.1.1";
  const languages = options.languages ?? ["en"];
  const v12 = layout === "v1.2.1";
  const groupUri = new Map(data.groups.map((g) => [g.id, g.uri]));
  const uriOf = (id: string) => groupUri.get(id) ?? skillUri(id);
  const skillById = new Map(data.skills.map((s) => [s.id, s]));
  const clean = (label: string) => label.trim().replace(/\s+/g, " ");
  const labelIn = (lang: string, label: string, de?: string) =>
    lang === "en" ? label : lang === "de" && de ? de : `${clean(label)} [${lang}]`;
  const language = new Map<string, Record<string, string>>();
  for (const lang of languages) {
    const files: Record<string, string> = {};
    const skillHeader = [...SKILLS_HEADER];
    if (v12 || options.extraSkillColumn) skillHeader.push("futureColumn");
    files[`skills_${lang}.csv`] = csv(
      skillHeader,
      data.skills.map((s) => {
        const row = [
          "KnowledgeSkillCompetence",
          skillUri(s.id),
          s.skillType,
          s.reuseLevel,
          labelIn(lang, s.label, s.de),
          (s.alt ?? []).map((a) => labelIn(lang, a)).join("\n"),
          (s.hidden ?? []).join("\n"),
          s.status ?? "released",
          "2022-01-01T00:00:00Z",
          "",
          "",
          [
            "http://data.europa.eu/esco/concept-scheme/skills",
            "http://data.europa.eu/esco/concept-scheme/member-skills",
          ].join(",\n"),
          lang === "en" ? s.description : `${s.description} [${lang}]`,
        ];
        if (v12 || options.extraSkillColumn) row.push(`future value of ${s.id.slice(-3)}`);
        return row;
      }),
    );
    files[`skillGroups_${lang}.csv`] = csv(
      [
        "conceptType",
        "conceptUri",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "modifiedDate",
        "scopeNote",
        "inScheme",
        "description",
        "code",
      ],
      data.groups.map((g) => [
        "SkillGroup",
        g.uri,
        labelIn(lang, g.label, g.de),
        "",
        "",
        "released",
        "",
        "",
        "http://data.europa.eu/esco/concept-scheme/skills\nhttp://data.europa.eu/esco/concept-scheme/skills-hierarchy",
        g.description,
        g.code,
      ]),
    );
    const occHeader = [...OCCUPATIONS_HEADER];
    if (v12) occHeader.push("naceCode");
    files[`occupations_${lang}.csv`] = csv(
      occHeader,
      data.occupations.map((o) => {
        const row = [
          "Occupation",
          occupationUri(o.id),
          o.isco,
          labelIn(lang, o.label, o.de),
          (o.alt ?? []).map((a) => labelIn(lang, a)).join("\n"),
          "",
          "released",
          "2022-01-01T00:00:00Z",
          "http://data.europa.eu/esco/regulated-professions/unregulated",
          "",
          "",
          "http://data.europa.eu/esco/concept-scheme/occupations,\nhttp://data.europa.eu/esco/concept-scheme/member-occupations",
          o.description,
          o.code,
        ];
        if (v12) row.push((o.nace ?? []).map((n) => `http://data.europa.eu/ux2/nace2.1/${n}`).join(",\n"));
        return row;
      }),
    );
    files[`ISCOGroups_${lang}.csv`] = csv(
      ["conceptType", "conceptUri", "code", "preferredLabel", "status", "altLabels", "inScheme", "description"],
      data.isco.map((g) => [
        "ISCOGroup",
        iscoUri(g.code),
        g.code,
        labelIn(lang, g.label),
        "released",
        "",
        "http://data.europa.eu/esco/concept-scheme/isco",
        g.description,
      ]),
    );
    const green = data.skills.filter((s) => s.collections?.includes("green"));
    files[`conceptSchemes_${lang}.csv`] = csv(
      ["conceptType", "conceptSchemeUri", "preferredLabel", "title", "status", "description", "hasTopConcept"],
      [
        [
          "ConceptScheme",
          "http://data.europa.eu/esco/concept-scheme/skills",
          labelIn(lang, "ESCO skills"),
          "",
          "released",
          "",
          Object.values(ROOT).map(skillUri).join(",\n"),
        ],
        [
          "ConceptScheme",
          "http://data.europa.eu/esco/concept-scheme/fixture-green",
          labelIn(lang, "Green"),
          "",
          "released",
          "",
          green.map((s) => skillUri(s.id)).join(",\n"),
        ],
      ],
    );
    // Hierarchy: every path from a root to a group, levels 0..3; rows are ragged like the real file.
    const hierarchyRows: string[][] = [];
    const groupById = new Map(data.groups.map((g) => [g.id, g]));
    const pathOf = (g: FixtureGroup): FixtureGroup[] =>
      g.broader[0] && groupById.get(g.broader[0]) ? [...pathOf(groupById.get(g.broader[0])!), g] : [g];
    for (const g of data.groups) {
      const path = pathOf(g);
      const row: string[] = [];
      for (let level = 0; level < 4; level++) {
        const p = path[level];
        row.push(p ? p.uri : "", p ? labelIn(lang, p.label, p.de) : "");
      }
      row.push(g.description, "");
      for (let level = 0; level < 4; level++) row.push(path[level]?.code ?? "");
      hierarchyRows.push(row);
    }
    files[`skillsHierarchy_${lang}.csv`] = csv(
      [
        "Level 0 URI",
        "Level 0 preferred term",
        "Level 1 URI",
        "Level 1 preferred term",
        "Level 2 URI",
        "Level 2 preferred term",
        "Level 3 URI",
        "Level 3 preferred term",
        "Description",
        "Scope note",
        "Level 0 code",
        "Level 1 code",
        "Level 2 code",
        "Level 3 code",
      ],
      hierarchyRows,
      { ragged: true },
    );
    const collectionFile = (name: string, members: FixtureSkill[], order: "label-first" | "type-first") => {
      const header =
        order === "label-first"
          ? [
              "conceptType",
              "conceptUri",
              "preferredLabel",
              "status",
              "skillType",
              "reuseLevel",
              "altLabels",
              "description",
              "broaderConceptUri",
              "broaderConceptPT",
            ]
          : [
              "conceptType",
              "conceptUri",
              "skillType",
              "reuseLevel",
              "preferredLabel",
              "status",
              "altLabels",
              "description",
              "broaderConceptUri",
              "broaderConceptPT",
            ];
      files[name] = csv(
        header,
        members.map((s) => {
          const values: Record<string, string> = {
            conceptType: "KnowledgeSkillCompetence",
            conceptUri: skillUri(s.id),
            preferredLabel: clean(labelIn(lang, s.label, s.de)),
            status: s.status ?? "released",
            skillType: s.skillType,
            reuseLevel: s.reuseLevel,
            altLabels: (s.alt ?? []).map((a) => labelIn(lang, a)).join(" | "),
            description: s.description,
            broaderConceptUri: s.broader.map(uriOf).join(" | "),
            broaderConceptPT: s.broader
              .map((b) => clean(groupById.get(b)?.label ?? skillById.get(b)?.label ?? ""))
              .join(" | "),
          };
          return header.map((h) => values[h] ?? "");
        }),
      );
    };
    collectionFile(`greenSkillsCollection_${lang}.csv`, green, "label-first");
    collectionFile(
      layout === "v1.1.0" ? `ictSkillsCollection_${lang}.csv` : `digitalSkillsCollection_${lang}.csv`,
      data.skills.filter((s) => s.collections?.includes("digital")),
      "label-first",
    );
    collectionFile(
      `transversalSkillsCollection_${lang}.csv`,
      data.skills.filter((s) => s.collections?.includes("transversal")),
      "type-first",
    );
    if (v12) {
      const shares = [
        ...data.isco
          .filter((g) => g.greenShare !== undefined)
          .map((g) => [
            g.code.length === 3 ? "ISCO level 3" : "ISCO level 4",
            iscoUri(g.code),
            g.code,
            g.label,
            String(g.greenShare),
          ]),
        ...data.occupations
          .filter((o) => o.greenShare !== undefined)
          .map((o) => ["Occupation", occupationUri(o.id), o.code, o.label, String(o.greenShare)]),
      ];
      files[`greenShareOcc_${lang}.csv`] = csv(
        ["conceptType", "conceptUri", "code", "preferredLabel", "greenShare"],
        shares,
      );
      files[`dictionary_${lang}.csv`] = csv(
        ["filename", "data header", "property", "description"],
        [["skills", "conceptUri", "uri", "The concept's URI."]],
      );
    }
    language.set(lang, files);
  }
  const suffix = v12 ? "_en" : "";
  const relations: Record<string, string> = {};
  const occById = new Map(data.occupations.map((o) => [o.id, o]));
  const occRows: string[][] = [];
  for (const o of data.occupations) {
    for (const [relation, list] of [
      ["essential", o.essential],
      ["optional", o.optional],
    ] as const) {
      for (const s of list) {
        const skill = skillById.get(s)!;
        occRows.push(
          v12
            ? [occupationUri(o.id), o.label, relation, skill.skillType, skillUri(s), clean(skill.label)]
            : [occupationUri(o.id), relation, skill.skillType, skillUri(s)],
        );
      }
    }
  }
  for (const d of data.danglingOccupationRows) {
    const skill = skillById.get(d.skill)!;
    occRows.push(
      v12
        ? [d.occupationUri, "missing occupation", d.relation, skill.skillType, skillUri(d.skill), clean(skill.label)]
        : [d.occupationUri, d.relation, skill.skillType, skillUri(d.skill)],
    );
  }
  relations[`occupationSkillRelations${suffix}.csv`] = csv(
    v12
      ? ["occupationUri", "occupationLabel", "relationType", "skillType", "skillUri", "skillLabel"]
      : ["occupationUri", "relationType", "skillType", "skillUri"],
    occRows,
  );
  relations[`skillSkillRelations${suffix}.csv`] = csv(
    ["originalSkillUri", "originalSkillType", "relationType", "relatedSkillType", "relatedSkillUri"],
    data.skillSkill.map((r) => [
      skillUri(r.from),
      skillById.get(r.from)!.skillType,
      r.relation,
      skillById.get(r.to)!.skillType,
      skillUri(r.to),
    ]),
  );
  const broaderSkillRows: string[][] = [];
  for (const g of data.groups)
    for (const b of g.broader)
      broaderSkillRows.push(["SkillGroup", g.uri, g.label, "SkillGroup", uriOf(b), groupById(b)]);
  function groupById(id: string) {
    return data.groups.find((g) => g.id === id)?.label ?? skillById.get(id)?.label ?? "";
  }
  for (const s of data.skills)
    for (const b of s.broader)
      broaderSkillRows.push([
        "KnowledgeSkillCompetence",
        skillUri(s.id),
        clean(s.label),
        groupUri.has(b) ? "SkillGroup" : "KnowledgeSkillCompetence",
        uriOf(b),
        clean(groupById(b)),
      ]);
  const broaderOccRows: string[][] = [];
  for (const g of data.isco)
    if (g.code.length > 1)
      broaderOccRows.push([
        "ISCOGroup",
        iscoUri(g.code),
        g.label,
        "ISCOGroup",
        iscoUri(g.code.slice(0, -1)),
        data.isco.find((p) => p.code === g.code.slice(0, -1))?.label ?? "",
      ]);
  for (const o of data.occupations) {
    const parent = o.broaderOccupation ? occById.get(o.broaderOccupation) : undefined;
    broaderOccRows.push(
      parent
        ? ["Occupation", occupationUri(o.id), o.label, "Occupation", occupationUri(parent.id), parent.label]
        : [
            "Occupation",
            occupationUri(o.id),
            o.label,
            "ISCOGroup",
            iscoUri(o.isco),
            data.isco.find((g) => g.code === o.isco)?.label ?? "",
          ],
    );
  }
  const pick = (rows: string[][]) => (v12 ? rows : rows.map((r) => [r[0]!, r[1]!, r[3]!, r[4]!]));
  const broaderHeader = v12
    ? ["conceptType", "conceptUri", "conceptLabel", "broaderType", "broaderUri", "broaderLabel"]
    : ["conceptType", "conceptUri", "broaderType", "broaderUri"];
  relations[`broaderRelationsSkillPillar${suffix}.csv`] = csv(broaderHeader, pick(broaderSkillRows));
  relations[`broaderRelationsOccPillar${suffix}.csv`] = csv(broaderHeader, pick(broaderOccRows));
  return { language, relations };
}

/**
 * Writes a fixture under `dir` and returns the paths to pass to the importer: one folder, or the zips.
 */
export function writeEscoFixture(
  dir: string,
  data: FixtureData = baseFixture(),
  options: WriteFixtureOptions = {},
): string[] {
  const layout = options.layout ?? "v1.1.1";
  const { language, relations } = fixtureFiles(data, options);
  mkdirSync(dir, { recursive: true });
  if (options.zip) {
    const paths: string[] = [];
    for (const [lang, files] of language) {
      const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
      // v1.2.x language zips carry the relation files too; v1.1.x ships them in a separate zip.
      if (layout === "v1.2.1")
        for (const [name, text] of Object.entries(relations)) entries[name.replace("_en", `_${lang}`)] = strToU8(text);
      const path = join(dir, `ESCO dataset - ${layout} - classification - ${lang} - csv.zip`);
      writeFileSync(path, zipSync(entries));
      paths.push(path);
    }
    if (layout !== "v1.2.1") {
      const path = join(dir, `ESCO dataset - ${layout} - classification -  - csv.zip`);
      writeFileSync(
        path,
        zipSync(Object.fromEntries(Object.entries(relations).map(([name, text]) => [name, strToU8(text)]))),
      );
      paths.push(path);
    }
    return paths;
  }
  const folder = join(dir, options.folder ?? `ESCO-${layout}`);
  mkdirSync(folder, { recursive: true });
  for (const files of language.values())
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  for (const [name, text] of Object.entries(relations)) writeFileSync(join(folder, name), text);
  return [folder];
}
