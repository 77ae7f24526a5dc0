import { useState } from 'react';
import type { InstrumentEntry } from '../../../contracts/measurement';
import type { InstrumentId } from '../../../domain/instruments/index';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { formatDateTime, measurementApi } from './measurement-api';
import { TrajectoryChart } from './trajectory-chart';

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no');

/** Per instrument: the chart, the outcome statement with the rule used, a data table, print and CSV. */
export function TrajectoryPanel({
  patientId,
  instruments,
  refreshKey,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  refreshKey: number;
}) {
  const [instrument, setInstrument] = useState<InstrumentId | undefined>(undefined);
  const {
    data: t,
    error,
    loading,
  } = useLoad(
    (signal) => measurementApi.trajectory(patientId, instrument, signal),
    `${patientId}:${instrument ?? ''}:${refreshKey}`,
  );
  const o = t?.outcomes;
  return (
    <section aria-labelledby="mbc-trajectory-title" className="mbc-section mbc-trajectory">
      <h3 id="mbc-trajectory-title">Trajectory{t ? `: ${t.shortTitle}` : ''}</h3>
      <div className="button-row no-print">
        <div className="field">
          <label htmlFor="mbc-trajectory-instrument">Instrument</label>
          <select
            id="mbc-trajectory-instrument"
            value={t?.instrument ?? instrument ?? 'phq9'}
            onChange={(e) => setInstrument(e.target.value as InstrumentId)}
          >
            {instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.shortTitle}
                {t?.available.includes(i.id) ? '' : ' (no scores)'}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
        {t ? (
          <a
            className="button button--secondary"
            href={measurementApi.csvUrl(patientId, t.instrument)}
            download
          >
            Export CSV
          </a>
        ) : null}
      </div>
      <LoadState loading={loading && !t} error={error} />
      {t ? (
        <>
          {o ? (
            <dl className="mbc-outcomes" aria-label="Outcome">
              <div>
                <dt>Baseline</dt>
                <dd>
                  {o.baseline.value} on {formatDateTime(o.baseline.date)}{' '}
                  <span className="muted">({o.baseline.rule})</span>
                </dd>
              </div>
              <div>
                <dt>Latest</dt>
                <dd>
                  {o.latest.value} on {formatDateTime(o.latest.date)}
                  {o.percentChange.value !== null
                    ? ` (${Math.round(o.percentChange.value)}% from baseline)`
                    : ''}
                </dd>
              </div>
              {o.response ? (
                <div>
                  <dt>Response</dt>
                  <dd>
                    <strong data-testid="mbc-response">
                      {o.response.met === null
                        ? 'not yet assessable'
                        : o.response.met
                          ? 'Response'
                          : 'No response'}
                    </strong>
                    {o.response.firstMetDate ? ` (first met ${formatDateTime(o.response.firstMetDate)})` : ''}{' '}
                    — rule: {o.response.rule}
                    {o.response.citation ? (
                      <span className="muted">
                        {' '}
                        [{o.response.citation.source}; {o.response.citation.provenance}]
                      </span>
                    ) : null}
                  </dd>
                </div>
              ) : null}
              {o.remission ? (
                <div>
                  <dt>Remission</dt>
                  <dd>
                    <strong data-testid="mbc-remission">
                      {o.remission.met === null
                        ? 'not yet assessable'
                        : o.remission.met
                          ? 'Remission'
                          : 'No remission'}
                    </strong>{' '}
                    — rule: {o.remission.rule}
                    {o.remission.citation ? (
                      <span className="muted">
                        {' '}
                        [{o.remission.citation.source}; {o.remission.citation.provenance}]
                      </span>
                    ) : null}
                  </dd>
                </div>
              ) : null}
              {!o.response && !o.remission ? (
                <div>
                  <dt>Outcome rules</dt>
                  <dd>No cited response or remission definition for {t.shortTitle}.</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          <TrajectoryChart t={t} />
          {t.points.length ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Scores table">
              <table className="table">
                <caption>{t.shortTitle} scores (data table)</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Score</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Change</th>
                    <th scope="col">Response</th>
                    <th scope="col">Remission</th>
                    <th scope="col">Flags</th>
                  </tr>
                </thead>
                <tbody>
                  {t.points.map((p) => (
                    <tr key={p.responseId}>
                      <td>{formatDateTime(p.date)}</td>
                      <td>{p.value ?? '—'}</td>
                      <td>{p.severity ?? '—'}</td>
                      <td>
                        {p.change === null ? '—' : p.change > 0 ? `+${p.change}` : p.change}
                        {p.percentChange !== null ? ` (${Math.round(p.percentChange)}%)` : ''}
                      </td>
                      <td>{yesNo(p.response)}</td>
                      <td>{yesNo(p.remission)}</td>
                      <td>{p.flags.join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {t.anchors.length ? (
            <p className="muted">
              Infusions: {t.anchors.map((a) => `${a.label} ${formatDateTime(a.date)}`).join('; ')}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
