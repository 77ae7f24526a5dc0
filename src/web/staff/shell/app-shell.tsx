import { useEffect, useRef } from 'react';
import { Route as Page, Switch } from 'wouter';
import { AccountPage } from '../account/account-page';
import { DueListPage } from '../assessments/due-list-page';
import { AuditPage } from '../audit/audit-page';
import { ProtocolsPage } from '../dosing/protocols-page';
import { EnquiriesPage } from '../enquiries/enquiries-page';
import { PatientChartPage } from '../patient-chart/patient-chart-page';
import { NewPatientPage } from '../patients/new-patient-page';
import { PatientListPage } from '../patients/patient-list-page';
import { usePathname } from '../routing/navigation';
import { appRelativePath, decodeParam, parseRoute, routePatterns } from '../routing/routes';
import { ClinicSettingsPage } from '../settings/clinic-settings-page';
import { SimulatorPage } from '../simulator/simulator-page';
import { UsersPage } from '../users/users-page';
import { AppHeader } from './app-header';
import { AppNav } from './app-nav';
import { NotFoundPage } from './not-found-page';

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
  }, [route.name, route.name === 'patient' ? route.id : '']);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <AppNav route={route} />
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Pages pathname={pathname} />
      </main>
    </div>
  );
}
