import { useId } from 'react';

/**
 * An acknowledgement the calculator asked for: what is being acknowledged, a checkbox and the reason.
 * The reason is only asked once the box is ticked; both are plain form controls, so the group is reached
 * and answered from the keyboard (Tab, Space, typing).
 */
export function AcknowledgementField({
  legend,
  statement,
  checked,
  onCheckedChange,
  reason,
  onReasonChange,
  reasonLabel,
  error,
  reasonError,
}: {
  legend: string;
  /** The checkbox's label: what the clinician confirms, in the first person. */
  statement: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonLabel: string;
  /** The server's stop, shown above the checkbox. */
  error?: string | undefined;
  reasonError?: string | undefined;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const reasonErrorId = `${id}-reason-error`;
  return (
    <fieldset className="dosing__ack">
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="field field--checkbox">
        <input
          id={`${id}-check`}
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={`${id}-check`}>{statement}</label>
      </div>
      {checked ? (
        <div className={`field${reasonError ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => onReasonChange(event.target.value)}
            rows={2}
            maxLength={1000}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? reasonErrorId : undefined}
          />
          {reasonError ? (
            <p className="field__error" id={reasonErrorId}>
              {reasonError}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
