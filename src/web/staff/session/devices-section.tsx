import { useEffect, useState } from 'react';
import { formatDateTime } from '../format';
import { TextField } from '../ui/text-field';
import {
  allDevicesTaken,
  deviceOrdinal,
  formatCountdown,
  MG_PER_DEVICE,
  nextDeviceWaitMs,
  previousLot,
} from './device-model';
import { EntryStatus } from './entry-status';
import { SessionSection, type SectionProps } from './session-fields';
import { useEntryForm } from './use-entry-form';

/** The time now, every second: the form is on screen only while the devices are being taken. */
function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * How long until the spacing allows the next device. The ticking text is a timer (not read out every
 * second); the moment it becomes available is said once, politely.
 */
function Countdown({ waitMs }: { waitMs: number }) {
  return (
    <>
      <p className="session-countdown">
        {waitMs > 0 ? (
          <>
            Available in{' '}
            <span role="timer" className="mono">
              {formatCountdown(waitMs)}
            </span>{' '}
            (5 minutes after the previous device).
          </>
        ) : (
          'Available now.'
        )}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {waitMs > 0 ? '' : 'The next device may be taken now.'}
      </p>
    </>
  );
}

function NextDeviceForm({ view, entries }: Pick<SectionProps, 'view' | 'entries'>) {
  const form = useEntryForm(entries);
  const now = useSecondClock();
  const lastAt = view.devices.at(-1)?.at ?? null;
  const [edit, setEdit] = useState({ lot: previousLot(view.devices), after: lastAt });
  // Each new device (charted here or on another tablet) moves the prefill on to its lot.
  if (edit.after !== lastAt) setEdit({ lot: previousLot(view.devices), after: lastAt });
  const setLot = (lot: string) => setEdit({ lot, after: lastAt });
  const lot = edit.lot;
  const waitMs = nextDeviceWaitMs(view.devices, now);
  const n = view.devices.length + 1;
  return (
    <form
      aria-label="Next device"
      className="session-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        // The spacing is shown, not enforced here: the server decides (a late entry may carry its time).
        void form.submit({ type: 'device', lot });
      }}
    >
      <h3>Next device: {deviceOrdinal(n, view.dose?.devices ?? null).toLowerCase()}</h3>
      <Countdown waitMs={waitMs} />
      <TextField
        label="Lot of the next device"
        value={lot}
        onChange={setLot}
        required
        maxLength={30}
        autoComplete="off"
        hint="The previous device's lot is filled in; change it if this device comes from another box."
        error={form.errors.lot}
      />
      {form.errors.eventAt || form.errors.devices ? (
        <ul className="session-list">
          {[form.errors.eventAt, form.errors.devices].filter(Boolean).map((m) => (
            <li key={m} className="alert alert--warning">
              {m}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button session-big" disabled={form.busy}>
        Record device {n}
      </button>
      <EntryStatus form={form} />
    </form>
  );
}

/** Esketamine: the devices the patient took (time, lot, n of N) and the next one with its spacing. */
export function DevicesSection({ view, entries, canChart }: SectionProps) {
  const ordered = view.dose?.devices ?? null;
  const administering = view.startedAt !== null && view.stoppedAt === null;
  return (
    <SessionSection id="session-devices" title="Devices">
      <p>
        {ordered === null
          ? `${view.devices.length} taken (${MG_PER_DEVICE} mg each).`
          : `${view.devices.length} of ${ordered} ordered devices taken (${ordered * MG_PER_DEVICE} mg ordered, ${MG_PER_DEVICE} mg each).`}
      </p>
      {view.devices.length ? (
        <ol className="session-list" aria-label="Devices taken">
          {view.devices.map((d, i) => (
            <li key={d.entryId}>
              <strong>{deviceOrdinal(i + 1, ordered)}</strong> at{' '}
              <time dateTime={d.at}>{formatDateTime(d.at)}</time> · lot <span className="mono">{d.lot}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No device taken yet: the first device is recorded with the start.</p>
      )}
      {canChart && administering && !allDevicesTaken(view) ? (
        <NextDeviceForm view={view} entries={entries} />
      ) : null}
      {administering && allDevicesTaken(view) ? (
        <p className="alert alert--info">Every ordered device is taken: end administration.</p>
      ) : null}
    </SessionSection>
  );
}
