import { useState } from 'react';
import { todayIso } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import { InventoryHistory, InventoryResult, InventoryStatus } from './inventory-history';
import { emptyInventoryDraft, kindLabels, timeOfDayLabels, type InventoryDraft } from './inventory-model';
import { InventorySheetForm } from './inventory-sheet-form';
import {
  fetchInventories,
  fetchInventorySheet,
  fetchLocations,
  inventoryKeys,
  ledgerKeys,
  type InventoryRequest,
  type InventorySheetView,
  type InventoryTakenView,
} from './ledger-api';
import { useLedgerAction } from './use-action';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** What the inventory is: kind, date, opening or close of business, and the locations it covers. */
function InventoryStart({
  draft,
  setDraft,
  onSheet,
}: {
  draft: InventoryDraft;
  setDraft: (update: (d: InventoryDraft) => InventoryDraft) => void;
  onSheet: (sheet: InventorySheetView) => void;
}) {
  const locations = useApiQuery(ledgerKeys.locations, fetchLocations);
  const action = useLedgerAction<InventorySheetView>();
  const e = action.errors;
  const locationError = e.locationIds ?? Object.entries(e).find(([k]) => k.startsWith('locationIds'))?.[1];
  return (
    <form
      className="panel ledger-form"
      aria-label="Take an inventory"
      onSubmit={(ev) => {
        ev.preventDefault();
        void action
          .run(() => fetchInventorySheet(draft.locationIds), 'Sheet ready: count every container.')
          .then((sheet) => sheet && onSheet(sheet));
      }}
    >
      <h3>Take an inventory</h3>
      <div className="grid">
        <SelectField
          label="Kind"
          value={draft.kind}
          onChange={(v) => setDraft((d) => ({ ...d, kind: v as InventoryRequest['kind'] }))}
          options={options(kindLabels)}
        />
        <TextField
          label="Date taken"
          type="date"
          value={draft.takenOn}
          onChange={(takenOn) => setDraft((d) => ({ ...d, takenOn }))}
          required
        />
        <SelectField
          label="Taken at"
          value={draft.timeOfDay}
          onChange={(v) => setDraft((d) => ({ ...d, timeOfDay: v as InventoryRequest['timeOfDay'] }))}
          options={options(timeOfDayLabels)}
        />
      </div>
      <fieldset className="ledger-choices">
        <legend>Locations inventoried (all the registrant’s safes)</legend>
        {(locations.data?.items ?? []).map((l) => (
          <label key={l.id}>
            <input
              type="checkbox"
              checked={draft.locationIds.includes(l.id)}
              onChange={(ev) =>
                setDraft((d) => ({
                  ...d,
                  locationIds: ev.target.checked
                    ? [...d.locationIds, l.id]
                    : d.locationIds.filter((x) => x !== l.id),
                }))
              }
            />{' '}
            {l.name}
          </label>
        ))}
        {locationError ? <p className="field__error">{locationError}</p> : null}
      </fieldset>
      <button type="submit" className="button" disabled={action.busy || draft.locationIds.length === 0}>
        Prepare the sheet
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}

/**
 * Initial and biennial inventories: the status (initial taken, next due, overdue in red), taking one
 * (what it is, the blind sheet, the signature, then the comparison), and the past ones with PDF and CSV.
 */
export function InventorySection() {
  const list = useApiQuery(inventoryKeys.list, fetchInventories);
  const [draft, setDraft] = useState<InventoryDraft>();
  const [sheet, setSheet] = useState<InventorySheetView>();
  const [taken, setTaken] = useState<InventoryTakenView>();
  const current = draft ?? emptyInventoryDraft(todayIso(), list.data?.status.initialTaken ?? false);
  const update = (f: (d: InventoryDraft) => InventoryDraft) => setDraft((d) => f(d ?? current));
  const restart = () => {
    setDraft(undefined);
    setSheet(undefined);
    setTaken(undefined);
  };
  return (
    <section aria-labelledby="ledger-inventories-title">
      <h2 id="ledger-inventories-title">Inventories</h2>
      <LoadState loading={list.isPending} error={list.error} />
      {list.data ? <InventoryStatus status={list.data.status} /> : null}
      {!sheet ? <InventoryStart draft={current} setDraft={update} onSheet={setSheet} /> : null}
      {sheet && !taken ? (
        <>
          <InventorySheetForm sheet={sheet} draft={current} setDraft={update} onTaken={setTaken} />
          <button type="button" className="button button--secondary" onClick={() => setSheet(undefined)}>
            Back
          </button>
        </>
      ) : null}
      {taken ? (
        <>
          <InventoryResult taken={taken} />
          <button type="button" className="button button--secondary" onClick={restart}>
            Take another inventory
          </button>
        </>
      ) : null}
      <h3>Past inventories</h3>
      {list.data ? <InventoryHistory items={list.data.items} /> : null}
    </section>
  );
}
