import type { ScoreResult } from '../instruments';

/**
 * Why a scored response needs a clinician's attention (docs/clinical-sources.md#phq9-item9 and
 * docs/clinical-sources.md#cssrs-screener: PHQ-9 item 9 ≥ 1 starts the C-SSRS workflow): any
 * `suicidal-ideation` flag, or C-SSRS high risk. An empty list means no alert.
 */
export function safetyReasons(result: ScoreResult): string[] {
  const reasons: string[] = [];
  if (result.flags.includes('suicidal-ideation')) reasons.push('suicidal-ideation');
  if (result.instrument === 'cssrs-screener' && result.severity === 'high') reasons.push('cssrs-high');
  return reasons;
}

/** A patient finishing a self-report that raised a safety reason sees crisis resources at once. */
export function showCrisisResources(result: ScoreResult): boolean {
  return safetyReasons(result).length > 0;
}

export const safetyActionKinds = [
  'safety-assessment',
  'crisis-plan',
  'cssrs-completed',
  'emergency-referral',
  'contacted-patient',
  'other',
] as const;
export type SafetyActionKind = (typeof safetyActionKinds)[number];

export const safetyActionLabels: Record<SafetyActionKind, string> = {
  'safety-assessment': 'Safety assessment done',
  'crisis-plan': 'Crisis / safety plan made or reviewed',
  'cssrs-completed': 'C-SSRS screener completed',
  'emergency-referral': 'Referred to emergency care',
  'contacted-patient': 'Contacted the patient (follow-up still needed)',
  other: 'Other (described in the note)',
};

/** Contacting the patient is a step, not an outcome: it is recorded but leaves the alert open. */
export function actionResolves(kind: SafetyActionKind): boolean {
  return kind !== 'contacted-patient';
}

export const safetyReasonLabels: Record<string, string> = {
  'suicidal-ideation': 'Thoughts of death or self-harm endorsed',
  'cssrs-high': 'C-SSRS screener: high risk',
};
