import { useEffect, useState } from 'react';
import type { Enquiry } from '../../../contracts/enquiries';
import type { Patient } from '../../../contracts/patients';
import { careStatusLabels, careStatuses } from '../../../domain/patients';
import { apiGet, apiPost, errorMessage, fieldErrors } from '../api-client';
import { useSession } from '../session-context';
import { Link } from '../routing/link';
import { navigate } from '../routing/navigation';
import { paths } from '../routing/routes';
import { ErrorBanner } from '../ui/error-banner';
import { enquiryIdFromSearch, enquiryPrefill } from './enquiry-prefill';
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
  // Registering the person behind a site enquiry: the form starts from what they told us.
  const [fromEnquiryId] = useState(() => enquiryIdFromSearch(window.location.search));
  const [enquiry, setEnquiry] = useState<Enquiry>();

  useEffect(() => {
    if (!fromEnquiryId) return;
    const controller = new AbortController();
    apiGet<Enquiry>(`/api/enquiries/${fromEnquiryId}`, { signal: controller.signal })
      .then((found) => {
        setEnquiry(found);
        setState(enquiryPrefill(found));
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [fromEnquiryId]);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const created = await apiPost<Patient>('/api/patients', {
        ...registrationPayload(toPatientPayload(state), editable),
        ...(fromEnquiryId ? { fromEnquiryId } : {}),
      });
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
      {enquiry ? (
        <p className="muted">
          Registering {enquiry.name} from their site enquiry. The enquiry is linked to the new chart, and any
          self-check scores they sent are added as patient-reported assessments. Ask for the date of birth and
          sex at birth: the site does not collect them.
        </p>
      ) : null}
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
