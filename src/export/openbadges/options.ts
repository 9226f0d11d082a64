import type { ExportIssuer } from "../issuer.js";

/**
 * Options of the Open Badges exports.
 *
 * @module
 */

/**
 * Options of {@link toOpenBadgeAchievement}.
 *
 * @category Export
 */
export interface OpenBadgeAchievementOptions {
  /** Language of the texts and ESCO labels (OB 3.0 strings are single-language). Default: the first language of the title. */
  lang?: string;
  /** The achievement's `id`. Default: the definition's `id`. */
  achievementId?: string;
}

/**
 * Options of {@link toOpenBadgeCredential}.
 *
 * @category Export
 */
export interface OpenBadgeCredentialOptions extends OpenBadgeAchievementOptions {
  /** The issuer; see {@link ExportIssuer} for the defaults. */
  issuer?: ExportIssuer;
  /** The credential's `id`. Default: the issued credential's `id` (one of them is required). */
  credentialId?: string;
}
