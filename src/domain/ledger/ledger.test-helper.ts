import type { AdministerEvent, LedgerEvent, ReceiveEvent } from './events.js';
import { DEFAULT_PRODUCTS, type Product } from './products.js';

export const T0 = Date.UTC(2026, 2, 2, 14, 0);
export const minutes = (n: number) => T0 + n * 60_000;

export const VIAL: Product = DEFAULT_PRODUCTS.find((p) => p.key === 'ketamine-50-10')!;
export const DEVICE: Product = DEFAULT_PRODUCTS.find((p) => p.key === 'esketamine-28-device')!;

export const SUPPLIER = {
  name: 'Acme Pharma Supply',
  address: '1 Main St, Springfield, IL',
  deaNumber: 'RA1234563',
};

export function receive(
  containerId: string,
  over: Partial<ReceiveEvent> = {},
  product: Product = VIAL,
): ReceiveEvent {
  return {
    id: `rcv-${containerId}`,
    type: 'receive',
    clinicId: 'c1',
    locationId: 'safe-1',
    containerId,
    actorId: 'nurse-a',
    at: minutes(0),
    productKey: product.key,
    quantityUg: product.strength.contentUg,
    lotNumber: 'L123',
    expiryDate: '2027-06-30',
    labelNumber: `K-${containerId}`,
    supplier: SUPPLIER,
    invoiceNumber: 'INV-1',
    confirmedById: 'nurse-b',
    ...over,
  };
}

export function administer(id: string, containerId: string, quantityUg: number, at: number): AdministerEvent {
  return {
    id,
    type: 'administer',
    clinicId: 'c1',
    locationId: 'safe-1',
    containerId,
    actorId: 'nurse-a',
    at,
    quantityUg,
    patientId: 'p1',
    sessionId: 's1',
    doseOrderId: 'd1',
  };
}

export function base(type: LedgerEvent['type'], id: string, containerId: string, at: number) {
  return { id, type, clinicId: 'c1', locationId: 'safe-1', containerId, actorId: 'nurse-a', at } as const;
}
