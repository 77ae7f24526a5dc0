import { useState } from 'react';
import type { DueRow } from '../../../contracts/measurement';
import { errorMessage } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import './assessments.css';
import { DueListTable } from './due-list-table';
import { measurementApi } from './measurement-api';

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
        <DueListTable
          rows={rows}
          canSend={can('selfreport.send')}
          onSend={(row, channel) => void send(row, channel)}
        />
      ) : null}
    </>
  );
}
