import { useEffect, useId, useState } from 'react';
import type { Patient } from '../../../contracts/patients';
import { apiGet, apiPost, fieldErrors } from '../api-client';
import { fullName } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { ProblemBanner } from '../scheduling/problem-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { eligibilityPaths, type ConsentView } from './eligibility-api';
import { SignaturePad, type DrawnSignature } from './signature-pad';
import { useConsentTemplates, useRefreshEligibility } from './use-eligibility-queries';
import './eligibility.css';

/**
 * The consent form on a clinic tablet held by the patient: choose the form, read it and the electronic
 * signature disclosure, agree, type the legal name and draw a signature.
 */
export function ConsentSignPage({ id }: { id: string }) {
  const formId = useId();
  const patient = useLoad(
    (signal) => apiGet<Patient>(`/api/patients/${encodeURIComponent(id)}`, { signal }),
    id,
  );
  const templates = useConsentTemplates();
  const refresh = useRefreshEligibility();
  const [templateId, setTemplateId] = useState<string>();
  const [agreed, setAgreed] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [signature, setSignature] = useState<DrawnSignature | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [signed, setSigned] = useState<ConsentView>();

  useEffect(() => {
    if (!templateId && templates.data?.items[0]) setTemplateId(templates.data.items[0].id);
  }, [templates.data, templateId]);

  const template = templates.data?.items.find((t) => t.id === templateId);
  const problems = fieldErrors(error, ['body']);
  const missing = !agreed ? 'agree' : !typedName.trim() ? 'name' : !signature ? 'signature' : null;

  const sign = async () => {
    if (!template || !signature || !agreed) return;
    setBusy(true);
    setError(undefined);
    try {
      const consent = await apiPost<ConsentView>(eligibilityPaths.consents(id), {
        templateId: template.id,
        typedName: typedName.trim(),
        drawnSignature: signature,
        esignConsent: true,
      });
      setSigned(consent);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const name = patient.data ? fullName(patient.data) : 'the patient';
  if (signed) {
    return (
      <div className="consent-sign">
        <h1>Consent signed</h1>
        <p className="banner banner--notice" role="status">
          Signed — a clinician will countersign. ({signed.title}, version {signed.templateVersion})
        </p>
        <p>Please hand the tablet back to the clinic staff.</p>
        <Link className="button" href={paths.patient(id, 'eligibility')}>
          Back to the chart
        </Link>
      </div>
    );
  }
  return (
    <div className="consent-sign">
      <p className="no-print breadcrumb">
        <Link href={paths.patient(id, 'eligibility')}>← Eligibility &amp; consent</Link>
      </p>
      <h1>Consent form for {name}</h1>
      <LoadState loading={templates.isPending} error={templates.error ?? patient.error} />
      {templates.data ? (
        <form
          aria-label="Sign the consent form"
          onSubmit={(e) => {
            e.preventDefault();
            void sign();
          }}
        >
          <fieldset className="consent-choice">
            <legend>Which treatment is this consent for?</legend>
            {templates.data.items.map((t) => (
              <label key={t.id} className="intake-option">
                <input
                  type="radio"
                  name={`${formId}-template`}
                  checked={t.id === templateId}
                  onChange={() => setTemplateId(t.id)}
                />{' '}
                {t.title} (version {t.version})
              </label>
            ))}
          </fieldset>
          {template ? (
            <article className="consent-text" aria-labelledby={`${formId}-title`}>
              <h2 id={`${formId}-title`}>{template.title}</h2>
              {template.sections.map((s, i) => (
                <section key={i}>
                  <h3>{s.heading}</h3>
                  {s.paragraphs.map((p, j) => (
                    <p key={j}>{p}</p>
                  ))}
                </section>
              ))}
            </article>
          ) : null}
          <section className="consent-esign" aria-labelledby={`${formId}-esign`}>
            <h2 id={`${formId}-esign`}>Signing electronically</h2>
            {templates.data.esignDisclosure.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            <label className="intake-option consent-agree">
              <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I agree
              to sign electronically
            </label>
          </section>
          <div className={`field${problems.typedName ? ' field--invalid' : ''}`}>
            <label htmlFor={`${formId}-name`}>Your full legal name</label>
            <input
              id={`${formId}-name`}
              autoComplete="off"
              value={typedName}
              onChange={(e) => setTypedName(e.target.value)}
              aria-invalid={problems.typedName ? true : undefined}
            />
            {problems.typedName ? <p className="field__error">{problems.typedName}</p> : null}
          </div>
          <div className={`field${problems.drawnSignature ? ' field--invalid' : ''}`}>
            <p id={`${formId}-pad`} className="signature-label">
              Your signature
            </p>
            <p className="field__hint" id={`${formId}-pad-hint`}>
              Sign in the box with your finger, a stylus or the mouse.
            </p>
            <SignaturePad
              value={signature}
              onChange={setSignature}
              labelId={`${formId}-pad`}
              describedBy={`${formId}-pad-hint`}
            />
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setSignature(null)}
                disabled={!signature}
              >
                Clear signature
              </button>
              <span className="muted" role="status">
                {signature ? 'Signature drawn.' : 'No signature yet.'}
              </span>
            </div>
            {problems.drawnSignature ? <p className="field__error">{problems.drawnSignature}</p> : null}
          </div>
          <ProblemBanner error={error} />
          {missing ? (
            <p className="muted">
              {missing === 'agree'
                ? 'To sign, first agree to sign electronically.'
                : missing === 'name'
                  ? 'To sign, type your full legal name.'
                  : 'To sign, draw your signature in the box.'}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={busy || missing !== null || !template}>
              {busy ? 'Signing…' : 'Sign consent'}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
