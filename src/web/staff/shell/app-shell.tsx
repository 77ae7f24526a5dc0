import { useEffect, useRef } from 'react';
import { AccountPage } from '../account/account-page';
import { DueListPage } from '../assessments/due-list-page';
import { AuditPage } from '../audit/audit-page';
import { ProtocolsPage } from '../dosing/protocols-page';
import { EnquiriesPage } from '../enquiries/enquiries-page';
import { PatientChartPage } from '../patient-chart/patient-chart-page';
import { NewPatientPage } from '../patients/new-patient-page';
import { PatientListPage } from '../patients/patient-list-page';
import { usePathname } from '../routing/navigation';
import { parseRoute, type Route } from '../routing/routes';
import { ClinicSettingsPage } from '../settings/clinic-settings-page';
import { SimulatorPage } from '../simulator/simulator-page';
import { UsersPage } from '../users/users-page';
import { AppHeader } from './app-header';
import { AppNav } from './app-nav';
import { NotFoundPage } from './not-found-page';

function page(route: Route) {
  switch (route.name) {
    case 'patients':
      return <PatientListPage />;
    case 'patient-new':
      return <NewPatientPage />;
    case 'patient':
      return <PatientChartPage key={route.id} id={route.id} tab={route.tab} />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <ClinicSettingsPage />;
    case 'due':
      return <DueListPage />;
    case 'enquiries':
      return <EnquiriesPage />;
    case 'protocols':
      return <ProtocolsPage />;
    case 'simulator':
      return <SimulatorPage />;
    case 'account':
      return <AccountPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
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
        {page(route)}
      </main>
    </div>
  );
}
