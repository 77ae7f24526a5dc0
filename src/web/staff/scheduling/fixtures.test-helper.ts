import type { AppointmentView, RoomView } from '../../../contracts/scheduling';

/** Appointments and rooms for the scheduling screens' tests (only tests import this). */

let next = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

export function room(name: string, sortOrder: number, extra: Partial<RoomView> = {}): RoomView {
  return { id: uuid(), kind: 'infusion_chair', name, active: true, sortOrder, ...extra };
}

/** An infusion from `localStart` to `localEnd` (clinic wall times), in New York. */
export function appointment(
  localStart: string,
  localEnd: string,
  extra: Partial<AppointmentView> = {},
): AppointmentView {
  return {
    id: uuid(),
    patient: { id: uuid(), name: 'Calder, Iris', mrn: 'A0000001' },
    type: { id: uuid(), code: 'iv_infusion', name: 'IV infusion (depression)', category: 'infusion' },
    seriesId: null,
    seriesIndex: null,
    seriesSize: null,
    room: null,
    clinician: null,
    start: `${localStart}:00-05:00`,
    end: `${localEnd}:00-05:00`,
    localStart,
    localEnd,
    status: 'booked',
    statusReason: null,
    mode: 'in_person',
    note: null,
    usesNurse: true,
    version: 1,
    ...extra,
  };
}
