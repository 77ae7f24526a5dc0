import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../../domain/instruments/index';
import { QuestionnaireForm } from './questionnaire-form';

const render = (id: string, extra: Partial<Parameters<typeof QuestionnaireForm>[0]> = {}) =>
  renderToStaticMarkup(
    <QuestionnaireForm
      def={getInstrument(id)!}
      answers={{}}
      onChange={() => undefined}
      idPrefix="test"
      {...extra}
    />,
  );

describe('the CADSS-6 in the entry form', () => {
  it('shows the wording of the clinic’s licensed copy beside each item number, and says where it is from', () => {
    const html = render('cadss6', {
      clinicWording: { item1: 'First item as our copy words it', item3: 'Third item as our copy words it' },
    });
    expect(html).toContain('CADSS item 1');
    expect(html).toContain('First item as our copy words it');
    expect(html).toContain('CADSS item 6');
    expect(html).toContain('Third item as our copy words it');
    expect(html).toContain('Wording from your clinic’s licensed copy');
    // An item without attached wording still says so instead of showing nothing.
    expect(html).toContain('CADSS item 2');
  });

  it('says plainly when the clinic has attached no wording', () => {
    const html = render('cadss6', { clinicWording: null });
    expect(html).toContain('No item wording is attached');
    expect(html).toContain('CADSS item 22');
    expect(html).not.toContain('Wording from your clinic’s licensed copy');
  });
});

describe('the description shown to staff', () => {
  it('states when the instrument raises a safety alert, with the clinic’s rule and its evidence', () => {
    const html = render('madrs', {
      safetyRule: {
        text: 'A safety alert opens when item 10 (Suicidal thoughts) at 2 or more (default 2).',
        evidence: 'unverified',
        section: 'docs/clinical-sources.md#suicide-item-alerts',
      },
    });
    expect(html).toContain('A safety alert opens when item 10 (Suicidal thoughts) at 2 or more');
    expect(html).toContain('[unverified]');
  });
});

describe('the safety rule’s source', () => {
  it('is named by its title in the clinical source register, not by a file path and anchor', () => {
    const html = render('madrs', {
      safetyRule: {
        text: 'A safety alert opens when item 10 (Suicidal thoughts) at 2 or more (default 2).',
        evidence: 'unverified',
        section: 'docs/clinical-sources.md#suicide-item-alerts',
      },
    });
    expect(html).toContain('Clinical source register: Suicide items beyond the PHQ-9 and the safety alert');
    expect(html).not.toContain('docs/');
    expect(html).not.toContain('#suicide-item-alerts');
  });
});
