import { parse as parsePattern } from 'regexparam';
import { matchRoute, type StringRouteParams } from 'wouter';
import { toQueryString } from '../query-string';

/**
 * The staff app's pages. Each page has a wouter path pattern under /app/ (the server sends index.html for
 * all of them); the parameters of a page are typed from its pattern, e.g. `/patients/:id/:tab?` gives
 * `{ id: string; tab?: string }`.
 */
export type Route =
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: string; tab: string | undefined }
  | { name: 'patient-intake'; id: string }
  | { name: 'consent-sign'; id: string }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'protocols' }
  | { name: 'simulator' }
  | { name: 'enquiries' }
  | { name: 'due' }
  | { name: 'account' }
  | { name: 'outbox' }
  | { name: 'schedule' }
  | { name: 'schedule-book' }
  | { name: 'schedule-setup' }
  | { name: 'board' }
  | { name: 'session'; id: string }
  | { name: 'rems-form'; id: string }
  | { name: 'rems-forms-due' }
  | { name: 'rems-certification' }
  | { name: 'ledger'; tab: string | undefined }
  | { name: 'ledger-receipt'; id: string }
  | { name: 'ledger-discrepancy'; id: string }
  | { name: 'not-found' };

export const appBase = '/app';

/** Path patterns relative to `appBase`, in wouter's syntax. */
export const routePatterns = {
  home: '/',
  patients: '/patients',
  patientNew: '/patients/new',
  patientIntake: '/patients/:id/intake',
  consentSign: '/patients/:id/consent/sign',
  patient: '/patients/:id/:tab?',
  users: '/users',
  audit: '/audit',
  settings: '/settings',
  protocols: '/protocols',
  simulator: '/simulator',
  enquiries: '/enquiries',
  due: '/due',
  account: '/account',
  outbox: '/outbox',
  schedule: '/schedule',
  scheduleBook: '/schedule/book',
  scheduleSetup: '/schedule/setup',
  board: '/board',
  session: '/sessions/:id',
  remsForm: '/rems-forms/:id',
  remsFormsDue: '/rems/forms-due',
  remsCertification: '/rems/certification',
  ledgerReceipt: '/ledger/receipts/:id',
  ledgerDiscrepancy: '/ledger/discrepancies/:id',
  ledger: '/ledger/:tab?',
} as const;

export type RoutePattern = (typeof routePatterns)[keyof typeof routePatterns];

/** The parameters wouter reads from a pattern, by name. */
export type RouteParams<P extends RoutePattern> = StringRouteParams<P>;

/** Matches one pattern against a path relative to `appBase` (still percent-encoded). */
export function matchPattern<P extends RoutePattern>(pattern: P, path: string): RouteParams<P> | null {
  const [matched, params] = matchRoute(parsePattern, pattern, path);
  return matched ? (params as RouteParams<P>) : null;
}

