import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { clinics } from '../../db/schema.js';
import { readClinicSettings, type ClinicSettings } from '../../domain/clinic/index.js';

/** A clinic's name and its settings as stored, with defaults for what it never set; undefined if unknown. */
export async function readStoredClinic(
  db: Executor,
  clinicId: string,
): Promise<{ name: string; isDemo: boolean; settings: ClinicSettings } | undefined> {
  const [row] = await db
    .select({ name: clinics.name, isDemo: clinics.isDemo, settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return row && { name: row.name, isDemo: row.isDemo, settings: readClinicSettings(row.settings) };
}
