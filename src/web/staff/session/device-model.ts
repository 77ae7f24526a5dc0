import { MG_PER_DEVICE } from '../../../domain/rems/index';
import { sessionKindProfile } from '../../../domain/session/index';
import type { SessionView } from './session-api';

/**
 * The esketamine devices at the chair as the page shows them: which device is next, how many were ordered,
 * and how long until the 5-minute spacing allows the next one. The server decides; this only informs.
 */

export { MG_PER_DEVICE };

/** Minutes between devices, from the session type's profile. */
export const DEVICE_SPACING_MS = (sessionKindProfile('esketamine').deviceSpacingMinutes ?? 0) * 60_000;

/** Milliseconds until the next device is due by the spacing (0 when it may be taken now or none was taken). */
export function nextDeviceWaitMs(devices: SessionView['devices'], now: number): number {
  const last = devices.at(-1);
  if (!last) return 0;
  return Math.max(0, Date.parse(last.at) + DEVICE_SPACING_MS - now);
}

/** "4:05": minutes and seconds, rounded up so "0:00" is shown only once the wait is over. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "Device 2 of 3" (or "Device 2" when the order does not say how many). */
export function deviceOrdinal(n: number, ordered: number | null): string {
  return ordered === null ? `Device ${n}` : `Device ${n} of ${ordered}`;
}

/** Every ordered device is taken: no further device form. */
export function allDevicesTaken(view: Pick<SessionView, 'devices' | 'dose'>): boolean {
  const ordered = view.dose?.devices ?? null;
  return ordered !== null && view.devices.length >= ordered;
}

/** The lot to offer for the next device: the previous one (usually the same box). */
export const previousLot = (devices: SessionView['devices']): string => devices.at(-1)?.lot ?? '';