/** A path segment as written in the address bar, decoded (a malformed escape is kept as it is). */
export function decodeParam(value: string): string;
export function decodeParam(value: string | undefined): string | undefined;
export function decodeParam(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A matcher for one page: its pattern and how its typed parameters become a `Route`. */
function page<P extends RoutePattern>(pattern: P, toRoute: (params: RouteParams<P>) => Route) {
  return (path: string): Route | null => {
    const params = matchPattern(pattern, path);
    return params ? toRoute(params) : null;
  };
}

/** Every page in matching order (`/patients/new` before `/patients/:id`). */
const pages = [
  page(routePatterns.home, () => ({ name: 'patients' })),
  page(routePatterns.patients, () => ({ name: 'patients' })),
  page(routePatterns.patientNew, () => ({ name: 'patient-new' })),
  page(routePatterns.patientIntake, ({ id }) => ({ name: 'patient-intake', id: decodeParam(id) })),
  page(routePatterns.consentSign, ({ id }) => ({ name: 'consent-sign', id: decodeParam(id) })),
  page(routePatterns.patient, ({ id, tab }) => ({
    name: 'patient',
    id: decodeParam(id),
    tab: decodeParam(tab),
  })),
  page(routePatterns.users, () => ({ name: 'users' })),
  page(routePatterns.audit, () => ({ name: 'audit' })),
  page(routePatterns.settings, () => ({ name: 'settings' })),
  page(routePatterns.protocols, () => ({ name: 'protocols' })),
  page(routePatterns.simulator, () => ({ name: 'simulator' })),
  page(routePatterns.enquiries, () => ({ name: 'enquiries' })),
  page(routePatterns.due, () => ({ name: 'due' })),
  page(routePatterns.account, () => ({ name: 'account' })),
  page(routePatterns.outbox, () => ({ name: 'outbox' })),
  page(routePatterns.schedule, () => ({ name: 'schedule' })),
  page(routePatterns.scheduleBook, () => ({ name: 'schedule-book' })),
  page(routePatterns.scheduleSetup, () => ({ name: 'schedule-setup' })),
  page(routePatterns.board, () => ({ name: 'board' })),
  page(routePatterns.session, ({ id }) => ({ name: 'session', id: decodeParam(id) })),
  page(routePatterns.remsForm, ({ id }) => ({ name: 'rems-form', id: decodeParam(id) })),
  page(routePatterns.remsFormsDue, () => ({ name: 'rems-forms-due' })),
  page(routePatterns.remsCertification, () => ({ name: 'rems-certification' })),
  page(routePatterns.ledgerReceipt, ({ id }) => ({ name: 'ledger-receipt', id: decodeParam(id) })),
  page(routePatterns.ledgerDiscrepancy, ({ id }) => ({ name: 'ledger-discrepancy', id: decodeParam(id) })),
  page(routePatterns.ledger, ({ tab }) => ({ name: 'ledger', tab: decodeParam(tab) })),
];

/** The path under `appBase` (`/` for the base itself), or null for an address outside the app. */
export function appRelativePath(pathname: string): string | null {
  if (pathname === appBase) return '/';
  return pathname.startsWith(`${appBase}/`) ? pathname.slice(appBase.length) : null;
}

export function parseRoute(pathname: string): Route {
  const path = appRelativePath(pathname);
  if (path === null) return { name: 'not-found' };
  for (const match of pages) {
    const route = match(path);
    if (route) return route;
  }
  return { name: 'not-found' };
}

export const paths = {
  patients: () => `${appBase}/patients`,
  newPatient: () => `${appBase}/patients/new`,
  patient: (id: string, tab?: string) =>
    `${appBase}/patients/${encodeURIComponent(id)}${tab ? `/${encodeURIComponent(tab)}` : ''}`,
  /** The intake questionnaire and the medication list. */
  patientIntake: (id: string) => `${appBase}/patients/${encodeURIComponent(id)}/intake`,
  /** The consent form for the patient to sign on a clinic tablet. */
  consentSign: (id: string) => `${appBase}/patients/${encodeURIComponent(id)}/consent/sign`,
  users: () => `${appBase}/users`,
  audit: () => `${appBase}/audit`,
  settings: () => `${appBase}/settings`,
  protocols: () => `${appBase}/protocols`,
  simulator: () => `${appBase}/simulator`,
  enquiries: () => `${appBase}/enquiries`,
  due: () => `${appBase}/due`,
  account: () => `${appBase}/account`,
  outbox: () => `${appBase}/outbox`,
  /** The schedule, optionally at a view, a clinic date and with one appointment open. */
  schedule: (at: { view?: string; date?: string; appointment?: string } = {}) =>
    `${appBase}/schedule${toQueryString(at)}`,
  /** Booking, for a patient when one is chosen already (from the chart). */
  scheduleBook: (patientId?: string) => `${appBase}/schedule/book${toQueryString({ patientId })}`,
  scheduleSetup: () => `${appBase}/schedule/setup`,
  /** Today's chairs: every session of the clinic, live. */
  board: () => `${appBase}/board`,
  /** One infusion session at the chair. */
  session: (id: string) => `${appBase}/sessions/${encodeURIComponent(id)}`,
  /** One session's SPRAVATO REMS Patient Monitoring Form; the API reads a form through its session. */
  remsForm: (id: string, sessionId?: string) =>
    `${appBase}/rems-forms/${encodeURIComponent(id)}${toQueryString({ session: sessionId })}`,
  /** The clinic's monitoring forms due, due today and overdue. */
  remsFormsDue: () => `${appBase}/rems/forms-due`,
  /** The setting's REMS certification and the form versions. */
  remsCertification: () => `${appBase}/rems/certification`,
  /** The controlled-substance ledger, at one of its parts (stock when none is named). */
  ledger: (tab?: string) => `${appBase}/ledger${tab ? `/${encodeURIComponent(tab)}` : ''}`,
  /** A receipt for the second person to confirm. */
  ledgerReceipt: (id: string) => `${appBase}/ledger/receipts/${encodeURIComponent(id)}`,
  /** One discrepancy from a count: notes, resolution or the loss judgement. */
  ledgerDiscrepancy: (id: string) => `${appBase}/ledger/discrepancies/${encodeURIComponent(id)}`,
};
