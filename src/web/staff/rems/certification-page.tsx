import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../api-client';
import { TableRegion } from '../assessments/table-region';
import { formatDate, formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { TextField } from '../ui/text-field';
import { FormVersionsSection } from './form-versions-section';
import {
  fetchCertification,
  recordCertification,
  remsKeys,
  type CertificationRequest,
  type CertificationView,
} from './rems-api';
import './rems.css';

type Current = NonNullable<CertificationView['current']>;
type Setting = Current['setting'];

const settingLines = (s: Setting) =>
  [s.name, s.address1, s.address2, `${s.city}, ${s.state} ${s.zip}`, s.phone].filter(Boolean);

function CurrentCertification({ current }: { current: Current | null }) {
  if (!current)
    return (
      <p className="alert alert--warning">
        No certification is recorded: esketamine sessions cannot start until the setting is certified.
      </p>
    );
  const certified = current.status === 'certified';
  return (
    <div className={`alert ${certified ? 'alert--info' : 'alert--critical'}`}>
      <p>
        <strong>{certified ? 'Certified' : 'Certification withdrawn'}</strong>
        {current.certifiedOn ? ` on ${formatDate(current.certifiedOn)}` : ''}
        {current.settingIdentifier ? `, setting identifier ${current.settingIdentifier}` : ''}. Authorized
        representative: {current.authorizedRepresentative}.
      </p>
      <address className="rems-address">
        {settingLines(current.setting).map((line) => (
          <span key={line}>{line}</span>
        ))}
      </address>
      {current.note ? <p>Note: {current.note}</p> : null}
      <p className="muted">
        Recorded by {current.recordedBy.label} at {formatDateTime(current.recordedAt)}.
      </p>
    </div>
  );
}

function History({ history }: { history: CertificationView['history'] }) {
  if (history.length === 0) return null;
  return (
    <TableRegion
      label="Certification history table"
      caption="Certification history"
      columns={['Recorded', 'Status', 'By']}
    >
      {history.map((h) => (
        <tr key={h.id}>
          <td>{formatDateTime(h.recordedAt)}</td>
          <td>
            {h.status === 'certified' ? 'Certified' : h.status === 'withdrawn' ? 'Withdrawn' : h.status}
          </td>
          <td>{h.recordedBy.label}</td>
        </tr>
      ))}
    </TableRegion>
  );
}

type FormState = Omit<Required<CertificationRequest>, 'setting'> & { setting: Required<Setting> };

function initialState(current: Current | null): FormState {
  const s = current?.setting;
  return {
    status: current?.status ?? 'certified',
    settingIdentifier: current?.settingIdentifier ?? '',
    authorizedRepresentative: current?.authorizedRepresentative ?? '',
    certifiedOn: current?.certifiedOn ?? '',
    note: '',
    setting: {
      name: s?.name ?? '',
      address1: s?.address1 ?? '',
      address2: s?.address2 ?? '',
      city: s?.city ?? '',
      state: s?.state ?? '',
      zip: s?.zip ?? '',
      phone: s?.phone ?? '',
    },
  };
}

/** Blank optional fields are left out (the contract refuses an empty date). */
function toRequest(f: FormState): CertificationRequest {
  return {
    status: f.status,
    authorizedRepresentative: f.authorizedRepresentative,
    setting: f.setting,
    ...(f.settingIdentifier.trim() ? { settingIdentifier: f.settingIdentifier } : {}),
    ...(f.certifiedOn ? { certifiedOn: f.certifiedOn } : {}),
    ...(f.note.trim() ? { note: f.note } : {}),
  };
}

const settingFields: [keyof Setting, string, boolean][] = [
  ['name', 'Setting name', true],
  ['address1', 'Address line 1', true],
  ['address2', 'Address line 2', false],
  ['city', 'City', true],
  ['state', 'State', true],
  ['zip', 'ZIP code', true],
  ['phone', 'Phone', false],
];

function CertificationForm({ current }: { current: Current | null }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialState(current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const errors = fieldErrors(error, ['body']);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setSetting = (key: keyof Setting, value: string) =>
    setForm((f) => ({ ...f, setting: { ...f.setting, [key]: value } }));

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      const view = await recordCertification(toRequest(form));
      queryClient.setQueryData(remsKeys.certification, view);
      void queryClient.invalidateQueries({ queryKey: remsKeys.all });
      setNotice(form.status === 'certified' ? 'Certification recorded.' : 'Withdrawal recorded.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby="rems-certify-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="rems-certify-title">Record certification</h2>
      <fieldset className="rems-choices">
        <legend>Status</legend>
        <div className="rems-choices__options">
          {(['certified', 'withdrawn'] as const).map((s) => (
            <label key={s} className="rems-choice">
              <input
                type="radio"
                name="rems-certification-status"
                checked={form.status === s}
                onChange={() => set('status', s)}
              />{' '}
              {s === 'certified' ? 'Certified' : 'Withdrawn'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid">
        <TextField
          label="Authorized representative"
          value={form.authorizedRepresentative}
          onChange={(v) => set('authorizedRepresentative', v)}
          required
          maxLength={120}
          error={errors.authorizedRepresentative}
        />
        <TextField
          label="Certified on"
          type="date"
          value={form.certifiedOn}
          onChange={(v) => set('certifiedOn', v)}
          error={errors.certifiedOn}
        />
        <TextField
          label="Setting identifier"
          value={form.settingIdentifier}
          onChange={(v) => set('settingIdentifier', v)}
          maxLength={60}
          hint="As the REMS gave it, if any."
          error={errors.settingIdentifier}
        />
      </div>
      <fieldset>
        <legend>Healthcare setting (as the monitoring form names it)</legend>
        <div className="grid">
          {settingFields.map(([key, label, required]) => (
            <TextField
              key={key}
              label={label}
              value={form.setting[key]}
              onChange={(v) => setSetting(key, v)}
              required={required}
              error={errors[`setting.${key}`]}
            />
          ))}
        </div>
      </fieldset>
      <TextField
        label="Note"
        value={form.note}
        onChange={(v) => set('note', v)}
        maxLength={500}
        error={errors.note}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Recording…' : 'Record certification'}
      </button>
      <NoticeBanner>{notice}</NoticeBanner>
      {error ? <ErrorBanner>{errorMessage(error)}</ErrorBanner> : null}
    </form>
  );
}

/** The clinic's SPRAVATO REMS setting certification, its history, and the monitoring form's versions. */
export function RemsCertificationPage() {
  const can = useCan();
  const { data, error, isPending } = useApiQuery(remsKeys.certification, fetchCertification);
  return (
    <div className="rems-page">
      <p className="breadcrumb">
        <Link href={paths.remsFormsDue()}>REMS forms due</Link>
      </p>
      <h1>REMS setting certification</h1>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <>
          <section aria-labelledby="rems-current-title">
            <h2 id="rems-current-title">Current certification</h2>
            <CurrentCertification current={data.current} />
            <History history={data.history} />
          </section>
          {can('rems.certify') ? (
            <CertificationForm key={data.current?.id ?? 'none'} current={data.current} />
          ) : null}
        </>
      ) : null}
      {can('rems.certify') || can('rems.forms') ? (
        <FormVersionsSection canLoad={can('rems.certify')} />
      ) : null}
    </div>
  );
}
