/** The staff app's pages, parsed from the path under /app/ (the server sends index.html for all of them). */
export type Route =
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: string; tab: string | undefined }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'protocols' }
  | { name: 'simulator' }
  | { name: 'enquiries' }
  | { name: 'due' }
  | { name: 'account' }
  | { name: 'not-found' };

export const appBase = '/app';

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(`${appBase}/`)
    ? pathname.slice(appBase.length + 1)
    : pathname === appBase
      ? ''
      : null;
  if (rest === null) return { name: 'not-found' };
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (!first) return { name: 'patients' };
  if (first === 'patients') {
    if (!second) return { name: 'patients' };
    if (second === 'new' && !third) return { name: 'patient-new' };
    if (parts.length <= 3) return { name: 'patient', id: second, tab: third };
  }
  if (parts.length === 1 && first === 'users') return { name: 'users' };
  if (parts.length === 1 && first === 'audit') return { name: 'audit' };
  if (parts.length === 1 && first === 'settings') return { name: 'settings' };
  if (parts.length === 1 && first === 'protocols') return { name: 'protocols' };
  if (parts.length === 1 && first === 'simulator') return { name: 'simulator' };
  if (parts.length === 1 && first === 'enquiries') return { name: 'enquiries' };
  if (parts.length === 1 && first === 'due') return { name: 'due' };
  if (parts.length === 1 && first === 'account') return { name: 'account' };
  return { name: 'not-found' };
}

export const paths = {
  patients: () => `${appBase}/patients`,
  newPatient: () => `${appBase}/patients/new`,
  patient: (id: string, tab?: string) =>
    `${appBase}/patients/${encodeURIComponent(id)}${tab ? `/${encodeURIComponent(tab)}` : ''}`,
  users: () => `${appBase}/users`,
  audit: () => `${appBase}/audit`,
  settings: () => `${appBase}/settings`,
  protocols: () => `${appBase}/protocols`,
  simulator: () => `${appBase}/simulator`,
  enquiries: () => `${appBase}/enquiries`,
  due: () => `${appBase}/due`,
  account: () => `${appBase}/account`,
};
