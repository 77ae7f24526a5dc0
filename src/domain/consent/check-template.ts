import {
  CONSENT_TEMPLATE_CODES,
  type ConsentTemplate,
  type EvidenceTag,
  type Problem,
  type Result,
} from './consent-types.js';
import { CONSENT_PLACEHOLDERS } from './render.js';

/**
 * Checks a consent template before a clinic saves it, and makes a clinic's edit a new version. A version
 * that may have been signed is never changed in place (docs/clinical-sources.md#consent-versioning).
 */

export const CONSENT_TEMPLATE_LIMITS = {
  titleLength: 200,
  headingLength: 200,
  paragraphLength: 2_000,
  sections: 40,
  paragraphsPerSection: 30,
} as const;

const TAGS: readonly EvidenceTag[] = [
  'primary',
  'secondary',
  'unverified',
  'primary/secondary',
  'engineering',
];
const ANCHOR = /^[a-z0-9][a-z0-9-]*$/;

function placeholderProblems(text: string, field: string): Problem[] {
  const unknown = [...text.matchAll(/\{([^{}]*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(CONSENT_PLACEHOLDERS as readonly string[]).includes(name));
  return unknown.length === 0
    ? []
    : [
        {
          field,
          message: `Unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}: use {clinicName} or {patientName}.`,
        },
      ];
}

function textProblems(text: unknown, field: string, what: string, max: number): Problem[] {
  if (typeof text !== 'string' || text.trim() === '') return [{ field, message: `Enter the ${what}.` }];
  if (text.length > max) return [{ field, message: `Keep the ${what} to ${max} characters or fewer.` }];
  return placeholderProblems(text, field);
}

export function checkConsentTemplate(template: ConsentTemplate): Result<ConsentTemplate> {
  const problems: Problem[] = [];
  const limits = CONSENT_TEMPLATE_LIMITS;
  if (!(CONSENT_TEMPLATE_CODES as readonly string[]).includes(template.code)) {
    problems.push({ field: 'code', message: `Choose one of: ${CONSENT_TEMPLATE_CODES.join(', ')}.` });
  }
  problems.push(...textProblems(template.title, 'title', 'title', limits.titleLength));
  if (!Number.isInteger(template.version) || template.version < 1) {
    problems.push({ field: 'version', message: 'The version must be a whole number of 1 or more.' });
  }

  const sources: ConsentTemplate['sources'] = Array.isArray(template.sources) ? template.sources : [];
  const listed = new Set<string>();
  sources.forEach((source, i) => {
    if (typeof source.anchor !== 'string' || !ANCHOR.test(source.anchor)) {
      problems.push({
        field: `sources[${i}].anchor`,
        message: 'Use a register anchor such as spravato-rems.',
      });
    } else {
      listed.add(source.anchor);
    }
    if (!TAGS.includes(source.tag)) {
      problems.push({ field: `sources[${i}].tag`, message: `Choose one of: ${TAGS.join(', ')}.` });
    }
  });

  const sections: ConsentTemplate['sections'] = Array.isArray(template.sections) ? template.sections : [];
  if (sections.length === 0) problems.push({ field: 'sections', message: 'Add at least one section.' });
  if (sections.length > limits.sections) {
    problems.push({ field: 'sections', message: `Keep the form to ${limits.sections} sections or fewer.` });
  }
  sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    problems.push(...textProblems(section.heading, `${at}.heading`, 'heading', limits.headingLength));
    const paragraphs: readonly string[] = Array.isArray(section.paragraphs) ? section.paragraphs : [];
    if (paragraphs.length === 0) {
      problems.push({ field: `${at}.paragraphs`, message: 'Add at least one paragraph to this section.' });
    }
    if (paragraphs.length > limits.paragraphsPerSection) {
      problems.push({
        field: `${at}.paragraphs`,
        message: `Keep a section to ${limits.paragraphsPerSection} paragraphs or fewer.`,
      });
    }
    paragraphs.forEach((paragraph, p) => {
      problems.push(
        ...textProblems(paragraph, `${at}.paragraphs[${p}]`, 'paragraph', limits.paragraphLength),
      );
    });
    const anchors: readonly string[] = section.anchors ?? [];
    anchors.forEach((anchor, a) => {
      if (!listed.has(anchor)) {
        problems.push({
          field: `${at}.anchors[${a}]`,
          message: `List ${anchor} in the template's sources, or remove it from this section.`,
        });
      }
    });
  });

  return problems.length === 0 ? { ok: true, value: template } : { ok: false, problems };
}

export type ConsentTemplateEdit = Partial<Pick<ConsentTemplate, 'title' | 'sections' | 'sources'>>;

/** A clinic's edit of `current`, saved as the next version of the same code. */
export function reviseConsentTemplate(current: ConsentTemplate, edit: ConsentTemplateEdit): ConsentTemplate {
  return {
    code: current.code,
    title: edit.title ?? current.title,
    version: current.version + 1,
    sections: edit.sections ?? current.sections,
    sources: edit.sources ?? current.sources,
  };
}
