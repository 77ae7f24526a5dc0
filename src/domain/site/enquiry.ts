import { z } from 'zod';

/** What a visitor may say they want help with; free text stays in `message`. */
export const enquiryConcerns = [
  'depression',
  'anxiety',
  'ptsd',
  'chronic-pain',
  'other',
  'prefer-not-to-say',
] as const;
export const enquiryConcernLabels: Record<(typeof enquiryConcerns)[number], string> = {
  depression: 'Depression',
  anxiety: 'Anxiety',
  ptsd: 'PTSD',
  'chronic-pain': 'Chronic pain',
  other: 'Something else',
  'prefer-not-to-say': 'I would rather not say',
};
/** The label of a stored concern key; a key this version does not know is shown as stored. */
export function enquiryConcernLabel(concern: string): string {
  return (enquiryConcernLabels as Record<string, string>)[concern] ?? concern;
}

/** 'registered' is set only by registering the person as a patient, never by a status change. */
export const enquiryStatuses = ['new', 'contacted', 'closed', 'registered'] as const;
export const enquiryStatusesStaffMaySet = ['new', 'contacted', 'closed'] as const;
export type EnquiryStatus = (typeof enquiryStatuses)[number];

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Self-check totals the visitor chose to include; ranges follow PHQ-9 (0–27) and GAD-7 (0–21). */
export const enquirySelfCheckSchema = z
  .object({
    phq9Total: z.number().int().min(0).max(27),
    gad7Total: z.number().int().min(0).max(21),
    phq9Item9Positive: z.boolean(),
  })
  .strict();

/**
 * The consultation request as the form sends it (an HTML form or JSON). The honeypot field
 * `website` is accepted here and judged by the server, so that a bot sees an ordinary success.
 */
export const consultationRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters'),
    email: z.email('Enter an email address like name@example.com').max(200),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(40)
        .regex(/^[0-9+()\-.\s]{7,40}$/, 'Enter a phone number using digits, spaces, + ( ) - or .')
        .optional(),
    ),
    contactPreference: z.preprocess(blankToUndefined, z.enum(['email', 'phone']).default('email')),
    concern: z.preprocess(blankToUndefined, z.enum(enquiryConcerns).optional()),
    message: z.preprocess(
      blankToUndefined,
      z.string().trim().max(2000, 'Use at most 2,000 characters').optional(),
    ),
    consent: z.literal(true, 'Tick the box to agree that we may contact you'),
    selfCheck: enquirySelfCheckSchema.optional(),
    website: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.contactPreference === 'phone' && !value.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number, or choose email' });
    }
  });
export type ConsultationRequest = z.infer<typeof consultationRequestSchema>;

/**
 * An HTML form posts strings; this turns them into the JSON shape above. Self-check totals come in
 * as three hidden fields that the page's script fills only when the visitor ticks "include".
 */
export function formToRequest(form: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'email', 'phone', 'contactPreference', 'concern', 'message', 'website']) {
    if (form[key] !== undefined) out[key] = form[key];
  }
  out.consent = form.consent === 'yes' || form.consent === 'on' || form.consent === 'true';
  if (form.includeSelfCheck === 'yes' && form.phq9Total !== undefined && form.gad7Total !== undefined) {
    out.selfCheck = {
      phq9Total: Number(form.phq9Total),
      gad7Total: Number(form.gad7Total),
      phq9Item9Positive: form.phq9Item9 === 'yes',
    };
  }
  const known = new Set([
    'name',
    'email',
    'phone',
    'contactPreference',
    'concern',
    'message',
    'website',
    'consent',
    'includeSelfCheck',
    'phq9Total',
    'gad7Total',
    'phq9Item9',
  ]);
  // Unknown form fields are reported rather than ignored, like unknown JSON keys.
  for (const key of Object.keys(form)) if (!known.has(key)) out[key] = form[key];
  return out;
}
