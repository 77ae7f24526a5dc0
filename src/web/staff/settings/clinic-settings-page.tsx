import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Clinic } from '../../../contracts/clinic';
import { apiGet, apiPatch, errorMessage, fieldErrors } from '../api-client';
import { useCan, useSession } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { TextField } from '../ui/text-field';
import { useLoad } from '../ui/use-load';
import { MeasurementSettingsFields } from './measurement-settings-fields';
import {
  formToSettingsBody,
  securityFields,
  settingsToForm,
  siteFields,
  type SettingsFormState,
} from './settings-form-model';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function ClinicSettingsPage() {
  const can = useCan();
  const { refresh } = useSession();
  const clinic = useLoad((signal) => apiGet<Clinic>('/api/clinic', { signal }), 'clinic');
  const [form, setForm] = useState<SettingsFormState>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const zones = useMemo(timeZones, []);
  const readOnly = !can('clinic.settings.update');

  useEffect(() => {
    if (clinic.data) setForm(settingsToForm(clinic.data));
  }, [clinic.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setErrors({});
    setError(undefined);
    setNotice('');
    try {
      const saved = await apiPatch<Clinic>('/api/clinic', formToSettingsBody(form));
      setForm(settingsToForm(saved));
      setNotice('Settings saved.');
      // The header shows the clinic name, which may have changed.
      if (saved.name !== clinic.data?.name) refresh();
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, ['body.settings', 'body']));
    } finally {
      setBusy(false);
    }
  };

  const setSecurity = (key: keyof SettingsFormState['security']) => (value: string) =>
    setForm((f) => (f ? { ...f, security: { ...f.security, [key]: value } } : f));

  const setSite = (key: keyof SettingsFormState['site']) => (value: string) =>
    setForm((f) => (f ? { ...f, site: { ...f.site, [key]: value } } : f));

  return (
    <>
      <h1>Clinic settings</h1>
      <LoadState loading={clinic.loading && !clinic.data} error={clinic.error} />
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <NoticeBanner>{notice}</NoticeBanner>
      {form ? (
        <form onSubmit={submit} noValidate>
          <fieldset disabled={readOnly}>
            <legend>Clinic</legend>
            <div className="grid">
              <TextField
                label="Clinic name"
                value={form.name}
                onChange={(name) => setForm({ ...form, name })}
                error={errors.name}
                required
                autoComplete="organization"
              />
              <TextField
                label="Time zone"
                value={form.timeZone}
                onChange={(timeZone) => setForm({ ...form, timeZone })}
                error={errors.timeZone}
                list="time-zones"
                autoComplete="off"
                hint="An IANA name such as America/New_York"
              />
              <datalist id="time-zones">
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </div>
          </fieldset>
          <fieldset disabled={readOnly}>
            <legend>Security</legend>
            <div className="grid">
              {securityFields.map((field) => (
                <TextField
                  key={field.key}
                  label={field.label}
                  inputMode="numeric"
                  value={form.security[field.key]}
                  onChange={setSecurity(field.key)}
                  error={errors[`security.${field.key}`]}
                  hint={field.hint}
                  autoComplete="off"
                />
              ))}
            </div>
          </fieldset>
          <fieldset disabled={readOnly}>
            <legend>Public site</legend>
            <p className="hint">
              What the public site shows. Details left empty are not invented: the site says they have not
              been added yet.
            </p>
            <div className="grid">
              {siteFields.map((field) => (
                <TextField
                  key={field.key}
                  label={field.label}
                  value={form.site[field.key]}
                  onChange={setSite(field.key)}
                  error={errors[`site.${field.key}`]}
                  hint={field.hint || undefined}
                  autoComplete="off"
                />
              ))}
            </div>
          </fieldset>
          <MeasurementSettingsFields
            value={form.measurement}
            onChange={(measurement) => setForm({ ...form, measurement })}
            errors={errors}
            disabled={readOnly}
          />
          {readOnly ? null : (
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Saving…' : 'Save settings'}
            </button>
          )}
        </form>
      ) : null}
    </>
  );
}
