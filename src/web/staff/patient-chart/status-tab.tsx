import { ApiError, errorMessage } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { CareStatusSection } from './care-status-section';
import type { ChartTabProps } from './chart-tab-types';
import { RecordStatusSection } from './record-status-section';
import { StatusChangeDialog } from './status-change-dialog';
import { useStatusChange } from './use-status-change';

export function StatusTab({ patient, onPatientChange }: ChartTabProps) {
  const can = useCan();
  const change = useStatusChange(patient, onPatientChange);
  const { error } = change;

  return (
    <>
      <ErrorBanner>
        {error ? (
          <>
            {errorMessage(error)}
            {error instanceof ApiError && error.status === 409
              ? ' Reload the page to see the current record.'
              : ''}
          </>
        ) : null}
      </ErrorBanner>
      <NoticeBanner>{change.notice}</NoticeBanner>
      <CareStatusSection patient={patient} canUpdate={can('patient.update-clinical')} open={change.open} />
      {can('patient.deactivate') ? <RecordStatusSection patient={patient} open={change.open} /> : null}
      {change.pending ? (
        <StatusChangeDialog
          change={change.pending}
          reason={change.reason}
          onReason={change.setReason}
          reasonError={change.reasonError}
          busy={change.busy}
          onConfirm={change.confirm}
          onCancel={change.cancel}
        />
      ) : null}
    </>
  );
}
