import { useState } from 'react';
import type { DueRow } from '../../../contracts/measurement';
import { errorMessage } from '../api-client';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import './assessments.css';
import { formatDateTime, measurementApi } from './measurement-api';

/**
 * The front desk's "due and overdue" list across the clinic: who needs which questionnaire, by
 * when, and whether a link is already out. No scores are shown here.
 */
export function DueListPage() {
  const can = useCan();
  const [tick, setTick] = useState(0);
  const { data, error, loading } = useLoad((signal) => measurementApi.due(signal), String(tick));
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const send = async (row: DueRow, channel: 'email' | 'sms') => {
    setNotice(undefined);
    setProblem(undefined);
    try {
      const link = await measurementApi.sendLink(row.patientId, { instrumentId: row.instrumentId, channel });
      setNotice(`${row.instrumentTitle} link queued for ${row.patientName} (${link.recipientHint}).`);
      setTick((t) => t + 1);
    } catch (e) {
      setProblem(`${row.patientName}: ${errorMessage(e)}`);
    }
  };
  const rows = data?.items ?? [];
  return (
    <>
      <div className="page-heading">
        <h1>Due questionnaires</h1>
        <button type="button" className="button button--secondary" onClick={() => setTick((t) => t + 1)}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Questionnaires due now or overdue under each patient’s measurement plan. Overdue first.
      </p>
      <NoticeBanner>{notice}</NoticeBanner>
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      <LoadState loading={loading && !data} error={error} />
      {data && rows.length === 0 ? <p>Nothing is due right now.</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Due and overdue table">
          <table className="table table--stack">
            <caption className="visually-hidden">Due and overdue questionnaires</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">MRN</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">When</th>
                <th scope="col">Due by</th>
                <th scope="col">Status</th>
                <th scope="col">Link</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.patientId}:${row.instrumentId}`}>
                  <td data-label="Patient">
                    <Link href={paths.patient(row.patientId, 'measures')}>{row.patientName}</Link>
                  </td>
                  <td data-label="MRN" className="mono">
                    {row.mrn}
                  </td>
                  <td data-label="Questionnaire">{row.instrumentTitle}</td>
                  <td data-label="When">{row.reason}</td>
                  <td data-label="Due by">{formatDateTime(row.dueAt)}</td>
                  <td data-label="Status">
                    <span className={`badge mbc-status mbc-status--${row.status}`}>{row.status}</span>
                  </td>
                  <td data-label="Link">
                    {row.pendingLinkExpiresAt ? (
                      <span>sent, open until {formatDateTime(row.pendingLinkExpiresAt)}</span>
                    ) : can('selfreport.send') && row.selfRated ? (
                      <span className="button-row">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => void send(row, 'email')}
                        >
                          Email link<span className="visually-hidden"> to {row.patientName}</span>
                        </button>
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          onClick={() => void send(row, 'sms')}
                        >
                          SMS<span className="visually-hidden"> to {row.patientName}</span>
                        </button>
                      </span>
                    ) : (
                      <span className="muted">in clinic</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
