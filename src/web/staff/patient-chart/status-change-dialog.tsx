import { ConfirmDialog } from '../ui/confirm-dialog';
import { TextField } from '../ui/text-field';
import { statusChangeDialog, type StatusChange } from './status-change';

interface StatusChangeDialogProps {
  change: StatusChange;
  reason: string;
  onReason: (reason: string) => void;
  reasonError: string | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function StatusChangeDialog({
  change,
  reason,
  onReason,
  reasonError,
  busy,
  onConfirm,
  onCancel,
}: StatusChangeDialogProps) {
  const { title, confirmLabel, reasonLabel } = statusChangeDialog(change);
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      destructive={change.kind === 'deactivate'}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <TextField
        label={reasonLabel}
        value={reason}
        onChange={onReason}
        error={reasonError}
        maxLength={500}
        autoComplete="off"
        autoFocus
      />
    </ConfirmDialog>
  );
}
