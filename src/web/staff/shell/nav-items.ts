import type { Action } from '../../../domain/auth';
import { paths, type Route } from '../routing/routes';

export interface NavItem {
  label: string;
  href: string;
  /** The permission that makes the item useful; the server enforces it regardless. */
  requires: Action;
  matches: (route: Route) => boolean;
}

export const navItems: NavItem[] = [
  {
    label: 'Patients',
    href: paths.patients(),
    requires: 'patient.search',
    matches: (r) =>
      r.name === 'patients' ||
      r.name === 'patient' ||
      r.name === 'patient-new' ||
      r.name === 'patient-intake' ||
      r.name === 'consent-sign',
  },
  {
    label: 'Schedule',
    href: paths.schedule(),
    requires: 'appointment.read',
    matches: (r) => r.name === 'schedule' || r.name === 'schedule-book' || r.name === 'schedule-setup',
  },
  {
    label: 'Chair board',
    href: paths.board(),
    requires: 'session.board',
    matches: (r) => r.name === 'board' || r.name === 'session',
  },
  {
    label: 'REMS forms',
    href: paths.remsFormsDue(),
    requires: 'rems.forms',
    matches: (r) => r.name === 'rems-forms-due' || r.name === 'rems-form' || r.name === 'rems-certification',
  },
  {
    label: 'Controlled substances',
    href: paths.ledger(),
    requires: 'ledger.read',
    matches: (r) => r.name === 'ledger' || r.name === 'ledger-receipt' || r.name === 'ledger-discrepancy',
  },
  {
    label: 'Due questionnaires',
    href: paths.due(),
    requires: 'schedule.read',
    matches: (r) => r.name === 'due',
  },
  {
    label: 'Enquiries',
    href: paths.enquiries(),
    requires: 'enquiry.read',
    matches: (r) => r.name === 'enquiries',
  },
  {
    label: 'Protocols',
    href: paths.protocols(),
    requires: 'protocol.read',
    matches: (r) => r.name === 'protocols',
  },
  {
    label: 'PK simulator',
    href: paths.simulator(),
    requires: 'protocol.read',
    matches: (r) => r.name === 'simulator',
  },
  {
    label: 'Users & access',
    href: paths.users(),
    requires: 'user.manage',
    matches: (r) => r.name === 'users',
  },
  { label: 'Audit report', href: paths.audit(), requires: 'audit.read', matches: (r) => r.name === 'audit' },
  { label: 'Outbox', href: paths.outbox(), requires: 'outbox.read', matches: (r) => r.name === 'outbox' },
  {
    label: 'Clinic settings',
    href: paths.settings(),
    requires: 'clinic.settings.update',
    matches: (r) => r.name === 'settings',
  },
];
