// Five years of a busy ketamine clinic's controlled-substance ledger, generated day by day as the
// clinic would record it: receipts confirmed by a second person, vials moved to the treatment room,
// opened, drawn for IV sessions, remainders wasted with a witness, SPRAVATO devices given whole, a
// count of every container on hand at close, and now and then a quarantine, a return to a reverse
// distributor, a witnessed adjustment and a correction. Pure: a seeded PRNG, no I/O.
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_PRODUCTS,
  addDays,
  isoWeekday,
  type LedgerEvent,
  type Registrant,
} from '../../src/domain/ledger/index.js';

export const VIAL = DEFAULT_PRODUCTS.find((p) => p.key === 'ketamine-50-10')!;
export const DEVICE = DEFAULT_PRODUCTS.find((p) => p.key === 'esketamine-28-device')!;

export interface HistoryInput {
  clinicId: string;
  /** Main safe (receipts, stock) and treatment-room safe (the day's vials). */
  safeId: string;
  roomId: string;
  /** Records stock movements and counts; the physician confirms receipts and witnesses. */
  nurseId: string;
  physicianId: string;
  /** The first and last clinic-local business day of the history. */
  firstDay: string;
  lastDay: string;
  /** IV patients and SPRAVATO patients per business day (mean). */
  ivPerDay: number;
  spravatoPerDay: number;
  seed: number;
  /** The patients the sessions are for (chosen at random). */
  patientIds: readonly string[];
}

/** An administration's links; the seeder creates the dose and session rows with these ids. */
export interface Administration {
  sessionId: string;
  doseId: string;
  kind: 'iv_ketamine' | 'esketamine';
  patientId: string;
  at: number;
}

export interface Receipt {
  id: string;
  locationId: string;
  receivedOn: string;
  at: number;
  invoiceNumber: string;
  lines: {
    productKey: string;
    lotNumber: string;
    expiryDate: string;
    labelNumber: string;
    containerId: string;
  }[];
}

export interface CountRecord {
  id: string;
  locationId: string;
  at: number;
}

export interface History {
  events: LedgerEvent[];
  receipts: Receipt[];
  sessions: Administration[];
  counts: CountRecord[];
}

export const SUPPLIER: Registrant = {
  name: 'Bench Pharmaceutical Supply',
  address: '1 Distribution Way, Newark, NJ 07102',
  deaNumber: 'PB1234563',
};
const REVERSE_DISTRIBUTOR: Registrant = {
  name: 'Bench Returns Inc.',
  address: '9 Return Road, Edison, NJ 08817',
  deaNumber: 'RB7654321',
};

