import type { Action } from '../../../domain/auth';

/** The parts of the controlled-substance area, each with the permission that makes it useful. */
export const ledgerTabs = [
  { id: 'stock', label: 'Stock', requires: 'ledger.read' },
  { id: 'receipts', label: 'Receipts', requires: 'ledger.record' },
  { id: 'counts', label: 'Counts', requires: 'ledger.record' },
  { id: 'inventories', label: 'Inventories', requires: 'ledger.record' },
  { id: 'discrepancies', label: 'Discrepancies', requires: 'ledger.read' },
  { id: 'reports', label: 'Reports', requires: 'ledger.reports' },
  { id: 'setup', label: 'Set-up', requires: 'ledger.manage' },
] as const satisfies readonly { id: string; label: string; requires: Action }[];

export type LedgerTab = (typeof ledgerTabs)[number];

/** The tabs this user may use, and the one the address names (stock when it names none). */
export function visibleTabs(
  can: (action: Action) => boolean,
  requested: string | undefined,
): { tabs: LedgerTab[]; active: LedgerTab | undefined } {
  const tabs = ledgerTabs.filter((t) => can(t.requires));
  return { tabs, active: tabs.find((t) => t.id === (requested ?? 'stock')) };
}
