import { useState } from 'react';
import type { InstrumentEntry } from '../../../contracts/measurement';
import type { InstrumentId } from '../../../domain/instruments/index';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { measurementApi } from './measurement-api';
import { OutcomeSummary } from './outcome-summary';
import { ScoresTable } from './scores-table';
import { TrajectoryChart } from './trajectory-chart';
import { infusionsText } from './trajectory-format';
import { TrajectoryToolbar } from './trajectory-toolbar';

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
  return (
    <section aria-labelledby="mbc-trajectory-title" className="mbc-section mbc-trajectory">
      <h3 id="mbc-trajectory-title">Trajectory{t ? `: ${t.shortTitle}` : ''}</h3>
      <TrajectoryToolbar
        patientId={patientId}
        instruments={instruments}
        t={t}
        instrument={instrument}
        setInstrument={setInstrument}
      />
      <LoadState loading={loading && !t} error={error} />
      {t ? (
        <>
          {t.outcomes ? <OutcomeSummary outcomes={t.outcomes} shortTitle={t.shortTitle} /> : null}
          <TrajectoryChart t={t} />
          {t.points.length ? <ScoresTable t={t} /> : null}
          {t.anchors.length ? <p className="muted">{infusionsText(t.anchors)}</p> : null}
        </>
      ) : null}
    </section>
  );
}
