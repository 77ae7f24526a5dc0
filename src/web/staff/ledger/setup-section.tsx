import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import { LedgerSettingsForm } from './ledger-settings-form';
import {
  addProduct,
  createLocation,
  fetchLocations,
  fetchProducts,
  fetchRegistrations,
  ledgerKeys,
  recordRegistration,
  type LocationView,
  type ProductView,
  type RegistrationRequest,
  type RegistrationView,
} from './ledger-api';
import { useLedgerAction } from './use-action';

const schedules = ['II', 'IIN', 'III', 'IIIN', 'IV', 'V'] as const;
type Schedule = (typeof schedules)[number];

function Registrations() {
  const { data } = useApiQuery(ledgerKeys.registrations, fetchRegistrations);
  const [form, setForm] = useState({
    deaNumber: '',
    expiresOn: '',
    siteName: '',
    siteAddress: '',
    phone: '',
    county: '',
  });
  const [chosen, setChosen] = useState<Schedule[]>(['III', 'IIIN']);
  const action = useLedgerAction<RegistrationView>();
  const e = action.errors;
  const set = (key: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const body = (): RegistrationRequest => ({
    deaNumber: form.deaNumber,
    schedules: chosen,
    expiresOn: form.expiresOn,
    siteName: form.siteName,
    siteAddress: form.siteAddress,
    ...(form.phone.trim() ? { phone: form.phone } : {}),
    ...(form.county.trim() ? { county: form.county } : {}),
  });
  return (
    <section aria-labelledby="ledger-registrations-title">
      <h3 id="ledger-registrations-title">DEA registrations</h3>
      {data && data.items.length > 0 ? (
        <TableRegion
          label="DEA registrations recorded"
          caption="DEA registrations"
          columns={['DEA number', 'Schedules', 'Expires', 'Site']}
        >
          {data.items.map((r) => (
            <tr key={r.id}>
              <td>{r.deaNumber}</td>
              <td>{r.schedules.join(', ')}</td>
              <td>
                {formatDate(r.expiresOn)}
                {r.warning ? <strong className="ledger-flag"> {r.warning}</strong> : null}
              </td>
              <td>{r.siteName}</td>
            </tr>
          ))}
        </TableRegion>
      ) : null}
      <form
        className="panel ledger-form"
        aria-label="Record a DEA registration"
        onSubmit={(ev) => {
          ev.preventDefault();
          void action.run(() => recordRegistration(body()), 'Registration recorded.');
        }}
      >
        <div className="grid">
          <TextField
            label="DEA number"
            value={form.deaNumber}
            onChange={set('deaNumber')}
            hint="2 letters and 7 digits"
            error={e.deaNumber}
            required
          />
          <TextField
            label="Expires on"
            type="date"
            value={form.expiresOn}
            onChange={set('expiresOn')}
            error={e.expiresOn}
            required
          />
          <TextField
            label="Site name"
            value={form.siteName}
            onChange={set('siteName')}
            maxLength={120}
            error={e.siteName}
            required
          />
          <TextField
            label="Site address"
            value={form.siteAddress}
            onChange={set('siteAddress')}
            maxLength={300}
            error={e.siteAddress}
            required
          />
          <TextField
            label="Phone"
            value={form.phone}
            onChange={set('phone')}
            maxLength={40}
            error={e.phone}
          />
          <TextField
            label="County"
            value={form.county}
            onChange={set('county')}
            maxLength={80}
            error={e.county}
          />
        </div>
        <fieldset className="ledger-choices">
          <legend>Schedules</legend>
          {schedules.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={chosen.includes(s)}
                onChange={(ev) =>
                  setChosen((c) => (ev.target.checked ? [...c, s] : c.filter((x) => x !== s)))
                }
              />{' '}
              {s}
            </label>
          ))}
          {e.schedules ? <p className="field__error">{e.schedules}</p> : null}
        </fieldset>
        <button type="submit" className="button" disabled={action.busy}>
          Record the registration
        </button>
        <ActionFeedback action={action} />
      </form>
    </section>
  );
}

