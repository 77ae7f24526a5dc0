import { useState, type FormEvent } from 'react';
import type { CodeRequest, SecondFactorResponse } from '../../../contracts/auth';
import { apiPost, errorMessage } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import { AuthLayout } from './auth-layout';

/** Second factor: a 6-digit code from the authenticator, or one of the saved recovery codes. */
export function CodeStepPage({
  onDone,
  onCancel,
}: {
  onDone: (usedRecoveryCode: boolean) => void;
  onCancel: () => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: CodeRequest = { code: useRecovery ? code.trim() : code.replace(/\s+/g, '') };
      const result = await apiPost<SecondFactorResponse>('/api/auth/mfa', body, {
        expectUnauthenticated: true,
      });
      onDone(result.usedRecoveryCode);
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Enter your code">
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <form onSubmit={submit}>
        {useRecovery ? (
          <TextField
            key="recovery"
            label="Recovery code"
            value={code}
            onChange={setCode}
            autoComplete="off"
            spellCheck={false}
            hint="One of the codes you saved when you set up your authenticator. Each works once."
            required
            autoFocus
          />
        ) : (
          <TextField
            key="totp"
            label="6-digit code from your authenticator app"
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            autoFocus
          />
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setUseRecovery((v) => !v);
              setCode('');
              setError(undefined);
            }}
          >
            {useRecovery ? 'Use my authenticator app instead' : 'Use a recovery code'}
          </button>
        </div>
      </form>
      <p>
        <button type="button" className="button button--link" onClick={onCancel}>
          Start again with another account
        </button>
      </p>
    </AuthLayout>
  );
}
