import { useState } from 'react';
import type { PatientHistory } from '../../../contracts/patients';
import { apiGet } from '../api-client';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import type { ChartTabProps } from './chart-tab-types';
import { HistoryDiffSection } from './history-diff-section';
import { selectVersion } from './history-selection';
import { HistoryVersionsTable } from './history-versions-table';

export function HistoryTab({ patient }: ChartTabProps) {
  // Keyed by version so the list refreshes after a save on another tab.
  const history = useLoad(
    (signal) => apiGet<PatientHistory>(`/api/patients/${patient.id}/history`, { signal }),
    `${patient.id}:${patient.version}`,
  );
  const [selected, setSelected] = useState<number>();

  const items = history.data?.items ?? [];
  const { chosen, previous } = selectVersion(items, selected);

  return (
    <>
      <LoadState loading={history.loading && !history.data} error={history.error} />
      {history.data?.withheldFields.length ? (
        <p className="muted">
          Diagnoses and alerts are shown to clinicians only: a version that changed them lists the field but
          not its values.
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="history">
          <HistoryVersionsTable items={items} chosen={chosen} onChoose={setSelected} />
          {chosen ? <HistoryDiffSection chosen={chosen} previous={previous} /> : null}
        </div>
      ) : null}
    </>
  );
}
