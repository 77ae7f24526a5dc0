import type { Patient } from '../../../contracts/patients';
import { careStatusLabels, type CareStatus } from '../../../domain/patients';

/** A change on the Status tab waiting for confirmation. */
export type StatusChange = { kind: 'move'; to: CareStatus } | { kind: 'deactivate' } | { kind: 'reactivate' };

/** Deactivating or reactivating a record needs a reason; a care-status move may give one. */
export function reasonProblem(change: StatusChange, reason: string): string | undefined {
  if (change.kind === 'move' || reason.trim().length >= 3) return undefined;
  return 'Give a reason of at least 3 characters';
}

/** How the confirmation dialog reads for a change. */
export function statusChangeDialog(change: StatusChange) {
  if (change.kind === 'move')
    return {
      title: `Move to ${careStatusLabels[change.to]}?`,
      confirmLabel: 'Move',
      reasonLabel: 'Reason (optional)',
    };
  return change.kind === 'deactivate'
    ? { title: 'Deactivate this record?', confirmLabel: 'Deactivate', reasonLabel: 'Reason (required)' }
    : { title: 'Reactivate this record?', confirmLabel: 'Reactivate', reasonLabel: 'Reason (required)' };
}

/** What the tab says once the change is saved. */
export function statusChangeNotice(change: StatusChange, saved: Patient): string {
  if (change.kind === 'move') return `Care status is now ${careStatusLabels[saved.careStatus]}.`;
  return change.kind === 'deactivate'
    ? 'The record is deactivated. It is kept and can be reactivated.'
    : 'The record is active again.';
}
