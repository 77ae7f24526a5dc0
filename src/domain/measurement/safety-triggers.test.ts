import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema, measurementSettingsSchema } from '../clinic/clinic-settings';
import { getInstrument } from '../instruments/registry';
import { scoreResponse } from '../instruments/score';
import type { AnswerInput, InstrumentId, ScoreResult } from '../instruments/types';
import { instrumentSettingsFor } from './measurement-settings';
import { safetyReasons, safetyRuleOf, showCrisisResources } from './safety';

const defaults = measurementSettingsSchema.parse({});

/** Scores with the clinic's settings, as the server does, and fails the test on invalid answers. */
function scored(id: InstrumentId, answers: AnswerInput, settings = defaults): ScoreResult {
  const outcome = scoreResponse(id, answers, instrumentSettingsFor(id, settings));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

const qids = (item12: number) =>
  Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`item${i + 1}`, i === 11 ? item12 : 0]));
const madrs = (item10: number) =>
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`item${i + 1}`, i === 9 ? item10 : 0]));

describe('suicide items beyond the PHQ-9 raise the safety workflow', () => {
  it('QIDS-SR16 item 12 (thoughts of death or suicide) ≥ 1 raises an alert by default', () => {
    expect(safetyReasons(scored('qids-sr16', qids(0)))).toEqual([]);
    expect(safetyReasons(scored('qids-sr16', qids(1)))).toEqual(['suicidal-ideation']);
    // The patient who self-reports it sees the crisis line at once, as for PHQ-9 item 9.
    expect(showCrisisResources(scored('qids-sr16', qids(3)))).toBe(true);
  });

  it('MADRS item 10 (suicidal thoughts) ≥ 2 raises an alert by default', () => {
    expect(safetyReasons(scored('madrs', madrs(1)))).toEqual([]);
    expect(safetyReasons(scored('madrs', madrs(2)))).toEqual(['suicidal-ideation']);
    expect(safetyReasons(scored('madrs', madrs(6)))).toEqual(['suicidal-ideation']);
  });

  it('uses the level the clinic set for each instrument, and stores it with the score', () => {
    const s = { ...defaults, phq9SafetyAlertFrom: 2, qidsSafetyAlertFrom: 2, madrsSafetyAlertFrom: 4 };
    expect(safetyReasons(scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1], s))).toEqual([]);
    expect(safetyReasons(scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 2], s))).toEqual(['suicidal-ideation']);
    expect(safetyReasons(scored('qids-sr16', qids(1), s))).toEqual([]);
    expect(safetyReasons(scored('qids-sr16', qids(2), s))).toEqual(['suicidal-ideation']);
    expect(safetyReasons(scored('madrs', madrs(3), s))).toEqual([]);
    const raised = scored('madrs', madrs(4), s);
    expect(safetyReasons(raised)).toEqual(['suicidal-ideation']);
    expect(raised.details.settings.safetyAlertFrom).toMatchObject({ value: 4, default: 2, isDefault: false });
    expect(raised.details.flags.find((f) => f.id === 'suicidal-ideation')?.rule).toBe(
      'item10 ≥ 4 (setting safetyAlertFrom)',
    );
  });

  it('keeps C-SSRS high risk as the default trigger; a clinic may add moderate risk', () => {
    // Lifetime behaviour more than 3 months ago and no current thoughts: moderate by the default rule.
    const moderate = { item1: 0, item2: 0, item6: 1, 'item6-recent': 0 };
    expect(scored('cssrs-screener', moderate).severity).toBe('moderate');
    expect(safetyReasons(scored('cssrs-screener', moderate))).toEqual([]);
    const s = { ...defaults, cssrsAlertAtModerateRisk: true };
    expect(safetyReasons(scored('cssrs-screener', moderate, s))).toEqual(['cssrs-moderate']);
    const high = { item1: 1, item2: 1, item3: 1, item4: 1, item5: 0, item6: 0 };
    expect(safetyReasons(scored('cssrs-screener', high))).toEqual(['suicidal-ideation', 'cssrs-high']);
  });

  it('cites each default with its evidence tag; a trigger no source sets says it is unverified', () => {
    const trigger = (id: InstrumentId) =>
      getInstrument(id)!.settings.find((s) => s.key === 'safetyAlertFrom')!;
    expect(trigger('phq9')).toMatchObject({
      default: 1,
      citation: { section: 'docs/clinical-sources.md#phq9-item9', provenance: 'primary/secondary' },
    });
    expect(trigger('qids-sr16')).toMatchObject({
      default: 1,
      citation: { section: 'docs/clinical-sources.md#suicide-item-alerts', provenance: 'unverified' },
    });
    expect(trigger('madrs')).toMatchObject({
      default: 2,
      citation: { section: 'docs/clinical-sources.md#suicide-item-alerts', provenance: 'unverified' },
    });
    const cssrs = getInstrument('cssrs-screener')!.settings.find((s) => s.key === 'alertAtModerateRisk')!;
    expect(cssrs).toMatchObject({ default: false, citation: { provenance: 'secondary' } });
  });

  it('tags the PHQ-9 item 9 → C-SSRS flag primary/secondary, as the register does', () => {
    const flag = getInstrument('phq9')!.flags.find((f) => f.id === 'suicidal-ideation')!;
    expect(flag.citation).toMatchObject({
      section: 'docs/clinical-sources.md#phq9-item9',
      provenance: 'primary/secondary',
    });
  });

  it('describes each trigger for staff with the clinic’s value, the default and the evidence tag', () => {
    const qidsRule = safetyRuleOf(getInstrument('qids-sr16')!, instrumentSettingsFor('qids-sr16', defaults));
    expect(qidsRule?.text).toContain('item 12 (Thoughts of death or suicide) at 1 or more');
    expect(qidsRule?.text).toContain('default 1');
    expect(qidsRule?.evidence).toBe('unverified');
    const madrsRule = safetyRuleOf(
      getInstrument('madrs')!,
      instrumentSettingsFor('madrs', { ...defaults, madrsSafetyAlertFrom: 4 }),
    );
    expect(madrsRule?.text).toContain('item 10 (Suicidal thoughts) at 4 or more');
    expect(madrsRule?.text).toContain('clinic setting; default 2');
    expect(safetyRuleOf(getInstrument('cssrs-screener')!, {})?.text).toContain('high risk');
    expect(safetyRuleOf(getInstrument('gad7')!, {})).toBeNull();
  });
});

describe('the trigger settings are validated as clinic settings', () => {
  it('refuses a level outside the item’s answers, naming the field', () => {
    const bad = clinicSettingsSchema.safeParse({ measurement: { madrsSafetyAlertFrom: 7 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['measurement', 'madrsSafetyAlertFrom']);
    expect(clinicSettingsSchema.safeParse({ measurement: { qidsSafetyAlertFrom: 0 } }).success).toBe(false);
  });
});

// Keep the fixture honest: a result scored by hand without settings still reads its default.
describe('results scored without clinic settings', () => {
  it('use the cited defaults', () => {
    const outcome = scoreResponse('qids-sr16', qids(1));
    expect(outcome.ok && safetyReasons(outcome.result)).toEqual(['suicidal-ideation']);
  });
});
