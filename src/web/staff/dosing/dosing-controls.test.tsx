import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PatientBodyMeasurements } from '../../../contracts/dosing';
import { computeDose, DEFAULT_DOSING_SETTINGS } from '../../../domain/dosing';
import { IV_CHRONIC_PAIN, PROTOCOL_LIBRARY } from '../../../domain/protocols';
import { AcknowledgementField } from './acknowledgement-field';
import { BodyMeasurementsPanel } from './body-measurements-panel';
import { basisChoiceOptions, initialDoseForm } from './dose-calculator-model';
import { ExplanationTable } from './explanation-table';
import type { DoseFormBinding } from './use-dose-form';
import { WeightBasisChoice } from './weight-basis-choice';

const noop = () => undefined;

describe('the dosing tab’s new controls', () => {
  it('asks for an acknowledgement with a labelled checkbox, and for the reason once it is ticked', () => {
    const props = {
      legend: 'Dose above the protocol’s escalation rules',
      statement: 'I acknowledge this dose',
      onCheckedChange: noop,
      reason: '',
      onReasonChange: noop,
      reasonLabel: 'Reason for escalating',
      error: '1 mg/kg is not covered',
    };
    const unticked = renderToStaticMarkup(<AcknowledgementField {...props} checked={false} />);
    expect(unticked).toContain('<legend>Dose above the protocol’s escalation rules</legend>');
    expect(unticked).toMatch(/<input id="([^"]+)-check" type="checkbox"[^>]*aria-describedby="\1-error"/);
    expect(unticked).toContain('1 mg/kg is not covered');
    expect(unticked).not.toContain('<textarea');
    const ticked = renderToStaticMarkup(
      <AcknowledgementField {...props} checked reasonError="Give the reason" />,
    );
    expect(ticked).toMatch(
      /<label for="([^"]+)-reason">Reason for escalating<\/label><textarea id="\1-reason"/,
    );
    expect(ticked).toContain('aria-invalid="true"');
  });

  it('offers the two weight bases as radios, each with the dose it gives', () => {
    const ivDepression = PROTOCOL_LIBRARY[0]!;
    const options = basisChoiceOptions(
      { weightKg: 50, heightCm: 120, sex: 'female' },
      ivDepression.steps[0],
      '',
      DEFAULT_DOSING_SETTINGS,
    );
    const binding = {
      form: { ...initialDoseForm('female'), basis: 'ideal' },
      errors: {},
      set: () => noop,
    } as unknown as DoseFormBinding;
    const html = renderToStaticMarkup(<WeightBasisChoice doseForm={binding} options={options} />);
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('Actual weight 50 kg: 25 mg (0.5 mg/kg of actual weight)');
    expect(html).toContain('Ideal weight 45.5 kg: 22.75 mg (0.455 mg/kg of actual weight)');
    expect(html).toMatch(/id="[^"]+-ideal"[^>]*checked=""/);
    expect(html).toContain('I have chosen this weight basis');
  });

  it('shows each ceiling checked with its source and evidence tag', () => {
    const r = computeDose(
      {
        protocol: IV_CHRONIC_PAIN,
        stepId: 'infusion',
        patient: { weight: { value: 70, unit: 'kg' }, height: { value: 175, unit: 'cm' }, sex: 'male' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 250, unit: 'mL' },
        },
      },
      DEFAULT_DOSING_SETTINGS,
    );
    if (!r.ok) throw new Error('no dose');
    const html = renderToStaticMarkup(<ExplanationTable lines={r.dose.explanation} caption="How" />);
    expect(html).toContain('data-quantity="mgPerKgPerHour"');
    expect(html).toContain('data-quantity="ceilingMgPerKgPerHour"');
    expect(html).toMatch(/source: Cohen et al\. 2018[^<]*\[secondary\]/);
  });

  it('shows the latest body measurement with its age, and labels the recording form apart from the calculator', () => {
    const measuredAt = new Date(Date.now() - 3.2 * 86_400_000).toISOString();
    const m = {
      id: 'm1',
      patientId: 'p1',
      weightKg: 80,
      heightCm: 168,
      measuredAt,
      source: 'clinic-scale' as const,
      recordedBy: { id: 'u1', label: 'Noor Nurse' },
      recordedAt: measuredAt,
      amends: null,
      amendedBy: null,
    };
    const data: PatientBodyMeasurements = { items: [m], latest: m };
    const html = renderToStaticMarkup(
      <BodyMeasurementsPanel patientId="p1" data={data} maxAgeDays={30} onRecorded={noop} />,
    );
    expect(html).toContain('80 kg, 168 cm, measured 3 days ago (clinic scale), recorded by Noor Nurse');
    // The calculator's own fields are "Weight (kg)" and "Height (cm)": these must not be mistaken for them.
    expect(html).toContain('Body weight in kg');
    expect(html).not.toMatch(/Weight \(kg\)/i);
  });
});
