import { asc, eq } from 'drizzle-orm';
import { readClinicSettings, type ClinicSettings } from '../../../domain/clinic/clinic-settings.js';
import { clinics } from '../../../db/schema.js';
import type { AppDeps } from '../../shared/app-deps.js';

export interface SiteClinic {
  id: string | null;
  name: string;
  settings: ClinicSettings;
}

/**
 * The public site serves one clinic per deployment: the first real (non-demo) clinic by creation
 * time, or the demo clinic when it is the only one. Before any clinic exists the pages still
 * render with default settings, and the form refuses requests.
 */
export async function siteClinic(deps: AppDeps): Promise<SiteClinic> {
  const rows = await deps.db
    .select({ id: clinics.id, name: clinics.name, settings: clinics.settings, isDemo: clinics.isDemo })
    .from(clinics)
    .where(eq(clinics.isDemo, false))
    .orderBy(asc(clinics.createdAt), asc(clinics.id))
    .limit(1);
  let row = rows[0];
  if (!row) {
    const demo = await deps.db
      .select({ id: clinics.id, name: clinics.name, settings: clinics.settings, isDemo: clinics.isDemo })
      .from(clinics)
      .where(eq(clinics.isDemo, true))
      .orderBy(asc(clinics.createdAt))
      .limit(1);
    row = demo[0];
  }
  if (!row) return { id: null, name: 'Arbor clinic', settings: readClinicSettings({}) };
  return { id: row.id, name: row.name, settings: readClinicSettings(row.settings) };
}