function Locations() {
  const registrations = useApiQuery(ledgerKeys.registrations, fetchRegistrations);
  const locations = useApiQuery(ledgerKeys.locations, fetchLocations);
  const [registrationId, setRegistrationId] = useState('');
  const [name, setName] = useState('');
  const action = useLedgerAction<LocationView>();
  const regs = registrations.data?.items ?? [];
  const site = new Map(regs.map((r) => [r.id, `${r.siteName} (${r.deaNumber})`]));
  return (
    <section aria-labelledby="ledger-locations-title">
      <h3 id="ledger-locations-title">Storage locations</h3>
      {locations.data && locations.data.items.length > 0 ? (
        <ul>
          {locations.data.items.map((l) => (
            <li key={l.id}>
              {l.name} <span className="muted">at {site.get(l.registrationId) ?? 'a registered site'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="panel ledger-form"
        aria-label="Add a storage location"
        onSubmit={(ev) => {
          ev.preventDefault();
          void action
            .run(
              () => createLocation({ registrationId, name }),
              (l) => `${l.name} added.`,
            )
            .then((l) => l && setName(''));
        }}
      >
        <div className="grid">
          <SelectField
            label="Registered site"
            value={registrationId}
            onChange={setRegistrationId}
            options={[
              { value: '', label: 'Choose a registration' },
              ...regs.map((r) => ({ value: r.id, label: site.get(r.id)! })),
            ]}
            error={action.errors.registrationId}
            required
          />
          <TextField
            label="Location name"
            value={name}
            onChange={setName}
            maxLength={80}
            error={action.errors.name}
            required
          />
        </div>
        <button type="submit" className="button" disabled={action.busy}>
          Add the location
        </button>
        <ActionFeedback action={action} />
      </form>
    </section>
  );
}

const emptyProduct = {
  key: '',
  name: '',
  substance: 'ketamine_hcl' as 'ketamine_hcl' | 'esketamine_hcl',
  finishedForm: '',
  contentMg: '',
  volumeMl: '',
  countAs: 'volume' as 'volume' | 'unit',
  containerLabel: '',
  ndc: '',
};

function Products() {
  const { data } = useApiQuery(ledgerKeys.products, fetchProducts);
  const [form, setForm] = useState(emptyProduct);
  const action = useLedgerAction<ProductView>();
  const e = action.errors;
  const set = (key: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  /** Starts from a catalogue entry, e.g. to give it the NDC from the package. */
  const startFrom = (p: ProductView) =>
    setForm({
      key: p.key,
      name: p.name,
      substance: p.substance === 'esketamine_hcl' ? 'esketamine_hcl' : 'ketamine_hcl',
      finishedForm: p.finishedForm,
      contentMg: String(p.contentUg / 1000),
      volumeMl: p.volumeUl === null ? '' : String(p.volumeUl / 1000),
      countAs: p.countAs,
      containerLabel: p.containerLabel,
      ndc: p.ndc ?? '',
    });
  return (
    <section aria-labelledby="ledger-products-title">
      <h3 id="ledger-products-title">Products</h3>
      {data && data.items.length > 0 ? (
        <TableRegion
          label="Product catalogue"
          caption="Product catalogue"
          columns={[
            'Product',
            'Strength',
            'NDC',
            'Schedule',
            'Origin',
            <span key="action" className="visually-hidden">
              Action
            </span>,
          ]}
        >
          {data.items.map((p) => (
            <tr key={p.key}>
              <td>{p.name}</td>
              <td>{p.strength}</td>
              <td>{p.ndc ?? <span className="muted">none</span>}</td>
              <td>{p.schedule}</td>
              <td>{p.origin === 'catalogue' ? 'Arbor catalogue' : 'Clinic'}</td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => startFrom(p)}
                >
                  Edit as new<span className="visually-hidden"> entry from {p.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </TableRegion>
      ) : null}
      <form
        className="panel ledger-form"
        aria-label="Add a product"
        onSubmit={(ev) => {
          ev.preventDefault();
          void action
            .run(
              () =>
                addProduct({
                  key: form.key,
                  name: form.name,
                  substance: form.substance,
                  finishedForm: form.finishedForm,
                  contentMg: Number(form.contentMg),
                  volumeMl: form.volumeMl.trim() ? Number(form.volumeMl) : null,
                  countAs: form.countAs,
                  containerLabel: form.containerLabel,
                  ndc: form.ndc.trim() || null,
                }),
              (p) => `${p.name} saved.`,
            )
            .then((p) => p && setForm(emptyProduct));
        }}
      >
        <p className="muted">A product with the key of a catalogue entry replaces it for this clinic.</p>
        <div className="grid">
          <TextField
            label="Key"
            value={form.key}
            onChange={set('key')}
            hint="lowercase letters, digits and hyphens"
            error={e.key}
            required
          />
          <TextField
            label="Name"
            value={form.name}
            onChange={set('name')}
            maxLength={160}
            error={e.name}
            required
          />
          <SelectField
            label="Substance"
            value={form.substance}
            onChange={set('substance')}
            options={[
              { value: 'ketamine_hcl', label: 'Ketamine HCl' },
              { value: 'esketamine_hcl', label: 'Esketamine HCl' },
            ]}
            error={e.substance}
          />
          <TextField
            label="Finished form"
            value={form.finishedForm}
            onChange={set('finishedForm')}
            hint="e.g. injection, solution"
            error={e.finishedForm}
            required
          />
          <TextField
            label="Drug per container (mg)"
            inputMode="decimal"
            value={form.contentMg}
            onChange={set('contentMg')}
            error={e.contentMg}
            required
          />
          <TextField
            label="Volume per container (mL)"
            inputMode="decimal"
            value={form.volumeMl}
            onChange={set('volumeMl')}
            hint="Blank for a solid or a device"
            error={e.volumeMl}
          />
          <SelectField
            label="Counted by"
            value={form.countAs}
            onChange={set('countAs')}
            options={[
              { value: 'volume', label: 'Volume' },
              { value: 'unit', label: 'Whole units' },
            ]}
            error={e.countAs}
          />
          <TextField
            label="Container"
            value={form.containerLabel}
            onChange={set('containerLabel')}
            hint="e.g. 10 mL multi-dose vial"
            error={e.containerLabel}
            required
          />
          <TextField
            label="NDC"
            value={form.ndc}
            onChange={set('ndc')}
            hint="5-4-2, from the package"
            error={e.ndc}
          />
        </div>
        <button type="submit" className="button" disabled={action.busy}>
          Save the product
        </button>
        <ActionFeedback action={action} />
      </form>
    </section>
  );
}

/** Registrations, storage locations and the product catalogue. */
export function SetupSection() {
  return (
    <section aria-labelledby="ledger-setup-title">
      <h2 id="ledger-setup-title">Set-up</h2>
      <Registrations />
      <Locations />
      <Products />
      <LedgerSettingsForm />
    </section>
  );
}
