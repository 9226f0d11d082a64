/**
 * The official Open Badges 3.0 and ELM/EDC artefacts beside the project (`../shared/standards`), for
 * export tests: the OB JSON Schemas (Ajv 2019-09), and JSON-LD expansion with local contexts only plus
 * SHACL validation against the EDC shapes. Suites skip cleanly where the folder is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import dataset from "@rdfjs/dataset";
import type { DatasetCore } from "@rdfjs/types";
import { Ajv2019 } from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import jsonld from "jsonld";
import { Parser } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { describeIfData } from "./data-gate.js";
import { PROJECT_ROOT } from "./shared-esco.js";

export const STANDARDS = resolve(PROJECT_ROOT, "../shared/standards");
export const hasStandards =
  existsSync(join(STANDARDS, "openbadges/schema")) && existsSync(join(STANDARDS, "elm/shapes"));
const SKIP = `skipped: ${STANDARDS} not found (export tests need the official OB 3.0 and ELM artefacts beside the project)`;

if (!hasStandards) process.stderr.write(`[green-skills tests] ${SKIP}\n`);

/** A describe block that runs only with the shared standards artefacts. */
export function describeWithStandards(name: string, body: () => void): void {
  describeIfData(hasStandards, SKIP, name, body);
}

const json = (path: string): unknown => JSON.parse(readFileSync(join(STANDARDS, path), "utf8"));

// ---------------------------------------------------------------- Open Badges 3.0 JSON Schemas

export interface SchemaCheck {
  valid: boolean;
  errors: string[];
}

let obValidators: { published: (doc: unknown) => SchemaCheck; formal: (doc: unknown) => SchemaCheck } | undefined;

/**
 * Validators for an AchievementCredential: `published` is the current purl schema (JSON-LD adaptation),
 * `formal` the strict 1EdTech build (plain strings, arrays where arrays are expected).
 */
export function openBadgeValidators(): {
  published: (doc: unknown) => SchemaCheck;
  formal: (doc: unknown) => SchemaCheck;
} {
  if (obValidators) return obValidators;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const wrap = (schemaPath: string) => {
    const validate = ajv.compile(json(schemaPath) as object);
    return (doc: unknown): SchemaCheck => {
      const valid = validate(doc) as boolean;
      return {
        valid,
        errors: (validate.errors ?? []).map(
          (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
        ),
      };
    };
  };
  obValidators = {
    published: wrap("openbadges/schema/ob_v3p0_achievementcredential_schema.json"),
    formal: wrap("openbadges/schema/formal/achievementcredential.json"),
  };
  return obValidators;
}

// ---------------------------------------------------------------- JSON-LD with local contexts only

const LOCAL: Record<string, string> = {
  "https://www.w3.org/2018/credentials/v1": "elm/context/credentials-v1.jsonld",
  "http://data.europa.eu/snb/model/context/edc-ap": "elm/context/edc-ap-context.jsonld",
  "https://www.w3.org/ns/credentials/v2": "openbadges/context/credentials-v2.jsonld",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "openbadges/context/context-3.0.3.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "openbadges/context/extensions.json",
};

/** The context the package ships for its `ext:` terms. */
const PACKAGE_CONTEXTS: Record<string, string> = {
  "https://w3id.org/green-skills/context/v1": join(PROJECT_ROOT, "schema/context-v1.json"),
};

/** Serves the contexts from `../shared/standards` and the package; any other URL fails (no network). */
export async function documentLoader(url: string) {
  const own = PACKAGE_CONTEXTS[url];
  if (own) return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(own, "utf8")) as unknown };
  const file = LOCAL[url];
  if (!file) throw new Error(`offline: no local copy of ${url}`);
  return { contextUrl: null, documentUrl: url, document: json(file) };
}

/** JSON-LD expansion in safe mode: throws on any term the contexts do not define (nothing dropped silently). */
export async function expandSafe(doc: unknown): Promise<Record<string, unknown>[]> {
  try {
    return await jsonld.expand(doc, { documentLoader, safe: true });
  } catch (error) {
    throw readable(error);
  }
}

/** jsonld's safe-mode errors carry the offending term in `details.event`; put it in the message. */
function readable(error: unknown): Error {
  const event = (error as { details?: { event?: { code?: string; details?: unknown } } }).details?.event;
  return event ? new Error(`JSON-LD ${event.code}: ${JSON.stringify(event.details)}`) : (error as Error);
}

/** The document as RDF quads (safe mode). */
export async function toQuads(doc: unknown): Promise<DatasetCore> {
  let nquads: string;
  try {
    nquads = await jsonld.toRDF(doc, { documentLoader, safe: true, format: "application/n-quads" });
  } catch (error) {
    throw readable(error);
  }
  return dataset.dataset(new Parser({ format: "N-Quads" }).parse(nquads));
}

// ---------------------------------------------------------------- SHACL

const turtle = (path: string): DatasetCore =>
  dataset.dataset(new Parser({ format: "text/turtle" }).parse(readFileSync(join(STANDARDS, path), "utf8")));

let shaclValidators: { full: SHACLValidator; noCv: SHACLValidator } | undefined;

function validators(): { full: SHACLValidator; noCv: SHACLValidator } {
  if (shaclValidators) return shaclValidators;
  const noCvShapes = turtle("elm/shapes/EDC-generic-no-cv.ttl");
  shaclValidators = {
    noCv: new SHACLValidator(noCvShapes),
    full: new SHACLValidator(turtle("elm/shapes/EDC-generic-full.ttl"), {
      importGraph: async (iri) => {
        if (iri.value !== "http://data.europa.eu/snb/model/ap/edc-generic-no-cv")
          throw new Error(`offline: no local copy of ${iri.value}`);
        return turtle("elm/shapes/EDC-generic-no-cv.ttl");
      },
    }),
  };
  return shaclValidators;
}

/** One SHACL result, readable: the focus node, the path and the message. */
export interface ShaclViolation {
  focus: string;
  path: string | null;
  message: string;
  severity: string;
}

/** SHACL report of a document: conforms, and each violation (all severities). */
export interface ShaclCheck {
  conforms: boolean;
  violations: ShaclViolation[];
  quads: number;
}

/**
 * Validates a JSON-LD document against the EDC shapes: `full` (with the controlled-vocabulary checks,
 * importing no-cv) or `no-cv`.
 */
export async function validateShacl(doc: unknown, shapes: "full" | "no-cv" = "full"): Promise<ShaclCheck> {
  const data = await toQuads(doc);
  const validator = shapes === "full" ? validators().full : validators().noCv;
  const report = await validator.validate(data);
  const violations = report.results.map((r) => ({
    focus: r.focusNode?.value ?? "?",
    path: r.path?.value ?? null,
    message: r.message.map((m) => m.value).join("; "),
    severity: r.severity?.value.replace("http://www.w3.org/ns/shacl#", "") ?? "?",
  }));
  return { conforms: report.conforms, violations, quads: data.size };
}

/** Reads one of the official example files (for harness self-tests). */
export function standardsFile(path: string): unknown {
  return json(path);
}
