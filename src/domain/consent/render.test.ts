import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONSENT_TEMPLATES,
  checkConsentTemplate,
  renderConsentText,
  reviseConsentTemplate,
  type ConsentTemplate,
} from './index.js';

const NAMES = { clinicName: 'Arbor Demo Clinic', patientName: 'Jane Q. Patient' };

const SMALL: ConsentTemplate = {
  code: 'iv-ketamine',
  title: 'Consent at {clinicName}',
  version: 3,
  sections: [
    {
      heading: 'First',
      paragraphs: ['Hello {patientName}.', 'Line one\r\nline   two\ttabbed.'],
      anchors: ['x'],
    },
    { heading: '  Second  ', paragraphs: ['Treated at {clinicName}.'] },
  ],
  sources: [{ anchor: 'x', tag: 'engineering' }],
};

describe('renderConsentText', () => {
  it('lays out title, header, numbered headings and paragraphs as blocks with LF endings', () => {
    expect(renderConsentText(SMALL, NAMES)).toBe(
      [
        'Consent at Arbor Demo Clinic',
        '',
        'Clinic: Arbor Demo Clinic',
        'Patient: Jane Q. Patient',
        'Form: iv-ketamine version 3',
        '',
        '1. First',
        '',
        'Hello Jane Q. Patient.',
        '',
        'Line one line two tabbed.',
        '',
        '2. Second',
        '',
        'Treated at Arbor Demo Clinic.',
        '',
      ].join('\n'),
    );
  });

  it('is deterministic and never yields CR, tabs, runs of blank lines or unfilled placeholders', () => {
    for (const template of Object.values(DEFAULT_CONSENT_TEMPLATES)) {
      const text = renderConsentText(template, NAMES);
      expect(renderConsentText(template, { ...NAMES })).toBe(text);
      expect(text).not.toMatch(/\r|\t|\n\n\n|\{|\}| \n|\n /);
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      expect(text.startsWith(`${template.title}\n\nClinic: Arbor Demo Clinic\n`)).toBe(true);
      expect(text).toContain(`Form: ${template.code} version ${template.version}`);
    }
  });

  it('normalises names: spaces collapsed, Unicode composed (NFC), the same hash for the same visible name', () => {
    const composed = renderConsentText(SMALL, { clinicName: 'Arbor', patientName: 'Jos\u00e9 P\u00e9rez' });
    const decomposed = renderConsentText(SMALL, {
      clinicName: '  Arbor ',
      patientName: ' Jose\u0301   Pe\u0301rez\n',
    });
    expect(decomposed).toBe(composed);
    expect(composed).toContain('Patient: Jos\u00e9 P\u00e9rez\n');
  });

  it('does not expand a placeholder that arrives inside a name', () => {
    const text = renderConsentText(SMALL, { clinicName: '{patientName}', patientName: 'Ann' });
    expect(text).toContain('Consent at {patientName}');
    expect(text).toContain('Hello Ann.');
  });

  it('changes when the version changes, so a new version gets a new hash', () => {
    expect(renderConsentText({ ...SMALL, version: 4 }, NAMES)).not.toBe(renderConsentText(SMALL, NAMES));
  });
});

describe('checkConsentTemplate and reviseConsentTemplate', () => {
  it('names each problem by its field', () => {
    const bad = {
      ...SMALL,
      title: ' ',
      version: 0,
      sections: [
        { heading: 'Fine', paragraphs: ['Dear {name}.', ''], anchors: ['missing'] },
        { heading: '', paragraphs: [] },
      ],
      sources: [{ anchor: 'Not An Anchor', tag: 'maybe' }],
    } as unknown as ConsentTemplate;
    const result = checkConsentTemplate(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual([
      'title',
      'version',
      'sources[0].anchor',
      'sources[0].tag',
      'sections[0].paragraphs[0]',
      'sections[0].paragraphs[1]',
      'sections[0].anchors[0]',
      'sections[1].heading',
      'sections[1].paragraphs',
    ]);
    expect(result.problems.find((p) => p.field === 'sections[0].paragraphs[0]')?.message).toContain('{name}');
  });

  it('refuses a form with no sections or an unknown code', () => {
    const result = checkConsentTemplate({ ...SMALL, code: 'other' as 'iv-ketamine', sections: [] });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['code', 'sections']);
  });

  it('saves an edit as the next version of the same code', () => {
    const base = DEFAULT_CONSENT_TEMPLATES.esketamine;
    const edited = reviseConsentTemplate(base, { title: 'Our SPRAVATO consent' });
    expect(edited).toMatchObject({ code: 'esketamine', version: 2, title: 'Our SPRAVATO consent' });
    expect(edited.sections).toBe(base.sections);
    expect(base.version).toBe(1);
    expect(checkConsentTemplate(edited).ok).toBe(true);
  });
});
