import { useMemo, useState } from 'react';
import type { ProtocolList } from '../../../contracts/dosing';
import {
  doseInputsOf,
  initialDoseForm,
  protocolChoices,
  withFieldChange,
  type AcknowledgementKind,
  type ChartSex,
  type DoseFormErrors,
  type DoseFormField,
  type DoseFormState,
  type MeasurementContext,
} from './dose-calculator-model';

/**
 * The calculator's typed inputs, their messages, the protocol and step they name, and the body they
 * build. `asked` holds the acknowledgements a hard stop asked for, so their controls stay on screen
 * while the clinician answers them (they go when the protocol or step changes).
 */
export function useDoseForm(
  protocols: ProtocolList | undefined,
  sexDefault: ChartSex,
  measurement: MeasurementContext,
) {
  const [form, setForm] = useState<DoseFormState>(() => initialDoseForm(sexDefault));
  const [errors, setErrors] = useState<DoseFormErrors>({});
  const [asked, setAsked] = useState<AcknowledgementKind[]>([]);
  const choices = useMemo(() => (protocols ? protocolChoices(protocols) : []), [protocols]);
  const protocol = choices.find((c) => c.key === form.protocol)?.protocol;
  const step = protocol?.steps.find((s) => s.id === form.step);
  const built = doseInputsOf(form, protocol, measurement);

  /** An edit clears that field's message: the clinician is fixing it. */
  const set = (key: DoseFormField) => (value: string) => {
    setForm((f) => withFieldChange(f, key, value, choices));
    setErrors((e) => ({ ...e, [key]: '' }));
    if (key === 'protocol' || key === 'step') setAsked([]);
  };

  /** Keeps the controls of the acknowledgements a hard stop asked for. */
  const ask = (kinds: readonly AcknowledgementKind[]) =>
    setAsked((current) => [...new Set([...current, ...kinds])]);

  return { form, errors, setErrors, choices, protocol, step, built, set, asked, ask, measurement };
}

export type DoseFormBinding = ReturnType<typeof useDoseForm>;
