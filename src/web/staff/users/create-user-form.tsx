import { useState, type FormEvent } from 'react';
import type { CreateUserRequest, StaffUser } from '../../../contracts/users';
import { apiPost, errorMessage, fieldErrors } from '../api-client';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { PasswordField } from '../ui/password-field';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { roleOptions } from './role-options';

const empty: CreateUserRequest = { displayName: '', email: '', role: 'nurse', temporaryPassword: '' };

/** New staff get a temporary password to hand over in person; they enrol an authenticator at first sign-in. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setErrors({});
    setNotice('');
    try {
      const created = await apiPost<StaffUser>('/api/users', form);
      setNotice(`Account created for ${created.displayName}. Give them the temporary password in person.`);
      setForm(empty);
      onCreated();
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-user-title" className="panel">
      <h2 id="create-user-title">Add a staff account</h2>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <NoticeBanner>{notice}</NoticeBanner>
      <form onSubmit={submit} noValidate>
        <div className="grid">
          <TextField
            label="Name"
            value={form.displayName}
            onChange={set('displayName')}
            error={errors.displayName}
            required
            autoComplete="off"
          />
          <TextField
            label="Email"
            type="email"
            value={form.email}
            onChange={set('email')}
            error={errors.email}
            required
            autoComplete="off"
          />
          <SelectField
            label="Role"
            value={form.role}
            onChange={set('role')}
            options={roleOptions}
            error={errors.role}
          />
          <PasswordField
            label="Temporary password"
            value={form.temporaryPassword}
            onChange={set('temporaryPassword')}
            error={errors.temporaryPassword}
            autoComplete="new-password"
            showLengthHint
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </section>
  );
}
