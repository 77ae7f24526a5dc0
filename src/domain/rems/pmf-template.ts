import { z } from 'zod';

/**
 * The SPRAVATO REMS Patient Monitoring Form as data (docs/clinical-sources.md#spravato-rems). A form
 * version is a template: its items, which the chart fills (`fill`) and which staff complete
 * (`fill: null`), and how it is submitted. A new version of the form is loaded as a new template; no
 * code changes. The default is the outpatient form dated 11/2021, the version whose fields were read;
 * items that copy could not show are staff items marked `unverified`, to be checked against the current
 * form, never values Arbor invents.
 */

export const PMF_CHART_KEYS = [
  'patient.firstName',
  'patient.lastName',
  'patient.birthDate',
  'patient.sex',
  'meds.benzodiazepine',
  'meds.sedative_hypnotic',
  'meds.psychostimulant',
  'meds.maoi',
  'hcp.firstName',
  'hcp.lastName',
  'hcp.email',
  'setting.name',
  'setting.address1',
  'setting.address2',
  'setting.city',
  'setting.state',
  'setting.zip',
  'treatment.date',
  'treatment.dose',
  'treatment.lots',
  'monitoring.totalMinutes',
  'bp.prior',
  'bp.at40',
  'bp.beforeCompletion',
  'sae.any',
] as const;
export type PmfChartKey = (typeof PMF_CHART_KEYS)[number];

const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
    label: z.string().min(1).max(300),
    kind: z.enum(['text', 'date', 'yes_no', 'choice', 'number', 'blood_pressure']),
    options: z.array(z.string().min(1).max(60)).max(10).optional(),
    required: z.boolean(),
    /** The chart value that fills it; null: staff complete it. */
    fill: z.enum(PMF_CHART_KEYS).nullable(),
    /** The field could not be read in the version copied: check it against the current form. */
    unverified: z.boolean().default(false),
    help: z.string().max(300).optional(),
  })
  .strict()
  .refine((i) => i.kind !== 'choice' || (i.options?.length ?? 0) > 0, {
    message: 'a choice needs options',
    path: ['options'],
  });

export const pmfTemplateSchema = z
  .object({
    version: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
    title: z.string().min(1).max(200),
    submission: z
      .object({
        withinDays: z.number().int().min(1).max(30),
        online: z.string().max(200),
        fax: z.string().max(40),
        phone: z.string().max(40),
      })
      .strict(),
    sections: z
      .array(
        z.object({ title: z.string().min(1).max(120), items: z.array(itemSchema).min(1).max(60) }).strict(),
      )
      .min(1)
      .max(20),
  })
  .strict()
  .refine(
    (t) =>
      new Set(t.sections.flatMap((s) => s.items.map((i) => i.id))).size ===
      t.sections.flatMap((s) => s.items).length,
    {
      message: 'item ids must be unique',
      path: ['sections'],
    },
  );

export type PmfTemplate = z.infer<typeof pmfTemplateSchema>;
export type PmfItem = PmfTemplate['sections'][number]['items'][number];

const item = (
  id: string,
  label: string,
  kind: PmfItem['kind'],
  fill: PmfChartKey | null,
  required = true,
  extra: Partial<PmfItem> = {},
): PmfItem => ({ id, label, kind, fill, required, unverified: false, ...extra });

