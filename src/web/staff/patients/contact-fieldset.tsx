import { TextField } from '../ui/text-field';
import { fieldSetters, type PatientFieldsetProps } from './patient-form-binding';

export function ContactFieldset({ state, onChange, errors }: PatientFieldsetProps) {
  const { set, setIn } = fieldSetters(state, onChange);
  return (
    <fieldset>
      <legend>Contact</legend>
      <div className="grid">
        <TextField
          label="Phone"
          type="tel"
          value={state.phone}
          onChange={set('phone')}
          error={errors.phone}
          autoComplete="off"
        />
        <TextField
          label="Email"
          type="email"
          value={state.email}
          onChange={set('email')}
          error={errors.email}
          autoComplete="off"
        />
        <TextField
          label="Address line 1"
          value={state.address.line1}
          onChange={setIn('address', 'line1')}
          error={errors['address.line1']}
          autoComplete="off"
        />
        <TextField
          label="Address line 2"
          value={state.address.line2}
          onChange={setIn('address', 'line2')}
          error={errors['address.line2']}
          autoComplete="off"
        />
        <TextField
          label="City"
          value={state.address.city}
          onChange={setIn('address', 'city')}
          error={errors['address.city']}
          autoComplete="off"
        />
        <TextField
          label="State or region"
          value={state.address.region}
          onChange={setIn('address', 'region')}
          error={errors['address.region']}
          autoComplete="off"
        />
        <TextField
          label="Postal code"
          value={state.address.postalCode}
          onChange={setIn('address', 'postalCode')}
          error={errors['address.postalCode']}
          autoComplete="off"
        />
        <TextField
          label="Country"
          value={state.address.country}
          onChange={setIn('address', 'country')}
          error={errors['address.country']}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}
