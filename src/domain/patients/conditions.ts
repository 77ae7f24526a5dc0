/**
 * Conditions Arbor's clinics treat or screen for, coded with ICD-10-CM (CMS/NCHS code set, FY2026).
 * The catalog speeds up entry; any well-formed ICD-10-CM code can still be recorded.
 */
export interface ConditionCode {
  code: string;
  display: string;
  group: 'depression' | 'anxiety' | 'ptsd' | 'pain' | 'other';
}

export const conditionCatalog: readonly ConditionCode[] = [
  { code: 'F32.1', display: 'Major depressive disorder, single episode, moderate', group: 'depression' },
  {
    code: 'F32.2',
    display: 'Major depressive disorder, single episode, severe without psychotic features',
    group: 'depression',
  },
  { code: 'F32.9', display: 'Major depressive disorder, single episode, unspecified', group: 'depression' },
  { code: 'F33.0', display: 'Major depressive disorder, recurrent, mild', group: 'depression' },
  { code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate', group: 'depression' },
  {
    code: 'F33.2',
    display: 'Major depressive disorder, recurrent severe without psychotic features',
    group: 'depression',
  },
  { code: 'F33.9', display: 'Major depressive disorder, recurrent, unspecified', group: 'depression' },
  {
    code: 'F33.41',
    display: 'Major depressive disorder, recurrent, in partial remission',
    group: 'depression',
  },
  { code: 'F33.42', display: 'Major depressive disorder, recurrent, in full remission', group: 'depression' },
  { code: 'F41.1', display: 'Generalized anxiety disorder', group: 'anxiety' },
  { code: 'F41.0', display: 'Panic disorder without agoraphobia', group: 'anxiety' },
  { code: 'F43.10', display: 'Post-traumatic stress disorder, unspecified', group: 'ptsd' },
  { code: 'F43.12', display: 'Post-traumatic stress disorder, chronic', group: 'ptsd' },
  { code: 'G90.50', display: 'Complex regional pain syndrome I, unspecified', group: 'pain' },
  { code: 'G90.511', display: 'Complex regional pain syndrome I of right upper limb', group: 'pain' },
  { code: 'G90.512', display: 'Complex regional pain syndrome I of left upper limb', group: 'pain' },
  { code: 'G90.521', display: 'Complex regional pain syndrome I of right lower limb', group: 'pain' },
  { code: 'G90.522', display: 'Complex regional pain syndrome I of left lower limb', group: 'pain' },
  { code: 'G90.59', display: 'Complex regional pain syndrome I of other specified site', group: 'pain' },
  { code: 'G89.4', display: 'Chronic pain syndrome', group: 'pain' },
  { code: 'G89.29', display: 'Other chronic pain', group: 'pain' },
  { code: 'F31.9', display: 'Bipolar disorder, unspecified', group: 'other' },
];

/** ICD-10-CM shape: a letter, two characters, then optionally a dot and up to four more. */
const icd10Pattern = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

export function isWellFormedIcd10(code: string): boolean {
  return icd10Pattern.test(code);
}

export function findCondition(code: string): ConditionCode | undefined {
  return conditionCatalog.find((entry) => entry.code === code);
}
