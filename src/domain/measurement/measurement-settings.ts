import type { MeasurementSettings } from '../clinic';
import type { InstrumentId, SettingsInput } from '../instruments';
import { OUTCOME_DEFAULTS, type RemissionRule, type ResponseRule } from '../outcomes';
import type { OutcomeSettings } from '../outcomes';

const sameRule = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
  // depression scales; others keep their own.
  if (
    defaults.response?.rule.kind === 'percent-reduction' &&
    ['phq9', 'qids-sr16', 'madrs'].includes(instrumentId)
  ) {
    const response: ResponseRule = { kind: 'percent-reduction', atLeast: s.responsePercent };
    if (!sameRule(response, defaults.response.rule)) out.response = response;
  }
  return out;
}

/** Instrument settings that come from the clinic's measurement section (PCL-5 cut-off, Aldrete threshold). */
export function instrumentSettingsFor(instrumentId: InstrumentId, s: MeasurementSettings): SettingsInput {
  if (instrumentId === 'pcl5') return { cutoff: s.pcl5CutOff };
  if (instrumentId === 'aldrete') return { dischargeThreshold: s.aldreteDischargeThreshold };
  return {};
}
