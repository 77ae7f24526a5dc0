import { useState, type FormEvent } from 'react';
import type { Clinic } from '../../../contracts/clinic';
import { apiGet, apiPatch, fieldErrors } from '../api-client';
import { useApiQuery } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { HoursRowsEditor } from './hours-rows-editor';
import { schedulingKeys } from './scheduling-api';
import { hoursSummary, rowErrors, sortHours, type HoursRow } from './setup-model';
import type { SchedulingWrite } from './use-scheduling-write';
import { WriteMessages } from './write-messages';

const clinicKey = [...schedulingKeys.all, 'clinic'] as const;

/**
 * When the clinic is open (nothing is booked outside these hours), with the other scheduling rules the
 * clinic settings hold, shown for reference.
 */
export function OpeningHoursSection({ write }: { write: SchedulingWrite }) {
  const clinic = useApiQuery(clinicKey, (signal) => apiGet<Clinic>('/api/clinic', { signal }));
  const [rows, setRows] = useState<HoursRow[]>();
  const scheduling = clinic.data?.settings.scheduling;
  const errors = write.last === 'opening:save' ? fieldErrors(write.error, ['body.settings.scheduling']) : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!rows) return;
    const saved = await write.run(
      'opening:save',
      () => apiPatch<Clinic>('/api/clinic', { settings: { scheduling: { openingHours: sortHours(rows) } } }),
      (c) => `The clinic's opening hours are now ${hoursSummary(c.settings.scheduling.openingHours)}.`,
    );
    if (saved) setRows(undefined);
  };

  return (
    <section className="setup-section" aria-labelledby="setup-opening-title">
      <h2 id="setup-opening-title">Opening hours</h2>
      <WriteMessages write={write} prefix="opening" />
      <LoadState loading={clinic.isPending} error={clinic.error} />
      {scheduling ? (
        <>
          <p>
            <strong>{hoursSummary(scheduling.openingHours)}</strong>
          </p>
          <p className="muted">
            One nurse watches up to {scheduling.chairsPerNurse} chairs at once. An induction series is{' '}
            {scheduling.series.count} sessions, {scheduling.series.minPerWeek}–{scheduling.series.maxPerWeek}{' '}
            a week, within {scheduling.series.maxSpanDays} days. Start times fall every{' '}
            {scheduling.slotStepMinutes} minutes.
          </p>
          {rows ? (
            <form className="sched-form hours-editor" onSubmit={save} aria-label="Opening hours" noValidate>
              <HoursRowsEditor
                rows={rows}
                onChange={setRows}
                errors={rowErrors(errors, 'openingHours')}
                emptyText="No opening hours: nothing can be booked."
              />
              <div className="button-row">
                <button type="submit" className="button" disabled={write.busy !== undefined}>
                  Save opening hours
                </button>
                <button type="button" className="button button--secondary" onClick={() => setRows(undefined)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setRows(sortHours(scheduling.openingHours))}
            >
              Edit opening hours
            </button>
          )}
        </>
      ) : null}
    </section>
  );
}
