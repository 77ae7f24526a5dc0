import { describe, expect, it } from 'vitest';
import type { DoseRecord } from '../../../contracts/dosing';
import type { Action } from '../../../domain/auth';
import type { ComputedDose, ComputedIvDose } from '../../../domain/dosing';
import { devicesText, doseCardActions, doseTime, pumpRateText } from './dose-card-model';
import { formatDateTime } from '../format';

const dose = (over: Partial<DoseRecord>) =>
  ({
    status: 'ordered',
    verificationRequired: true,
    ordered: { id: 'orderer', label: 'Pia', at: null },
    ...over,
  }) as DoseRecord;
const canAll = (_: Action) => true;
const canOnly =
  (...allowed: Action[]) =>
  (a: Action) =>
    allowed.includes(a);

describe('dose card model', () => {
  it('formats times and leaves a missing one empty', () => {
    expect(doseTime(null)).toBe('');
    expect(doseTime('2024-03-05T10:20:00Z')).toBe(formatDateTime('2024-03-05T10:20:00Z'));
  });

  it('shows a pump rate or IV push, and device counts for intranasal doses', () => {
    const iv = { pumpRateMlPerHour: 150, infusionTimeMin: 40 } as ComputedIvDose;
    expect(pumpRateText(iv)).toBe('150 mL/h for 40.0 min');
    expect(pumpRateText({ ...iv, pumpRateMlPerHour: null })).toBe('IV push');
    expect(devicesText({ route: 'intranasal', devices: 3, mgPerDevice: 28 } as ComputedDose)).toBe(
      '3 × 28 mg',
    );
    expect(devicesText({ route: 'iv' } as ComputedDose)).toBe('');
  });

  it('never lets the orderer verify their own dose', () => {
    expect(doseCardActions(dose({}), 'orderer', canAll)).toEqual({
      canVerify: false,
      awaitsOtherVerifier: true,
      canMarkReady: false,
      canCancel: true,
    });
    expect(doseCardActions(dose({}), 'someone-else', canAll)).toMatchObject({
      canVerify: true,
      awaitsOtherVerifier: false,
    });
  });

  it('marks a verified dose ready, or an ordered one that needs no second clinician', () => {
    expect(doseCardActions(dose({ status: 'verified' }), 'x', canAll).canMarkReady).toBe(true);
    expect(doseCardActions(dose({ verificationRequired: false }), 'x', canAll).canMarkReady).toBe(true);
    expect(doseCardActions(dose({ status: 'ready_to_administer' }), 'x', canAll)).toEqual({
      canVerify: false,
      awaitsOtherVerifier: false,
      canMarkReady: false,
      canCancel: false,
    });
  });

  it('follows the permissions', () => {
    expect(doseCardActions(dose({}), 'x', canOnly('dose.order'))).toEqual({
      canVerify: false,
      awaitsOtherVerifier: false,
      canMarkReady: false,
      canCancel: true,
    });
    expect(doseCardActions(dose({}), 'orderer', canOnly()).awaitsOtherVerifier).toBe(false);
  });
});
