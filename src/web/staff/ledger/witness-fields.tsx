import { PasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';
import type { WitnessRequest } from './ledger-api';

export const emptyWitness: WitnessRequest = { email: '', password: '', code: '' };

/**
 * The witness confirms on this screen with their own email, password and authenticator code; the
 * server checks them and refuses the person making the entry.
 */
export function WitnessFields({
  value,
  onChange,
  errors,
}: {
  value: WitnessRequest;
  onChange: (value: WitnessRequest) => void;
  errors: Record<string, string>;
}) {
  const set = (key: keyof WitnessRequest, v: string) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="ledger-witness">
      <legend>Witness (a second licensed user types their own sign-in)</legend>
      {errors.witness ? (
        <p className="field__error" role="alert">
          {errors.witness}
        </p>
      ) : null}
      <div className="grid">
        <TextField
          label="Witness email"
          type="email"
          autoComplete="off"
          value={value.email}
          onChange={(v) => set('email', v)}
          error={errors['witness.email']}
        />
        <PasswordField
          label="Witness password"
          autoComplete="current-password"
          value={value.password}
          onChange={(v) => set('password', v)}
          error={errors['witness.password']}
        />
        <TextField
          label="Witness 6-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={10}
          value={value.code}
          onChange={(v) => set('code', v)}
          error={errors['witness.code']}
        />
      </div>
    </fieldset>
  );
}
