import { useState } from 'react';
import type { InstrumentEntry, ResponseDetail } from '../../../contracts/measurement';
import { errorMessage, fieldErrors } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { formatDateTime, measurementApi } from './measurement-api';
import { askedAnswers, QuestionnaireForm, type Answers } from './questionnaire-form';

/** One response as submitted, with its score computation; a correction is an amendment with a reason. */
function ResponseView({
  id,
  instruments,
  onAmended,
}: {
  id: string;
  instruments: InstrumentEntry[];
  onAmended: () => void;
}) {
  const { data, error, loading } = useLoad(() => measurementApi.response(id), id);
  const [amending, setAmending] = useState<Answers>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  if (!data) return <LoadState loading={loading} error={error} />;
  const def = instruments.find((i) => i.id === data.instrumentId)?.definition;
  const label = (d: ResponseDetail, itemId: string) => {
    const item = def?.items.find((i) => i.id === itemId);
    const option = item?.options.find((o) => o.value === d.answers[itemId]);
    return `${item?.label ?? itemId}: ${option ? `${option.value} (${option.label})` : 'not answered'}`;
  };
  const save = async () => {
    if (!def || !amending) return;
    try {
      await measurementApi.amend(id, { answers: askedAnswers(def, amending), reason });
      setAmending(undefined);
      onAmended();
    } catch (e) {
      setErrors(fieldErrors(e, ['body.answers']));
      setProblem(errorMessage(e));
    }
  };
  return (
    <div className="panel mbc-response-view">
      <ul>
        {Object.keys(data.answers).map((itemId) => (
          <li key={itemId}>{label(data, itemId)}</li>
        ))}
      </ul>
      {data.observation?.result.details.total ? (
        <p className="mono">
          {data.observation.result.details.total.formula} →{' '}
          {data.observation.result.details.total.computation}
        </p>
      ) : null}
      {data.amendmentReason ? <p>Correction of an earlier response: {data.amendmentReason}</p> : null}
      {data.supersededBy ? (
        <p className="muted">Corrected by a later response.</p>
      ) : amending && def ? (
        <>
          {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
          <QuestionnaireForm
            def={def}
            answers={amending}
            onChange={setAmending}
            errors={errors}
            idPrefix={`amend-${id}`}
          />
          <div className="field">
            <label htmlFor={`amend-reason-${id}`}>Reason for the correction (required)</label>
            <input id={`amend-reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void save()}>
              Save correction
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAmending(undefined)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setAmending({ ...data.answers })}
        >
          Correct this response
        </button>
      )}
    </div>
  );
}

export function ResponsesTable({
  patientId,
  instruments,
  refreshKey,
  onChange,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  refreshKey: number;
  onChange: () => void;
}) {
  const { data, error, loading, reload } = useLoad(
    (signal) => measurementApi.responses(patientId, signal),
    `${patientId}:${refreshKey}`,
  );
  const [open, setOpen] = useState<string>();
  if (!data) return <LoadState loading={loading} error={error} />;
  const title = (id: string) => instruments.find((i) => i.id === id)?.shortTitle ?? id;
  return (
    <section aria-labelledby="mbc-responses-title" className="mbc-section">
      <h3 id="mbc-responses-title">Responses ({data.total})</h3>
      {data.items.length === 0 ? (
        <p className="muted">No responses yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Responses table">
          <table className="table">
            <caption className="visually-hidden">Questionnaire responses, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Answered</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">Score</th>
                <th scope="col">Severity</th>
                <th scope="col">Flags</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id} className={r.supersededBy ? 'mbc-superseded' : undefined}>
                  <td>{formatDateTime(r.administeredAt)}</td>
                  <td>{title(r.instrumentId)}</td>
                  <td>{r.value ?? '—'}</td>
                  <td>{r.severity ?? '—'}</td>
                  <td>{r.flags.join(', ') || '—'}</td>
                  <td>
                    {r.source}
                    {r.amendsId ? ' · correction' : ''}
                    {r.supersededBy ? ' · corrected' : ''}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--link"
                      aria-expanded={open === r.id}
                      onClick={() => setOpen(open === r.id ? undefined : r.id)}
                    >
                      {open === r.id ? 'Hide' : 'View'}
                      <span className="visually-hidden">
                        {' '}
                        {title(r.instrumentId)} of {formatDateTime(r.administeredAt)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <ResponseView
          id={open}
          instruments={instruments}
          onAmended={() => {
            setOpen(undefined);
            reload();
            onChange();
          }}
        />
      ) : null}
    </section>
  );
}