/** The outpatient form of 11/2021: every field the copy shows, with the chart value that fills it. */
export const DEFAULT_PMF_TEMPLATE: PmfTemplate = {
  version: '2021-11',
  title: 'SPRAVATO REMS Patient Monitoring Form (outpatient use)',
  submission: {
    withinDays: 7,
    online: 'www.SPRAVATOrems.com',
    fax: '1-877-778-0091',
    phone: '1-855-382-6022',
  },
  sections: [
    {
      title: 'Patient',
      items: [
        item('patient_first_name', 'First name', 'text', 'patient.firstName'),
        item('patient_middle_initial', 'Middle initial', 'text', null, false),
        item('patient_last_name', 'Last name', 'text', 'patient.lastName'),
        item('patient_birthdate', 'Birthdate', 'date', 'patient.birthDate'),
        item('patient_sex', 'Sex', 'choice', 'patient.sex', true, { options: ['Male', 'Female', 'Other'] }),
      ],
    },
    {
      title: 'Concomitant medications that may cause sedation or blood pressure changes',
      items: [
        item('conmed_benzodiazepines', 'Benzodiazepines', 'yes_no', 'meds.benzodiazepine'),
        item(
          'conmed_sedative_hypnotics',
          'Non-benzodiazepine sedative hypnotics',
          'yes_no',
          'meds.sedative_hypnotic',
        ),
        item('conmed_psychostimulants', 'Psychostimulants', 'yes_no', 'meds.psychostimulant'),
        item('conmed_maois', 'Monoamine oxidase inhibitors (MAOIs)', 'yes_no', 'meds.maoi'),
      ],
    },
    {
      title: 'Healthcare provider who monitored the patient',
      items: [
        item('hcp_first_name', 'First name', 'text', 'hcp.firstName'),
        item('hcp_last_name', 'Last name', 'text', 'hcp.lastName'),
        item('hcp_phone', 'Telephone', 'text', null),
        item('hcp_email', 'Email', 'text', 'hcp.email'),
      ],
    },
    {
      title: 'Healthcare setting',
      items: [
        item('setting_name', 'Name', 'text', 'setting.name'),
        item('setting_address1', 'Address 1', 'text', 'setting.address1'),
        item('setting_address2', 'Address 2', 'text', 'setting.address2', false),
        item('setting_city', 'City', 'text', 'setting.city'),
        item('setting_state', 'State', 'text', 'setting.state'),
        item('setting_zip', 'ZIP', 'text', 'setting.zip'),
      ],
    },
    {
      title: 'Treatment',
      items: [
        item('treatment_date', 'Treatment date', 'date', 'treatment.date'),
        item('dose', 'Dose', 'choice', 'treatment.dose', true, { options: ['56 mg', '84 mg', 'Other'] }),
        item('lot_number', 'Lot number', 'text', 'treatment.lots', false),
        item(
          'total_monitoring_minutes',
          'Total minutes from the first device administration to completion of monitoring',
          'number',
          'monitoring.totalMinutes',
        ),
        item(
          'rems_evaluation_minutes',
          'REMS evaluation question: after how many minutes would the patient have been ready to leave, had there been no 2-hour monitoring requirement?',
          'number',
          null,
        ),
        item('vitals_ok_before', 'Vital signs in an acceptable range before administration', 'yes_no', null),
        item(
          'vitals_ok_at_completion',
          'Vital signs in an acceptable range at completion of monitoring',
          'yes_no',
          null,
        ),
      ],
    },
    {
      title: 'Blood pressure',
      items: [
        item('bp_prior', 'Before administration', 'blood_pressure', 'bp.prior'),
        item('bp_40_minutes', 'About 40 minutes after administration', 'blood_pressure', 'bp.at40'),
        item(
          'bp_before_completion',
          'Before completion of monitoring',
          'blood_pressure',
          'bp.beforeCompletion',
        ),
      ],
    },
    {
      title: 'Sedation, dissociation, respiratory depression and serious adverse events',
      items: [
        item('sedation', 'Did the patient experience sedation?', 'yes_no', null, true, { unverified: true }),
        item('dissociation', 'Did the patient experience dissociation?', 'yes_no', null, true, {
          unverified: true,
        }),
        item(
          'respiratory_depression',
          'Did the patient experience respiratory depression (pulse oximetry)?',
          'yes_no',
          null,
          true,
          {
            unverified: true,
          },
        ),
        item(
          'serious_adverse_event',
          'Did the patient experience a serious adverse event?',
          'yes_no',
          'sae.any',
          true,
          {
            unverified: true,
            help: 'Serious adverse events are also reported to the REMS by phone.',
          },
        ),
      ],
    },
  ],
};
