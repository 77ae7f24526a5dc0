import type { ReactNode } from 'react';
import type { Patient } from '../../../contracts/patients';
import type { Action } from '../../../domain/auth';

export interface ChartTabProps {
  patient: Patient;
  /** A tab that saved the record hands the new version back, so the banner and other tabs agree. */
  onPatientChange: (patient: Patient) => void;
  /** Fetches the record again (after a conflict, or to see someone else's change). */
  reload: () => Promise<Patient>;
}

/** One section of the patient chart. Later capabilities (assessments, dosing…) add one entry each. */
export interface ChartTab {
  /** The last part of the URL: /app/patients/:id/<id>. The first visible tab is the default. */
  id: string;
  label: string;
  element: (props: ChartTabProps) => ReactNode;
  /** Whether the signed-in person's permissions make the tab useful; the server enforces anyway. */
  visible: (permissions: readonly Action[]) => boolean;
}
