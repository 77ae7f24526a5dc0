import { useId, useState } from 'react';
import { apiPost, fieldErrors } from '../api-client';
import { formatDateTime } from '../format';
import { ProblemBanner } from '../scheduling/problem-banner';
import { useCan } from '../session-context';
import { NoticeBanner } from '../ui/error-banner';
import {
  eligibilityPaths,
  type DecisionView,
  type EligibilityOverview,
  type EvaluationView,
  type Product,
} from './eligibility-api';
import {
  decisionWords,
  groupResults,
  plainMessage,
  productWords,
  readKeyWords,
  readValueWords,
  resultGroupOrder,
  resultGroupWords,
  sourceLine,
  validityWords,
} from './eligibility-text';
import { useRefreshEligibility } from './use-eligibility-queries';

function Results({ evaluation }: { evaluation: EvaluationView }) {
  const groups = groupResults(evaluation.results);
  return (
    <div className="screening-results">
      {resultGroupOrder.map((g) =>
        groups[g].length === 0 ? null : (
          <details key={g} className={`screening-group screening-group--${g}`} open={g !== 'clear'}>
            <summary>
              {resultGroupWords[g]} ({groups[g].length})
            </summary>
            <ul>
              {groups[g].map((r) => (
                <li key={r.ruleId} className="screening-result">
                  <strong>{r.title}</strong>
                  <p>{r.explanation}</p>
                  {Object.keys(r.read).length > 0 ? (
                    <p className="muted">
                      Read:{' '}
                      {Object.entries(r.read)
                        .map(([k, v]) => `${readKeyWords(k)}: ${readValueWords(v)}`)
                        .join('; ')}
                    </p>
                  ) : null}
                  <p className="muted" data-source-anchor={r.source.anchor}>
                    {sourceLine(r.source)}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        ),
      )}
    </div>
  );
}

function DecisionForm({ patientId, evaluation }: { patientId: string; evaluation: EvaluationView }) {
  const id = useId();
  const refresh = useRefreshEligibility();
  const [decision, setDecision] = useState<DecisionView['decision']>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const problems = fieldErrors(error, ['body']);
  const submit = async () => {
    if (!decision) return;
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      const saved = await apiPost<DecisionView>(eligibilityPaths.eligibility(patientId), {
        product: evaluation.product,
        evaluationId: evaluation.id,
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setNotice(`Recorded: ${decisionWords[saved.decision]} for ${productWords[saved.product]}.`);
      setReason('');
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="decision-form"
      aria-label={`Eligibility decision for ${productWords[evaluation.product]}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className={problems.decision ? 'field--invalid' : undefined}>
        <legend>Decision on this screening</legend>
        {(Object.keys(decisionWords) as DecisionView['decision'][]).map((d) => (
          <label key={d} className="intake-option">
            <input
              type="radio"
              name={`${id}-decision`}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {decisionWords[d]}
          </label>
        ))}
        {problems.decision ? <p className="field__error">{problems.decision}</p> : null}
      </fieldset>
      <div className={`field${problems.reason ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={problems.reason ? true : undefined}
          aria-describedby={`${id}-reason-hint${problems.reason ? ` ${id}-reason-error` : ''}`}
        />
        <p className="field__hint" id={`${id}-reason-hint`}>
          Needed (at least 15 characters) when a relative contraindication fired or the patient is not
          eligible.
        </p>
        {problems.reason ? (
          <p className="field__error" id={`${id}-reason-error`}>
            {problems.reason}
          </p>
        ) : null}
      </div>
      <ProblemBanner error={error} />
      <NoticeBanner>{notice}</NoticeBanner>
      <button type="submit" className="button" disabled={busy || !decision}>
        {busy ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}

/** One product: readiness, the latest screening with its results, the decision form and past decisions. */
export function ScreeningPanel({
  patientId,
  product,
  overview,
}: {
  patientId: string;
  product: Product;
  overview: EligibilityOverview;
}) {
  const can = useCan();
  const refresh = useRefreshEligibility();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const evaluation = overview.evaluations.find((e) => e.product === product);
  const decisions = overview.decisions.filter((d) => d.product === product);
  const readiness = overview.readiness.find((r) => r.product === product);
  const titleId = useId();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiPost<EvaluationView>(eligibilityPaths.screening(patientId), { product });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screening-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{productWords[product]}</h3>
      {readiness ? (
        <div className={`readiness readiness--${readiness.ready ? 'ready' : 'blocked'}`}>
          <p>
            <strong>{readiness.ready ? 'Ready for treatment' : 'Not ready'}</strong>
          </p>
          {readiness.blockers.length > 0 ? (
            <ul aria-label={`What stops ${productWords[product]}`}>
              {readiness.blockers.map((b) => (
                <li key={b.code}>{plainMessage(b.message)}</li>
              ))}
            </ul>
          ) : null}
          {readiness.flags.length > 0 ? (
            <p>Flags for the nurse: {readiness.flags.map((f) => f.title).join('; ')}</p>
          ) : null}
        </div>
      ) : null}
      <h4>Latest screening</h4>
      {evaluation ? (
        <>
          <p className="muted">
            Run at {formatDateTime(evaluation.evaluatedAt)} on intake revision{' '}
            {evaluation.intakeRevision ?? 'none'} and medication revision{' '}
            {evaluation.medicationRevision ?? 'none'}.
          </p>
          <Results evaluation={evaluation} />
        </>
      ) : (
        <p className="muted">Not screened yet.</p>
      )}
      {can('intake.record') ? (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run()}>
          {busy ? 'Running…' : 'Run screening'}
          <span className="visually-hidden"> for {productWords[product]}</span>
        </button>
      ) : null}
      <ProblemBanner error={error} />
      {evaluation && can('eligibility.decide') ? (
        <DecisionForm patientId={patientId} evaluation={evaluation} />
      ) : null}
      <h4>Decisions</h4>
      {decisions.length === 0 ? (
        <p className="muted">No decision yet.</p>
      ) : (
        <ul className="decision-list">
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>{decisionWords[d.decision]}</strong> — {validityWords[d.validity]}
              {d.validity === 'invalidated' && d.invalidatedReason ? ` (${d.invalidatedReason})` : ''}. By{' '}
              {d.decidedBy.label} at {formatDateTime(d.decidedAt)}
              {d.expiresAt ? `; expires ${formatDateTime(d.expiresAt)}` : ''}.
              {d.reason ? <p className="muted">Reason: {d.reason}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
