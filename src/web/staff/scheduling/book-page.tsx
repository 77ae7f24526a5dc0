import { useState } from 'react';
import type { Patient } from '../../../contracts/patients';
import type { AppointmentView, SeriesProposalView } from '../../../contracts/scheduling';
import { apiGet } from '../api-client';
import { fullName } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useApiQuery } from '../query/use-api-query';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { BookedNotice } from './booked-notice';
import { PatientPicker, type ChosenPatient } from './patient-picker';
import { SeriesProposeForm } from './series-propose-form';
import { SeriesSessions } from './series-sessions';
import { SingleBooking } from './single-booking';
import { useAppointmentTypes, useResources } from './use-scheduling-queries';
import { useClinicClock } from './use-clinic-clock';
import './scheduling.css';

type Mode = 'single' | 'series';

function usePatientFromAddress() {
  const [id] = useState(() => new URLSearchParams(window.location.search).get('patientId') ?? '');
  return useApiQuery(
    ['patients', 'detail', id],
    (signal) => apiGet<Patient>(`/api/patients/${encodeURIComponent(id)}`, { signal }),
    { enabled: id !== '' },
  );
}

/**
 * Booking for the front desk: the patient (from the chart, or found here), the appointment type, then a
 * free time, or for an infusion a whole induction series proposed from the clinic's rules.
 */
export function BookAppointmentPage() {
  const can = useCan();
  const { date: today } = useClinicClock();
  const fromAddress = usePatientFromAddress();
  const [chosen, setChosen] = useState<ChosenPatient | null>();
  const types = useAppointmentTypes();
  const resources = useResources();
  const [typeId, setTypeId] = useState('');
  const [mode, setMode] = useState<Mode>('single');
  const [proposal, setProposal] = useState<SeriesProposalView>();
  const [booked, setBooked] = useState<AppointmentView[]>([]);

  const loaded = fromAddress.data;
  const patient: ChosenPatient | undefined =
    chosen === null
      ? undefined
      : (chosen ?? (loaded ? { id: loaded.id, name: fullName(loaded), mrn: loaded.mrn } : undefined));
  const active = (types.data?.items ?? []).filter((t) => t.active);
  const type = active.find((t) => t.id === typeId);
  const infusion = type?.category === 'infusion';
  const clinicians = (resources.data?.staff ?? []).filter((s) => s.role === 'clinician');

  if (!can('appointment.book')) {
    return (
      <>
        <h1>Book an appointment</h1>
        <p>Booking is done by the front desk. You can see every appointment on the schedule.</p>
        <Link href={paths.schedule()}>Back to the schedule</Link>
      </>
    );
  }

  const chooseType = (id: string) => {
    setTypeId(id);
    setProposal(undefined);
    setMode('single');
  };

  return (
    <div className="book">
      <p className="breadcrumb">
        <Link href={paths.schedule()}>← Schedule</Link>
      </p>
      <h1>Book an appointment</h1>
      <BookedNotice appointments={booked} />
      <section className="book-section" aria-labelledby="book-patient-title">
        <h2 id="book-patient-title">Patient</h2>
        {patient ? (
          <p className="book__patient">
            <strong>{patient.name}</strong> <span className="muted">MRN {patient.mrn}</span>{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setChosen(null)}
            >
              Choose another patient
            </button>
          </p>
        ) : (
          <>
            <LoadState loading={fromAddress.isFetching} error={fromAddress.error} />
            <PatientPicker onChoose={setChosen} />
          </>
        )}
      </section>
      {patient ? (
        <section className="book-section" aria-labelledby="book-type-title">
          <h2 id="book-type-title">Visit</h2>
          <LoadState loading={types.isPending} error={types.error} />
          <SelectField
            label="Appointment type"
            value={typeId}
            onChange={chooseType}
            options={[
              { value: '', label: 'Choose a type' },
              ...active.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` })),
            ]}
          />
          {infusion ? (
            <fieldset className="mode-choice">
              <legend>Book</legend>
              {(
                [
                  ['single', 'One appointment'],
                  ['series', 'An induction series'],
                ] as const
              ).map(([value, label]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="book-mode"
                    value={value}
                    checked={mode === value}
                    onChange={() => {
                      setMode(value);
                      setProposal(undefined);
                    }}
                  />{' '}
                  {label}
                </label>
              ))}
            </fieldset>
          ) : null}
        </section>
      ) : null}
      {patient && type && mode === 'single' ? (
        <SingleBooking
          key={`${patient.id}:${type.id}`}
          patient={patient}
          type={type}
          today={today}
          clinicians={clinicians}
          onBooked={(a) => {
            setBooked([a]);
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
      {patient && type && mode === 'series' ? (
        <>
          <SeriesProposeForm
            key={`${patient.id}:${type.id}`}
            patientId={patient.id}
            typeId={type.id}
            today={today}
            onProposal={setProposal}
          />
          {proposal ? (
            <SeriesSessions
              key={proposal.sessions.map((s) => s.start).join()}
              proposal={proposal}
              patientId={patient.id}
              typeId={type.id}
              onBooked={(result) => {
                setProposal(undefined);
                setBooked(result.appointments);
                window.scrollTo(0, 0);
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
