import { describe, expect, it } from 'vitest';
import { concernLabel, enquiryFilters, enquiryStatusLabels, phoneHref } from './enquiry-labels';

describe('phoneHref', () => {
  it('keeps only digits and the plus sign', () => {
    expect(phoneHref('+1 (555) 010-0100')).toBe('tel:+15550100100');
  });
});

describe('concernLabel', () => {
  it('says when no concern was given', () => {
    expect(concernLabel(null)).toBe('Not given');
    expect(concernLabel('depression')).toBe('Depression');
  });
});

describe('enquiryFilters', () => {
  it('offers every status and then all of them', () => {
    expect(enquiryFilters.map((f) => f.value)).toEqual([...Object.keys(enquiryStatusLabels), 'all']);
  });
});
