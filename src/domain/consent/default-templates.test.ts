import { describe, expect, it } from 'vitest';
import {
  CONSENT_TEMPLATE_CODES,
  DEFAULT_CONSENT_TEMPLATES,
  checkConsentTemplate,
  renderConsentText,
  type ConsentTemplate,
} from './index.js';

const NAMES = { clinicName: 'Arbor Demo Clinic', patientName: 'Jane Q. Patient' };
const templates = Object.values(DEFAULT_CONSENT_TEMPLATES);
const textOf = (t: ConsentTemplate) => renderConsentText(t, NAMES);

/** A rough Flesch-Kincaid grade: enough to notice a section drifting into dense clinical prose. */
function readingGrade(text: string): number {
  const syllables = (word: string) => {
    const w = word.toLowerCase().replace(/[^a-z]/g, '');
    if (w.length <= 3) return 1;
    const groups = w
      .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
      .replace(/^y/, '')
      .match(/[aeiouy]{1,2}/g);
    return Math.max(1, groups?.length ?? 1);
  };
  const sentences = text.split(/[.!?:;]+(?:\s|$)/).filter((s) => /[a-z]/i.test(s)).length;
  const words = text.split(/\s+/).filter((w) => /[a-z]/i.test(w));
  const total = words.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (total / words.length) - 15.59;
}

describe('the default consent templates', () => {
  it('ship one template per code, at version 1, that passes the template check', () => {
    expect(Object.keys(DEFAULT_CONSENT_TEMPLATES).sort()).toEqual([...CONSENT_TEMPLATE_CODES].sort());
    for (const [code, template] of Object.entries(DEFAULT_CONSENT_TEMPLATES)) {
      expect(template.code).toBe(code);
      expect(template.version).toBe(1);
      expect(checkConsentTemplate(template)).toEqual({ ok: true, value: template });
    }
  });

  it('tie every section to register entries, and list no source that no section uses', () => {
    for (const template of templates) {
      const listed = template.sources.map((s) => s.anchor);
      expect(new Set(listed).size).toBe(listed.length);
      const used = new Set<string>();
      for (const section of template.sections) {
        expect(section.anchors?.length ?? 0, section.heading).toBeGreaterThan(0);
        for (const anchor of section.anchors ?? []) {
          expect(listed, `${template.code}: ${anchor}`).toContain(anchor);
          used.add(anchor);
        }
      }
      expect([...used].sort()).toEqual([...listed].sort());
    }
  });

  it('are plain ASCII, so the signed PDF shows exactly the characters that were hashed', () => {
    for (const template of templates) expect(textOf(template)).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('keep secondary facts general: no percentages or rates in the text', () => {
    for (const template of templates) expect(textOf(template)).not.toMatch(/\d\s*%|per cent|percent/i);
  });

  it('read at about grade 8', () => {
    for (const template of templates) {
      const all = template.sections.flatMap((s) => s.paragraphs).join(' ');
      expect(readingGrade(all), template.code).toBeLessThanOrEqual(8.5);
      for (const section of template.sections) {
        expect(readingGrade(section.paragraphs.join(' ')), section.heading).toBeLessThanOrEqual(11);
      }
    }
  });

  it('cover what an IV ketamine consent must say', () => {
    const text = textOf(DEFAULT_CONSENT_TEMPLATES['iv-ketamine']);
    for (const phrase of [
      'approved it as an anesthetic',
      '"off-label"',
      'Schedule III controlled substance',
      'not part of a research study',
      'IV line',
      'blood pressure, heart rate, and oxygen level',
      'body weight',
      'about 40 minutes',
      'rest at the clinic',
      '(dissociation)',
      'nausea',
      'dizziness',
      'drowsy',
      'bladder',
      'dependent',
      'unborn baby',
      'breastfeeding',
      'until the next day, after a restful night of sleep',
      'An adult must take you home',
      'use machinery',
      'other antidepressant medicines',
      'psychotherapy',
      '(ECT)',
      '(TMS)',
      'esketamine nasal spray',
      'ask questions at any time',
      'withdraw this consent at any time',
      'will not affect your right to other care at Arbor Demo Clinic',
      'a course of repeated treatments',
      'I, Jane Q. Patient,',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('cover what a SPRAVATO consent must say', () => {
    const text = textOf(DEFAULT_CONSENT_TEMPLATES.esketamine);
    for (const phrase of [
      'treatment-resistant depression',
      'together with an antidepressant taken by mouth',
      'suicidal thoughts or actions',
      'SPRAVATO REMS',
      'enrolled in the program before your first dose',
      'certified in the program',
      'You spray the medicine into your own nose while a healthcare provider watches',
      'at least 2 hours',
      'Before each dose, staff check your blood pressure',
      'check your blood pressure again',
      '(sedation)',
      '(dissociation)',
      'misused',
      'until the next day, after a restful night of sleep',
      'Someone else must drive you home',
      'unborn baby',
      '(ECT)',
      '(TMS)',
      'withdraw this consent at any time',
      'a course of repeated treatments',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
