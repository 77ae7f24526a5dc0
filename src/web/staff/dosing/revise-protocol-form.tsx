import { useState, type FormEvent } from 'react';
import type { ClinicProtocolEntry, ProtocolRevise } from '../../../contracts/dosing';
import { STEP_DOSE_FIELD, STEP_DOSE_UNIT, type Protocol } from '../../../domain/protocols';
import { apiPost, errorMessage } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import {
  ceilingEdit,
  revisionChanges,
  revisionErrorText,
  stepEdits,
  type CeilingEdit,
  type StepEdit,
} from './protocol-revision';
import { CEILING_LIMITS } from './protocol-text';
import { useFormSubmit } from './use-form-submit';

interface FieldsProps<T> {
  protocol: Protocol;
  value: T;
  onChange: (update: (prev: T) => T) => void;
  errors: Record<string, string>;
}

function StepFields({ protocol, value: steps, onChange, errors }: FieldsProps<StepEdit[]>) {
  const edit = (i: number, patch: Partial<StepEdit>) =>
    onChange((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return protocol.steps.map((s, i) => (
    <div className="grid grid--compact" key={s.id}>
      <TextField
        label={`${s.label}: dose (${STEP_DOSE_UNIT[s.kind]})`}
        inputMode="decimal"
        value={steps[i]!.dose}
        onChange={(dose) => edit(i, { dose })}
        error={errors[`steps[${i}].${STEP_DOSE_FIELD[s.kind]}`]}
      />
      {'durationMin' in s ? (
        <TextField
          label={`${s.label}: duration (min)`}
          inputMode="decimal"
          value={steps[i]!.duration}
          onChange={(duration) => edit(i, { duration })}
          error={errors[`steps[${i}].durationMin`]}
        />
      ) : null}
    </div>
  ));
}

function CeilingFields({ value: ceiling, onChange, errors }: Omit<FieldsProps<CeilingEdit>, 'protocol'>) {
  return (
    <div className="grid grid--compact">
      {CEILING_LIMITS.map(({ key, label }, i) => (
        <TextField
          key={key}
          label={`Ceiling (${label})`}
          inputMode="decimal"
          value={ceiling[key]}
          onChange={(v) => onChange((prev) => ({ ...prev, [key]: v }))}
          // A problem with the ceiling as a whole is shown under its first limit.
          error={errors[`ceiling.${key}`] ?? (i === 0 ? errors.ceiling : undefined)}
        />
      ))}
    </div>
  );
}

const PREFIXES = ['body.changes', 'body'] as const;

/** Edits step doses and durations and the ceiling; everything is validated by the server (validateProtocol). */
export function ReviseForm({
  entry,
  onDone,
}: {
  entry: ClinicProtocolEntry;
  onDone: (message: string) => void;
}) {
  const p = entry.protocol;
  const [steps, setSteps] = useState(() => stepEdits(p));
  const [ceiling, setCeiling] = useState(() => ceilingEdit(p));
  const [note, setNote] = useState('');
  const { error, errors, run } = useFormSubmit(PREFIXES);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const saved = await apiPost<ClinicProtocolEntry>(`/api/protocols/${entry.rowId}/revise`, {
        changes: revisionChanges(p, steps, ceiling),
        note,
      } satisfies ProtocolRevise);
      onDone(
        `Saved ${saved.protocol.name} version ${saved.protocol.version}; version ${p.version} stays as it was.`,
      );
    });
  };
  return (
    <form onSubmit={submit} noValidate className="protocols__revise" aria-label={`Revise ${p.name}`}>
      <fieldset>
        <legend>Revise (saves version {p.version + 1})</legend>
        <StepFields protocol={p} value={steps} onChange={setSteps} errors={errors} />
        <CeilingFields value={ceiling} onChange={setCeiling} errors={errors} />
        <TextField
          label="Reason for this revision"
          value={note}
          onChange={setNote}
          error={errors.note}
          required
        />
        <ErrorBanner>{error ? revisionErrorText(errorMessage(error), errors) : null}</ErrorBanner>
        <button type="submit" className="button">
          Save version {p.version + 1}
        </button>
      </fieldset>
    </form>
  );
}
