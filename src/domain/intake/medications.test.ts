import { describe, expect, it } from 'vitest';
import {
  classifyMedication,
  DRUG_CLASS_TABLE,
  drugClasses,
  normaliseDrugName,
  validateMedications,
} from './medications.js';

describe('classifyMedication', () => {
  it.each([
    ['alprazolam', 'alprazolam', ['benzodiazepine']],
    ['XANAX', 'alprazolam', ['benzodiazepine']],
    ['Xanax XR 0.5 mg', 'alprazolam', ['benzodiazepine']],
    ['Klonopin', 'clonazepam', ['benzodiazepine']],
    ['Vivitrol', 'naltrexone', ['naltrexone']],
    ['ReVia 50mg', 'naltrexone', ['naltrexone']],
    ['Contrave', 'naltrexone-bupropion', ['naltrexone', 'antidepressant']],
    ['naltrexone/bupropion ER', 'naltrexone-bupropion', ['naltrexone', 'antidepressant']],
    ['Lamictal XR', 'lamotrigine', ['lamotrigine']],
    ['Emsam patch', 'selegiline', ['maoi']],
    ['Nardil', 'phenelzine', ['maoi', 'antidepressant']],
    ['Parnate', 'tranylcypromine', ['maoi', 'antidepressant']],
    ['Marplan', 'isocarboxazid', ['maoi', 'antidepressant']],
    ['Adderall XR', 'dextroamphetamine-amphetamine', ['psychostimulant']],
    ['mixed amphetamine salts', 'dextroamphetamine-amphetamine', ['psychostimulant']],
    ['Vyvanse', 'lisdexamfetamine', ['psychostimulant']],
    ['Concerta', 'methylphenidate', ['psychostimulant']],
    ['Focalin XR', 'dexmethylphenidate', ['psychostimulant']],
    ['modafinil', 'modafinil', ['psychostimulant']],
    ['Suboxone', 'buprenorphine-naloxone', ['opioid']],
    ['methadone', 'methadone', ['opioid']],
    ['tramadol', 'tramadol', ['opioid']],
    ['Percocet 5/325', 'oxycodone', ['opioid']],
    ['Tylenol with codeine', 'codeine', ['opioid']],
    ['Ambien CR', 'zolpidem', ['sedative_hypnotic']],
    ['Lunesta', 'eszopiclone', ['sedative_hypnotic']],
    ['zaleplon', 'zaleplon', ['sedative_hypnotic']],
    ['Lexapro', 'escitalopram', ['antidepressant']],
    ['Wellbutrin XL', 'bupropion', ['antidepressant']],
    ['Remeron', 'mirtazapine', ['antidepressant']],
    ['nortriptyline', 'nortriptyline', ['antidepressant']],
    ['Effexor XR', 'venlafaxine', ['antidepressant']],
  ])('%s → %s %j', (name, generic, classes) => {
    const c = classifyMedication(name);
    expect(c.generic).toBe(generic);
    expect(c.classes).toEqual(classes);
  });

  it('knows nothing it is not told: no class and no generic for unknown names', () => {
    expect(classifyMedication('metformin 500 mg')).toEqual({ generic: null, generics: [], classes: [] });
    expect(classifyMedication('')).toEqual({ generic: null, generics: [], classes: [] });
  });

  it('matches whole words only', () => {
    // "doral" is quazepam's brand; "Adoralin" is not.
    expect(classifyMedication('Adoralin').classes).toEqual([]);
    expect(classifyMedication('Doral').generic).toBe('quazepam');
  });

  it('gives a free-text combination the classes of both drugs', () => {
    const c = classifyMedication('amitriptyline / chlordiazepoxide');
    expect(c.generics).toEqual(['amitriptyline', 'chlordiazepoxide']);
    expect(c.classes).toEqual(['benzodiazepine', 'antidepressant']);
  });

  it('table entries are well formed', () => {
    const names = new Map<string, string>();
    for (const entry of DRUG_CLASS_TABLE) {
      expect(entry.classes.length).toBeGreaterThan(0);
      for (const c of entry.classes) expect(drugClasses).toContain(c);
      for (const n of [entry.generic, ...entry.names]) {
        const key = normaliseDrugName(n);
        // The same spelling may not point at two generics.
        expect(names.get(key) ?? entry.generic, n).toBe(entry.generic);
        names.set(key, entry.generic);
      }
    }
  });
});

describe('validateMedications', () => {
  it('accepts a list and trims names; an empty list is an answer', () => {
    expect(validateMedications([{ drug: ' Xanax ', doseMg: 0.5, timesPerDay: 2, asNeeded: true }])).toEqual({
      ok: true,
      value: [{ drug: 'Xanax', doseMg: 0.5, timesPerDay: 2, asNeeded: true }],
    });
    expect(validateMedications([])).toEqual({ ok: true, value: [] });
  });

  it('keeps an unknown dose or frequency as null', () => {
    expect(
      validateMedications([{ drug: 'Ativan', doseMg: null, timesPerDay: null, asNeeded: false }]),
    ).toEqual({
      ok: true,
      value: [{ drug: 'Ativan', doseMg: null, timesPerDay: null, asNeeded: false }],
    });
  });

  it('names each bad field as medications.<i>.<field>', () => {
    const r = validateMedications([
      { drug: 'sertraline', doseMg: 100, timesPerDay: 1, asNeeded: false },
      { drug: '', doseMg: 0, timesPerDay: 30, asNeeded: 'sometimes', dose: 5 },
      'lorazepam',
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual([
      'medications.1.dose',
      'medications.1.drug',
      'medications.1.doseMg',
      'medications.1.timesPerDay',
      'medications.1.asNeeded',
      'medications.2',
    ]);
  });

  it('refuses what is not a list', () => {
    expect(validateMedications({ drug: 'x' })).toEqual({
      ok: false,
      problems: [{ field: 'medications', message: 'must be a list' }],
    });
  });
});
