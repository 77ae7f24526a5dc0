/**
 * The shapes of Arbor's informed-consent rules: consent templates (the text a patient reads and signs),
 * the status of a signed consent, and the checks on an electronic signature. Instants are ISO 8601
 * strings; the rules compare them as instants, never as text.
 */

/** A problem with the input, named by the field it is about, in words a user can act on. */
export interface Problem {
  field: string;
  message: string;
}

/** What a rule returns instead of throwing when the input is wrong in an ordinary way. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * How well the clinical source register supports a fact (docs/clinical-sources.md#evidence-levels):
 * `engineering` is an Arbor design choice with no clinical source.
 */
export type EvidenceTag = 'primary' | 'secondary' | 'unverified' | 'primary/secondary' | 'engineering';

/** A register entry a template relies on: `anchor` is the entry's id in docs/clinical-sources.md. */
export interface ConsentSource {
  anchor: string;
  tag: EvidenceTag;
}

export const CONSENT_TEMPLATE_CODES = ['iv-ketamine', 'esketamine'] as const;
export type ConsentTemplateCode = (typeof CONSENT_TEMPLATE_CODES)[number];

export interface ConsentSection {
  heading: string;
  /** Plain sentences. `{clinicName}` and `{patientName}` are filled in by `renderConsentText`. */
  paragraphs: readonly string[];
  /**
   * The register anchors this section was reviewed against (each one is also listed in the template's
   * `sources`). Not part of the signed text.
   */
  anchors?: readonly string[];
}

/**
 * A consent form as data. A template never changes once a patient may have signed it: a clinic's edit
 * is saved as a new version of the same code, and a signature records the code, the version and the
 * SHA-256 of the rendered text it was given.
 */
export interface ConsentTemplate {
  code: ConsentTemplateCode;
  title: string;
  /** A positive integer; the defaults shipped with Arbor are version 1. */
  version: number;
  sections: readonly ConsentSection[];
  sources: readonly ConsentSource[];
}

export const CONSENT_STATUSES = [
  'unsigned',
  'awaiting_countersignature',
  'valid',
  'expired',
  'withdrawn',
  'superseded',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentStatusInput {
  /** When the patient signed (ISO instant), or null. */
  signedAt: string | null;
  /** When the clinician countersigned (ISO instant), or null. */
  countersignedAt: string | null;
  /** When the patient withdrew the consent (ISO instant), or null. */
  withdrawnAt: string | null;
  templateCode: ConsentTemplateCode;
  /** The template version this consent was signed (or presented) on. */
  templateVersion: number;
  /** The version of the same template that is current at the clinic now. */
  currentVersionOfTemplate: number;
  /** Days a signature stays in force (a clinic setting), or null for no time limit. */
  expiryDays: number | null;
}

/** A drawn signature as the signing pad captured it: points in the pad's own pixels, y downwards. */
export interface DrawnSignature {
  width: number;
  height: number;
  strokes: readonly (readonly (readonly [number, number])[])[];
}

export interface SignatureInput {
  /** The name the signer typed. */
  typedName: string;
  /** The signer's legal name on record. */
  expectedName: string;
  /** Required unless `requireDrawing` is false (for example a clinician's typed countersignature). */
  drawnSignature?: DrawnSignature | null;
  /** The signer ticked agreement to `ESIGN_DISCLOSURE`. */
  esignConsent: boolean;
  /** Default true. */
  requireDrawing?: boolean;
}

export interface CheckedSignature {
  /** The typed name, trimmed, with runs of spaces made single. */
  typedName: string;
  drawnSignature: DrawnSignature | null;
}
