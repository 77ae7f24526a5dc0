import { useState, type FormEvent } from 'react';
import type { InstrumentEntry } from '../../../contracts/measurement';
import { examplePlanRules } from '../../../domain/measurement/index';
import { errorMessage } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { formatDateTime, localInputToIso, measurementApi } from './measurement-api';

const statusLabel = {
  completed: 'done',
  upcoming: 'upcoming',
  due: 'due',
  overdue: 'overdue',
  missed: 'missed',
} as const;

/**
 * The patient's measurement plan, the infusion dates it is relative to (entered by hand until a
 * scheduling module exists) and what is due.
 */
export function SchedulePanel({
  patientId,
  instruments,
  refreshKey,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  refreshKey: number;
}) {
  const can = useCan();
  const { data, error, loading, reload } = useLoad(
    (signal) => measurementApi.schedule(patientId, signal),
    `${patientId}:${refreshKey}`,
  );
  const [when, setWhen] = useState('');
  const [maintenanceFrom, setMaintenanceFrom] = useState('');
  const [clinician, setClinician] = useState('');
  const [problem, setProblem] = useState<string>();
  const title = (id: string) => instruments.find((i) => i.id === id)?.shortTitle ?? id;
  const act = (run: () => Promise<unknown>) => {
    setProblem(undefined);
    run().then(reload, (e: unknown) => setProblem(errorMessage(e)));
  };

  const addAnchor = (event: FormEvent) => {
    event.preventDefault();
    if (!when) return;
    act(() =>
      measurementApi
        .addAnchor(patientId, {
          at: localInputToIso(when),
          label: `Infusion ${(data?.anchors.length ?? 0) + 1}`,
        })
        .then(() => setWhen('')),
    );
  };
  const createPlan = (event: FormEvent) => {
    event.preventDefault();
    const from = maintenanceFrom
      ? localInputToIso(`${maintenanceFrom}T09:00`)
      : new Date(Date.now() + 28 * 86_400_000).toISOString();
    act(() =>
      measurementApi.createPlan(patientId, {
        name: 'PHQ-9 and GAD-7 around infusions, weekly in maintenance',
        rules: examplePlanRules(from),
        responsibleClinicianId: clinician || null,
      }),
    );
  };

  if (!data) return <LoadState loading={loading} error={error} />;
  const active = data.plans.filter((p) => p.status === 'active');
  const visibleDue = data.due.filter(
    (d) => d.status !== 'missed' || Date.parse(d.closesAt) > Date.now() - 14 * 86_400_000,
  );
  return (
    <section aria-labelledby="mbc-schedule-title" className="mbc-section">
      <h3 id="mbc-schedule-title">Measurement plan</h3>
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      {active.length === 0 ? <p className="muted">No active plan.</p> : null}
      {active.map((plan) => (
        <div key={plan.id} className="panel">
          <p>
            <strong>{plan.name}</strong>
            {plan.responsibleClinicianId
              ? ` · responsible: ${data.clinicians.find((c) => c.id === plan.responsibleClinicianId)?.displayName ?? 'clinician'}`
              : ''}
          </p>
          <ul>
            {plan.ruleTexts.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          {can('schedule.manage') ? (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() =>
                act(() => measurementApi.updatePlan(plan.id, { version: plan.version, status: 'ended' }))
              }
            >
              End this plan
            </button>
          ) : null}
        </div>
      ))}
      {can('schedule.manage') && active.length === 0 ? (
        <form onSubmit={createPlan} className="panel" aria-label="Start a measurement plan">
          <p>PHQ-9 and GAD-7 in the 48 h before every infusion and 24 h after; weekly during maintenance.</p>
          <div className="grid grid--compact">
            <div className="field">
              <label htmlFor="mbc-plan-maintenance">Maintenance (weekly) from</label>
              <input
                id="mbc-plan-maintenance"
                type="date"
                value={maintenanceFrom}
                onChange={(e) => setMaintenanceFrom(e.target.value)}
              />
              <p className="field__hint">Blank: four weeks from today.</p>
            </div>
            <div className="field">
              <label htmlFor="mbc-plan-clinician">Responsible clinician</label>
              <select
                id="mbc-plan-clinician"
                value={clinician}
                onChange={(e) => setClinician(e.target.value)}
              >
                <option value="">Any clinician</option>
                {data.clinicians.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.displayName}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button">
            Start plan
          </button>
        </form>
      ) : null}

      <h4>Infusion dates</h4>
      {data.anchors.length === 0 ? <p className="muted">None entered.</p> : null}
      <ul className="entry-list">
        {data.anchors.map((a) => (
          <li key={a.id} className="entry-list__item">
            {a.label ?? 'Infusion'} · {formatDateTime(a.at)}{' '}
            {can('schedule.manage') ? (
              <button
                type="button"
                className="button button--small button--link"
                onClick={() => act(() => measurementApi.cancelAnchor(a.id))}
              >
                Cancel {a.label ?? 'infusion'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {can('schedule.manage') ? (
        <form onSubmit={addAnchor} className="inline-add">
          <div className="field">
            <label htmlFor="mbc-anchor-at">Add an infusion date</label>
            <input
              id="mbc-anchor-at"
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              required
            />
          </div>
          <button type="submit" className="button button--secondary">
            Add infusion
          </button>
        </form>
      ) : null}

      <h4>Due questionnaires</h4>
      {visibleDue.length === 0 ? (
        <p className="muted">Nothing scheduled in the next 30 days.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Due questionnaires table">
          <table className="table">
            <caption className="visually-hidden">Due questionnaires</caption>
            <thead>
              <tr>
                <th scope="col">Questionnaire</th>
                <th scope="col">When</th>
                <th scope="col">Due by</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {visibleDue.map((d) => (
                <tr key={`${d.planId}:${d.key}`}>
                  <td>{title(d.instrumentId)}</td>
                  <td>{d.reason}</td>
                  <td>{formatDateTime(d.dueAt)}</td>
                  <td>
                    <span className={`badge mbc-status mbc-status--${d.status}`}>
                      {statusLabel[d.status]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
