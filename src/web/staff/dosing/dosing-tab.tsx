import type { PatientDoses, ProtocolList } from '../../../contracts/dosing';
import { apiGet } from '../api-client';
import type { ChartTabProps } from '../patient-chart/chart-tab-types';
import { useCan, useSession } from '../session-context';
import { NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { chartSexOf } from './dose-calculator-model';
import { DoseCalculatorForm } from './dose-calculator-form';
import { DoseList } from './dose-list';
import { DosePreviewSection } from './dose-preview-section';
import { useDoseForm } from './use-dose-form';
import { useDoseRequests } from './use-dose-requests';
import './dosing.css';

/** The patient chart's Dosing tab: calculate a dose, check it, order it, and follow the patient's doses. */
export function DosingTab({ patient }: ChartTabProps) {
  const can = useCan();
  const { me } = useSession();
  const protocols = useLoad((signal) => apiGet<ProtocolList>('/api/protocols', { signal }), 'protocols');
  const doses = useLoad(
    (signal) => apiGet<PatientDoses>(`/api/patients/${patient.id}/doses`, { signal }),
    `doses-${patient.id}`,
  );
  const sexDefault = chartSexOf(patient.sexAtBirth);
  const doseForm = useDoseForm(protocols.data, sexDefault);
  const requests = useDoseRequests(patient.id, doseForm, doses.reload);
  const { preview } = requests;

  return (
    <div className="dosing">
      <LoadState loading={protocols.loading && !protocols.data} error={protocols.error} />
      <NoticeBanner>{requests.notice}</NoticeBanner>
      {can('dose.calculate') && protocols.data ? (
        <DoseCalculatorForm doseForm={doseForm} requests={requests} sexDefault={sexDefault} />
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
