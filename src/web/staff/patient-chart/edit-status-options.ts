import { careStatusLabels, careStatusMoves, type CareStatus } from '../../../domain/patients';

/** The edit form offers the status the edit started from and the moves allowed from it. */
export function editStatusOptions(current: CareStatus): { value: CareStatus; label: string }[] {
  return [current, ...careStatusMoves[current]].map((s) => ({ value: s, label: careStatusLabels[s] }));
}
