import { useId, type ReactNode } from 'react';
import type { SessionView } from './session-api';
import type { SessionEntries } from './use-session-entries';

/** What every section of the session page is given. */
export interface SectionProps {
  view: SessionView;
  entries: SessionEntries;
  /** The person may chart entries (session.chart). */
  canChart: boolean;
  /** Physician-only decisions are shown (the server refuses them for anyone else). */
  physician: boolean;
}

/** A checkbox with its label after it, a large touch target at the chair. */
export function CheckField({
  label,
  checked,
  onChange,
  error,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled multi-line text field with its error tied to it. */
export function TextAreaField({
  label,
  value,
  onChange,
  error,
  required,
  rows = 2,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A section of the session page with its heading, labelled for landmarks navigation. */
export function SessionSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel session-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** The local date-time value ("2030-01-02T10:05") of an instant, for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The instant of a datetime-local value (the device's zone), or undefined when it is not a time. */
export function fromLocalInput(value: string): string | undefined {
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
