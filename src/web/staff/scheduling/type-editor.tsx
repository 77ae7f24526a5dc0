import { useId, useState, type FormEvent } from 'react';
import type { AppointmentTypeView } from '../../../contracts/scheduling';
import { apiPatch, fieldErrors } from '../api-client';
import { TextField } from '../ui/text-field';
import { schedulingPaths } from './scheduling-api';
import { typeForm, typeUpdateBody, type TypeForm } from './setup-model';
import type { SchedulingWrite } from './use-scheduling-write';

interface TypeEditorProps {
  type: AppointmentTypeView;
  write: SchedulingWrite;
  onDone: () => void;
}

/** A type's duration (an infusion's infusion and recovery minutes), instructions, and whether it is in use. */
export function TypeEditor({ type, write, onDone }: TypeEditorProps) {
  const id = useId();
  const [form, setForm] = useState<TypeForm>(() => typeForm(type));
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = {
    ...(write.last === `type:${type.id}` ? fieldErrors(write.error, ['body']) : {}),
    ...local,
  };
  const set = (change: Partial<TypeForm>) => setForm({ ...form, ...change });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = typeUpdateBody(type, form);
    const parts = body.parts as Record<string, number> | undefined;
    const bad: Record<string, string> = {};
    if (Number.isNaN(body.durationMinutes)) bad.durationMinutes = 'Enter whole minutes';
    if (parts && Number.isNaN(parts.infusionMinutes)) bad['parts.infusionMinutes'] = 'Enter whole minutes';
    if (parts && Number.isNaN(parts.recoveryMinutes)) bad['parts.recoveryMinutes'] = 'Enter whole minutes';
    setLocal(bad);
    if (Object.keys(bad).length > 0) return;
    if (Object.keys(body).length === 1) {
      onDone();
      return;
    }
    const saved = await write.run(
      `type:${type.id}`,
      () => apiPatch<AppointmentTypeView>(schedulingPaths.type(type.id), body),
      (t) => `Saved ${t.name}.`,
    );
    if (saved) onDone();
  };

  return (
    <form className="sched-form" onSubmit={save} aria-label={`Edit ${type.name}`} noValidate>
      {type.parts ? (
        <div className="grid grid--compact">
          <TextField
            label="Infusion (minutes)"
            inputMode="numeric"
            value={form.infusionMinutes}
            onChange={(infusionMinutes) => set({ infusionMinutes })}
            error={errors['parts.infusionMinutes']}
          />
          <TextField
            label="Recovery (minutes)"
            inputMode="numeric"
            value={form.recoveryMinutes}
            onChange={(recoveryMinutes) => set({ recoveryMinutes })}
            error={errors['parts.recoveryMinutes']}
          />
        </div>
      ) : (
        <TextField
          label="Duration (minutes)"
          inputMode="numeric"
          value={form.durationMinutes}
          onChange={(durationMinutes) => set({ durationMinutes })}
          error={errors.durationMinutes}
        />
      )}
      <div className={`field${errors.instructions ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-instructions`}>Instructions sent with reminders</label>
        <textarea
          id={`${id}-instructions`}
          rows={4}
          maxLength={1000}
          value={form.instructions}
          onChange={(event) => set({ instructions: event.target.value })}
          aria-describedby={`${id}-instructions-hint`}
        />
        <p className="field__hint" id={`${id}-instructions-hint`}>
          Plain words for the patient; no drug, diagnosis or dose.
        </p>
      </div>
      <div className="field field--checkbox">
        <input
          id={`${id}-active`}
          type="checkbox"
          checked={form.active}
          onChange={(event) => set({ active: event.target.checked })}
        />
        <label htmlFor={`${id}-active`}>In use (can be booked)</label>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={write.busy !== undefined}>
          Save {type.name}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
