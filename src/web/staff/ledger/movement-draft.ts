import type { MovementRequests, MovementVerb, WitnessRequest } from './ledger-api';
import { witnessBody } from './ledger-model';

/** Everything the movement forms collect; each movement takes its own part of it. */
export interface MovementDraft {
  quantity: string;
  unit: 'mg' | 'mL' | 'unit';
  manner: string;
  toLocationId: string;
  distributor: { name: string; address: string; deaNumber: string };
  expireReason: 'expired' | 'quarantined';
  deltaMg: string;
  reason: string;
  note: string;
  witness: WitnessRequest;
}

export const emptyDraft = (unit: MovementDraft['unit'] = 'mg'): MovementDraft => ({
  quantity: '',
  unit,
  manner: '',
  toLocationId: '',
  distributor: { name: '', address: '', deaNumber: '' },
  expireReason: 'expired',
  deltaMg: '',
  reason: '',
  note: '',
  witness: { email: '', password: '', code: '' },
});

/** Movements that carry the witness block. */
export const witnessed = (verb: MovementVerb): boolean => verb === 'waste' || verb === 'adjust';

export const movementLabels: Record<MovementVerb, string> = {
  open: 'Open',
  waste: 'Waste',
  transfer: 'Transfer',
  return: 'Return to a reverse distributor',
  expire: 'Take out of use',
  adjust: 'Adjust',
};

/** A typed number; blank or not a number is sent as 0, which the server refuses naming the field. */
const num = (text: string): number => {
  const value = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(value) ? 0 : value;
};

const noteOf = (d: MovementDraft) => (d.note.trim() ? { note: d.note.trim() } : {});
const witnessOf = (d: MovementDraft) => {
  const w = witnessBody(d.witness);
  return w ? { witness: w } : {};
};

/** The request body of one movement from the draft, as the contract takes it. */
export function movementBody<V extends MovementVerb>(verb: V, d: MovementDraft): MovementRequests[V] {
  const bodies: { [K in MovementVerb]: () => MovementRequests[K] } = {
    open: () => ({ ...noteOf(d) }),
    waste: () => ({
      quantity: { value: num(d.quantity), unit: d.unit },
      manner: d.manner,
      ...witnessOf(d),
      ...noteOf(d),
    }),
    transfer: () => ({ toLocationId: d.toLocationId, ...noteOf(d) }),
    return: () => ({ distributor: { ...d.distributor }, ...noteOf(d) }),
    expire: () => ({ reason: d.expireReason, ...noteOf(d) }),
    adjust: () => ({ deltaMg: num(d.deltaMg), reason: d.reason, ...witnessOf(d), ...noteOf(d) }),
  };
  return bodies[verb]() as MovementRequests[V];
}

/** The movements a container in this status can take. */
export function movementsFor(status: string): MovementVerb[] {
  if (status === 'sealed') return ['open', 'transfer', 'return', 'expire', 'adjust'];
  if (status === 'open') return ['waste', 'transfer', 'return', 'expire', 'adjust'];
  if (status === 'expired' || status === 'quarantined') return ['return', 'adjust'];
  return [];
}
