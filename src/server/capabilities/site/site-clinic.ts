import {
  DEMO_SITE_CONTACT,
  readClinicSettings,
  type ClinicSettings,
  type SiteSettings,
} from '../../../domain/clinic/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { findFirstClinic } from './site.queries.js';

export interface SiteClinic {
  id: string | null;
  name: string;
  settings: ClinicSettings;
}

/**
 * The public site serves one clinic per deployment: the first real (non-demo) clinic by creation
 * time, or the demo clinic when it is the only one. A real clinic's site shows only the details it
 * has set; the demo clinic's fills the rest with placeholders. Before any clinic exists the pages still
 * render with default settings, and the form refuses requests.
 */
export async function siteClinic(deps: AppDeps): Promise<SiteClinic> {
  const real = await findFirstClinic(deps.db, { isDemo: false });
  if (real) return { id: real.id, name: real.name, settings: readClinicSettings(real.settings) };
  const demo = await findFirstClinic(deps.db, { isDemo: true });
  if (!demo) return { id: null, name: 'Arbor clinic', settings: readClinicSettings({}) };
  const settings = readClinicSettings(demo.settings);
  return { id: demo.id, name: demo.name, settings: { ...settings, site: withDemoContact(settings.site) } };
}

/** The demo clinic's site fills the details it has not set with the demo placeholders. */
function withDemoContact(site: SiteSettings): SiteSettings {
  return {
    ...site,
    logoText: site.logoText || DEMO_SITE_CONTACT.logoText,
    phone: site.phone || DEMO_SITE_CONTACT.phone,
    email: site.email || DEMO_SITE_CONTACT.email,
    address: site.address || DEMO_SITE_CONTACT.address,
    hours: site.hours || DEMO_SITE_CONTACT.hours,
    locations:
      site.locations.length > 0 ? site.locations : DEMO_SITE_CONTACT.locations.map((l) => ({ ...l })),
  };
}
