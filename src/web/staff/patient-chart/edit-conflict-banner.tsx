interface EditConflictBannerProps {
  currentVersion: number | undefined;
  busy: boolean;
  onReapply: () => void;
}

/** Someone else saved first: nothing was lost, and the person's edits can be laid over theirs. */
export function EditConflictBanner({ currentVersion, busy, onReapply }: EditConflictBannerProps) {
  return (
    <div className="banner banner--error" role="alert">
      <p>
        <strong>This record was changed by someone else</strong> after you opened it (it is now version{' '}
        {currentVersion}). Your changes have not been saved.
      </p>
      <button type="button" className="button" onClick={onReapply} disabled={busy}>
        Reload and re-apply my changes
      </button>
    </div>
  );
}
