import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../api-client';
import { measurementApi } from '../assessments/measurement-api';
import { formatDate, formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan, useSession } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { fetchEnrolment, recordEnrolment, remsKeys, type EnrolmentView } from './rems-api';
import { enrolmentStatusLabels } from './rems-text';
import './rems.css';

/**
 * Who may be named the prescriber: the clinic's physicians, from the patient's measurement schedule (the
 * one list of clinicians staff can read); the signed-in physician at least.
 */
function usePrescribers(patientId: string): { value: string; label: string }[] {
  const can = useCan();
  const { me } = useSession();
  const schedule = useApiQuery(
    ['rems', 'prescribers', patientId] as const,
    (signal) => measurementApi.schedule(patientId, signal),
    { enabled: can('schedule.read') },
  );
  const physicians = (schedule.data?.clinicians ?? [])
    .filter((c) => c.role === 'physician')
    .map((c) => ({ value: c.id, label: c.displayName }));
  if (me.user.role === 'physician' && !physicians.some((p) => p.value === me.user.id))
    physicians.unshift({ value: me.user.id, label: me.user.displayName });
  return physicians;
}

function EnrolmentForm({ patientId, view }: { patientId: string; view: EnrolmentView }) {
  const queryClient = useQueryClient();
  const prescribers = usePrescribers(patientId);
  const [status, setStatus] = useState<'enrolled' | 'not_enrolled'>(
    view.status === 'not_enrolled' ? 'not_enrolled' : 'enrolled',
  );
  const [enrolledOn, setEnrolledOn] = useState(view.enrolledOn ?? '');
  const [remsPatientId, setRemsPatientId] = useState(view.remsPatientId ?? '');
  const [prescriberId, setPrescriberId] = useState(view.prescriber?.id ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const errors = fieldErrors(error, ['body']);
  const enrolled = status === 'enrolled';
  const options = [{ value: '', label: 'Not named' }, ...prescribers];
  if (prescriberId && !options.some((o) => o.value === prescriberId) && view.prescriber)
    options.push({ value: view.prescriber.id, label: view.prescriber.label });

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      const saved = await recordEnrolment(patientId, {
        status,
        ...(enrolled && enrolledOn ? { enrolledOn } : {}),
        ...(enrolled && remsPatientId.trim() ? { remsPatientId: remsPatientId.trim() } : {}),
        ...(enrolled && prescriberId ? { prescriberId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      queryClient.setQueryData(remsKeys.enrolment(patientId), saved);
      setNote('');
      setNotice(enrolled ? 'Enrolment recorded.' : 'Recorded as not enrolled.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label="Record REMS enrolment"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="rems-choices">
        <legend>REMS enrolment</legend>
        <div className="rems-choices__options">
          {(['enrolled', 'not_enrolled'] as const).map((s) => (
            <label key={s} className="rems-choice">
              <input
                type="radio"
                name={`rems-enrolment-${patientId}`}
                checked={status === s}
                onChange={() => setStatus(s)}
              />{' '}
              {enrolmentStatusLabels[s]}
            </label>
          ))}
        </div>
      </fieldset>
      {enrolled ? (
        <div className="grid">
          <TextField
            label="Enrolled on"
            type="date"
            value={enrolledOn}
            onChange={setEnrolledOn}
            error={errors.enrolledOn}
          />
          <TextField
            label="REMS patient ID"
            value={remsPatientId}
            onChange={setRemsPatientId}
            maxLength={60}
            autoComplete="off"
            error={errors.remsPatientId}
          />
          <SelectField
            label="Prescriber who signed the enrolment form"
            value={prescriberId}
            onChange={setPrescriberId}
            options={options}
            error={errors.prescriberId}
          />
        </div>
      ) : null}
      <TextField label="Note" value={note} onChange={setNote} maxLength={500} error={errors.note} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Recording…' : 'Record enrolment'}
      </button>
      <NoticeBanner>{notice}</NoticeBanner>
      {error ? <ErrorBanner>{errorMessage(error)}</ErrorBanner> : null}
    </form>
  );
}

function EnrolmentStatus({ view }: { view: EnrolmentView }) {
  const ok = view.status === 'enrolled';
  return (
    <>
      <p className={`alert ${ok ? 'alert--info' : 'alert--warning'}`}>
        <strong>{enrolmentStatusLabels[view.status]}</strong>
        {ok && view.enrolledOn ? ` on ${formatDate(view.enrolledOn)}` : ''}
        {ok && view.remsPatientId ? `, REMS patient ID ${view.remsPatientId}` : ''}
        {ok && view.prescriber ? `, prescriber ${view.prescriber.label}` : ''}.
        {ok ? '' : ' Esketamine sessions cannot start until the patient is enrolled.'}
      </p>
      <p className={view.settingCertified ? undefined : 'alert alert--critical'}>
        {view.settingCertified
          ? 'The setting is certified in the SPRAVATO REMS.'
          : 'The setting is not certified in the SPRAVATO REMS: esketamine sessions cannot start.'}{' '}
        <Link href={paths.remsCertification()}>Setting certification</Link>
      </p>
      {view.history.length ? (
        <details>
          <summary>Enrolment history ({view.history.length})</summary>
          <ul>
            {view.history.map((h) => (
              <li key={h.id}>
                {h.status === 'enrolled' || h.status === 'not_enrolled'
                  ? enrolmentStatusLabels[h.status]
                  : h.status}
                {h.enrolledOn ? ` on ${formatDate(h.enrolledOn)}` : ''} — recorded by {h.recordedBy.label} at{' '}
                {formatDateTime(h.recordedAt)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The chart's SPRAVATO REMS enrolment: the status, and the form to record it for those who enrol. */
export function RemsEnrolmentSection({ patientId }: { patientId: string }) {
  const can = useCan();
  const { data, error, isPending } = useApiQuery(remsKeys.enrolment(patientId), (signal) =>
    fetchEnrolment(patientId, signal),
  );
  return (
    <section aria-labelledby="rems-enrolment-title" className="rems-enrolment">
      <h3 id="rems-enrolment-title">SPRAVATO REMS enrolment</h3>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <>
          <EnrolmentStatus view={data} />
          {can('rems.enrol') ? <EnrolmentForm patientId={patientId} view={data} /> : null}
        </>
      ) : null}
    </section>
  );
}
