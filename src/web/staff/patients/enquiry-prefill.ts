import type { Enquiry } from '../../../contracts/enquiries';
import { emptyPatientForm, type PatientFormState } from './patient-form-model';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The new-patient form filled from a site enquiry: the name (the last word as the family name), phone
 * and email. The site asks for no date of birth or sex at birth, so those stay for staff to ask.
 */
export function enquiryPrefill(enquiry: Enquiry): PatientFormState {
  const words = enquiry.name.trim().split(/\s+/).filter(Boolean);
  const family = words.length > 1 ? words[words.length - 1]! : '';
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : (words[0] ?? '');
  return {
    ...emptyPatientForm(),
    legalGivenName: given,
    legalFamilyName: family,
    phone: enquiry.phone ?? '',
    email: enquiry.email,
  };
}

/** The new-patient form's address for registering the person behind an enquiry. */
export function registerFromEnquiryHref(newPatientPath: string, enquiryId: string): string {
  return `${newPatientPath}?fromEnquiry=${encodeURIComponent(enquiryId)}`;
}

/** The enquiry id in the new-patient form's address, when it is a well-formed id. */
export function enquiryIdFromSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('fromEnquiry');
  return id && uuidPattern.test(id) ? id : undefined;
}
