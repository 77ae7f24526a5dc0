import { z } from 'zod';
import { calendarDate, isoInstant, itemList } from './common.js';

/**
 * The SPRAVATO REMS over HTTP (docs/spravato-rems.md): the clinic's setting certification, a patient's
 * enrolment, the Patient Monitoring Form of each esketamine session (filled from the chart, completed by
 * staff, printed, marked submitted) and the list of forms due.
 */

const person = z.object({ id: z.uuid(), label: z.string() });

export const remsSetting = z
  .object({
    name: z.string().trim().min(1).max(120),
    address1: z.string().trim().min(1).max(120),
    address2: z.string().trim().max(120).default(''),
    city: z.string().trim().min(1).max(80),
    state: z.string().trim().min(2).max(40),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code such as 12345 or 12345-6789'),
    phone: z.string().trim().max(40).default(''),
  })
  .strict();

export const certificationBody = z
  .object({
    status: z.enum(['certified', 'withdrawn']),
    settingIdentifier: z.string().trim().max(60).optional(),
    authorizedRepresentative: z.string().trim().min(1).max(120),
    certifiedOn: calendarDate.optional(),
    setting: remsSetting,
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const certificationView = z.object({
  current: z
    .object({
      id: z.uuid(),
      status: z.enum(['certified', 'withdrawn']),
      settingIdentifier: z.string().nullable(),
      authorizedRepresentative: z.string(),
      certifiedOn: z.string().nullable(),
      setting: remsSetting,
      note: z.string().nullable(),
      recordedBy: person,
      recordedAt: isoInstant,
    })
    .nullable(),
  history: z.array(
    z.object({ id: z.uuid(), status: z.string(), recordedAt: isoInstant, recordedBy: person }),
  ),
});
export type CertificationView = z.infer<typeof certificationView>;

export const enrolmentBody = z
  .object({
    status: z.enum(['enrolled', 'not_enrolled']),
    enrolledOn: calendarDate.optional(),
    remsPatientId: z.string().trim().max(60).optional(),
    /** The prescriber who signed the Patient Enrollment Form with the patient. */
    prescriberId: z.uuid().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const enrolmentView = z.object({
  status: z.enum(['enrolled', 'not_enrolled', 'unknown']),
  enrolledOn: z.string().nullable(),
  remsPatientId: z.string().nullable(),
  prescriber: person.nullable(),
  settingCertified: z.boolean(),
  history: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      enrolledOn: z.string().nullable(),
      recordedAt: isoInstant,
      recordedBy: person,
    }),
  ),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

export const formItemView = z.object({
  id: z.string(),
  label: z.string(),
  section: z.string(),
  kind: z.string(),
  options: z.array(z.string()),
  required: z.boolean(),
  unverified: z.boolean(),
  origin: z.enum(['chart', 'staff', 'missing']),
  value: z.string().nullable(),
});

export const remsFormView = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  patient: z.object({ id: z.uuid(), name: z.string() }),
  templateVersion: z.string(),
  title: z.string(),
  treatmentDate: calendarDate,
  dueOn: calendarDate,
  status: z.enum(['submitted', 'due', 'due_today', 'overdue']),
  daysLeft: z.number().int(),
  items: z.array(formItemView),
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  submission: z.object({ withinDays: z.number(), online: z.string(), fax: z.string(), phone: z.string() }),
  submitted: z
    .object({
      on: calendarDate,
      channel: z.enum(['online', 'fax']),
      confirmation: z.string().nullable(),
      by: person,
      at: isoInstant,
    })
    .nullable(),
  /** Serious adverse events charted in the session: also reported to the REMS by phone. */
  seriousAdverseEvents: z.array(z.string()),
  version: z.number().int(),
});
export type RemsFormView = z.infer<typeof remsFormView>;

export const formValuesBody = z
  .object({ values: z.record(z.string().max(40), z.string().max(300)), version: z.number().int() })
  .strict();

export const submissionBody = z
  .object({
    submittedOn: calendarDate,
    channel: z.enum(['online', 'fax']),
    confirmation: z.string().trim().max(100).optional(),
    version: z.number().int(),
  })
  .strict();

export const formsDueItem = z.object({
  formId: z.uuid(),
  sessionId: z.uuid(),
  patientName: z.string(),
  treatmentDate: calendarDate,
  dueOn: calendarDate,
  status: z.enum(['due', 'due_today', 'overdue']),
  daysLeft: z.number().int(),
});
export const formsDueResponse = itemList(formsDueItem);
export type FormsDueItem = z.infer<typeof formsDueItem>;

export const templateBody = z.object({ definition: z.record(z.string(), z.unknown()) }).strict();
export const templateList = itemList(
  z.object({ version: z.string(), title: z.string(), loadedAt: isoInstant, current: z.boolean() }),
);
