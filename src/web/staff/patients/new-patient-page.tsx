import { useState } from 'react';
import type { Patient } from '../../../contracts/patients';
import { careStatusLabels, careStatuses } from '../../../domain/patients';
import { apiPost, errorMessage, fieldErrors } from '../api-client';
import { useSession } from '../session-context';
import { Link } from '../routing/link';
import { navigate } from '../routing/navigation';
import { paths } from '../routing/routes';
import { ErrorBanner } from '../ui/error-banner';
import { editablePatientGroups, registrationPayload } from './patient-field-editing';
import { PatientForm } from './patient-form';
import { emptyPatientForm, toPatientPayload } from './patient-form-model';

const allStatuses = careStatuses.map((s) => ({ value: s, label: careStatusLabels[s] }));

export function NewPatientPage() {
  const { me } = useSession();
  const editable = editablePatientGroups(me.permissions);
  const [state, setState] = useState(emptyPatientForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const created = await apiPost<Patient>(
        '/api/patients',
        registrationPayload(toPatientPayload(state), editable),
      );
      navigate(paths.patient(created.id), { replace: true });
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body']));
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>New patient</h1>
      <p className="muted">Arbor assigns the medical record number (MRN) when you save.</p>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <PatientForm
        state={state}
        onChange={setState}
        errors={errors}
        careStatusOptions={allStatuses}
        editable={editable}
        submitLabel="Register patient"
        busy={busy}
        onSubmit={save}
        actions={
          <Link className="button button--secondary" href={paths.patients()}>
            Cancel
          </Link>
        }
      />
    </>
  );
}
