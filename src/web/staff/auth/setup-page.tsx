import { useState, type FormEvent } from 'react';
import type { SetupRequest } from '../../../contracts/clinic';
import { apiPost, errorMessage, fieldErrors } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { PasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';
import { AuthLayout } from './auth-layout';

/** First run: the console's one-time code proves the person setting up Arbor runs the server. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState<SetupRequest>({
    setupCode: '',
    clinicName: '',
    displayName: '',
    email: '',
    password: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SetupRequest) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      await apiPost('/api/setup', form, { expectUnauthenticated: true });
      onDone();
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Set up Arbor">
      <p>
        Create your clinic and its first administrator account. The setup code was printed in Arbor’s console
        when it started.
      </p>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Setup code"
          value={form.setupCode}
          onChange={set('setupCode')}
          error={errors.setupCode}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          label="Clinic name"
          value={form.clinicName}
          onChange={set('clinicName')}
          error={errors.clinicName}
          required
          autoComplete="organization"
        />
        <TextField
          label="Your name"
          value={form.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
          required
          autoComplete="name"
        />
        <TextField
          label="Email"
          type="email"
          value={form.email}
          onChange={set('email')}
          error={errors.email}
          required
          autoComplete="username"
        />
        <PasswordField
          label="Password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          autoComplete="new-password"
          showLengthHint
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create clinic and continue'}
        </button>
      </form>
    </AuthLayout>
  );
}
