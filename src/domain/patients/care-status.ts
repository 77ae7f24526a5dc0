/**
 * The path of a patient through the clinic, and the moves allowed between its stages. A move not
 * in this table is refused, so a chart cannot jump from "referred" to "maintenance" by mistake.
 */
export const careStatuses = [
  'referred',
  'screening',
  'eligible',
  'not_eligible',
  'in_treatment',
  'maintenance',
  'discharged',
] as const;
export type CareStatus = (typeof careStatuses)[number];

export const careStatusLabels: Record<CareStatus, string> = {
  referred: 'Referred',
  screening: 'Screening',
  eligible: 'Eligible',
  not_eligible: 'Not eligible',
  in_treatment: 'In treatment',
  maintenance: 'Maintenance',
  discharged: 'Discharged',
};

export const careStatusMoves: Record<CareStatus, readonly CareStatus[]> = {
  referred: ['screening', 'discharged'],
  screening: ['eligible', 'not_eligible', 'discharged'],
  eligible: ['in_treatment', 'screening', 'discharged'],
  // Re-screening after a change in circumstances is common (e.g. blood pressure now controlled).
  not_eligible: ['screening', 'discharged'],
  in_treatment: ['maintenance', 'discharged'],
  // A relapse during maintenance starts a new induction series.
  maintenance: ['in_treatment', 'discharged'],
  // A discharged patient may be referred again.
  discharged: ['referred'],
};

export function canMoveCareStatus(from: CareStatus, to: CareStatus): boolean {
  return from === to || careStatusMoves[from].includes(to);
}
