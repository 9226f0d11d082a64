import { FrameworkNotAttachedError, InvalidBundleError, InvalidFrameworkError } from "../errors.js";
import { type Taxonomy, storeOf } from "../taxonomy/taxonomy.js";
import { FRAMEWORK_EXTENSION } from "./build.js";
import { type FrameworkMergeReport, checkFramework } from "./merge-report.js";
import { check } from "../plain-check.js";
import { frameworkChecker } from "./check.js";
import type { Framework } from "./schema.js";
import { readingArgument } from "../guard.js";

/**
 * Attaching a framework layer (sectors, GreenComp) to a taxonomy. The curated embedded default carries its
 * own; a full ESCO import gets one attached (`green-skills/node` does it on load) and the citations are
 * checked against the imported version.
 *
 * @module
 */

/** @internal A framework attached to a taxonomy, with its report and a cache for derived indexes. */
export interface Attachment {
  readonly framework: Framework;
  readonly report: FrameworkMergeReport;
  readonly cache: Map<string, unknown>;
}

const attachments = new WeakMap<Taxonomy, Attachment>();

function validate(api: string, framework: unknown): Framework {
  const checked = readingArgument(api, "framework", framework, () => check<Framework>(frameworkChecker, framework));
  if (!checked.ok)
    throw new InvalidFrameworkError(api, checked.issue.path.map(String).join("."), checked.issue.message);
  return checked.value;
}

/**
 * Attaches a framework layer to a taxonomy (replacing any attached before) and checks its citations
 * against the taxonomy: cited URIs that are missing, relabelled, of another kind or no longer green come
 * back in the report (and stay available from {@link frameworkReport}).
 *
 * @category Framework
 * @param taxonomy - A loaded taxonomy.
 * @param framework - A framework object, e.g. `defaultFramework` from `green-skills/data`, or one extended with your own sectors.
 * @returns The merge report.
 * @throws {@link InvalidFrameworkError} when `framework` is not a valid framework object.
 * @example
 * ```ts
 * import { loadTaxonomy, attachFramework } from "green-skills";
 * import { defaultFramework } from "green-skills/data";
 * const esco = loadTaxonomy(new Uint8Array(await (await fetch("/esco-v1.1.1.gsb")).arrayBuffer()));
 * attachFramework(esco, defaultFramework).issues.length //=> 0 on ESCO v1.1.1
 * ```
 */
export function attachFramework(taxonomy: Taxonomy, framework: Framework): FrameworkMergeReport {
  const store = storeOf(taxonomy);
  const valid = validate("attachFramework", framework);
  const report = checkFramework(store, valid);
  attachments.set(taxonomy, { framework: valid, report, cache: new Map() });
  return report;
}

/** @internal The attachment of a taxonomy: attached explicitly, or carried by the bundle (embedded default). */
export function attachmentOf(taxonomy: Taxonomy, api: string): Attachment {
  storeOf(taxonomy, api);
  const attached = attachments.get(taxonomy);
  if (attached) return attached;
  const carried = taxonomy.meta.extensions?.[FRAMEWORK_EXTENSION];
  if (carried === undefined) throw new FrameworkNotAttachedError(api);
  let framework: Framework;
  try {
    framework = validate(api, carried);
  } catch (error) {
    throw new InvalidBundleError(`the bundle's framework layer is invalid (${(error as Error).message})`, undefined, {
      cause: error,
    });
  }
  const attachment = {
    framework,
    report: checkFramework(storeOf(taxonomy), framework),
    cache: new Map<string, unknown>(),
  };
  attachments.set(taxonomy, attachment);
  return attachment;
}

/**
 * True when the taxonomy has a framework layer (attached, or carried by the embedded default).
 *
 * @category Framework
 * @param taxonomy - A loaded taxonomy.
 * @returns Whether sector and GreenComp queries can run on it.
 */
export function hasFramework(taxonomy: Taxonomy): boolean {
  storeOf(taxonomy, "hasFramework");
  return attachments.has(taxonomy) || taxonomy.meta.extensions?.[FRAMEWORK_EXTENSION] !== undefined;
}

/**
 * The framework layer of a taxonomy.
 *
 * @category Framework
 * @param taxonomy - A loaded taxonomy.
 * @returns The attached (or carried) framework.
 * @throws {@link FrameworkNotAttachedError} when there is none.
 */
export function frameworkOf(taxonomy: Taxonomy): Framework {
  return attachmentOf(taxonomy, "frameworkOf").framework;
}

/**
 * The merge report of the taxonomy's framework layer: every citation that does not match the loaded
 * ESCO version.
 *
 * @category Framework
 * @param taxonomy - A loaded taxonomy.
 * @returns The report made when the framework was attached.
 * @throws {@link FrameworkNotAttachedError} when there is no framework layer.
 * @example
 * ```ts
 * frameworkReport(taxonomy).issues.filter((i) => i.code === "cited_concept_missing").map((i) => i.uri)
 * //=> [] on ESCO v1.1.1
 * ```
 */
export function frameworkReport(taxonomy: Taxonomy): FrameworkMergeReport {
  return attachmentOf(taxonomy, "frameworkReport").report;
}

/** @internal A value derived from the attachment, computed once per attachment. */
export function derived<T>(attachment: Attachment, key: string, build: () => T): T {
  if (attachment.cache.has(key)) return attachment.cache.get(key) as T;
  const value = build();
  attachment.cache.set(key, value);
  return value;
}
