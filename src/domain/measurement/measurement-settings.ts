import type { MeasurementSettings } from '../clinic';
import type { InstrumentId, SettingsInput } from '../instruments';
import { OUTCOME_DEFAULTS, type RemissionRule, type ResponseRule } from '../outcomes';
import type { OutcomeSettings } from '../outcomes';

const sameRule = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The clinic measurement settings that are an instrument's own settings (its safety trigger, and the
 * thresholds the register tags [secondary] or [unverified]), so that every place that scores (staff entry,
 * self-report, amendment) and the trajectory use the clinic's value. One row per instrument setting;
 * src/domain/measurement/clinic-thresholds.test.ts checks that every instrument setting has a row.
 */
export const INSTRUMENT_SETTING_KEYS = [
  { key: 'phq9SafetyAlertFrom', instrument: 'phq9', setting: 'safetyAlertFrom' },
  { key: 'qidsSafetyAlertFrom', instrument: 'qids-sr16', setting: 'safetyAlertFrom' },
  { key: 'madrsSafetyAlertFrom', instrument: 'madrs', setting: 'safetyAlertFrom' },
  { key: 'cssrsAlertAtModerateRisk', instrument: 'cssrs-screener', setting: 'alertAtModerateRisk' },
  { key: 'cssrsModerateItems', instrument: 'cssrs-screener', setting: 'moderateItems' },
  { key: 'madrsMildFrom', instrument: 'madrs', setting: 'mildFrom' },
  { key: 'madrsModerateFrom', instrument: 'madrs', setting: 'moderateFrom' },
  { key: 'madrsSevereFrom', instrument: 'madrs', setting: 'severeFrom' },
  { key: 'bpiModerateFrom', instrument: 'bpi-sf', setting: 'moderateFrom' },
  { key: 'bpiSevereFrom', instrument: 'bpi-sf', setting: 'severeFrom' },
  { key: 'pcl5CutOff', instrument: 'pcl5', setting: 'cutoff' },
  { key: 'aldreteDischargeThreshold', instrument: 'aldrete', setting: 'dischargeThreshold' },
  {
    key: 'aldreteAllowEightWithRespirationAndSpo2',
    instrument: 'aldrete',
    setting: 'allowEightWithRespirationAndSpo2',
  },
] as const satisfies readonly { key: keyof MeasurementSettings; instrument: InstrumentId; setting: string }[];

/**
 * The outcome rules a clinic's settings imply for one instrument. A value equal to the cited default
 * is passed as "not set", so the result keeps the default's citation
 * (docs/clinical-sources.md#remission-definition) instead of "clinic setting".
 */
export function outcomeSettingsFor(instrumentId: InstrumentId, s: MeasurementSettings): OutcomeSettings {
  const defaults = OUTCOME_DEFAULTS[instrumentId];
  const out: OutcomeSettings = {};
  const remission: Partial<Record<InstrumentId, RemissionRule>> = {
    phq9: { kind: 'below', value: s.phq9RemissionBelow },
    'qids-sr16': { kind: 'at-most', value: s.qidsRemissionAtMost },
    madrs: { kind: 'at-most', value: s.madrsRemissionAtMost },
  };
  const rem = remission[instrumentId];
  if (rem && !sameRule(rem, defaults.remission?.rule)) out.remission = rem;
  // The percentage response rule (≥ 50%, docs/clinical-sources.md#response-definition) applies to the
  // depression scales; PCL-5 (≥ 10 points) and pain (≥ 30%) have [secondary] rules of their own.
  const responses: Partial<Record<InstrumentId, ResponseRule>> = {
    phq9: { kind: 'percent-reduction', atLeast: s.responsePercent },
    'qids-sr16': { kind: 'percent-reduction', atLeast: s.responsePercent },
    madrs: { kind: 'percent-reduction', atLeast: s.responsePercent },
    pcl5: { kind: 'point-reduction', atLeast: s.pcl5ResponsePoints },
    'pain-nrs': { kind: 'percent-reduction', atLeast: s.painResponsePercent },
    'bpi-sf': { kind: 'percent-reduction', atLeast: s.painResponsePercent },
  };
  const response = responses[instrumentId];
  if (response && defaults.response && !sameRule(response, defaults.response.rule)) out.response = response;
  return out;
}

/**
 * The instrument settings the clinic's measurement section sets for one instrument: its safety trigger
 * and its [secondary]/[unverified] thresholds (INSTRUMENT_SETTING_KEYS). Every value is passed, default
 * or not, so each stored score records exactly what it was computed with.
 */
export function instrumentSettingsFor(instrumentId: InstrumentId, s: MeasurementSettings): SettingsInput {
  return Object.fromEntries(
    INSTRUMENT_SETTING_KEYS.filter((m) => m.instrument === instrumentId).map((m) => [m.setting, s[m.key]]),
  );
}
