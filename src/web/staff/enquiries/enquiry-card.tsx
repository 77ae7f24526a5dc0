import { useState } from 'react';
import type { Enquiry, EnquiryUpdateRequest } from '../../../contracts/enquiries';
import { apiPatch, errorMessage } from '../api-client';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { ErrorBanner } from '../ui/error-banner';
import { registerFromEnquiryHref } from '../patients/enquiry-prefill';
import { EnquiryActions } from './enquiry-actions';
import { EnquiryFacts } from './enquiry-facts';
import { enquiryStatusLabels } from './enquiry-labels';

interface EnquiryCardProps {
  enquiry: Enquiry;
  canUpdate: boolean;
  /** Whether the signed-in role may register patients. */
  canRegister: boolean;
  onChanged: () => void;
}

export function EnquiryCard({ enquiry, canUpdate, canRegister, onChanged }: EnquiryCardProps) {
  const [note, setNote] = useState(enquiry.staffNote ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (change: Omit<EnquiryUpdateRequest, 'version'>) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: EnquiryUpdateRequest = { version: enquiry.version, ...change };
      await apiPatch<Enquiry>(`/api/enquiries/${enquiry.id}`, body);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `enquiry-${enquiry.id}`;
  return (
    <li className="enquiry-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {enquiry.name}{' '}
        <span className={`enquiry-status enquiry-status--${enquiry.status}`}>
          {enquiryStatusLabels[enquiry.status]}
        </span>
      </h3>
      {enquiry.selfCheck?.phq9Item9Positive ? (
        <p className="enquiry-alert" role="note">
          Self-check: PHQ-9 question 9 (thoughts of death or self-harm) answered above “not at all”. Contact
          promptly and follow the clinic’s suicide-risk procedure.
        </p>
      ) : null}
      <EnquiryFacts enquiry={enquiry} />
      {enquiry.message ? <p className="enquiry-message">{enquiry.message}</p> : null}
      {error ? <ErrorBanner>{error}</ErrorBanner> : null}
      {enquiry.patientId ? (
        <p>
          <Link href={paths.patient(enquiry.patientId)}>Open the patient chart</Link>
        </p>
      ) : canRegister ? (
        <p>
          <Link
            className="button button--secondary"
            href={registerFromEnquiryHref(paths.newPatient(), enquiry.id)}
          >
            Register as patient
          </Link>
        </p>
      ) : null}
      {canUpdate ? (
        <EnquiryActions
          enquiry={enquiry}
          headingId={headingId}
          note={note}
          onNote={setNote}
          busy={busy}
          save={save}
        />
      ) : enquiry.staffNote ? (
        <p className="muted">Note: {enquiry.staffNote}</p>
      ) : null}
    </li>
  );
}
