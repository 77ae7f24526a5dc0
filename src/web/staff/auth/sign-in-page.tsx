import { useState, type FormEvent } from 'react';
import { apiPost, errorMessage } from '../api-client';
import type { LoginRequest, LoginResponse, SessionStage } from '../../../contracts/auth';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { PasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';
import { AuthLayout } from './auth-layout';

/** Password step. Errors are the server's generic ones, so they never reveal whether an email exists. */
export function SignInPage({
  notice,
  onStage,
}: {
  notice?: string | undefined;
  onStage: (stage: SessionStage) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: LoginRequest = { email, password };
      const result = await apiPost<LoginResponse>('/api/auth/login', body, { expectUnauthenticated: true });
      setPassword('');
      onStage(result.stage);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Sign in">
      <NoticeBanner>{notice}</NoticeBanner>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <form onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="username"
          required
        />
        <PasswordField
          label="Password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Continue'}
        </button>
      </form>
    </AuthLayout>
  );
}
