import { useEffect, useId, useMemo, useState } from 'react';
import type { Patient } from '../../../contracts/patients';
import { INTAKE_ITEMS, intakeSectionLabels, intakeSections } from '../../../domain/intake';
import { apiGet, apiPost, fieldErrors } from '../api-client';
import { formatDateTime, fullName } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { ProblemBanner } from '../scheduling/problem-banner';
import { useCan } from '../session-context';
import { NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { eligibilityPaths, type IntakeResponse } from './eligibility-api';
import { revisionKindWords } from './eligibility-text';
import { IntakeField, type Answers } from './intake-fields';
import { MedicationsEditor } from './medications-editor';
import { useIntake, useRefreshEligibility } from './use-eligibility-queries';
import './eligibility.css';

type Kind = 'draft' | 'submitted' | 'amendment';

/** The intake questionnaire, rendered from INTAKE_ITEMS by section, and the medication list. */
export function IntakePage({ id }: { id: string }) {
  const can = useCan();
  const formId = useId();
  const patient = useLoad(
    (signal) => apiGet<Patient>(`/api/patients/${encodeURIComponent(id)}`, { signal }),
    id,
  );
  const intake = useIntake(id);
  const refresh = useRefreshEligibility();
  const [answers, setAnswers] = useState<Answers>({});
  const [loaded, setLoaded] = useState(false);
  const [byPatient, setByPatient] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Kind>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (intake.data && !loaded) {
      setAnswers({ ...(intake.data.current?.answers ?? {}) });
      setLoaded(true);
    }
  }, [intake.data, loaded]);

  const submittedBefore = (intake.data?.history ?? []).some((h) => h.kind !== 'draft');
  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [key, message] of Object.entries(fieldErrors(error, ['body.answers']))) {
      const item = key.split('.')[0]!;
      out[item] ??= key === item ? message : `${key.slice(item.length + 1).replace(/\./g, ' ')}: ${message}`;
    }
    return out;
  }, [error]);
  const reasonProblem = fieldErrors(error, ['body']).reason;

  const set = (itemId: string, value: unknown) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === null || value === undefined) delete next[itemId];
      else next[itemId] = value;
      return next;
    });

  const save = async (kind: Kind) => {
    setBusy(kind);
    setError(undefined);
    setNotice('');
    try {
      const saved = await apiPost<IntakeResponse>(eligibilityPaths.intake(id), {
        answers,
        kind,
        ...(kind === 'amendment' ? { reason: reason.trim() } : {}),
        enteredVia: byPatient ? 'patient' : 'staff',
      });
      setNotice(
        `${revisionKindWords[kind]} saved as revision ${saved.current?.revision ?? ''}${
          saved.current ? ` at ${formatDateTime(saved.current.createdAt)}` : ''
        }.`,
      );
      if (kind === 'amendment') setReason('');
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const name = patient.data ? fullName(patient.data) : 'Patient';
  const current = intake.data?.current;
  return (
    <div className="intake-page">
      <p className="no-print breadcrumb">
        <Link href={paths.patient(id, 'eligibility')}>← Eligibility &amp; consent</Link>
      </p>
      <h1>Intake: {name}</h1>
      <LoadState loading={intake.isPending || patient.loading} error={intake.error ?? patient.error} />
      {current ? (
        <p className="muted">
          {revisionKindWords[current.kind]}, revision {current.revision}
          {current.enteredBy ? ` by ${current.enteredBy.label}` : ''} at {formatDateTime(current.createdAt)}
          {current.enteredVia === 'patient' ? ' (entered by the patient)' : ''}.
        </p>
      ) : intake.data ? (
        <p className="muted">No intake yet.</p>
      ) : null}
      {intake.data && can('intake.record') ? (
        <form
          id={formId}
          aria-label="Intake questionnaire"
          className="intake-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(submittedBefore ? 'amendment' : 'submitted');
          }}
        >
          <label className="intake-option intake-tablet">
            <input type="checkbox" checked={byPatient} onChange={(e) => setByPatient(e.target.checked)} />{' '}
            Patient is filling this in at the tablet
          </label>
          {intakeSections.map((section) => (
            <section key={section} className="intake-section" aria-labelledby={`${formId}-${section}`}>
              <h2 id={`${formId}-${section}`}>{intakeSectionLabels[section]}</h2>
              {INTAKE_ITEMS.filter((item) => item.section === section).map((item) => (
                <IntakeField
                  key={item.id}
                  item={item}
                  value={answers[item.id]}
                  set={set}
                  error={problems[item.id]}
                />
              ))}
            </section>
          ))}
          {submittedBefore ? (
            <div className={`field${reasonProblem ? ' field--invalid' : ''}`}>
              <label htmlFor={`${formId}-reason`}>Reason for the amendment</label>
              <textarea
                id={`${formId}-reason`}
                rows={2}
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={reasonProblem ? true : undefined}
              />
              {reasonProblem ? <p className="field__error">{reasonProblem}</p> : null}
            </div>
          ) : null}
          <ProblemBanner error={error} />
          <NoticeBanner>{notice}</NoticeBanner>
          <div className="button-row intake-actions">
            {submittedBefore ? (
              <button type="submit" className="button" disabled={busy !== undefined}>
                {busy === 'amendment' ? 'Saving…' : 'Save amendment'}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy !== undefined}
                  onClick={() => void save('draft')}
                >
                  {busy === 'draft' ? 'Saving…' : 'Save draft'}
                </button>
                <button type="submit" className="button" disabled={busy !== undefined}>
                  {busy === 'submitted' ? 'Submitting…' : 'Submit'}
                </button>
              </>
            )}
          </div>
        </form>
      ) : null}
      {can('intake.record') ? <MedicationsEditor patientId={id} /> : null}
    </div>
  );
}
