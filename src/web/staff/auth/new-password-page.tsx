import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { NewPasswordRequest, NewPasswordResponse } from '../../../contracts/auth';
import { apiPost, errorMessage, fieldErrors } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { PasswordField } from '../ui/password-field';
import { AuthLayout } from './auth-layout';

/**
 * The last step of a sign-in with a temporary password (set by an administrator): the person
 * chooses their own before Arbor opens. The server checks the policy and that it differs from the
 * temporary one; its message is shown beside the field.
 */
export function NewPasswordPage({
  email,
  onDone,
  onCancel,
}: {
  email: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [newPassword, setNewPassword] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // The person arrives here from another step's button: put the cursor in the password field.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input[autocomplete="new-password"]')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    try {
      const body: NewPasswordRequest = { newPassword };
      await apiPost<NewPasswordResponse>('/api/auth/new-password', body, { expectUnauthenticated: true });
      setNewPassword('');
      onDone();
    } catch (e) {
      const fields = fieldErrors(e, ['body']);
      if (fields.newPassword) setFieldError(fields.newPassword);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Choose your own password">
      <p>
        Your password was set by an administrator, so it is known to someone else. Choose a new one that only
        you know to finish signing in.
      </p>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <form ref={form} onSubmit={submit} noValidate>
        {/* Lets a password manager save the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField
          label="New password"
          value={newPassword}
          onChange={setNewPassword}
          autoComplete="new-password"
          error={fieldError}
          showLengthHint
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save password and continue'}
        </button>
      </form>
      <p>
        <button type="button" className="button button--link" onClick={onCancel}>
          Sign out
        </button>
      </p>
    </AuthLayout>
  );
}
