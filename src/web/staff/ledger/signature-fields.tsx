import { PasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';

/**
 * The taker signs the record: their own password and current authenticator code, checked by the server
 * as at sign-in. A refused signature stores nothing.
 */
export function SignatureFields({
  value,
  onChange,
  errors,
  signer,
}: {
  value: { password: string; code: string };
  onChange: (value: { password: string; code: string }) => void;
  errors: Record<string, string>;
  signer: string;
}) {
  return (
    <fieldset className="ledger-witness">
      <legend>Signature: {signer} confirms with their own password and code</legend>
      {errors.signature ? (
        <p className="field__error" role="alert">
          {errors.signature}
        </p>
      ) : null}
      <div className="grid">
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          value={value.password}
          onChange={(password) => onChange({ ...value, password })}
          error={errors['signature.password']}
          required
        />
        <TextField
          label="Your 6-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={10}
          value={value.code}
          onChange={(code) => onChange({ ...value, code })}
          error={errors['signature.code']}
          required
        />
      </div>
    </fieldset>
  );
}
