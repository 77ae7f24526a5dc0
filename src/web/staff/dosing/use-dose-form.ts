import { useMemo, useState } from 'react';
import type { ProtocolList } from '../../../contracts/dosing';
import {
  doseInputsOf,
  initialDoseForm,
  protocolChoices,
  withFieldChange,
  type ChartSex,
  type DoseFormErrors,
  type DoseFormField,
  type DoseFormState,
} from './dose-calculator-model';

/** The calculator's typed inputs, their messages, the protocol and step they name, and the body they build. */
export function useDoseForm(protocols: ProtocolList | undefined, sexDefault: ChartSex) {
  const [form, setForm] = useState<DoseFormState>(() => initialDoseForm(sexDefault));
  const [errors, setErrors] = useState<DoseFormErrors>({});
  const choices = useMemo(() => (protocols ? protocolChoices(protocols) : []), [protocols]);
  const protocol = choices.find((c) => c.key === form.protocol)?.protocol;
  const step = protocol?.steps.find((s) => s.id === form.step);
  const built = doseInputsOf(form, protocol);

  /** An edit clears that field's message: the clinician is fixing it. */
  const set = (key: DoseFormField) => (value: string) => {
    setForm((f) => withFieldChange(f, key, value, choices));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  return { form, errors, setErrors, choices, protocol, step, built, set };
}

export type DoseFormBinding = ReturnType<typeof useDoseForm>;
