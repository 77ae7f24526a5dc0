import { MeasurementTab, measurementTabVisible } from '../assessments/measurement-tab';
import { DosingTab } from '../dosing/dosing-tab';
import { EligibilityTab } from '../eligibility/eligibility-tab';
import { AppointmentsTab } from '../scheduling/appointments-tab';
import { EditTab } from './edit-tab';
import { HistoryTab } from './history-tab';
import type { ChartTab } from './chart-tab-types';
import { StatusTab } from './status-tab';
import { SummaryTab } from './summary-tab';

/**
 * The chart's tabs, in display order. To add a capability to the chart, add one line here:
 *   { id: 'dosing', label: 'Dosing', element: (p) => <DosingTab {...p} />, visible: (perms) => perms.includes('...') },
 */
export const chartTabs: ChartTab[] = [
  {
    id: 'summary',
    label: 'Summary',
    element: (p) => <SummaryTab {...p} />,
    visible: (perms) => perms.includes('patient.read'),
  },
  {
    id: 'edit',
    label: 'Edit',
    element: (p) => <EditTab {...p} />,
    visible: (perms) => perms.includes('patient.update'),
  },
  {
    id: 'history',
    label: 'History',
    element: (p) => <HistoryTab {...p} />,
    visible: (perms) => perms.includes('patient.history'),
  },
  {
    id: 'measures',
    label: 'Measures',
    element: (p) => <MeasurementTab {...p} />,
    visible: measurementTabVisible,
  },
  {
    id: 'dosing',
    label: 'Dosing',
    element: (p) => <DosingTab {...p} />,
    visible: (perms) => perms.includes('dose.read'),
  },
  {
    id: 'appointments',
    label: 'Appointments',
    element: (p) => <AppointmentsTab {...p} />,
    visible: (perms) => perms.includes('appointment.read'),
  },
  {
    id: 'eligibility',
    label: 'Eligibility & consent',
    element: (p) => <EligibilityTab {...p} />,
    // The front desk (consent.read only) sees the consent part; clinicians see intake and screening too.
    visible: (perms) => perms.includes('intake.read') || perms.includes('consent.read'),
  },
  {
    id: 'status',
    label: 'Status',
    element: (p) => <StatusTab {...p} />,
    // Moving the care status is a clinical change; (de)activation has its own action.
    visible: (perms) => perms.includes('patient.update-clinical') || perms.includes('patient.deactivate'),
  },
];
