/**
 * Esketamine devices at the chair (docs/clinical-sources.md#spravato-dosing): each device delivers 28 mg
 * and the patient waits 5 minutes between devices; the devices taken must match the verified order
 * (56 mg = 2 devices, 84 mg = 3).
 */

export const MG_PER_DEVICE = 28;

export interface DeviceTaken {
  at: number;
  lot: string;
}

export interface Problem {
  field: string;
  message: string;
}

/** Problems with one more device taken at `at`, after `taken` (in order), for an order of `ordered` devices. */
export function deviceProblems(
  taken: readonly DeviceTaken[],
  next: DeviceTaken,
  ordered: number,
  spacingMinutes: number,
): Problem[] {
  const problems: Problem[] = [];
  if (taken.length >= ordered)
    problems.push({
      field: 'devices',
      message: `the order is ${ordered} devices (${ordered * MG_PER_DEVICE} mg); ${taken.length} were already taken`,
    });
  const last = taken[taken.length - 1];
  if (last && next.at - last.at < spacingMinutes * 60_000)
    problems.push({
      field: 'eventAt',
      message: `must be at least ${spacingMinutes} minutes after the previous device (${Math.floor((next.at - last.at) / 60_000)} min)`,
    });
  if (!/^[A-Za-z0-9-]{2,30}$/.test(next.lot.trim()))
    problems.push({
      field: 'lot',
      message: 'must be the lot number printed on the device (letters, digits, hyphens)',
    });
  return problems;
}

/** When administration ends: every ordered device must have been taken. */
export function devicesComplete(taken: number, ordered: number): Problem[] {
  return taken === ordered
    ? []
    : [
        {
          field: 'devices',
          message: `${taken} of the ${ordered} ordered devices (${ordered * MG_PER_DEVICE} mg) were taken`,
        },
      ];
}
