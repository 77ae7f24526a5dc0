import { useState } from 'react';
import type { AppointmentTypeView } from '../../../contracts/scheduling';
import { apiPost } from '../api-client';
import { roomKindLabels, durationText, sourceEntry, sourceTagLabels } from './setup-model';
import { schedulingPaths, type AppointmentTypeList } from './scheduling-api';
import { TypeEditor } from './type-editor';
import type { SchedulingWrite } from './use-scheduling-write';
import { WriteMessages } from './write-messages';

const clinicianWords: Record<AppointmentTypeView['clinician'], string> = {
  none: 'No clinician',
  assigned: 'A clinician is booked',
  on_site: 'A clinician must be on site',
};

/**
 * The clinic's appointment types with their durations and where each default comes from (its evidence
 * level and its entry in the clinical source register); a duration the clinic changed shows the default.
 */
export function TypesSection({
  types,
  write,
}: {
  types: readonly AppointmentTypeView[];
  write: SchedulingWrite;
}) {
  const [editing, setEditing] = useState<string>();
  return (
    <section className="setup-section" aria-labelledby="setup-types-title">
      <h2 id="setup-types-title">Appointment types</h2>
      <WriteMessages write={write} prefix="type" />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={write.busy !== undefined}
          onClick={() =>
            void write.run(
              'type:defaults',
              () => apiPost<AppointmentTypeList>(schedulingPaths.defaultTypes),
              (list) => `The default types are in the list (${list.items.length} types in all).`,
            )
          }
        >
          Add default types
        </button>
        <span className="muted">
          Adds Arbor&rsquo;s default types the clinic does not have; nothing is replaced.
        </span>
      </div>
      <ul className="type-list">
        {types.map((t) => (
          <li key={t.id} className={`type-card${t.active ? '' : ' is-inactive'}`}>
            <h3>
              {t.name}
              {t.active ? null : <span className="badge badge--inactive">Not in use</span>}
            </h3>
            <dl className="sched-facts">
              <div className="sched-facts__row">
                <dt>Duration</dt>
                <dd>
                  {durationText(t)}
                  {t.defaultDurationMinutes !== null ? (
                    <span className="type-card__changed">
                      {' '}
                      · changed from default {t.defaultDurationMinutes} min
                    </span>
                  ) : null}
                </dd>
              </div>
              <div className="sched-facts__row">
                <dt>Room</dt>
                <dd>{t.roomKind ? roomKindLabels[t.roomKind] : 'None (video)'}</dd>
              </div>
              <div className="sched-facts__row">
                <dt>Staff</dt>
                <dd>
                  {clinicianWords[t.clinician]}
                  {t.usesNurse ? '; a nurse watches the chair' : ''}
                </dd>
              </div>
              <div className="sched-facts__row">
                <dt>Source</dt>
                <dd data-source-anchor={t.source.anchor}>
                  <span
                    className={`badge type-card__tag type-card__tag--${t.source.tag.replace(/\s+/g, '-')}`}
                  >
                    {sourceTagLabels[t.source.tag] ?? t.source.tag}
                  </span>{' '}
                  Source register: {sourceEntry(t.source.anchor)}
                </dd>
              </div>
            </dl>
            {editing === t.id ? (
              <TypeEditor type={t} write={write} onDone={() => setEditing(undefined)} />
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setEditing(t.id)}
              >
                Edit<span className="visually-hidden"> {t.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
