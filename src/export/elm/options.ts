import type { ExportIssuer } from "../issuer.js";

/**
 * Options of the ELM exports.
 *
 * @module
 */

/**
 * Options of {@link toElm}.
 *
 * @category Export
 */
export interface ElmOptions {
  /**
   * The primary language: ESCO labels are looked up in it first (then in the credential's other
   * languages). ELM texts are multilingual, so every language of the credential is kept. Default: the
   * first language of the title.
   */
  lang?: string;
}

/**
 * A picture of the credential for the EDC display (`displayParameter.individualDisplay`), which the EDC
 * shapes require.
 *
 * @category Export
 */
export interface EdcDisplayImage {
  /** The file, base64-encoded. */
  base64: string;
  /** Its type in the EU File Type NAL, e.g. `PNG`, `JPEG`, `PDF`, `SVG`. */
  fileType: string;
}

/**
 * Options of {@link toEuropeanDigitalCredential}.
 *
 * @category Export
 */
export interface EdcOptions extends ElmOptions {
  /**
   * The issuer; see {@link ExportIssuer} for the defaults. Its eIDAS legal identifier is required
   * (`legalIdentifier`, else the first awarding body's `legalIdentifier`).
   */
  issuer?: ExportIssuer;
  /** The credential's `id`. Default: the issued credential's `id` (one of them is required). */
  credentialId?: string;
  /** Start of validity (ISO date or date-time). Default: the date of issuing. */
  validFrom?: string;
  /** The display image. Default: a generated SVG page with the title, learner, issuer, date and outcomes. */
  display?: EdcDisplayImage;
  /**
   * `"2.0"` (default): the Europass / EBSI profile (VCDM 2.0) that passes the EBSI Europass EDC JSON Schema
   * (docs/export-elm.md). `"1.1"`: the VCDM 1.1 form of the Commission's ELM v3 samples.
   */
  vcdm?: "2.0" | "1.1";
}
