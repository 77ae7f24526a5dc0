import type { EnquiryStatus } from '../../../contracts/enquiries';
import { enquiryConcernLabel } from '../../../domain/site';

export type EnquiryFilter = EnquiryStatus | 'all';

/** The inbox's status choices, in the order staff work through them. */
export const enquiryFilters: { value: EnquiryFilter; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'closed', label: 'Closed' },
  { value: 'registered', label: 'Registered' },
  { value: 'all', label: 'All' },
];

export const enquiryStatusLabels: Record<EnquiryStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  closed: 'Closed',
  registered: 'Registered as patient',
};

export function concernLabel(concern: string | null): string {
  return concern ? enquiryConcernLabel(concern) : 'Not given';
}

/** A tel: link keeps only digits and "+", so "(555) 010-0100" dials as typed. */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
