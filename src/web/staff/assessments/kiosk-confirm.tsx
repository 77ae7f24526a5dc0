/** Asks before handing the device over: starting kiosk mode signs the staff member out. */
export function KioskConfirm({
  onStart,
  onCancel,
  what = 'this questionnaire',
}: {
  onStart: () => void;
  onCancel: () => void;
  /** What the patient will see, e.g. "this questionnaire" or "the consent form". */
  what?: string;
}) {
  return (
    <div
      className="banner banner--notice"
      role="alertdialog"
      aria-labelledby="kiosk-confirm-title"
      aria-describedby="kiosk-confirm-body"
    >
      <p id="kiosk-confirm-title">
        <strong>Hand this device to the patient?</strong>
      </p>
      <p id="kiosk-confirm-body">
        You will be signed out here. The patient sees only {what}, then a “hand back to staff” screen. Sign in
        again afterwards.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={onStart}>
          Sign out and start
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
