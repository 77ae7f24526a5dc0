import { useId } from 'react';
import type { WeightBasisOption } from '../../../domain/dosing';
import { DEVINE_MIN_HEIGHT_CM } from '../../../domain/dosing';
import { basisOptionLabel } from './dose-calculator-model';
import type { DoseFormBinding } from './use-dose-form';

/**
 * Below the ideal-weight formula's range the clinician chooses the weight basis: a radio group whose two
 * options show the dose each gives, side by side, and an acknowledgement. Arrow keys move between the
 * options, Space ticks the box.
 */
export function WeightBasisChoice({
  doseForm,
  options,
}: {
  doseForm: DoseFormBinding;
  options: readonly WeightBasisOption[];
}) {
  const { form, errors, set } = doseForm;
  const id = useId();
  const errorId = `${id}-error`;
  // Without a weight and height yet the doses cannot be shown, but the choice can still be made.
  const items =
    options.length > 0
      ? options.map((o) => ({ basis: o.basis, label: basisOptionLabel(o) }))
      : [
          { basis: 'actual' as const, label: 'Actual weight' },
          { basis: 'ideal' as const, label: 'Ideal weight, not below the floor' },
        ];
  return (
    <fieldset className="dosing__ack" aria-describedby={errors.basis ? errorId : undefined}>
      <legend>Weight basis (height below {DEVINE_MIN_HEIGHT_CM} cm)</legend>
      <p className="muted">
        The ideal-weight formula (Devine) is defined from 60 in ({DEVINE_MIN_HEIGHT_CM} cm). Below it, choose
        the weight the dose is calculated on; an ideal weight never goes below the clinic’s floor.
      </p>
      {errors.basis ? (
        <p className="field__error" id={errorId}>
          {errors.basis}
        </p>
      ) : null}
      <div className="dosing__options">
        {items.map((o) => (
          <div key={o.basis} className="dosing__option field field--checkbox">
            <input
              id={`${id}-${o.basis}`}
              type="radio"
              name={`${id}-basis`}
              value={o.basis}
              checked={form.basis === o.basis}
              onChange={() => set('basis')(o.basis)}
            />
            <label htmlFor={`${id}-${o.basis}`}>{o.label}</label>
          </div>
        ))}
      </div>
      <div className={`field field--checkbox${errors.basisAck ? ' field--invalid' : ''}`}>
        <input
          id={`${id}-ack`}
          type="checkbox"
          checked={form.basisAck === 'yes'}
          onChange={(event) => set('basisAck')(event.target.checked ? 'yes' : '')}
        />
        <label htmlFor={`${id}-ack`}>
          I have chosen this weight basis knowing the height is outside the formula’s range
        </label>
      </div>
      {errors.basisAck ? <p className="field__error">{errors.basisAck}</p> : null}
    </fieldset>
  );
}
