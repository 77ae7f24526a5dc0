import type { ConsentTemplate } from './consent-types.js';

/**
 * The text a patient is shown and signs. What is hashed: the string `renderConsentText` returns, encoded
 * as UTF-8, exactly as returned (LF line endings, one final LF). The server computes the SHA-256 of it and
 * stores it with the signature; the same template, version and names always give the same text, so the
 * hash can be recomputed from the stored template at any time.
 *
 * Layout (docs/clinical-sources.md#consent-versioning):
 *
 *     <title>
 *
 *     Clinic: <clinic name>
 *     Patient: <patient name>
 *     Form: <code> version <version>
 *
 *     1. <heading>
 *
 *     <paragraph>
 *
 *     <paragraph>
 *
 *     2. <heading>
 *     ...
 *
 * Blocks are separated by one empty line; within a block lines are separated by a single LF. Inside a
 * heading or paragraph every run of white space (line breaks included) becomes one space, so a paragraph
 * is always one line. Text is put in Unicode NFC, so the same visible text always hashes the same.
 */

export interface ConsentNames {
  clinicName: string;
  patientName: string;
}

/** The placeholders a template may use. */
export const CONSENT_PLACEHOLDERS = ['clinicName', 'patientName'] as const;

/** Trims, makes every run of white space one space, and puts the text in NFC. */
export function normaliseConsentLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function fill(text: string, names: ConsentNames): string {
  const clinicName = normaliseConsentLine(names.clinicName);
  const patientName = normaliseConsentLine(names.patientName);
  // One pass, so a name that itself contains "{patientName}" is not expanded again.
  return normaliseConsentLine(
    text.replace(/\{(clinicName|patientName)\}/g, (_, key: string) =>
      key === 'clinicName' ? clinicName : patientName,
    ),
  );
}

export function renderConsentText(template: ConsentTemplate, names: ConsentNames): string {
  const blocks: string[] = [
    fill(template.title, names),
    [
      `Clinic: ${normaliseConsentLine(names.clinicName)}`,
      `Patient: ${normaliseConsentLine(names.patientName)}`,
      `Form: ${template.code} version ${template.version}`,
    ].join('\n'),
  ];
  template.sections.forEach((section, index) => {
    blocks.push(`${index + 1}. ${fill(section.heading, names)}`);
    for (const paragraph of section.paragraphs) {
      const filled = fill(paragraph, names);
      if (filled !== '') blocks.push(filled);
    }
  });
  return `${blocks.join('\n\n')}\n`;
}
