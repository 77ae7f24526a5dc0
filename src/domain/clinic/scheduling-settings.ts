import { z } from 'zod';

/**
 * A clinic's scheduling settings. Clinical values cite their entry in docs/clinical-sources.md; values
 * no public source sets (nurse:chair ratio, reminder offsets, slot grid) are engineering defaults a
 * clinic is expected to set for itself.
 */

const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time as HH:MM (00:00 to 24:00)');

export const weeklyHoursSchema = z
  .object({
    weekday: z.union([
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.literal(6),
      z.literal(7),
    ]),
    opens: localTime,
    closes: localTime,
  })
  .strict()
  .refine((h) => h.closes > h.opens, { message: 'must close after it opens', path: ['closes'] });

/** Monday to Friday, 08:00–18:00: a starting point the clinic replaces with its own hours. */
const DEFAULT_OPENING_HOURS = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  opens: '08:00',
  closes: '18:00',
}));

export const seriesRulesSchema = z
  .object({
    /**
     * Induction: 6 infusions, 2–3 per week, over 2–3 weeks [primary]
     * (docs/clinical-sources.md#induction-series).
     */
    count: z.number().int().min(1).max(12).default(6),
    minPerWeek: z.number().int().min(0).max(7).default(2),
    maxPerWeek: z.number().int().min(1).max(7).default(3),
    /** Whole days without a session between two sessions: 1 = never on consecutive days. */
    minDaysBetween: z.number().int().min(0).max(14).default(1),
    maxSpanDays: z.number().int().min(1).max(120).default(21),
  })
  .strict()
  .refine((r) => r.maxPerWeek >= r.minPerWeek, {
    message: 'must be at least the minimum per week',
    path: ['maxPerWeek'],
  });

export const schedulingSettingsSchema = z
  .object({
    openingHours: z.array(weeklyHoursSchema).max(28).default(DEFAULT_OPENING_HOURS),
    /**
     * How many nurse-using appointments (chairs) one nurse covers at once. No public standard sets a
     * ratio (docs/clinical-sources.md#nurse-chair-ratio) — unverified, so the clinic sets it; 2 is an
     * engineering default.
     */
    chairsPerNurse: z.number().int().min(1).max(8).default(2),
    /** Appointment start times fall on this grid from local midnight (engineering default). */
    slotStepMinutes: z
      .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)])
      .default(15),
    /** How far ahead bookings may be made (engineering default). */
    bookingHorizonDays: z.number().int().min(7).max(730).default(365),
    series: seriesRulesSchema.default(seriesRulesSchema.parse({})),
    /** Reminder send times before the appointment, in hours (engineering default: 48 h and 2 h). */
    reminderOffsetsHours: z.array(z.number().int().min(1).max(336)).max(4).default([48, 2]),
    reminderChannels: z
      .array(z.enum(['email', 'sms']))
      .max(2)
      .default(['email', 'sms']),
    /**
     * Hours without food before an IV infusion, quoted in reminders. No ketamine-specific fasting rule was
     * verified (docs/clinical-sources.md#infusion-fasting), so there is no default: until the clinic sets
     * it, reminders ask the patient to follow the clinic's own eating and drinking instructions.
     */
    infusionFastingHours: z.number().min(0).max(12).nullable().default(null),
    /** Staff calendar feeds show the patient's name only when the clinic allows it (default: initials). */
    calendarShowsPatientName: z.boolean().default(false),
  })
  .strict();

export type SchedulingSettings = z.infer<typeof schedulingSettingsSchema>;
export type SeriesRulesSetting = z.infer<typeof seriesRulesSchema>;
