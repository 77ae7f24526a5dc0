import type { PatientBodyMeasurements, PatientDoses, ProtocolList } from '../../../contracts/dosing';
import { DEFAULT_DOSING_SETTINGS } from '../../../domain/dosing';
import { ageInYears } from '../../../domain/patients';
import { apiGet } from '../api-client';
import type { ChartTabProps } from '../patient-chart/chart-tab-types';
import { useCan, useSession } from '../session-context';
import { NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { measurementIsStale } from './body-measurement-model';
import { BodyMeasurementsPanel } from './body-measurements-panel';
import { chartSexOf } from './dose-calculator-model';
import { DoseCalculatorForm } from './dose-calculator-form';
import { DoseList } from './dose-list';
import { DosePreviewSection } from './dose-preview-section';
import { useDoseForm } from './use-dose-form';
import { useDoseRequests } from './use-dose-requests';
import './dosing.css';

/** Today's date in the browser's zone, as the chart's dates are written (YYYY-MM-DD). */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The patient chart's Dosing tab: the patient's body measurements, calculate a dose, check it, order it,
 * and follow the patient's doses.
 */
export function DosingTab({ patient }: ChartTabProps) {
  const can = useCan();
  const { me } = useSession();
  const calculates = can('dose.calculate');
  const protocols = useLoad((signal) => apiGet<ProtocolList>('/api/protocols', { signal }), 'protocols');
  const doses = useLoad(
    (signal) => apiGet<PatientDoses>(`/api/patients/${patient.id}/doses`, { signal }),
    `doses-${patient.id}`,
  );
  const measurements = useLoad(
    (signal) =>
      calculates
        ? apiGet<PatientBodyMeasurements>(`/api/patients/${patient.id}/body-measurements`, { signal })
        : Promise.resolve<PatientBodyMeasurements>({ items: [], latest: null }),
    `body-measurements-${patient.id}`,
  );
  const settings = protocols.data?.dosingSettings ?? DEFAULT_DOSING_SETTINGS;
  const latest = measurements.data?.latest ?? null;
  const maxAgeDays = settings.bodyMeasurement.maxAgeDays;
  const sexDefault = chartSexOf(patient.sexAtBirth);
  const doseForm = useDoseForm(protocols.data, sexDefault, {
    latest,
    latestStale: latest ? measurementIsStale(latest.measuredAt, maxAgeDays, new Date()) : false,
  });
  const requests = useDoseRequests(patient.id, doseForm, () => {
    doses.reload();
    measurements.reload();
  });
  const { preview } = requests;
  const chart = { sexDefault, ageYears: ageInYears(patient.birthDate, localToday()), latest, settings };

  return (
    <div className="dosing">
      <LoadState loading={protocols.loading && !protocols.data} error={protocols.error} />
      <NoticeBanner>{requests.notice}</NoticeBanner>
      {calculates && measurements.data ? (
        <BodyMeasurementsPanel
          patientId={patient.id}
          data={measurements.data}
          maxAgeDays={maxAgeDays}
          onRecorded={measurements.reload}
        />
      ) : null}
      {calculates ? <LoadState loading={false} error={measurements.error} /> : null}
      {calculates && protocols.data ? (
        <DoseCalculatorForm doseForm={doseForm} requests={requests} chart={chart} />
      ) : null}

      {preview ? (
        <DosePreviewSection
          preview={preview.result}
          stale={requests.stale}
          busy={requests.busy}
          canOrder={can('dose.order')}
          onOrder={() => void requests.order()}
        />
      ) : null}

      <h3 className="dosing__list-heading">Doses for this patient</h3>
      <LoadState loading={doses.loading && !doses.data} error={doses.error} />
      {doses.data ? <DoseList doses={doses.data.items} meId={me.user.id} onChanged={doses.reload} /> : null}
    </div>
  );
}
