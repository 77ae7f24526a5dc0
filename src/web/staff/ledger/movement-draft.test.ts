import { describe, expect, it } from 'vitest';
import { emptyDraft, movementBody, movementsFor, witnessed } from './movement-draft';
import { visibleTabs } from './ledger-tabs';

describe('movement bodies', () => {
  it('sends a waste with its quantity, manner and the witness typed on the screen', () => {
    const draft = {
      ...emptyDraft(),
      quantity: '15',
      manner: 'pharmaceutical waste container',
      witness: { email: 'pax@example.test', password: 'pw', code: '123456' },
    };
    expect(movementBody('waste', draft)).toEqual({
      quantity: { value: 15, unit: 'mg' },
      manner: 'pharmaceutical waste container',
      witness: { email: 'pax@example.test', password: 'pw', code: '123456' },
    });
  });

  it('sends only what each movement takes', () => {
    const draft = {
      ...emptyDraft(),
      note: ' checked ',
      deltaMg: '-10',
      reason: 'spilt',
      toLocationId: 'safe-b',
    };
    expect(movementBody('open', draft)).toEqual({ note: 'checked' });
    expect(movementBody('transfer', draft)).toEqual({ toLocationId: 'safe-b', note: 'checked' });
    expect(movementBody('expire', emptyDraft())).toEqual({ reason: 'expired' });
    expect(movementBody('adjust', draft)).toEqual({ deltaMg: -10, reason: 'spilt', note: 'checked' });
  });

  it('sends 0 for a blank or unreadable quantity so the server names the field', () => {
    expect(movementBody('waste', { ...emptyDraft(), quantity: 'abc' }).quantity.value).toBe(0);
  });

  it('offers the movements a container in its state can take', () => {
    expect(movementsFor('sealed')[0]).toBe('open');
    expect(movementsFor('open')).toContain('waste');
    expect(movementsFor('sealed')).not.toContain('waste');
    expect(movementsFor('returned')).toEqual([]);
    expect(witnessed('waste') && witnessed('adjust') && !witnessed('open')).toBe(true);
  });
});

describe('ledger tabs', () => {
  it('shows a nurse no set-up and an administrator no reports', () => {
    const nurse = (a: string) => a !== 'ledger.manage' && a !== 'ledger.discrepancy';
    const admin = (a: string) => ['ledger.read', 'ledger.manage', 'ledger.discrepancy'].includes(a);
    expect(visibleTabs(nurse, undefined).active?.id).toBe('stock');
    expect(visibleTabs(nurse, 'setup').active).toBeUndefined();
    expect(visibleTabs(admin, undefined).tabs.map((t) => t.id)).toEqual(['stock', 'discrepancies', 'setup']);
  });
});