/** Mulberry32: the same seed gives the same history. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Stock {
  id: string;
  productKey: string;
  locationId: string;
  balanceUg: number;
  status: 'sealed' | 'open' | 'quarantined';
  expiryDate: string;
}

export function generateHistory(input: HistoryInput): History {
  const random = prng(input.seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const events: LedgerEvent[] = [];
  const receipts: Receipt[] = [];
  const sessions: Administration[] = [];
  const counts: CountRecord[] = [];
  const stock = new Map<string, Stock>();
  let label = 0;
  let invoice = 0;
  const base = { clinicId: input.clinicId };

  for (let day = input.firstDay; day <= input.lastDay; day = addDays(day, 1)) {
    if (isoWeekday(day) > 5) continue;
    // Business hours 08:00–18:00 in New York are 13:00–23:00 UTC in winter; one event a minute at most.
    let clock = Date.parse(`${day}T13:00:00Z`);
    const tick = (minutes = 1) => (clock += minutes * 60_000);
    const on = (location: string, productKey: string, status?: Stock['status']) =>
      [...stock.values()].filter(
        (s) => s.locationId === location && s.productKey === productKey && (!status || s.status === status),
      );
    const push = (e: LedgerEvent) => events.push(e);

    // Morning: a delivery when the safe runs low (a box of 10 vials, a case of 24 devices).
    const reorder = (productKey: string, below: number, quantity: number) => {
      if (on(input.safeId, productKey, 'sealed').length >= below) return;
      invoice += 1;
      const receipt: Receipt = {
        id: randomUUID(),
        locationId: input.safeId,
        receivedOn: day,
        at: tick(),
        invoiceNumber: `INV-${String(invoice).padStart(6, '0')}`,
        lines: [],
      };
      const product = productKey === VIAL.key ? VIAL : DEVICE;
      const lotNumber = `L${day.replaceAll('-', '')}${productKey === VIAL.key ? 'K' : 'E'}`;
      const expiryDate = addDays(day, 720);
      for (let i = 0; i < quantity; i++) {
        label += 1;
        const containerId = randomUUID();
        const line = { productKey, lotNumber, expiryDate, labelNumber: `B-${label}`, containerId };
        receipt.lines.push(line);
        push({
          ...base,
          id: randomUUID(),
          type: 'receive',
          locationId: input.safeId,
          containerId,
          actorId: input.nurseId,
          at: tick(),
          productKey,
          quantityUg: product.strength.contentUg,
          lotNumber,
          expiryDate,
          labelNumber: line.labelNumber,
          supplier: SUPPLIER,
          invoiceNumber: receipt.invoiceNumber,
          confirmedById: input.physicianId,
        });
        stock.set(containerId, {
          id: containerId,
          productKey,
          locationId: input.safeId,
          balanceUg: product.strength.contentUg,
          status: 'sealed',
          expiryDate,
        });
      }
      receipts.push(receipt);
    };
    reorder(VIAL.key, 6, 10);
    reorder(DEVICE.key, 25, 24);

    const ivToday = Math.max(0, Math.round(input.ivPerDay * (0.8 + 0.4 * random())));
    const spravatoToday = Math.max(0, Math.round(input.spravatoPerDay * (0.7 + 0.6 * random())));
    // The day's vials go to the treatment-room safe (about 40 mg a patient, 500 mg a vial).
    const vialsNeeded = Math.ceil((ivToday * 45) / 500) + 1 - on(input.roomId, VIAL.key, 'sealed').length;
    for (const s of on(input.safeId, VIAL.key, 'sealed').slice(0, Math.max(0, vialsNeeded))) {
      push({
        ...base,
        id: randomUUID(),
        type: 'transfer',
        locationId: s.locationId,
        containerId: s.id,
        actorId: input.nurseId,
        at: tick(),
        toLocationId: input.roomId,
      });
      s.locationId = input.roomId;
    }

    const waste = (s: Stock, manner: string) => {
      push({
        ...base,
        id: randomUUID(),
        type: 'waste',
        locationId: s.locationId,
        containerId: s.id,
        actorId: input.nurseId,
        at: tick(),
        quantityUg: s.balanceUg,
        witnessId: input.physicianId,
        manner,
        sessionId: null,
      });
      s.balanceUg = 0;
      stock.delete(s.id);
    };
    const openVial = (): Stock | null => {
      const next = on(input.roomId, VIAL.key, 'sealed')[0] ?? on(input.safeId, VIAL.key, 'sealed')[0];
      if (!next) return null;
      if (next.locationId !== input.roomId) {
        push({
          ...base,
          id: randomUUID(),
          type: 'transfer',
          locationId: next.locationId,
          containerId: next.id,
          actorId: input.nurseId,
          at: tick(),
          toLocationId: input.roomId,
        });
        next.locationId = input.roomId;
      }
      push({
        ...base,
        id: randomUUID(),
        type: 'open',
        locationId: next.locationId,
        containerId: next.id,
        actorId: input.nurseId,
        at: tick(),
      });
      next.status = 'open';
      return next;
    };
    const administer = (s: Stock, quantityUg: number, link: Administration) => {
      const id = randomUUID();
      push({
        ...base,
        id,
        type: 'administer',
        locationId: s.locationId,
        containerId: s.id,
        actorId: input.nurseId,
        at: tick(),
        quantityUg,
        patientId: link.patientId,
        sessionId: link.sessionId,
        doseOrderId: link.doseId,
      });
      s.balanceUg -= quantityUg;
      if (s.status === 'sealed') s.status = 'open';
      return id;
    };

    // IV sessions: 0.5 mg/kg for 55–110 kg, from the open vial; a vial that cannot cover the dose has
    // its remainder wasted and the next one is opened.
    let vial: Stock | null = on(input.roomId, VIAL.key, 'open')[0] ?? null;
    for (let i = 0; i < ivToday; i++) {
      const doseUg = between(55, 110) * 500;
      if (!vial || vial.balanceUg < doseUg) {
        if (vial && vial.balanceUg > 0)
          waste(vial, 'drawn into a syringe and emptied into the drug disposal pouch');
        else if (vial) stock.delete(vial.id);
        vial = openVial();
        if (!vial) break;
      }
      const link: Administration = {
        sessionId: randomUUID(),
        doseId: randomUUID(),
        kind: 'iv_ketamine',
        patientId: input.patientIds[between(0, input.patientIds.length - 1)]!,
        at: tick(between(5, 12)),
      };
      sessions.push(link);
      const administered = administer(vial, doseUg, link);
      // About once in 400 administrations the wrong vial was recorded: reversed by a witnessed
      // correction, then entered again.
      if (random() < 1 / 400) {
        push({
          ...base,
          id: randomUUID(),
          type: 'correction',
          locationId: vial.locationId,
          containerId: vial.id,
          actorId: input.nurseId,
          at: tick(),
          correctsEventId: administered,
          reason: 'recorded against the wrong patient session',
          witnessId: input.physicianId,
        });
        vial.balanceUg += doseUg;
        administer(vial, doseUg, link);
      }
      // About once in 600, a drop lost while drawing up: a witnessed adjustment of 0.2 mg.
      if (random() < 1 / 600 && vial.balanceUg >= 200) {
        push({
          ...base,
          id: randomUUID(),
          type: 'adjust',
          locationId: vial.locationId,
          containerId: vial.id,
          actorId: input.nurseId,
          at: tick(),
          deltaUg: -200,
          reason: 'drop lost from the needle while drawing up',
          witnessId: input.physicianId,
          relatesToEventId: null,
        });
        vial.balanceUg -= 200;
      }
    }
    // Close: the open vial's remainder is wasted (discarded at the end of the day).
    if (vial && vial.balanceUg > 0) waste(vial, 'remainder discarded at close into the drug disposal pouch');
    else if (vial) stock.delete(vial.id);

    // SPRAVATO: 56 mg (2 devices) or 84 mg (3), each device given whole.
    for (let i = 0; i < spravatoToday; i++) {
      const devices = random() < 0.6 ? 3 : 2;
      const link: Administration = {
        sessionId: randomUUID(),
        doseId: randomUUID(),
        kind: 'esketamine',
        patientId: input.patientIds[between(0, input.patientIds.length - 1)]!,
        at: tick(between(5, 15)),
      };
      sessions.push(link);
      for (let d = 0; d < devices; d++) {
        const device = on(input.safeId, DEVICE.key, 'sealed')[0];
        if (!device) break;
        administer(device, device.balanceUg, link);
        stock.delete(device.id);
        tick(5);
      }
    }

    // A damaged device every two months or so is quarantined, and returned at the next monthly pickup (the 15th).
    if (random() < 1 / 40) {
      const device = on(input.safeId, DEVICE.key, 'sealed').at(-1);
      if (device) {
        push({
          ...base,
          id: randomUUID(),
          type: 'expire',
          locationId: device.locationId,
          containerId: device.id,
          actorId: input.nurseId,
          at: tick(),
          reason: 'quarantined',
        });
        device.status = 'quarantined';
      }
    }
    if (day.endsWith('-15')) {
      for (const s of on(input.safeId, DEVICE.key, 'quarantined')) {
        push({
          ...base,
          id: randomUUID(),
          type: 'return',
          locationId: s.locationId,
          containerId: s.id,
          actorId: input.nurseId,
          at: tick(),
          quantityUg: s.balanceUg,
          distributor: REVERSE_DISTRIBUTOR,
        });
        stock.delete(s.id);
      }
    }

    // Count at close: one blind count per safe, a count event for every container on hand.
    for (const locationId of [input.safeId, input.roomId]) {
      const onHand = [...stock.values()].filter((s) => s.locationId === locationId);
      if (onHand.length === 0) continue;
      const count: CountRecord = { id: randomUUID(), locationId, at: tick() };
      counts.push(count);
      for (const s of onHand)
        push({
          ...base,
          id: randomUUID(),
          type: 'count',
          locationId,
          containerId: s.id,
          actorId: input.nurseId,
          at: count.at,
          countId: count.id,
          countedUg: s.balanceUg,
          mode: 'blind',
          estimated: s.status === 'open',
        });
    }
  }
  return { events, receipts, sessions, counts };
}
