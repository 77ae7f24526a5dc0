import { describe, expect, it } from 'vitest';
import type { Enquiry } from '../../../contracts/enquiries';
import { enquiryIdFromSearch, enquiryPrefill, registerFromEnquiryHref } from './enquiry-prefill';

const enquiry: Enquiry = {
  id: '6f1d2c3b-0a9e-4b8c-9d7e-1f2a3b4c5d6e',
  name: '  Noor  al Haddad ',
  email: 'noor@example.test',
  phone: '555-0177',
  contactPreference: 'phone',
  concern: 'depression',
  message: null,
  selfCheck: null,
  status: 'new',
  staffNote: null,
  patientId: null,
  version: 1,
  source: 'site',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('enquiryPrefill', () => {
  it('fills the names, phone and email from the enquiry and leaves the rest empty', () => {
    const form = enquiryPrefill(enquiry);
    expect(form).toMatchObject({
      legalGivenName: 'Noor al',
      legalFamilyName: 'Haddad',
      phone: '555-0177',
      email: 'noor@example.test',
      birthDate: '',
      sexAtBirth: '',
    });
  });

  it('puts a single name in the given name and leaves a missing phone empty', () => {
    const form = enquiryPrefill({ ...enquiry, name: 'Cher', phone: null });
    expect(form).toMatchObject({ legalGivenName: 'Cher', legalFamilyName: '', phone: '' });
  });

  it('links to the new-patient form with the enquiry id, and reads only a well-formed id back', () => {
    const href = registerFromEnquiryHref('/app/patients/new', enquiry.id);
    expect(href).toBe(`/app/patients/new?fromEnquiry=${enquiry.id}`);
    expect(enquiryIdFromSearch(`?fromEnquiry=${enquiry.id}`)).toBe(enquiry.id);
    expect(enquiryIdFromSearch('?fromEnquiry=../../api')).toBeUndefined();
    expect(enquiryIdFromSearch('')).toBeUndefined();
  });
});
