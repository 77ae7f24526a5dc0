import { useState } from 'react';
import { sessionKinds } from '../../../contracts/session';
import { errorMessage } from '../api-client';
import { navigate } from '../routing/navigation';
import { paths } from '../routing/routes';
import { PatientPicker, type ChosenPatient } from '../scheduling/patient-picker';
import { ErrorBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { checkIn, type CheckInRequest } from './session-api';
import { kindLabels } from './session-text';

type Kind = (typeof sessionKinds)[number];

/** Checks a patient in and opens the new session; the chart's appointment button uses it too. */
export function useCheckIn() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (body: CheckInRequest) => {
    setBusy(true);
    setError(undefined);
    try {
      const view = await checkIn(body);
      navigate(paths.session(view.id));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** A walk-in: find the patient, say the kind of session and the chair, check in. */
export function CheckInForm() {
  const [patient, setPatient] = useState<ChosenPatient>();
  const [kind, setKind] = useState<Kind>('iv_ketamine');
  const [chair, setChair] = useState('');
  const action = useCheckIn();
  return (
    <section className="panel session-check-in" aria-labelledby="check-in-title">
      <h2 id="check-in-title">Check in a walk-in</h2>
      {patient ? (
        <p>
          Patient: <strong>{patient.name}</strong> <span className="muted">({patient.mrn})</span>{' '}
          <button type="button" className="button button--link" onClick={() => setPatient(undefined)}>
            Change patient
          </button>
        </p>
      ) : (
        <PatientPicker onChoose={setPatient} />
      )}
      <form
        aria-label="Check in"
        onSubmit={(event) => {
          event.preventDefault();
          if (!patient) return;
          void action.run({
            patientId: patient.id,
            kind,
            ...(chair.trim() ? { chairLabel: chair.trim() } : {}),
          });
        }}
      >
        <SelectField
          label="Kind of session"
          value={kind}
          onChange={(v) => setKind(sessionKinds.find((k) => k === v) ?? 'iv_ketamine')}
          options={sessionKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
        />
        <TextField label="Chair" value={chair} onChange={setChair} maxLength={60} autoComplete="off" />
        <ErrorBanner>{action.error}</ErrorBanner>
        <button type="submit" className="button" disabled={!patient || action.busy}>
          Check in
        </button>
      </form>
    </section>
  );
}
