import { lazy, type ComponentType } from 'react';

/**
 * The staff app's pages, each loaded on demand: signing in downloads the shell and the sign-in screens
 * only, and a page's code (with anything only it uses, such as the uPlot charts of the simulator and
 * the dosing tab) arrives the first time someone opens it. `page-boundary.tsx` shows a labelled
 * loading state meanwhile. Each page module names its component; the loaders here are the only
 * `import()` calls of the app.
 */
export const pageLoaders = {
  PatientListPage: () => import('../patients/patient-list-page').then((m) => m.PatientListPage),
  NewPatientPage: () => import('../patients/new-patient-page').then((m) => m.NewPatientPage),
  PatientChartPage: () => import('../patient-chart/patient-chart-page').then((m) => m.PatientChartPage),
  UsersPage: () => import('../users/users-page').then((m) => m.UsersPage),
  AuditPage: () => import('../audit/audit-page').then((m) => m.AuditPage),
  ClinicSettingsPage: () => import('../settings/clinic-settings-page').then((m) => m.ClinicSettingsPage),
  DueListPage: () => import('../assessments/due-list-page').then((m) => m.DueListPage),
  EnquiriesPage: () => import('../enquiries/enquiries-page').then((m) => m.EnquiriesPage),
  ProtocolsPage: () => import('../dosing/protocols-page').then((m) => m.ProtocolsPage),
  SimulatorPage: () => import('../simulator/simulator-page').then((m) => m.SimulatorPage),
  AccountPage: () => import('../account/account-page').then((m) => m.AccountPage),
  OutboxPage: () => import('../outbox/outbox-page').then((m) => m.OutboxPage),
  SchedulePage: () => import('../scheduling/schedule-page').then((m) => m.SchedulePage),
  BookAppointmentPage: () => import('../scheduling/book-page').then((m) => m.BookAppointmentPage),
  SchedulingSetupPage: () => import('../scheduling/setup-page').then((m) => m.SchedulingSetupPage),
  IntakePage: () => import('../eligibility/intake-page').then((m) => m.IntakePage),
  ConsentSignPage: () => import('../eligibility/consent-sign-page').then((m) => m.ConsentSignPage),
  BoardPage: () => import('../session/board-page').then((m) => m.BoardPage),
  SessionPage: () => import('../session/session-page').then((m) => m.SessionPage),
  RemsFormPage: () => import('../rems/rems-form-page').then((m) => m.RemsFormPage),
  RemsFormsDuePage: () => import('../rems/forms-due-page').then((m) => m.RemsFormsDuePage),
  RemsCertificationPage: () => import('../rems/certification-page').then((m) => m.RemsCertificationPage),
  LedgerPage: () => import('../ledger/ledger-page').then((m) => m.LedgerPage),
  LedgerReceiptPage: () => import('../ledger/receipt-confirm-page').then((m) => m.LedgerReceiptPage),
  LedgerDiscrepancyPage: () => import('../ledger/discrepancy-page').then((m) => m.LedgerDiscrepancyPage),
};

function lazyPage<P>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

export const shellPages = {
  PatientListPage: lazyPage(pageLoaders.PatientListPage),
  NewPatientPage: lazyPage(pageLoaders.NewPatientPage),
  PatientChartPage: lazyPage(pageLoaders.PatientChartPage),
  UsersPage: lazyPage(pageLoaders.UsersPage),
  AuditPage: lazyPage(pageLoaders.AuditPage),
  ClinicSettingsPage: lazyPage(pageLoaders.ClinicSettingsPage),
  DueListPage: lazyPage(pageLoaders.DueListPage),
  EnquiriesPage: lazyPage(pageLoaders.EnquiriesPage),
  ProtocolsPage: lazyPage(pageLoaders.ProtocolsPage),
  SimulatorPage: lazyPage(pageLoaders.SimulatorPage),
  AccountPage: lazyPage(pageLoaders.AccountPage),
  OutboxPage: lazyPage(pageLoaders.OutboxPage),
  SchedulePage: lazyPage(pageLoaders.SchedulePage),
  BookAppointmentPage: lazyPage(pageLoaders.BookAppointmentPage),
  SchedulingSetupPage: lazyPage(pageLoaders.SchedulingSetupPage),
  IntakePage: lazyPage(pageLoaders.IntakePage),
  ConsentSignPage: lazyPage(pageLoaders.ConsentSignPage),
  BoardPage: lazyPage(pageLoaders.BoardPage),
  SessionPage: lazyPage(pageLoaders.SessionPage),
  RemsFormPage: lazyPage(pageLoaders.RemsFormPage),
  RemsFormsDuePage: lazyPage(pageLoaders.RemsFormsDuePage),
  RemsCertificationPage: lazyPage(pageLoaders.RemsCertificationPage),
  LedgerPage: lazyPage(pageLoaders.LedgerPage),
  LedgerReceiptPage: lazyPage(pageLoaders.LedgerReceiptPage),
  LedgerDiscrepancyPage: lazyPage(pageLoaders.LedgerDiscrepancyPage),
};

/**
 * Fetches every page once the shell is on screen and the browser is idle, so later navigation does not
 * wait for the network and a chairside tablet that loses its connection can still open pages. A module
 * already fetched is not fetched again. A fetch that fails here is left to the page: opening it shows
 * "This page could not be loaded" with a Reload button (page-boundary.tsx).
 */
export function preloadPages(): void {
  for (const load of Object.values(pageLoaders)) void load().catch(() => undefined);
}
