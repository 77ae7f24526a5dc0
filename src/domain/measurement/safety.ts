import {
  resolveSettings,
  type InstrumentDefinition,
  type Provenance,
  type ResolvedSetting,
  type ScoreResult,
  type SettingsInput,
} from '../instruments';

/**
 * Why a scored response needs a clinician's attention. Any `suicidal-ideation` flag: PHQ-9 item 9,
 * QIDS-SR16 item 12 and MADRS item 10 at or above the clinic's level (each definition's
 * `safetyAlertFrom` setting; docs/clinical-sources.md#phq9-item9 and
 * docs/clinical-sources.md#suicide-item-alerts), C-SSRS Q1 or Q2; C-SSRS high risk; and C-SSRS moderate
 * risk when the clinic turned `alertAtModerateRisk` on (docs/clinical-sources.md#cssrs-screener). The
 * settings used are read from the result, which is stored with them. An empty list means no alert.
 */
export function safetyReasons(result: ScoreResult): string[] {
  const reasons: string[] = [];
  if (result.flags.includes('suicidal-ideation')) reasons.push('suicidal-ideation');
  if (result.instrument === 'cssrs-screener') {
    if (result.severity === 'high') reasons.push('cssrs-high');
    if (result.severity === 'moderate' && result.details.settings.alertAtModerateRisk?.value === true) {
      reasons.push('cssrs-moderate');
    }
  }
  return reasons;
}

/** A patient finishing a self-report that raised a safety reason sees crisis resources at once. */
export function showCrisisResources(result: ScoreResult): boolean {
  return safetyReasons(result).length > 0;
}

/** When an instrument opens a safety alert, in words for staff, with the evidence of the rule. */
export interface SafetyRule {
  text: string;
  evidence: Provenance;
  /** The clinical source register entry, e.g. 'docs/clinical-sources.md#suicide-item-alerts'. */
  section: string;
}

/** The given settings resolved, or the definition's defaults when they do not validate. */
function settingsOrDefaults(
  def: InstrumentDefinition,
  input: SettingsInput,
): Record<string, ResolvedSetting> {
  const given = resolveSettings(def, input);
  if (given.ok) return given.settings;
  const defaults = resolveSettings(def);
  return defaults.ok ? defaults.settings : {};
}

function settingNote(s: ResolvedSetting, show: (v: unknown) => string): string {
  return s.isDefault ? `default ${show(s.default)}` : `clinic setting; default ${show(s.default)}`;
}

/**
 * The instrument's safety trigger as the clinic has set it (null when it raises none), e.g.
 * "Opens a safety alert for a clinician: item 12 (Thoughts of death or suicide) at 2 or more (clinic
 * setting; default 1)." Shown with the instrument in the staff app.
 */
export function safetyRuleOf(def: InstrumentDefinition, input: SettingsInput = {}): SafetyRule | null {
  const settings = settingsOrDefaults(def, input);
  if (def.id === 'cssrs-screener') {
    const moderate = settings.alertAtModerateRisk;
    const high = def.classification?.kind === 'levels' ? def.classification.levels[0] : undefined;
    return {
      text:
        'Opens a safety alert for a clinician: high risk (Q4 or Q5 yes, or Q6 within the past 3 months), or Q1 or Q2 yes' +
        (moderate
          ? `; at moderate risk too: ${moderate.value === true ? 'on' : 'off'} (${settingNote(moderate, (v) => (v ? 'on' : 'off'))}).`
          : '.'),
      evidence: high?.citation.provenance ?? 'secondary',
      section: high?.citation.section ?? 'docs/clinical-sources.md#cssrs-screener',
    };
  }
  const flag = def.flags.find((f) => f.id === 'suicidal-ideation');
  if (!flag || flag.when.kind !== 'item-at-least') return null;
  const { item: itemId, value } = flag.when;
  const index = def.items.findIndex((i) => i.id === itemId);
  const item = def.items[index];
  const setting = typeof value === 'number' ? undefined : settings[value.setting];
  const level = typeof value === 'number' ? value : setting?.value;
  const note = setting ? ` (${settingNote(setting, String)})` : '';
  return {
    text: `Opens a safety alert for a clinician: item ${index + 1} (${item?.label ?? itemId}) at ${String(level)} or more${note}.`,
    evidence: flag.citation.provenance,
    section: flag.citation.section,
  };
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
  'cssrs-moderate': 'C-SSRS screener: moderate risk (the clinic alerts at moderate risk)',
};
