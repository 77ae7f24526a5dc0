import { ErrorBanner } from '../ui/error-banner';
import type { EntryForm } from './use-entry-form';

/** A value name from the server's path ("body.reading.spo2" → "spo2"), for the confirmation list. */
const lastPart = (field: string) => field.split('.').at(-1) ?? field;

/**
 * Under a chart form: the spoken result of the last entry, the server's refusal, or the values it asks the
 * nurse to confirm with a "Confirm and save" button.
 */
export function EntryStatus({ form, afterConfirm }: { form: EntryForm; afterConfirm?: () => void }) {
  return (
    <>
      <p className="session-notice" role="status" aria-live="polite">
        {form.notice ?? ''}
      </p>
      <ErrorBanner>{form.error}</ErrorBanner>
      {form.confirmation ? (
        <div className="banner banner--error session-confirm" role="alert">
          <p>
            <strong>Check these values.</strong> They are possible but unusual:
          </p>
          <ul>
            {form.confirmation.fields.map((f) => (
              <li key={f.field}>
                {lastPart(f.field)}: {f.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--danger"
            disabled={form.busy}
            onClick={() => void form.confirm().then(() => afterConfirm?.())}
          >
            Confirm and save
          </button>
        </div>
      ) : null}
    </>
  );
}
