import { describe, expect, it } from 'vitest';
import { editStatusOptions } from './edit-status-options';

describe('editStatusOptions', () => {
  it('starts with the current status, then the allowed moves', () => {
    expect(editStatusOptions('referred')).toEqual([
      { value: 'referred', label: 'Referred' },
      { value: 'screening', label: 'Screening' },
      { value: 'discharged', label: 'Discharged' },
    ]);
  });
});
