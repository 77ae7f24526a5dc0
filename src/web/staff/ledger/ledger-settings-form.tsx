import { useState } from 'react';
import type { Clinic } from '../../../contracts/clinic';
import { LEDGER_SETTING_SOURCES, type LedgerSettings } from '../../../domain/ledger';
import { apiGet, apiPatch } from '../api-client';
import { useApiQuery } from '../query/use-api-query';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import { ledgerKeys } from './ledger-api';
import { useLedgerAction } from './use-action';

const clinicKey = [...ledgerKeys.all, 'clinic'] as const;

type Flag = 'wasteWitnessRequired' | 'adjustmentWitnessRequired';
type Whole = 'inventoryIntervalMonths' | 'retentionYears' | 'smallLossPatternCount' | 'smallLossPatternDays';

const flagLabels: Record<Flag, string> = {
  wasteWitnessRequired: 'A second licensed person witnesses each waste',
  adjustmentWitnessRequired: 'A second person confirms each adjustment and correction',
};
const wholeLabels: Record<Whole, string> = {
  inventoryIntervalMonths: 'Months between full inventories (24 federal; some states 12)',
  retentionYears: 'Years records are kept (at least 2)',
  smallLossPatternCount: 'Small losses that make a pattern: how many…',
  smallLossPatternDays: '…within how many days',
};

const sourceOf = (key: keyof LedgerSettings) => LEDGER_SETTING_SOURCES.find((s) => s.key === key);

function Source({ name }: { name: keyof LedgerSettings }) {
  const s = sourceOf(name);
  return s ? (
    <span className="muted ledger-setting-source">
      {s.source} ({s.evidence})
    </span>
  ) : null;
}

/**
 * The clinic's ledger rules that vary by state or practice, each with its source. Who may change clinic
 * settings edits them; the rest read them. A changed witness rule applies from then on: every waste,
 * adjustment and correction keeps the rule it was recorded under, so verification reads history right.
 */
export function LedgerSettingsForm() {
  const can = useCan();
  const clinic = useApiQuery(clinicKey, (signal) => apiGet<Clinic>('/api/clinic', { signal }));
  const stored = clinic.data?.settings.ledger;
  const [draft, setDraft] = useState<LedgerSettings>();
  const action = useLedgerAction<Clinic>();
  const mayEdit = can('clinic.settings.update');
  const values = draft ?? stored;
  const e = (key: keyof LedgerSettings) => action.errors[`settings.ledger.${key}`];
  const set = <K extends keyof LedgerSettings>(key: K, value: LedgerSettings[K]) =>
    setDraft({ ...(values as LedgerSettings), [key]: value });
  return (
    <section aria-labelledby="ledger-settings-title">
      <h3 id="ledger-settings-title">Rules for this clinic</h3>
      <LoadState loading={clinic.isPending} error={clinic.error} />
      {values ? (
        <form
          className="ledger-form ledger-settings"
          aria-label="Ledger rules"
          onSubmit={(ev) => {
            ev.preventDefault();
            void action
              .run(
                () => apiPatch<Clinic>('/api/clinic', { settings: { ledger: values } }),
                'The ledger rules were saved; they apply from now on.',
              )
              .then((saved) => saved && setDraft(undefined));
          }}
        >
          {(Object.keys(flagLabels) as Flag[]).map((key) => (
            <div key={key}>
              <div className="field field--checkbox">
                <input
                  id={`ledger-setting-${key}`}
                  type="checkbox"
                  checked={values[key]}
                  disabled={!mayEdit}
                  onChange={(ev) => set(key, ev.target.checked)}
                />
                <label htmlFor={`ledger-setting-${key}`}>{flagLabels[key]}</label>
              </div>
              <Source name={key} />
            </div>
          ))}
          <SelectField
            label="Counts"
            value={values.countCadence}
            disabled={!mayEdit}
            onChange={(v) => set('countCadence', v as LedgerSettings['countCadence'])}
            options={[
              { value: 'daily', label: 'One a day, on days stock is handled' },
              { value: 'shift', label: 'Two a day (each shift), on days stock is handled' },
            ]}
            error={e('countCadence')}
          />
          <Source name="countCadence" />
          {(Object.keys(wholeLabels) as Whole[]).map((key) => (
            <div key={key}>
              <TextField
                label={wholeLabels[key]}
                type="number"
                inputMode="numeric"
                value={String(values[key])}
                disabled={!mayEdit}
                onChange={(v) => set(key, Number(v))}
                error={e(key)}
              />
              <Source name={key} />
            </div>
          ))}
          {mayEdit ? (
            <button type="submit" className="button" disabled={action.busy || !draft}>
              Save the rules
            </button>
          ) : (
            <p className="muted">Only someone who may change the clinic's settings can change these.</p>
          )}
          <ActionFeedback action={action} />
        </form>
      ) : null}
    </section>
  );
}
