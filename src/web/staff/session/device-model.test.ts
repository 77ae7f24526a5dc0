import { describe, expect, it } from 'vitest';
import {
  allDevicesTaken,
  deviceOrdinal,
  formatCountdown,
  nextDeviceWaitMs,
  previousLot,
} from './device-model';

const at = (iso: string, lot = 'L1') => ({ entryId: '00000000-0000-4000-8000-000000000001', at: iso, lot });

describe('the next device', () => {
  const devices = [at('2030-01-02T15:00:00.000Z', 'A1'), at('2030-01-02T15:05:00.000Z', 'A2')];

  it('waits five minutes after the previous device', () => {
    expect(nextDeviceWaitMs(devices, Date.parse('2030-01-02T15:06:30Z'))).toBe(210_000);
    expect(nextDeviceWaitMs(devices, Date.parse('2030-01-02T15:11:00Z'))).toBe(0);
    expect(nextDeviceWaitMs([], Date.parse('2030-01-02T15:11:00Z'))).toBe(0);
  });

  it('counts down in minutes and seconds, rounding up', () => {
    expect(formatCountdown(210_000)).toBe('3:30');
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(500)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
  });

  it('offers the previous lot and knows when the order is complete', () => {
    expect(previousLot(devices)).toBe('A2');
    expect(previousLot([])).toBe('');
    const dose = (devicesOrdered: number | null) => ({
      id: '00000000-0000-4000-8000-000000000002',
      status: 'verified',
      totalMg: 56,
      concentrationMgPerMl: null,
      pumpRateMlPerHour: null,
      devices: devicesOrdered,
    });
    expect(allDevicesTaken({ devices, dose: dose(2) })).toBe(true);
    expect(allDevicesTaken({ devices, dose: dose(3) })).toBe(false);
    expect(allDevicesTaken({ devices, dose: dose(null) })).toBe(false);
    expect(deviceOrdinal(3, 3)).toBe('Device 3 of 3');
    expect(deviceOrdinal(1, null)).toBe('Device 1');
  });
});
