import { useId, useState } from 'react';
import { passwordMaxLength, passwordMinLength } from '../../../domain/auth';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  error?: string | undefined;
  /** New passwords show the length rule; there are no composition rules (ASVS 6.2.5). */
  showLengthHint?: boolean;
  required?: boolean;
}

/** Paste is allowed (ASVS 6.2.7) and the value can be shown to check it before submitting. */
export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  error,
  showLengthHint,
  required,
}: PasswordFieldProps) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const length = [...value].length;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [showLengthHint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="password-field">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          maxLength={passwordMaxLength * 2}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          spellCheck={false}
          autoCapitalize="off"
        />
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide' : 'Show'}
          <span className="visually-hidden"> password</span>
        </button>
      </div>
      {showLengthHint ? (
        <p className="field__hint" id={hintId}>
          At least {passwordMinLength} characters ({length} so far). A passphrase of several words works well.
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
