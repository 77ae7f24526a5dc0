import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema } from '../../../domain/clinic';
import { MeasurementSettingsFields } from './measurement-settings-fields';
import { settingsToForm } from './settings-form-model';

const clinic = {
  id: 'c1',
  name: 'Clinic',
  slug: 'clinic',
  isDemo: false,
  settings: clinicSettingsSchema.parse({}),
};

const render = (errors: Record<string, string> = {}) => {
  const form = settingsToForm(clinic);
  return renderToStaticMarkup(
    <MeasurementSettingsFields
      value={form.measurement}
      onChange={() => undefined}
      errors={errors}
      disabled={false}
    />,
  );
};

describe('the measurement section of the clinic settings page', () => {
  it('labels every threshold and shows its default, its source and its evidence tag', () => {
    const html = render();
    expect(html).toContain('MADRS: lowest “severe” total');
    expect(html).toContain('Default 35');
    expect(html).toContain('Müller 2000');
    expect(html).toContain('[primary]');
    expect(html).toContain('QIDS-SR16: item 12 answer that opens a safety alert');
    expect(html).toContain('[unverified]');
    expect(html).toContain('docs/clinical-sources.md#suicide-item-alerts');
    expect(html).toContain('C-SSRS: items whose “yes” makes the risk at least moderate');
    expect(html).toContain('Aldrete: also allow 8');
  });

  it('uses native, labelled inputs so it works from the keyboard', () => {
    const html = render();
    // Every input has a label tied to it (for=id), checkboxes included.
    const inputs = [...html.matchAll(/<(input|textarea)[^>]*id="([^"]+)"/g)].map((m) => m[2]);
    expect(inputs.length).toBeGreaterThan(15);
    for (const id of inputs) expect(html).toContain(`for="${id}"`);
    expect(html).not.toContain('tabindex="-1"');
  });

  it('lets the clinic attach the wording of its licensed CADSS copy, item by item', () => {
    const html = render();
    expect(html).toContain('CADSS-6 item 3 (CADSS item 6)');
    expect(html).toContain('maxLength="300"');
  });

  it('shows the server’s message beside the field it names', () => {
    const html = render({ 'measurement.madrsSevereFrom': 'must be above the lowest “moderate” total' });
    expect(html).toContain('must be above the lowest “moderate” total');
    expect(html).toContain('aria-invalid="true"');
  });
});
