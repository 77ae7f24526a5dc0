import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CodeRequest, EnrolmentConfirmResponse, EnrolmentStart } from '../../../contracts/auth';
import { apiPost, errorMessage } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import { AuthLayout } from './auth-layout';
import { groupSecret, svgDataUri } from './svg-data-uri';

/** Authenticator enrolment, required before any patient data can be seen. */
export function EnrolPage({
  onDone,
  onCancel,
}: {
  onDone: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const [enrolment, setEnrolment] = useState<EnrolmentStart>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // Each start makes a new secret; development's double effects must not replace the one shown.
    if (started.current) return;
    started.current = true;
    apiPost<EnrolmentStart>('/api/auth/mfa/enrol/start', {}, { expectUnauthenticated: true }).then(
      setEnrolment,
      setError,
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: CodeRequest = { code: code.replace(/\s+/g, '') };
      const result = await apiPost<EnrolmentConfirmResponse>('/api/auth/mfa/enrol/confirm', body, {
        expectUnauthenticated: true,
      });
      onDone(result.recoveryCodes);
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Set up your authenticator" wide>
      <p>
        Arbor asks for a code from an authenticator app (for example FreeOTP, Google Authenticator or
        1Password) each time you sign in.
      </p>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      {enrolment ? (
        <>
          <ol className="steps">
            <li>
              <p>Scan this QR code with the app:</p>
              <img
                className="qr"
                src={svgDataUri(enrolment.qrSvg)}
                alt="QR code for your authenticator app"
                width={200}
                height={200}
              />
            </li>
            <li>
              <p>Or enter this key by hand (time-based, 6 digits, 30 seconds):</p>
              <p>
                <code className="secret" data-testid="totp-secret" data-secret={enrolment.secret}>
                  {groupSecret(enrolment.secret)}
                </code>
              </p>
            </li>
            <li>
              <form onSubmit={submit}>
                <TextField
                  label="Enter the 6-digit code the app shows"
                  value={code}
                  onChange={setCode}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  required
                />
                <button type="submit" className="button" disabled={busy}>
                  {busy ? 'Checking…' : 'Confirm'}
                </button>
              </form>
            </li>
          </ol>
        </>
      ) : error ? null : (
        <p role="status">Preparing…</p>
      )}
      <p>
        <button type="button" className="button button--link" onClick={onCancel}>
          Sign out
        </button>
      </p>
    </AuthLayout>
  );
}
