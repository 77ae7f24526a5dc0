import type { SessionKind } from './session-types.js';

/**
 * What differs between session types, as data: the pre-treatment checklist, how vital signs are timed,
 * which actions the pump allows and what the discharge gate asks for. A new session type is a new entry
 * here and in the tables that are keyed by kind, not a new state machine.
 */

export type ChecklistItemId =
  | 'identity'
  | 'consent-eligibility'
  | 'fasting'
  | 'escort-transport'
  | 'no-driving'
  | 'pregnancy-test'
  | 'medications-today'
  | 'weight'
  | 'baseline-vitals'
  | 'suicide-risk';

export type DischargeCriterionId =
  'aldrete' | 'escort' | 'instructions' | 'minimum-observation' | 'clinician-judgment';

/** Fasting the session type itself sets, or the clinic's own setting (IV). */
export type FastingRule =
  { kind: 'clinic-setting' } | { kind: 'fixed'; foodHours: number; liquidMinutes: number; section: string };

/**
 * How vital signs fall due: at a fixed interval during and after an infusion, or at fixed minutes
 * after the first dose (esketamine: about 40 minutes, then before the patient leaves).
 */
export type VitalsPlan =
  | { kind: 'infusion'; section: string }
  | {
      kind: 'after-first-dose';
      atMinutes: readonly number[];
      /** A reading more than this after its due time is late; engineering default. */
      lateAfterMinutes: number;
      beforeDischarge: boolean;
      section: string;
    };

export interface SessionKindProfile {
  kind: SessionKind;
  label: string;
  checklist: readonly ChecklistItemId[];
  fasting: FastingRule;
  vitals: VitalsPlan;
  /** The start action marks the first dose; pause, resume and rate changes exist only for a pump. */
  hasPump: boolean;
  /** Minutes between devices self-administered one after another (esketamine). */
  deviceSpacingMinutes: number | null;
  /** The observation clock starts at the end of the infusion (IV) or at the first device (esketamine). */
  observationFrom: 'infusion-stop' | 'first-dose';
  discharge: readonly DischargeCriterionId[];
}

const SHARED_CHECKLIST: readonly ChecklistItemId[] = [
  'identity',
  'consent-eligibility',
  'fasting',
  'escort-transport',
  'no-driving',
  'pregnancy-test',
  'medications-today',
];

export const SESSION_KIND_PROFILES: Readonly<Record<SessionKind, SessionKindProfile>> = {
  iv_ketamine: {
    kind: 'iv_ketamine',
    label: 'IV ketamine infusion',
    // Today's weight feeds the weight-based dose.
    checklist: [...SHARED_CHECKLIST, 'weight', 'baseline-vitals', 'suicide-risk'],
    fasting: { kind: 'clinic-setting' },
    vitals: { kind: 'infusion', section: 'docs/clinical-sources.md#in-session-monitoring' },
    hasPump: true,
    deviceSpacingMinutes: null,
    observationFrom: 'infusion-stop',
    discharge: ['aldrete', 'escort', 'instructions', 'minimum-observation'],
  },
  esketamine: {
    kind: 'esketamine',
    label: 'Esketamine nasal spray',
    // The dose is a number of 28 mg devices, not weight-based.
    checklist: [...SHARED_CHECKLIST, 'baseline-vitals', 'suicide-risk'],
    // No food for 2 hours, no liquids for 30 minutes (docs/clinical-sources.md#spravato-pre-dose).
    fasting: {
      kind: 'fixed',
      foodHours: 2,
      liquidMinutes: 30,
      section: 'docs/clinical-sources.md#spravato-pre-dose',
    },
    // Blood pressure at about 40 minutes and before discharge (docs/clinical-sources.md#in-session-monitoring).
    vitals: {
      kind: 'after-first-dose',
      atMinutes: [40],
      lateAfterMinutes: 10,
      beforeDischarge: true,
      section: 'docs/clinical-sources.md#in-session-monitoring',
    },
    hasPump: false,
    // Devices 5 minutes apart (docs/clinical-sources.md#spravato-dosing).
    deviceSpacingMinutes: 5,
    // At least 2 hours from the first device, then the clinician's judgment
    // (docs/clinical-sources.md#discharge-criteria).
    observationFrom: 'first-dose',
    discharge: ['escort', 'instructions', 'minimum-observation', 'clinician-judgment'],
  },
};

export function sessionKindProfile(kind: SessionKind): SessionKindProfile {
  return SESSION_KIND_PROFILES[kind];
}
