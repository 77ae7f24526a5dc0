import { useState } from 'react';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import {
  recordMovement,
  type ContainerView,
  type LocationView,
  type MovementResult,
  type MovementVerb,
} from './ledger-api';
import {
  emptyDraft,
  movementBody,
  movementLabels,
  movementsFor,
  witnessed,
  type MovementDraft,
} from './movement-draft';
import { useLedgerAction } from './use-action';
import { WitnessFields } from './witness-fields';

const units = [
  { value: 'mg', label: 'mg' },
  { value: 'mL', label: 'mL' },
  { value: 'unit', label: 'units' },
] as const;

/** The movements of one container: choose one, fill in its fields, record it. */
export function MovementForm({
  container,
  locations,
}: {
  container: ContainerView;
  locations: readonly LocationView[];
}) {
  const verbs = movementsFor(container.status);
  const [chosen, setVerb] = useState<MovementVerb | undefined>(verbs[0]);
  // After a movement the container's status changes and so do the movements it can take.
  const verb = chosen && verbs.includes(chosen) ? chosen : verbs[0];
  const [draft, setDraft] = useState<MovementDraft>(() => emptyDraft());
  const action = useLedgerAction<MovementResult>();
  const e = action.errors;
  if (!verb) return <p className="muted">This container takes no more movements.</p>;
  const set = <K extends keyof MovementDraft>(key: K, value: MovementDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setDistributor = (key: keyof MovementDraft['distributor'], value: string) =>
    setDraft((d) => ({ ...d, distributor: { ...d.distributor, [key]: value } }));
  const others = locations.filter((l) => l.id !== container.locationId);

  const submit = async () => {
    const done = await action.run(
      () => recordMovement(container.id, verb, movementBody(verb, draft)),
      `${movementLabels[verb]}: recorded for ${container.labelNumber}.`,
    );
    if (done) setDraft(emptyDraft(draft.unit));
  };

  return (
    <form
      className="ledger-form"
      aria-label={`Record a movement of ${container.labelNumber}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <SelectField
        label="Movement"
        value={verb}
        onChange={(v) => {
          setVerb(v as MovementVerb);
          action.reset();
        }}
        options={verbs.map((v) => ({ value: v, label: movementLabels[v] }))}
      />
      {e._form ? <p className="field__error">{e._form}</p> : null}
      {e.id ? <p className="field__error">{e.id}</p> : null}
      {verb === 'waste' ? (
        <div className="grid">
          <TextField
            label="Quantity wasted"
            inputMode="decimal"
            value={draft.quantity}
            onChange={(v) => set('quantity', v)}
            error={e.quantity ?? e['quantity.value']}
            required
          />
          <SelectField
            label="Unit"
            value={draft.unit}
            onChange={(v) => set('unit', v as MovementDraft['unit'])}
            options={units}
            error={e['quantity.unit']}
          />
          <TextField
            label="Manner of disposal"
            value={draft.manner}
            onChange={(v) => set('manner', v)}
            maxLength={200}
            error={e.manner}
            required
          />
        </div>
      ) : null}
      {verb === 'transfer' ? (
        <SelectField
          label="To location"
          value={draft.toLocationId}
          onChange={(v) => set('toLocationId', v)}
          options={[
            { value: '', label: 'Choose a location' },
            ...others.map((l) => ({ value: l.id, label: l.name })),
          ]}
          error={e.toLocationId}
          required
        />
      ) : null}
      {verb === 'return' ? (
        <fieldset>
          <legend>Reverse distributor</legend>
          <div className="grid">
            <TextField
              label="Name"
              value={draft.distributor.name}
              onChange={(v) => setDistributor('name', v)}
              error={e['distributor.name']}
              required
            />
            <TextField
              label="Address"
              value={draft.distributor.address}
              onChange={(v) => setDistributor('address', v)}
              error={e['distributor.address']}
              required
            />
            <TextField
              label="DEA number"
              value={draft.distributor.deaNumber}
              onChange={(v) => setDistributor('deaNumber', v)}
              error={e['distributor.deaNumber']}
              required
            />
          </div>
        </fieldset>
      ) : null}
      {verb === 'expire' ? (
        <SelectField
          label="Reason"
          value={draft.expireReason}
          onChange={(v) => set('expireReason', v as MovementDraft['expireReason'])}
          options={[
            { value: 'expired', label: 'Expired' },
            { value: 'quarantined', label: 'Quarantined' },
          ]}
          error={e.reason}
        />
      ) : null}
      {verb === 'adjust' ? (
        <div className="grid">
          <TextField
            label="Change (mg)"
            inputMode="decimal"
            hint="Negative for stock lost, positive for stock found."
            value={draft.deltaMg}
            onChange={(v) => set('deltaMg', v)}
            error={e.deltaMg}
            required
          />
          <TextField
            label="Reason"
            value={draft.reason}
            onChange={(v) => set('reason', v)}
            maxLength={500}
            error={e.reason}
            required
          />
        </div>
      ) : null}
      <TextField
        label="Note"
        value={draft.note}
        onChange={(v) => set('note', v)}
        maxLength={500}
        error={e.note}
      />
      {witnessed(verb) ? (
        <WitnessFields value={draft.witness} onChange={(w) => set('witness', w)} errors={e} />
      ) : null}
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? 'Recording…' : `Record: ${movementLabels[verb]}`}
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}
