import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { permissionTable } from '../../../domain/auth';
import { editablePatientGroups } from './patient-field-editing';
import { PatientForm } from './patient-form';
import { emptyPatientForm } from './patient-form-model';

function render(role: keyof typeof permissionTable): string {
  return renderToStaticMarkup(
    <PatientForm
      state={emptyPatientForm()}
      onChange={() => undefined}
      errors={{}}
      careStatusOptions={[{ value: 'referred', label: 'Referred' }]}
      editable={editablePatientGroups(permissionTable[role])}
      submitLabel="Save changes"
      busy={false}
      onSubmit={() => undefined}
    />,
  );
}

describe('the patient form, split by who may edit what', () => {
  it('shows the front desk identity and contact fields, and no clinical field to edit', () => {
    const html = render('front_desk');
    expect(html).toContain('Legal given name');
    expect(html).toContain('Emergency contact');
    expect(html).not.toContain('Conditions (ICD-10-CM)');
    expect(html).not.toContain('New alert');
    expect(html).not.toContain('Care status');
    expect(html).toContain('a nurse or physician records them');
  });

  it('shows clinicians the clinical record as well', () => {
    const html = render('nurse');
    expect(html).toContain('Legal given name');
    expect(html).toContain('Conditions (ICD-10-CM)');
    expect(html).toContain('New alert');
    expect(html).toContain('Care status');
  });
});
