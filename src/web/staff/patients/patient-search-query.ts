import { toQueryString } from '../query-string';

export const patientPageSize = 25;

/** The search request for one page of results; inactive records are asked for only when wanted. */
export function patientSearchUrl(
  q: string,
  careStatus: string,
  includeInactive: boolean,
  offset: number,
): string {
  return `/api/patients${toQueryString({ q, careStatus, includeInactive: includeInactive || undefined, limit: patientPageSize, offset })}`;
}

/** "No patients match.", "1 patient", "12 patients". */
export function patientCountText(total: number): string {
  return total === 0 ? 'No patients match.' : `${total} patient${total === 1 ? '' : 's'}`;
}

/** Whether a key press happened where typing "/" means the character, not the search shortcut. */
export function isTypingTarget(target: Pick<HTMLElement, 'isContentEditable' | 'tagName'> | null): boolean {
  return !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
