import { useCallback, useEffect, useState } from 'react';
import type { Patient } from '../../../contracts/patients';
import { apiGet } from '../api-client';
import { fullName } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useSession } from '../session-context';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { ChartBanner } from './chart-banner';
import { chartTabs } from './chart-tabs';

export function PatientChartPage({ id, tab }: { id: string; tab: string | undefined }) {
  const { me } = useSession();
  const { data, error, loading } = useLoad(
    (signal) => apiGet<Patient>(`/api/patients/${encodeURIComponent(id)}`, { signal }),
    id,
  );
  const [patient, setPatient] = useState<Patient>();
  useEffect(() => setPatient(data), [data]);

  const reload = useCallback(async () => {
    const fresh = await apiGet<Patient>(`/api/patients/${encodeURIComponent(id)}`);
    setPatient(fresh);
    return fresh;
  }, [id]);

  const tabs = chartTabs.filter((t) => t.visible(me.permissions));
  const active = tabs.find((t) => t.id === tab) ?? tabs[0];

  if (!patient) {
    return (
      <>
        <h1>Patient chart</h1>
        <LoadState loading={loading} error={error} />
      </>
    );
  }

  return (
    <div className="chart">
      <p className="no-print breadcrumb">
        <Link href={paths.patients()}>← Patients</Link>
      </p>
      <ChartBanner patient={patient} />
      <nav className="chart-tabs no-print" aria-label={`Chart sections for ${fullName(patient)}`}>
        <ul>
          {tabs.map((t) => (
            <li key={t.id}>
              <Link href={paths.patient(patient.id, t.id)} aria-current={t === active ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="chart-panel" aria-labelledby="chart-panel-title">
        <h2 id="chart-panel-title" className={active?.id === 'summary' ? 'visually-hidden' : undefined}>
          {active?.label}
        </h2>
        {active ? (
          active.element({ patient, onPatientChange: setPatient, reload })
        ) : (
          <p>No chart sections are available to you.</p>
        )}
      </section>
    </div>
  );
}
