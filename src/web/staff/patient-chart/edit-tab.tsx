import { errorMessage } from '../api-client';
import { editablePatientGroups } from '../patients/patient-field-editing';
import { PatientForm } from '../patients/patient-form';
import { useSession } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import type { ChartTabProps } from './chart-tab-types';
import { EditConflictBanner } from './edit-conflict-banner';
import { editStatusOptions } from './edit-status-options';
import { usePatientEdit } from './use-patient-edit';

export function EditTab(props: ChartTabProps) {
  const { me } = useSession();
  const editable = editablePatientGroups(me.permissions);
  const edit = usePatientEdit(props, editable);

  if (!props.patient.active) {
    return <p>This record is deactivated. Reactivate it on the Status tab before editing.</p>;
  }

  return (
    <>
      {edit.conflict ? (
        <EditConflictBanner
          currentVersion={edit.conflict.currentVersion}
          busy={edit.busy}
          onReapply={edit.reloadAndReapply}
        />
      ) : null}
      <ErrorBanner>{edit.error ? errorMessage(edit.error) : null}</ErrorBanner>
      <NoticeBanner>{edit.notice}</NoticeBanner>
      <PatientForm
        state={edit.state}
        onChange={edit.setState}
        errors={edit.errors}
        careStatusOptions={editStatusOptions(edit.base.careStatus)}
        editable={editable}
        submitLabel="Save changes"
        busy={edit.busy}
        onSubmit={edit.save}
        extra={
          <TextField
            label="Reason for the change (optional)"
            value={edit.reason}
            onChange={edit.setReason}
            error={edit.errors.reason}
            maxLength={500}
            autoComplete="off"
          />
        }
        actions={
          <button type="button" className="button button--secondary" onClick={edit.discard}>
            Discard changes
          </button>
        }
      />
    </>
  );
}
