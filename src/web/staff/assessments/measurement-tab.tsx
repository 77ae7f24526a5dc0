import { useState } from 'react';
import type { ChartTabProps } from '../patient-chart/chart-tab-types';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import './assessments.css';
import { measurementApi } from './measurement-api';
import { ResponseEntry } from './response-entry';
import { ResponsesTable } from './responses-table';
import { SafetyPanel } from './safety-panel';
import { SchedulePanel } from './schedule-panel';
import { SelfReportPanel } from './self-report-panel';
import { TrajectoryPanel } from './trajectory-panel';

/**
 * The chart's "Measures" tab: safety alerts first, then trajectory, entry, self-report, plan and the
 * responses. Each section shows only when the signed-in role holds its permission.
 */
export function MeasurementTab({ patient }: ChartTabProps) {
  const can = useCan();
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((k) => k + 1);
  const { data, error, loading } = useLoad((signal) => measurementApi.instruments(signal), 'instruments');
  if (!data) return <LoadState loading={loading} error={error} />;
  const instruments = data.items;
  return (
    <div className="mbc">
      {can('safety.read') ? (
        <SafetyPanel key={`safety-${refreshKey}`} patientId={patient.id} onChange={refresh} />
      ) : null}
      {can('assessment.read') ? (
        <TrajectoryPanel
          patientId={patient.id}
          instruments={instruments.filter((i) => i.hasTotal || i.id === 'bpi-sf')}
          refreshKey={refreshKey}
        />
      ) : null}
      {can('assessment.record') && patient.active ? (
        <div className="no-print">
          <ResponseEntry patientId={patient.id} instruments={instruments} onRecorded={refresh} />
        </div>
      ) : null}
      {can('selfreport.send') && patient.active ? (
        <div className="no-print">
          <SelfReportPanel patient={patient} instruments={instruments} />
        </div>
      ) : null}
      {can('schedule.read') ? (
        <div className="no-print">
          <SchedulePanel patientId={patient.id} instruments={instruments} refreshKey={refreshKey} />
        </div>
      ) : null}
      {can('assessment.read') ? (
        <div className="no-print">
          <ResponsesTable
            patientId={patient.id}
            instruments={instruments}
            refreshKey={refreshKey}
            onChange={refresh}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Whether the tab is useful to a role (the server enforces each section anyway). */
export const measurementTabVisible = (permissions: readonly string[]) =>
  ['assessment.read', 'selfreport.send', 'schedule.read'].some((p) => permissions.includes(p));
