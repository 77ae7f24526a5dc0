import type { InventoryRequest, InventorySheetView, InventoryStatusView } from './ledger-api';

/** What the taker has entered for one container: a sealed one is there or not; an opened one, its mL. */
export interface InventoryLineDraft {
  present: '' | 'yes' | 'no';
  quantity: string;
  estimated: boolean;
}

export const emptyLine: InventoryLineDraft = { present: '', quantity: '', estimated: false };

export interface InventoryDraft {
  kind: InventoryRequest['kind'];
  takenOn: string;
  timeOfDay: InventoryRequest['timeOfDay'];
  locationIds: string[];
  lines: Record<string, InventoryLineDraft>;
  zeroStock: boolean;
  signature: { password: string; code: string };
}

export function emptyInventoryDraft(today: string, initialTaken: boolean): InventoryDraft {
  return {
    kind: initialTaken ? 'biennial' : 'initial',
    takenOn: today,
    timeOfDay: 'opening_of_business',
    locationIds: [],
    lines: {},
    zeroStock: false,
    signature: { password: '', code: '' },
  };
}

export const kindLabels: Record<InventoryRequest['kind'], string> = {
  initial: 'Initial',
  biennial: 'Biennial',
  other: 'Other (e.g. a change of registrant)',
};

export const timeOfDayLabels: Record<InventoryRequest['timeOfDay'], string> = {
  opening_of_business: 'Opening of business',
  close_of_business: 'Close of business',
};

/** The unit an opened container's content is entered in: mL for what is drawn by volume, else units. */
export const inventoryUnit = (line: InventorySheetView['lines'][number]): 'mL' | 'unit' =>
  line.countAs === 'volume' ? 'mL' : 'unit';

/**
 * The request from the sheet and what was entered. A container left unanswered is refused here, naming
 * it, so no inventory is signed with a container missing; an estimate is sent only where it is allowed.
 */
export function inventorySubmission(
  sheet: InventorySheetView,
  draft: InventoryDraft,
): { ok: true; body: InventoryRequest } | { ok: false; missing: string[] } {
  const missing: string[] = [];
  const lines: NonNullable<InventoryRequest['lines']> = [];
  for (const line of sheet.lines) {
    const typed = draft.lines[line.containerId] ?? emptyLine;
    if (line.status === 'sealed') {
      if (typed.present === '') missing.push(line.containerId);
      else lines.push({ containerId: line.containerId, present: typed.present === 'yes' });
      continue;
    }
    const value = Number(typed.quantity.trim());
    if (typed.quantity.trim() === '' || !Number.isFinite(value) || value < 0) {
      missing.push(line.containerId);
      continue;
    }
    lines.push({
      containerId: line.containerId,
      counted: { value, unit: inventoryUnit(line) },
      estimated: line.rule === 'estimate_allowed' && typed.estimated,
    });
  }
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    body: {
      kind: draft.kind,
      takenOn: draft.takenOn,
      timeOfDay: draft.timeOfDay,
      locationIds: sheet.locationIds,
      lines,
      zeroStock: sheet.lines.length === 0 && draft.zeroStock,
      signature: { password: draft.signature.password, code: draft.signature.code.trim() },
    },
  };
}

/** The status in words, and whether it is a warning or an alarm (overdue, or no initial inventory). */
export function inventoryStatusText(s: InventoryStatusView): {
  text: string;
  tone: 'ok' | 'warning' | 'danger';
} {
  switch (s.state) {
    case 'initial_due':
      return {
        text: 'No initial inventory has been taken: take it on the first day stock is handled.',
        tone: 'danger',
      };
    case 'overdue':
      return { text: `Overdue: the next inventory was due by ${s.nextDueBy}.`, tone: 'danger' };
    case 'due_soon':
      return { text: `Due soon: take the next inventory by ${s.nextDueBy}.`, tone: 'warning' };
    default:
      return { text: `Next inventory due by ${s.nextDueBy}.`, tone: 'ok' };
  }
}
