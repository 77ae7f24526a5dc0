import { useEffect, useRef } from 'react';
import { Route as Page, Switch } from 'wouter';
import { usePathname } from '../routing/navigation';
import { appRelativePath, decodeParam, parseRoute, routePatterns } from '../routing/routes';
import { AppHeader } from './app-header';
import { AppNav } from './app-nav';
import { NotFoundPage } from './not-found-page';
import { PageBoundary } from './page-boundary';
import { preloadPages, shellPages } from './shell-pages';

const {
  AccountPage,
  AuditPage,
  BoardPage,
  BookAppointmentPage,
  ConsentSignPage,
  IntakePage,
  ClinicSettingsPage,
  LedgerDiscrepancyPage,
  LedgerPage,
  LedgerReceiptPage,
  DueListPage,
  EnquiriesPage,
  NewPatientPage,
  OutboxPage,
  PatientChartPage,
  PatientListPage,
  ProtocolsPage,
  RemsCertificationPage,
  RemsFormPage,
  RemsFormsDuePage,
  SchedulePage,
  SchedulingSetupPage,
  SessionPage,
  SimulatorPage,
  UsersPage,
} = shellPages;

/**
 * The page for the address, chosen by wouter. The Switch matches the path exactly as `parseRoute` sees it
 * (still percent-encoded, relative to /app), so the page shown and the highlighted menu item always agree
 * and ids are decoded exactly once.
 */
function Pages({ pathname }: { pathname: string }) {
  return (
    <Switch location={appRelativePath(pathname) ?? `~${pathname}`}>
      <Page path={routePatterns.home}>
        <PatientListPage />
      </Page>
      <Page path={routePatterns.patients}>
        <PatientListPage />
      </Page>
      <Page path={routePatterns.patientNew}>
        <NewPatientPage />
      </Page>
      <Page path={routePatterns.patientIntake}>
        {({ id }) => <IntakePage key={id} id={decodeParam(id)} />}
      </Page>
      <Page path={routePatterns.consentSign}>
        {({ id }) => <ConsentSignPage key={id} id={decodeParam(id)} />}
      </Page>
      <Page path={routePatterns.patient}>
        {({ id, tab }) => <PatientChartPage key={id} id={decodeParam(id)} tab={decodeParam(tab)} />}
      </Page>
      <Page path={routePatterns.users}>
        <UsersPage />
      </Page>
      <Page path={routePatterns.audit}>
        <AuditPage />
      </Page>
      <Page path={routePatterns.settings}>
        <ClinicSettingsPage />
      </Page>
      <Page path={routePatterns.due}>
        <DueListPage />
      </Page>
      <Page path={routePatterns.enquiries}>
        <EnquiriesPage />
      </Page>
      <Page path={routePatterns.protocols}>
        <ProtocolsPage />
      </Page>
      <Page path={routePatterns.simulator}>
        <SimulatorPage />
      </Page>
      <Page path={routePatterns.account}>
        <AccountPage />
      </Page>
      <Page path={routePatterns.outbox}>
        <OutboxPage />
      </Page>
      <Page path={routePatterns.schedule}>
        <SchedulePage />
      </Page>
      <Page path={routePatterns.scheduleBook}>
        <BookAppointmentPage />
      </Page>
      <Page path={routePatterns.scheduleSetup}>
        <SchedulingSetupPage />
      </Page>
      <Page path={routePatterns.board}>
        <BoardPage />
      </Page>
      <Page path={routePatterns.session}>{({ id }) => <SessionPage key={id} id={decodeParam(id)} />}</Page>
      <Page path={routePatterns.remsForm}>{({ id }) => <RemsFormPage key={id} id={decodeParam(id)} />}</Page>
      <Page path={routePatterns.remsFormsDue}>
        <RemsFormsDuePage />
      </Page>
      <Page path={routePatterns.remsCertification}>
        <RemsCertificationPage />
      </Page>
      <Page path={routePatterns.ledgerReceipt}>
        {({ id }) => <LedgerReceiptPage key={id} id={decodeParam(id)} />}
      </Page>
      <Page path={routePatterns.ledgerDiscrepancy}>
        {({ id }) => <LedgerDiscrepancyPage key={id} id={decodeParam(id)} />}
      </Page>
      <Page path={routePatterns.ledger}>{({ tab }) => <LedgerPage tab={decodeParam(tab)} />}</Page>
      <Page>
        <NotFoundPage />
      </Page>
    </Switch>
  );
}

export function AppShell() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After in-app navigation, move focus to the new page so screen readers start reading it there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [route.name, 'id' in route ? route.id : '']);

  // Once the first page is up, fetch the other pages' code while the browser is idle.
  useEffect(() => {
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(preloadPages, { timeout: 5_000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(preloadPages, 2_000);
    return () => clearTimeout(timer);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <AppNav route={route} />
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {/* Focus stays on <main> while a page's code loads; its heading then appears inside it. */}
        <PageBoundary resetKey={pathname}>
          <Pages pathname={pathname} />
        </PageBoundary>
      </main>
    </div>
  );
}
