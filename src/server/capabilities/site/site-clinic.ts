import { readClinicSettings, type ClinicSettings } from '../../../domain/clinic/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { findFirstClinic } from './site.queries.js';

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
  const row =
    (await findFirstClinic(deps.db, { isDemo: false })) ?? (await findFirstClinic(deps.db, { isDemo: true }));
  if (!row) return { id: null, name: 'Arbor clinic', settings: readClinicSettings({}) };
  return { id: row.id, name: row.name, settings: readClinicSettings(row.settings) };
}
