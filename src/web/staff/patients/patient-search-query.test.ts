import { describe, expect, it } from 'vitest';
import { isTypingTarget, patientCountText, patientSearchUrl } from './patient-search-query';

describe('patientSearchUrl', () => {
  it('leaves out empty filters and asks for inactive records only when wanted', () => {
    expect(patientSearchUrl('', '', false, 0)).toBe('/api/patients?limit=25&offset=0');
    expect(patientSearchUrl(' garcia ', 'screening', true, 50)).toBe(
      '/api/patients?q=garcia&careStatus=screening&includeInactive=true&limit=25&offset=50',
    );
  });
});

describe('patientCountText', () => {
  it('says none, one or many', () => {
    expect(patientCountText(0)).toBe('No patients match.');
    expect(patientCountText(1)).toBe('1 patient');
    expect(patientCountText(12)).toBe('12 patients');
  });
});

describe('isTypingTarget', () => {
  it('is true for form fields and editable content only', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT', isContentEditable: false })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON', isContentEditable: false })).toBe(false);
  });
});
